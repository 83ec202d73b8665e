import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { municipalityCodes } from "#pathways/areas.ts";
import { needCodes } from "#pathways/needs/taxonomy.ts";
import { demoCatalogue } from "#db/seed/demo/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const count = (sql: string, ...parameters: unknown[]) =>
  (database.db.$client.prepare(sql).get(...parameters) as { n: number }).n;

beforeAll(() => {
  database = createTestDatabase();
});

afterAll(() => database.close());

describe("demo catalogue", () => {
  it("has at least 35 organisations and 80 services, all published", () => {
    expect(count("SELECT count(*) AS n FROM organization")).toBeGreaterThanOrEqual(35);
    expect(count("SELECT count(*) AS n FROM service WHERE publication_status = 'published' AND status = 'active'")).toBeGreaterThanOrEqual(80);
  });

  it("mixes public, private and non-profit providers, and free, priced and voucher services", () => {
    for (const type of ["public", "private", "non_profit"]) {
      expect(count("SELECT count(*) AS n FROM organization WHERE type = ?", type), type).toBeGreaterThanOrEqual(5);
    }
    for (const kind of ["free", "fixed_price", "voucher", "income_related"]) {
      expect(count("SELECT count(*) AS n FROM cost_option WHERE kind = ?", kind), kind).toBeGreaterThanOrEqual(3);
    }
    expect(count("SELECT count(*) AS n FROM cost_option WHERE kind = 'fixed_price' AND amount_cents > 0")).toBeGreaterThanOrEqual(5);
  });

  it("covers every need in the taxonomy and every municipality", () => {
    for (const code of needCodes) {
      expect(count("SELECT count(*) AS n FROM service_attribute WHERE taxonomy_term_code = ?", code), code).toBeGreaterThanOrEqual(2);
    }
    for (const code of municipalityCodes) {
      expect(count("SELECT count(*) AS n FROM service_area WHERE municipality_code = ?", code), code).toBeGreaterThanOrEqual(20);
    }
  });

  it("has text in Finnish, Swedish and English for every service", () => {
    for (const column of ["name", "summary", "description", "application_process", "eligibility_description"]) {
      const missing = count(
        `SELECT count(*) AS n FROM service WHERE coalesce(json_extract(${column}, '$.fi'), '') = ''
           OR coalesce(json_extract(${column}, '$.sv'), '') = '' OR coalesce(json_extract(${column}, '$.en'), '') = ''`,
      );
      expect(missing, column).toBe(0);
    }
  });

  it("writes amounts in its texts the way the pages write prices: €19 and €11.60 in English, 19 € and 11,60 € in Finnish and Swedish", () => {
    // Beside a cost's text the page shows its price through formatEuros: written another way, the two disagree side by side.
    const writtenOtherwise = { en: /\d\s?€|€\s?\d+,\d{2}\b/, fi: /€\d|\d\.\d{2}\s?€/, sv: /€\d|\d\.\d{2}\s?€/ };
    const texts: { language: "en" | "fi" | "sv"; text: string }[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        const { en, fi, sv } = value as Record<string, unknown>;
        if (typeof en === "string" && typeof fi === "string" && typeof sv === "string") texts.push({ language: "en", text: en }, { language: "fi", text: fi }, { language: "sv", text: sv });
        else Object.values(value).forEach(collect);
      }
    };
    collect(demoCatalogue);
    expect(texts.filter(({ text }) => text.includes("€")).length).toBeGreaterThan(90);
    expect(texts.filter(({ language, text }) => writtenOtherwise[language].test(text))).toEqual([]);
  });

  it("has unique keys and the same HSDS ids on every load", () => {
    const keys = [...demoCatalogue.organizations, ...demoCatalogue.locations, ...demoCatalogue.services].map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    const again = createTestDatabase();
    const ids = (db: TestDatabase) =>
      db.db.$client.prepare("SELECT hsds_id FROM service ORDER BY id").all().map((row) => (row as { hsds_id: string }).hsds_id);
    expect(ids(again)).toEqual(ids(database));
    again.close();
  });

  it("offers what each pathway needs", () => {
    // Older people at home: home care from the county, by voucher and privately priced.
    expect(
      count(`SELECT count(DISTINCT c.kind) AS n FROM service_attribute a JOIN cost_option c ON c.service_id = a.service_id
             WHERE a.taxonomy_term_code IN ('daily-living.home-care', 'daily-living.household-help')`),
    ).toBeGreaterThanOrEqual(3);
    // Long-term unemployment: a service reserved for the long-term unemployed.
    expect(
      count(`SELECT count(*) AS n FROM service_eligibility WHERE required_need_codes LIKE '%work.unemployed-long%'`),
    ).toBeGreaterThanOrEqual(1);
    // Eviction risk and safeguarding: services that answer within a working day.
    for (const need of ["housing.eviction-risk", "safety.domestic-abuse"]) {
      expect(
        count(
          `SELECT count(*) AS n FROM service s JOIN service_attribute a ON a.service_id = s.id
           WHERE a.taxonomy_term_code = ? AND s.response_time_working_days = 1`,
          need,
        ),
        need,
      ).toBeGreaterThanOrEqual(1);
    }
  });
});
