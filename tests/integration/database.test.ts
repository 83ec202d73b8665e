import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogueQueries } from "#db/catalogue-search.ts";
import { openDatabase } from "#db/client.ts";
import { SqliteEmailLinkStore } from "#db/email-links.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let catalogue: CatalogueQueries;

beforeAll(() => {
  database = createTestDatabase();
  catalogue = new CatalogueQueries(database.db);
});

afterAll(() => database.close());

describe("database connection", () => {
  it("runs with WAL, foreign keys, FULL synchronous and a busy timeout", () => {
    const sqlite = database.db.$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("opens the same file again without re-seeding", () => {
    const again = openDatabase(database.path);
    const count = (again.$client.prepare("SELECT count(*) AS n FROM service").get() as { n: number }).n;
    again.$client.close();
    expect(count).toBe((database.db.$client.prepare("SELECT count(*) AS n FROM service").get() as { n: number }).n);
  });

  it("refuses a row that breaks a foreign key", () => {
    expect(() =>
      database.db.$client
        .prepare("INSERT INTO service_area (service_id, municipality_code) VALUES (1, 'atlantis')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe("full-text search", () => {
  it("finds services by words in the reader's language, best matches first", async () => {
    const english = await catalogue.search({ text: "home care", language: "en", page: 1, pageSize: 20 });
    expect(english.total).toBeGreaterThan(0);
    expect(english.services[0]!.name.text.toLowerCase()).toMatch(/home|care/);
    const finnish = await catalogue.search({ text: "kotihoito", language: "fi", page: 1, pageSize: 20 });
    expect(finnish.total).toBeGreaterThan(0);
    expect(finnish.services.every((service) => service.name.language === "fi")).toBe(true);
  });

  it("matches word beginnings, so Finnish compounds are found", async () => {
    const result = await catalogue.search({ text: "velka", language: "fi", page: 1, pageSize: 50 });
    expect(result.services.some((service) => /velka/i.test(service.name.text + (service.summary?.text ?? "")))).toBe(true);
  });

  it("applies need and municipality filters after the match", async () => {
    const all = await catalogue.search({ language: "en", page: 1, pageSize: 500 });
    const debt = await catalogue.search({ needCode: "money.debt", language: "en", page: 1, pageSize: 500 });
    const debtInRantala = await catalogue.search({ needCode: "money.debt", municipalityCode: "rantala", language: "en", page: 1, pageSize: 500 });
    expect(debt.total).toBeGreaterThan(0);
    expect(debt.total).toBeLessThan(all.total);
    expect(debtInRantala.total).toBeLessThanOrEqual(debt.total);
    for (const service of debtInRantala.services) expect(service.municipalityCodes).toContain("rantala");
    const debtIds = new Set(debt.services.map((service) => service.id));
    for (const service of debtInRantala.services) expect(debtIds.has(service.id)).toBe(true);
  });

  it("pages without overlap and with a stable total", async () => {
    const first = await catalogue.search({ language: "fi", page: 1, pageSize: 10 });
    const second = await catalogue.search({ language: "fi", page: 2, pageSize: 10 });
    expect(second.total).toBe(first.total);
    const firstIds = new Set(first.services.map((service) => service.id));
    expect(second.services.some((service) => firstIds.has(service.id))).toBe(false);
    const names = first.services.map((service) => service.name.text);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it.each(['"', "name:x", "NEAR(a b)", "'; DROP TABLE service; --", "🏠", "*", "x".repeat(10_000)])(
    "answers %j without an error",
    async (text) => {
      await expect(catalogue.search({ text, language: "sv", page: 1, pageSize: 20 })).resolves.not.toThrow();
    },
  );

  it("keeps the index in step when a service changes or goes", async () => {
    const sqlite = database.db.$client;
    const id = (sqlite.prepare("SELECT id FROM service ORDER BY id LIMIT 1").get() as { id: number }).id;
    sqlite
      .prepare("UPDATE service SET name = json_object('fi', 'Zyxwvu testipalvelu', 'sv', 'Zyxwvu testtjänst', 'en', 'Zyxwvu test service') WHERE id = ?")
      .run(id);
    expect((await catalogue.search({ text: "zyxwvu", language: "sv", page: 1, pageSize: 5 })).services.map((s) => s.id)).toEqual([id]);

    sqlite.prepare("UPDATE service SET publication_status = 'draft' WHERE id = ?").run(id);
    expect((await catalogue.search({ text: "zyxwvu", language: "sv", page: 1, pageSize: 5 })).total).toBe(0);
    expect(await catalogue.service(id, "en")).toBeNull();

    sqlite.prepare("UPDATE service SET publication_status = 'published' WHERE id = ?").run(id);
    sqlite.prepare("DELETE FROM service WHERE id = ?").run(id);
    expect((await catalogue.search({ text: "zyxwvu", language: "en", page: 1, pageSize: 5 })).total).toBe(0);
  });

  it("keeps the need and municipality filters in step with a service's needs and areas", async () => {
    const sqlite = database.db.$client;
    const id = (sqlite.prepare("SELECT id FROM service ORDER BY id DESC LIMIT 1").get() as { id: number }).id;
    const hasNeed = async (need: string) =>
      (await catalogue.search({ needCode: need, language: "fi", page: 1, pageSize: 500 })).services.some((service) => service.id === id);
    const inMunicipality = async (code: string) =>
      (await catalogue.search({ municipalityCode: code, language: "en", page: 1, pageSize: 500 })).services.some((service) => service.id === id);

    sqlite.prepare("DELETE FROM service_attribute WHERE service_id = ? AND taxonomy_term_code = 'transport.mobility'").run(id);
    expect(await hasNeed("transport.mobility")).toBe(false);
    sqlite.prepare("INSERT INTO service_attribute (service_id, taxonomy_term_code) VALUES (?, 'transport.mobility')").run(id);
    expect(await hasNeed("transport.mobility")).toBe(true);
    sqlite.prepare("DELETE FROM service_attribute WHERE service_id = ? AND taxonomy_term_code = 'transport.mobility'").run(id);
    expect(await hasNeed("transport.mobility")).toBe(false);

    sqlite.prepare("DELETE FROM service_area WHERE service_id = ? AND municipality_code = 'kuusilahti'").run(id);
    expect(await inMunicipality("kuusilahti")).toBe(false);
    sqlite.prepare("INSERT INTO service_area (service_id, municipality_code) VALUES (?, 'kuusilahti')").run(id);
    expect(await inMunicipality("kuusilahti")).toBe(true);
  });

  it("gives summaries as the catalogue now is, after any change to what they show", async () => {
    const sqlite = database.db.$client;
    const { serviceId, organizationId } = sqlite
      .prepare("SELECT id AS serviceId, organization_id AS organizationId FROM service WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 3")
      .get() as { serviceId: number; organizationId: number };
    const summary = async () => (await catalogue.summaries([serviceId], "en"))[0];
    expect((await summary())?.id).toBe(serviceId);

    sqlite.prepare("UPDATE service SET name = json_object('fi', 'Uusi nimi', 'sv', 'Nytt namn', 'en', 'A new name') WHERE id = ?").run(serviceId);
    expect((await summary())?.name.text).toBe("A new name");
    expect((await catalogue.summaries([serviceId], "sv"))[0]?.name.text).toBe("Nytt namn");
    sqlite.prepare("UPDATE organization SET name = json_object('fi', 'Uusi tuottaja', 'sv', 'Ny producent', 'en', 'A new provider') WHERE id = ?").run(organizationId);
    expect((await summary())?.provider.name.text).toBe("A new provider");
    sqlite.prepare("DELETE FROM cost_option WHERE service_id = ?").run(serviceId);
    sqlite.prepare("INSERT INTO cost_option (service_id, kind, amount_cents, unit, description) VALUES (?, 'fixed_price', 1250, 'visit', '{}')").run(serviceId);
    expect((await summary())?.cost).toMatchObject({ kind: "fixed_price", amountCents: 1250, unit: "visit" });
    sqlite.prepare("DELETE FROM service_language WHERE service_id = ?").run(serviceId);
    sqlite.prepare("INSERT INTO service_language (service_id, code) VALUES (?, 'et')").run(serviceId);
    expect((await summary())?.languageCodes).toEqual(["et"]);
    sqlite.prepare("DELETE FROM service_area WHERE service_id = ?").run(serviceId);
    sqlite.prepare("INSERT INTO service_area (service_id, municipality_code) VALUES (?, 'kuusilahti')").run(serviceId);
    expect((await summary())?.municipalityCodes).toEqual(["kuusilahti"]);
    sqlite.prepare("UPDATE service SET publication_status = 'draft' WHERE id = ?").run(serviceId);
    expect(await summary()).toBeUndefined();
    sqlite.prepare("UPDATE service SET publication_status = 'published' WHERE id = ?").run(serviceId);
    expect((await summary())?.id).toBe(serviceId);
  });

  it("gives a service's practical facts as they now are, after a change to its phone, hours, address or email", async () => {
    const sqlite = database.db.$client;
    const serviceId = (
      sqlite.prepare("SELECT service_id AS id FROM schedule JOIN service ON service.id = schedule.service_id WHERE service.status = 'active' LIMIT 1").get() as {
        id: number;
      }
    ).id;
    const facts = async () => (await catalogue.practicalFacts([serviceId])).get(serviceId);
    expect(await facts()).toBeDefined();

    sqlite.prepare("DELETE FROM phone WHERE service_id = ?").run(serviceId);
    sqlite.prepare("INSERT INTO phone (service_id, number) VALUES (?, '+358 3 0000 9999')").run(serviceId);
    expect((await facts())?.phone).toBe("+358 3 0000 9999");
    sqlite.prepare("UPDATE schedule SET opens_at = '06:30' WHERE service_id = ?").run(serviceId);
    expect((await facts())?.schedules.every((schedule) => schedule.opensAt === "06:30")).toBe(true);
    sqlite.prepare("DELETE FROM schedule WHERE service_id = ?").run(serviceId);
    expect((await facts())?.schedules).toEqual([]);
    sqlite.prepare("UPDATE service SET email = 'uusi@example.fi' WHERE id = ?").run(serviceId);
    expect((await facts())?.email).toBe("uusi@example.fi");
    sqlite.prepare("UPDATE service SET status = 'inactive' WHERE id = ?").run(serviceId);
    expect(await facts()).toBeUndefined();
    sqlite.prepare("UPDATE service SET status = 'active' WHERE id = ?").run(serviceId);
    expect((await facts())?.email).toBe("uusi@example.fi");
  });

  it("finds services by their provider's name, also after the provider is renamed", async () => {
    const sqlite = database.db.$client;
    const { organizationId, serviceId } = sqlite
      .prepare("SELECT organization_id AS organizationId, id AS serviceId FROM service ORDER BY id DESC LIMIT 1")
      .get() as { organizationId: number; serviceId: number };
    sqlite
      .prepare("UPDATE organization SET name = json_object('fi', 'Plokkari Oy', 'sv', 'Plokkari Ab', 'en', 'Plokkari Ltd') WHERE id = ?")
      .run(organizationId);
    const ids = (await catalogue.search({ text: "plokkari", language: "sv", page: 1, pageSize: 50 })).services.map((service) => service.id);
    expect(ids).toContain(serviceId);
  });

  it("lists services whose name matches before those that match only in the description", async () => {
    const sqlite = database.db.$client;
    const organizationId = (sqlite.prepare("SELECT id FROM organization LIMIT 1").get() as { id: number }).id;
    const insert = sqlite.prepare(
      `INSERT INTO service (hsds_id, organization_id, name, summary, description, application_process,
         eligibility_description, publication_status, delivery, referral_data)
       VALUES (?, ?, json_object('en', ?), json_object('en', 'A service.'), json_object('en', ?), '{}', '{}', 'published', '[]', '[]')`,
    );
    const inDescription = insert.run("tier-b", organizationId, "Aaa helper", "Also about the word glimmerwort.").lastInsertRowid;
    const inName = insert.run("tier-a", organizationId, "Zzz glimmerwort club", "Nothing more.").lastInsertRowid;
    const found = await catalogue.search({ text: "glimmerwort", language: "en", page: 1, pageSize: 10 });
    expect(found.total).toBe(2);
    expect(found.services.map((service) => service.id)).toEqual([Number(inName), Number(inDescription)]);
    const secondPage = await catalogue.search({ text: "glimmerwort", language: "en", page: 2, pageSize: 1 });
    expect(secondPage.services.map((service) => service.id)).toEqual([Number(inDescription)]);
  });

  it("falls back to another language for a service missing a translation", async () => {
    const sqlite = database.db.$client;
    const organizationId = (sqlite.prepare("SELECT id FROM organization LIMIT 1").get() as { id: number }).id;
    const { lastInsertRowid } = sqlite
      .prepare(
        `INSERT INTO service (hsds_id, organization_id, name, summary, description, application_process,
           eligibility_description, publication_status, delivery, referral_data)
         VALUES ('fallback-test', ?, json_object('fi', 'Qwertyuiop palvelu'), '{}', '{}', '{}', '{}', 'published', '[]', '[]')`,
      )
      .run(organizationId);
    const found = await catalogue.search({ text: "qwertyuiop", language: "sv", page: 1, pageSize: 5 });
    expect(found.services[0]?.name).toEqual({ text: "Qwertyuiop palvelu", language: "fi" });
    expect((await catalogue.service(Number(lastInsertRowid), "en"))?.name).toEqual({ text: "Qwertyuiop palvelu", language: "fi" });
  });
});

describe("service detail", () => {
  it("has what the public page shows", async () => {
    const id = (await catalogue.search({ text: "home care", language: "en", page: 1, pageSize: 1 })).services[0]!.id;
    const service = (await catalogue.service(id, "en"))!;
    expect(service.name.text).not.toBe("");
    expect(service.description?.text).toBeTruthy();
    expect(service.applicationProcess?.text).toBeTruthy();
    expect(service.costs.length).toBeGreaterThan(0);
    expect(service.languageCodes.length).toBeGreaterThan(0);
    expect(service.municipalityCodes.length).toBeGreaterThan(0);
    expect(service.needCodes.length).toBeGreaterThan(0);
    expect(["public", "private", "non_profit"]).toContain(service.provider.type);
  });

  it("is null for an id nothing has", async () => {
    expect(await catalogue.service(987_654_321, "fi")).toBeNull();
  });
});

describe("migration 0011: single-use email links", () => {
  it("keeps the links and emails a database already holds, and marks emails already given up as failed", async () => {
    const folder = mkdtempSync(join(tmpdir(), "luukku-migration-"));
    try {
      // The migrations up to 0010, as a database made before 0011 had them.
      const before = join(folder, "migrations");
      cpSync(fileURLToPath(new URL("../../db/migrations", import.meta.url)), before, { recursive: true });
      const journalPath = join(before, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((entry) => entry.tag < "0011");
      writeFileSync(journalPath, JSON.stringify(journal));
      const db = openDatabase(join(folder, "old.db"));
      try {
        migrate(db, { migrationsFolder: before });
        const at = new Date("2026-03-01T09:00:00Z").getTime();
        db.$client.exec(`
          INSERT INTO email_link (token_hash, purpose, target_id, expires_at, created_at) VALUES ('${"a".repeat(64)}', 'resume', 'flow-1', ${at + 1e9}, ${at});
          INSERT INTO outbox (type, payload, created_at, available_at, attempts, delivered_at, last_error) VALUES
            ('email', '{"language":"fi","kind":"resume"}', ${at}, ${at}, 1, ${at}, NULL),
            ('email', '{"to":"a@example.fi"}', ${at}, ${at + 60_000}, 3, NULL, 'ECONNREFUSED'),
            ('email', '{"language":"sv","kind":"track"}', ${at}, ${at + 3_600_000}, 8, NULL, 'ECONNREFUSED'),
            ('referral.requested', '{}', ${at}, ${at}, 8, NULL, NULL);`);

        migrateDatabase(db);

        const outbox = db.$client.prepare("SELECT attempts, delivered_at, failed_at FROM outbox ORDER BY id").all();
        expect(outbox).toEqual([
          { attempts: 1, delivered_at: at, failed_at: null },
          { attempts: 3, delivered_at: null, failed_at: null },
          { attempts: 8, delivered_at: null, failed_at: at + 3_600_000 },
          { attempts: 8, delivered_at: null, failed_at: null },
        ]);
        // The old link works once, like a new one; its email is unknown, so no delivery state is claimed.
        const now = new Date(at + 1000);
        const links = new SqliteEmailLinkStore(db);
        expect(await links.find("a".repeat(64), "resume", now)).toBe("flow-1");
        expect(await links.delivery("resume", "flow-1")).toBeUndefined();
        expect(await links.spend("a".repeat(64), "resume", now)).toBe("flow-1");
        expect(await links.spend("a".repeat(64), "resume", now)).toBeUndefined();
        expect(db.$client.prepare("SELECT count(*) FROM email_address_use").pluck().get()).toBe(0);
      } finally {
        db.$client.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
