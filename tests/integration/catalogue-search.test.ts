import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogueQueries, type SearchCriteria } from "#db/catalogue-search.ts";
import { generateLargeCatalogue } from "#db/seed/large-catalogue.ts";
import { loadCatalogue } from "#db/seed/load-catalogue.ts";
import { costKinds, organizationTypes } from "#pathways/catalogue.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * What a person finds on /services, on the real SQLite file with the demo catalogue:
 * phrase and all-word matches before any-word matches, names before descriptions, every
 * language searched whatever the page's, and the provider type and cost filters.
 */
let database: TestDatabase;
let catalogue: CatalogueQueries;
let app: typeof import("#app/catalogue.server.ts");

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  app = await import("#app/catalogue.server.ts");
  catalogue = new CatalogueQueries(database.db);
});

afterAll(() => database.close());

const one = <T>(sql: string, ...parameters: unknown[]) => database.db.$client.prepare(sql).get(...parameters) as T;
const ids = <T>(sql: string, ...parameters: unknown[]) =>
  (database.db.$client.prepare(sql).all(...parameters) as { id: T }[]).map((row) => row.id);
const search = (criteria: Omit<SearchCriteria, "page" | "pageSize">, pageSize = 200) => catalogue.search({ ...criteria, page: 1, pageSize });

/** The public home care service of the demo catalogue (its Finnish name is "Kotihoito"). */
const publicHomeCare = () =>
  one<{ id: number }>(
    `SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id
     WHERE json_extract(s.name, '$.fi') = 'Kotihoito' AND o.type = 'public'`,
  ).id;

/** Every word of the service's text in every language, lower-cased. */
function wordsOf(serviceId: number): string[] {
  const row = one<Record<string, string | null>>(
    `SELECT s.name, s.summary, s.description, o.name AS provider,
            (SELECT group_concat(t.name, ' ') FROM service_attribute a JOIN taxonomy_term t ON t.code = a.taxonomy_term_code WHERE a.service_id = s.id) AS needs
     FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id = ?`,
    serviceId,
  );
  const text = Object.values(row).join(" ").toLocaleLowerCase("fi");
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
}

const hasWordStartingWith = (serviceId: number, prefix: string) => wordsOf(serviceId).some((word) => word.startsWith(prefix));

describe("ranking on the demo catalogue", () => {
  it("lists the public home care service first for 'home care', ahead of the private voucher services", async () => {
    const result = await search({ text: "home care", language: "en" });
    expect(result.services[0]).toMatchObject({ id: publicHomeCare(), name: { text: "Home care", language: "en" }, provider: { type: "public" } });
  });

  it("lists every service with both words before any service with only one of them", async () => {
    const result = await search({ text: "home care", language: "en" });
    expect(result.total).toBe(result.services.length);
    const allWords = result.services.slice(0, result.someWordsFrom);
    const someWords = result.services.slice(result.someWordsFrom);
    expect(allWords.length).toBeGreaterThan(0);
    expect(someWords.length).toBeGreaterThan(0);
    for (const service of allWords) expect(hasWordStartingWith(service.id, "home") && hasWordStartingWith(service.id, "care"), service.name.text).toBe(true);
    for (const service of someWords) expect(hasWordStartingWith(service.id, "home") && hasWordStartingWith(service.id, "care"), service.name.text).toBe(false);
  });

  it("finds a service by its name in another language and shows it in the page's language", async () => {
    const english = await search({ text: "kotihoito", language: "en" });
    expect(english.services[0]).toMatchObject({ id: publicHomeCare(), name: { text: "Home care", language: "en" } });
    const finnish = await search({ text: "hemvård", language: "fi" });
    expect(finnish.services[0]).toMatchObject({ id: publicHomeCare(), name: { text: "Kotihoito", language: "fi" } });
    const swedish = await search({ text: "home care", language: "sv" });
    expect(swedish.services[0]).toMatchObject({ id: publicHomeCare(), name: { text: "Hemvård", language: "sv" } });
  });

  it("finds the same services for the same words whatever the page's language", async () => {
    const [finnish, english] = await Promise.all([search({ text: "velka", language: "fi" }), search({ text: "velka", language: "en" })]);
    expect(english.total).toBeGreaterThan(0);
    expect(english.services.map((service) => service.id)).toEqual(finnish.services.map((service) => service.id));
    expect(english.services.every((service) => service.name.language === "en")).toBe(true);
  });

  it("finds a service through the name of a need it meets", async () => {
    const result = await search({ text: "personal care at home", language: "en" });
    expect(result.services.slice(0, result.someWordsFrom).map((service) => service.id)).toContain(publicHomeCare());
  });
});

describe("ranking tiers", () => {
  const inserted: Record<string, number> = {};

  beforeAll(() => {
    const sqlite = database.db.$client;
    const organizationId = one<{ id: number }>("SELECT id FROM organization ORDER BY id LIMIT 1").id;
    const insert = sqlite.prepare(
      `INSERT INTO service (hsds_id, organization_id, name, summary, description, application_process,
         eligibility_description, publication_status, delivery, referral_data)
       VALUES (?, ?, json_object('en', ?), json_object('en', ?), json_object('en', ?), '{}', '{}', 'published', '[]', '[]')`,
    );
    const services = {
      anyWord: ["Blorp only", "A service.", "Nothing more here."],
      allWordsInDescription: ["Aaa helper", "A service.", "Somewhere it says zint, and later blorp."],
      allWordsInName: ["Zint and blorp", "A service.", "Nothing more here."],
      phraseInSummary: ["Qqq club", "The blorp zint of the region.", "Nothing more here."],
      phraseInName: ["The blorp zint club of the region", "A service.", "Nothing more here."],
      exactName: ["Blorp-Zint", "A service.", "Nothing more here, really nothing at all, and more words than the rest."],
    };
    for (const [key, [name, summary, description]] of Object.entries(services)) {
      inserted[key] = Number(insert.run(`tier-${key}`, organizationId, name, summary, description).lastInsertRowid);
    }
  });

  it("puts the exact name first, then the phrase (in a name before a summary), all words in the name, all words anywhere, and any word last", async () => {
    const result = await search({ text: "blorp zint", language: "en" });
    expect(result.services.map((service) => service.id)).toEqual([
      inserted.exactName,
      inserted.phraseInName,
      inserted.phraseInSummary,
      inserted.allWordsInName,
      inserted.allWordsInDescription,
      inserted.anyWord,
    ]);
    expect(result.total).toBe(6);
    expect(result.someWordsFrom).toBe(5);
  });

  it("pages across the tiers without gaps or repeats", async () => {
    const whole = (await search({ text: "blorp zint", language: "en" })).services.map((service) => service.id);
    const paged: number[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const result = await catalogue.search({ text: "blorp zint", language: "en", page, pageSize: 2 });
      expect(result.total).toBe(6);
      paged.push(...result.services.map((service) => service.id));
    }
    expect(paged).toEqual(whole);
    const last = await catalogue.search({ text: "blorp zint", language: "en", page: 3, pageSize: 2 });
    expect(last.someWordsFrom).toBe(1);
  });
});

describe("words typed", () => {
  it.each(["tpublic", "_tpublic", "cfree", "nmoneydebt", "mkoskela", "_homecare", "homecare"])("never match a filter or exact-name token: %j", async (text) => {
    expect((await search({ text, language: "en" })).total).toBe(0);
  });
});

describe("provider type and cost filters", () => {
  it("narrows to the provider types chosen", async () => {
    const nonProfit = await search({ providerTypes: ["non_profit"], language: "en" });
    expect(nonProfit.total).toBeGreaterThan(0);
    expect(nonProfit.services.every((service) => service.provider.type === "non_profit")).toBe(true);
    const publicOrNonProfit = await search({ providerTypes: ["public", "non_profit"], language: "en" });
    const expected = ids<number>(
      `SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id
       WHERE s.status = 'active' AND s.publication_status = 'published' AND o.type IN ('public', 'non_profit')`,
    );
    expect(publicOrNonProfit.services.map((service) => service.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it("narrows to services with one of the cost kinds chosen", async () => {
    const result = await search({ costKinds: ["free", "voucher"], language: "fi" });
    const expected = ids<number>(
      `SELECT DISTINCT s.id FROM service s JOIN cost_option c ON c.service_id = s.id
       WHERE s.status = 'active' AND s.publication_status = 'published' AND c.kind IN ('free', 'voucher')`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.services.map((service) => service.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it("combines with the text, the need and the municipality", async () => {
    const publicOnly = await search({ text: "home care", providerTypes: ["public"], language: "en" });
    expect(publicOnly.services[0]?.id).toBe(publicHomeCare());
    expect(publicOnly.services.every((service) => service.provider.type === "public")).toBe(true);
    const privateVouchers = await search({ text: "home care", providerTypes: ["private"], costKinds: ["voucher"], language: "en" });
    expect(privateVouchers.total).toBeGreaterThan(0);
    expect(privateVouchers.services.every((service) => service.provider.type === "private" && service.cost?.kind === "voucher")).toBe(true);
    expect(privateVouchers.services.map((service) => service.id)).not.toContain(publicHomeCare());
    const free = await search({ needCode: "daily-living.home-care", municipalityCode: "rantala", costKinds: ["free"], language: "sv" });
    const homeCareInRantala = await search({ needCode: "daily-living.home-care", municipalityCode: "rantala", language: "sv" });
    expect(free.total).toBeLessThan(homeCareInRantala.total);
    for (const service of free.services) expect(homeCareInRantala.services.map((other) => other.id)).toContain(service.id);
  });

  it("lets everything through when every option or none is chosen", async () => {
    const everything = await search({ language: "en" });
    expect((await search({ providerTypes: [...organizationTypes], costKinds: [...costKinds], language: "en" })).total).toBe(everything.total);
    expect((await search({ providerTypes: [], costKinds: [], language: "en" })).total).toBe(everything.total);
  });

  it("keeps the filters in step when a provider's type or a service's cost changes", async () => {
    const sqlite = database.db.$client;
    const serviceId = publicHomeCare();
    const organizationId = one<{ id: number }>("SELECT organization_id AS id FROM service WHERE id = ?", serviceId).id;
    const found = async (criteria: Pick<SearchCriteria, "providerTypes" | "costKinds">) =>
      (await search({ ...criteria, language: "fi" })).services.some((service) => service.id === serviceId);

    expect(await found({ providerTypes: ["public"] })).toBe(true);
    sqlite.prepare("UPDATE organization SET type = 'non_profit' WHERE id = ?").run(organizationId);
    expect(await found({ providerTypes: ["public"] })).toBe(false);
    expect(await found({ providerTypes: ["non_profit"] })).toBe(true);
    sqlite.prepare("UPDATE organization SET type = 'public' WHERE id = ?").run(organizationId);
    expect(await found({ providerTypes: ["public"] })).toBe(true);

    expect(await found({ costKinds: ["income_related"] })).toBe(true);
    sqlite.prepare("UPDATE cost_option SET kind = 'free' WHERE service_id = ?").run(serviceId);
    expect(await found({ costKinds: ["income_related"] })).toBe(false);
    expect(await found({ costKinds: ["free"] })).toBe(true);
    sqlite.prepare("INSERT INTO cost_option (service_id, kind, amount_cents, unit, description) VALUES (?, 'voucher', NULL, NULL, '{}')").run(serviceId);
    expect(await found({ costKinds: ["voucher"] })).toBe(true);
    sqlite.prepare("DELETE FROM cost_option WHERE service_id = ? AND kind = 'voucher'").run(serviceId);
    expect(await found({ costKinds: ["voucher"] })).toBe(false);
    sqlite.prepare("UPDATE cost_option SET kind = 'income_related' WHERE service_id = ?").run(serviceId);
    expect(await found({ costKinds: ["income_related"] })).toBe(true);
  });
});

describe("filters without text on a larger catalogue", () => {
  let large: TestDatabase;
  let largeCatalogue: CatalogueQueries;

  beforeAll(() => {
    large = createTestDatabase({ seedDemo: false });
    loadCatalogue(large.db, generateLargeCatalogue(1500));
    largeCatalogue = new CatalogueQueries(large.db);
  });

  afterAll(() => large.close());

  /** What sorting every match by name in the page's language gives. */
  const byName = (language: "fi" | "sv" | "en", where: string) =>
    (
      large.db.$client
        .prepare(
          `SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id
           WHERE s.status = 'active' AND s.publication_status = 'published' AND ${where}
           ORDER BY coalesce(${["fi", "sv", "en"].sort((a, b) => (a === language ? -1 : b === language ? 1 : 0)).map((candidate) => `json_extract(s.name, '$.${candidate}')`).join(", ")}), s.id`,
        )
        .all() as { id: number }[]
    ).map((row) => row.id);

  it.each([
    ["many matches", { providerTypes: ["public", "private"] }, "o.type IN ('public', 'private')"],
    ["few matches", { providerTypes: ["non_profit"], costKinds: ["voucher"] }, "o.type = 'non_profit' AND EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.kind = 'voucher')"],
  ] as const)("lists %s by name, page after page, as sorting them all would", async (_, filters, where) => {
    for (const language of ["sv", "en"] as const) {
      const expected = byName(language, where);
      expect(expected.length).toBeGreaterThan(20);
      for (const page of [1, 2, Math.ceil(expected.length / 20)]) {
        const result = await largeCatalogue.search({ ...filters, language, page, pageSize: 20 });
        expect(result.total).toBe(expected.length);
        expect(result.services.map((service) => service.id)).toEqual(expected.slice((page - 1) * 20, page * 20));
      }
    }
  });
});

describe("the search page's query", () => {
  const page = (query: string, language: "fi" | "sv" | "en" = "en") => app.searchCatalogue(new URL(`http://luukku.test/services?${query}`), language);

  it("reads ticked provider types and cost kinds, and searches with them", async () => {
    const result = await page("q=kotihoito&provider=public&provider=non_profit&cost=income_related");
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ provider: ["public", "non_profit"], cost: ["income_related"] });
    expect(result.result?.services[0]).toMatchObject({ id: publicHomeCare(), name: { text: "Home care" } });
    expect(result.result?.services.every((service) => service.provider.type !== "private")).toBe(true);
  });

  it.each([
    ["provider=municipal", { provider: "search.errors.unknownProviderType" }],
    ["provider=public&provider=public", { provider: "search.errors.unknownProviderType" }],
    [`${"provider=public&".repeat(50)}cost=free`, { provider: "search.errors.unknownProviderType" }],
    ["cost=__proto__", { cost: "search.errors.unknownCost" }],
    ["cost=free&cost=", { cost: "search.errors.unknownCost" }],
    ["provider=private&cost=gratis&need=atlantis", { cost: "search.errors.unknownCost", need: "search.errors.unknownNeed" }],
  ])("refuses %j with a message for the field, and searches nothing", async (query, errors) => {
    const result = await page(query);
    expect(result.errors).toEqual(errors);
    expect(result.result).toBeNull();
  });

  it.each(['"unterminated', "name:care OR NEAR(a b)", "{provider_type} : tpublic", "'; DROP TABLE service; --", "🏠🙂", "* ^ + -", "a".repeat(200)])(
    "answers %j with the filters as a normal search",
    async (text) => {
      const result = await page(`q=${encodeURIComponent(text)}&provider=private&cost=fixed_price`, "sv");
      expect(result.errors).toEqual({});
      expect(result.result).not.toBeNull();
      expect(result.result!.services.every((service) => service.provider.type === "private")).toBe(true);
    },
  );
});
