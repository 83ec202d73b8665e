import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CatalogueRevision } from "#db/catalogue-revision.ts";
import { SqliteCandidateSource } from "#db/matching-candidates.ts";
import { personas } from "#pathways/screening/personas.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The catalogue revision moves only when the public can see a change (ADR 011), on the
 * real SQLite file with the demo catalogue: a commissioner's draft can be edited on every
 * keystroke without the in-memory candidate index being rebuilt.
 */
let database: TestDatabase;
let revision: CatalogueRevision;
let candidates: SqliteCandidateSource;
let app: typeof import("#app/screening.server.ts") & typeof import("#app/session.server.ts") & typeof import("#app/db.server.ts");

const run = (sql: string, ...parameters: unknown[]) => database.db.$client.prepare(sql).run(...parameters);
const one = <T>(sql: string, ...parameters: unknown[]) => database.db.$client.prepare(sql).get(...parameters) as T;

/** A copy of a row with some columns changed, inserted; returns its id. */
function copyRow(table: string, id: number, changes: Record<string, unknown>): number {
  const { id: _, ...row } = { ...one<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = ?`, id), ...changes };
  const columns = Object.keys(row);
  const result = run(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, ...Object.values(row));
  return Number(result.lastInsertRowid);
}

/** Whether the revision moved, and the index was rebuilt, across this change. */
function seenByThePublic(change: () => void): boolean {
  const before = { revision: revision.read(), index: candidates.candidateIndex() };
  change();
  const moved = revision.read() !== before.revision;
  expect(candidates.candidateIndex() !== before.index).toBe(moved);
  return moved;
}

let published: { id: number; organizationId: number };
let locationId: number;
let draftId: number;
let draftOrganizationId: number;

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  const modules = await Promise.all([import("#app/screening.server.ts"), import("#app/session.server.ts"), import("#app/db.server.ts")]);
  app = Object.assign({}, ...modules) as typeof app;
  revision = new CatalogueRevision(database.db);
  candidates = new SqliteCandidateSource(database.db, revision);

  published = one(
    `SELECT s.id, s.organization_id AS organizationId FROM service s
     WHERE s.publication_status = 'published' AND s.status = 'active' AND s.accepts_referrals = 1
       AND EXISTS (SELECT 1 FROM service_at_location WHERE service_id = s.id) ORDER BY s.id LIMIT 1`,
  );
  locationId = one<{ locationId: number }>("SELECT location_id AS locationId FROM service_at_location WHERE service_id = ?", published.id).locationId;
  const organizationHsdsId = one<{ hsdsId: string }>("SELECT hsds_id AS hsdsId FROM organization WHERE id = ?", published.organizationId).hsdsId;
  draftOrganizationId = copyRow("organization", published.organizationId, { hsds_id: `${organizationHsdsId}-draft` });
  draftId = copyRow("service", published.id, {
    hsds_id: "draft-service",
    organization_id: draftOrganizationId,
    publication_status: "draft",
  });
});

afterAll(() => database.close());

describe("a draft or a service in review", () => {
  it("is edited, given rows and sent to review without moving the revision or flushing the candidate index", () => {
    expect(
      seenByThePublic(() => {
        run("UPDATE service SET name = json_object('fi', 'Luonnos', 'sv', 'Utkast', 'en', 'Draft') WHERE id = ?", draftId);
        run("INSERT INTO service_attribute (service_id, taxonomy_term_code) SELECT ?, taxonomy_term_code FROM service_attribute WHERE service_id = ?", draftId, published.id);
        run("INSERT INTO service_area (service_id, municipality_code) SELECT ?, municipality_code FROM service_area WHERE service_id = ?", draftId, published.id);
        run("INSERT INTO schedule (service_id, byday, opens_at, closes_at) VALUES (?, 'MO', '09:00', '12:00')", draftId);
        run("INSERT INTO phone (service_id, number) VALUES (?, '+358 40 000 0000')", draftId);
        run("INSERT INTO phone (organization_id, number) VALUES (?, '+358 40 000 0001')", draftOrganizationId);
        run("UPDATE organization SET website = 'https://example.org/draft' WHERE id = ?", draftOrganizationId);
        run("UPDATE service SET publication_status = 'in_review' WHERE id = ?", draftId);
        run("UPDATE service SET summary = summary WHERE id = ?", draftId);
        run("UPDATE service SET publication_status = 'draft' WHERE id = ?", draftId);
      }),
    ).toBe(false);
  });
});

describe("a change the public can see", () => {
  it("publishing a draft moves the revision and rebuilds the index", () => {
    expect(seenByThePublic(() => run("UPDATE service SET publication_status = 'published' WHERE id = ?", draftId))).toBe(true);
    expect(candidates.candidateIndex().services.some((service) => service.id === draftId)).toBe(true);
  });

  it("an edit to a published service, its organisation, hours, phone numbers or cost moves it", () => {
    expect(seenByThePublic(() => run("UPDATE service SET capacity = 'limited' WHERE id = ?", published.id))).toBe(true);
    expect(seenByThePublic(() => run("UPDATE organization SET website = 'https://example.org/changed' WHERE id = ?", published.organizationId))).toBe(true);
    expect(seenByThePublic(() => run("INSERT INTO schedule (service_id, byday, opens_at, closes_at) VALUES (?, 'TU', '09:00', '12:00')", published.id))).toBe(true);
    expect(seenByThePublic(() => run("INSERT INTO phone (organization_id, number) VALUES (?, '+358 40 000 0002')", published.organizationId))).toBe(true);
    expect(seenByThePublic(() => run("DELETE FROM cost_option WHERE service_id = ?", published.id))).toBe(true);
  });

  it("an edit to the address of a location where a published service is given moves it", () => {
    expect(seenByThePublic(() => run("UPDATE address SET postal_code = postal_code WHERE location_id = ?", locationId))).toBe(true);
  });

  it("unpublishing moves it, and the service leaves the index", () => {
    expect(seenByThePublic(() => run("UPDATE service SET publication_status = 'draft' WHERE id = ?", draftId))).toBe(true);
    expect(candidates.candidateIndex().services.some((service) => service.id === draftId)).toBe(false);
  });
});

describe("the package page", () => {
  it("reads the catalogue revision once per request, for the index, the summaries and the practical facts", async () => {
    const { screenedPersona } = await import("../support/screenings.ts");
    const { screeningId: id } = await screenedPersona(personas.evictionFamily);
    const cookie = (await app.flowCookie.serialize(id)).split(";")[0]!;
    const reads = vi.spyOn(app.getCatalogue(), "revision");
    const page = await app.loadPackage(new Request("http://luukku.test/screening/complete", { headers: { Cookie: cookie } }), "en");
    expect(page.cards.length).toBeGreaterThan(0);
    expect(Object.keys(page.practical).length).toBeGreaterThan(0);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
