import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizen } from "#pathways/actor.ts";
import { personas } from "#pathways/screening/personas.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { someonesDetails } from "../support/case.ts";

/**
 * What the tracking page is built from (issue 13, item 4), on a real SQLite file with the
 * demo catalogue: each referral's sending time, its status and since when, its answer
 * deadline and what its consent shared, read back beside the test's own SQL.
 */
let database: TestDatabase;
let app: typeof import("#app/case/give-consent.server.ts") &
  typeof import("#app/case/case-package.server.ts") &
  typeof import("#app/case/withdraw-consent.server.ts") &
  typeof import("#app/db.server.ts") &
  typeof import("../support/screenings.ts");

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  process.env.PUBLIC_URL = "https://luukku.example.fi";
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  const modules = await Promise.all([
    import("#app/case/give-consent.server.ts"),
    import("#app/case/case-package.server.ts"),
    import("#app/case/withdraw-consent.server.ts"),
    import("#app/db.server.ts"),
    import("../support/screenings.ts"),
  ]);
  app = Object.assign({}, ...modules) as typeof app;
});
afterAll(() => database.close());

const sqlite = () => database.db.$client;

describe("a case's referrals as the tracking page reads them", () => {
  it("give when each was sent, its status since its last move, the answer deadline and exactly what its consent shared", async () => {
    const { caseId } = await app.screenedPersona(personas.evictionFamily);
    const { awaiting } = await app.consentOptions(app.getStores().cases, caseId);
    const chosen = awaiting.slice(0, 2).map((service) => service.serviceId);
    const at = new Date("2026-12-04T09:00:00Z");
    expect(await app.giveConsent({ caseId, serviceIds: chosen, actor: citizen, channel: "online", consentText: "test", details: someonesDetails, at })).toMatchObject({ kind: "given" });

    const rows = sqlite()
      .prepare(
        `SELECT r.id, r.service_id, r.created_at, p.state, c.data_categories, json_extract(p.snapshot, '$.context.responseDueAt') AS due
         FROM referral r JOIN pathway_instance p ON p.id = r.machine_instance_id JOIN consent c ON c.case_id = r.case_id AND c.service_id = r.service_id
         WHERE r.case_id = ? ORDER BY r.created_at, r.service_id`,
      )
      .all(caseId) as { id: string; service_id: number; created_at: number; state: string; data_categories: string; due: string }[];
    expect(rows).toHaveLength(2);
    const progress = await app.getStores().cases.referralProgress(caseId);
    expect(progress.map((item) => ({ id: item.id, serviceId: item.serviceId, status: item.status, sentAt: item.sentAt, shared: item.shared, due: item.responseDueAt }))).toEqual(
      rows.map((row) => ({
        id: row.id,
        serviceId: row.service_id,
        status: row.state,
        sentAt: new Date(row.created_at),
        shared: JSON.parse(row.data_categories) as string[],
        due: new Date(row.due),
      })),
    );
    // Sent on Friday 4 December: the deadline counts working days, so it falls in the next week.
    for (const item of progress) {
      expect(item.status).toBe("requested");
      expect(item.statusSince).toEqual(at);
      expect(item.responseDueAt!.getTime()).toBeGreaterThan(new Date("2026-12-07T00:00:00Z").getTime());
    }

    // Withdrawn: the status moves and its date with it; the consent shares nothing any more.
    const later = new Date("2026-12-05T10:00:00Z");
    expect(await app.withdrawConsent({ caseId, referralId: progress[0]!.id, actor: citizen, channel: "online", at: later })).toEqual({ kind: "withdrawn" });
    const [withdrawn] = await app.getStores().cases.referralProgress(caseId);
    expect(withdrawn).toMatchObject({ status: "cancelled", statusSince: later, shared: [] });
  });
});
