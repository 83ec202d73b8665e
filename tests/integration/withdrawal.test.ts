import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "#db/migrate.ts";
import { consentWithdrawnReason } from "#pathways/referral/machine.ts";
import { need, someone } from "../support/pathway-harness.ts";
import { caseWithId, someonesDetails } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { databaseBefore, oneService } from "../support/migrations.ts";

/**
 * Withdrawing consent on the tracking page, through the page's own action on a real,
 * seeded SQLite file: what becomes of the referral, of the messages for its provider and
 * of the consent. The app's connection opens the file (DATABASE_PATH is set before the
 * app's modules load) and the test reads the tables beside it.
 */
let database: TestDatabase;
let app: {
  tracking: typeof import("#app/tracking.server.ts");
  connection: typeof import("#app/db.server.ts");
  casePackage: typeof import("#app/case/case-package.server.ts");
  consent: typeof import("#app/case/give-consent.server.ts");
};

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  app = {
    tracking: await import("#app/tracking.server.ts"),
    connection: await import("#app/db.server.ts"),
    casePackage: await import("#app/case/case-package.server.ts"),
    consent: await import("#app/case/give-consent.server.ts"),
  };
});
afterAll(() => database.close());

const sqlite = () => database.db.$client;
const monday = "2026-11-30T07:00:00.000Z";
const evictionFamily = { ...someone, age: 34, municipality: "koskela" as const, childrenCount: 2 };
const evictionNeeds = [need("housing.eviction-risk", "urgent"), need("money.debt", "soon"), need("money.income", "urgent")];

interface OutboxRow {
  id: number;
  type: string;
  payload: string;
  delivered_at: number | null;
  cancelled_at: number | null;
}

/** The outbox rows of one referral's machine: the messages for its provider. */
const messagesOf = (machineInstanceId: string) =>
  sqlite()
    .prepare("SELECT id, type, payload, delivered_at, cancelled_at FROM outbox WHERE instance_id = ? ORDER BY id")
    .all(machineInstanceId) as OutboxRow[];
const waiting = (rows: OutboxRow[]) => rows.filter((row) => row.delivered_at === null && row.cancelled_at === null);
const consentOf = (caseId: string, serviceId: number) =>
  sqlite().prepare("SELECT withdrawn_at, withdrawn_by FROM consent WHERE case_id = ? AND service_id = ?").get(caseId, serviceId) as {
    withdrawn_at: number | null;
    withdrawn_by: string | null;
  };
const actorsOf = (instanceId: string, type: string) =>
  (sqlite().prepare("SELECT actor FROM pathway_event WHERE instance_id = ? AND type = ?").all(instanceId, type) as { actor: string }[]).map(
    (row) => row.actor,
  );
/** Everything a withdrawal could touch for a case, to show a refused one touched nothing. */
const caseState = (caseId: string) => ({
  instances: sqlite().prepare("SELECT id, state, snapshot, last_sequence FROM pathway_instance WHERE case_id = ? ORDER BY id").all(caseId),
  outbox: sqlite()
    .prepare("SELECT o.* FROM outbox o JOIN pathway_instance p ON p.id = o.instance_id WHERE p.case_id = ? ORDER BY o.id")
    .all(caseId),
  consent: sqlite().prepare("SELECT * FROM consent WHERE case_id = ? ORDER BY id").all(caseId),
});

/**
 * A case of its own, as the consent page leaves it (consent recorded for every proposed
 * service, the referrals sent), followed on the tracking page with its reference and
 * access code. Returns the tracking cookie to send and the case's referrals.
 */
async function trackedCase(caseId: string) {
  const { cases } = app.connection.getStores();
  const engine = app.connection.getPathwayEngine();
  await engine.startCase(caseWithId(database.db, caseId), evictionNeeds, evictionFamily, monday, "citizen");
  const [pathway] = await cases.pathways(caseId);
  const { awaiting } = await app.casePackage.consentOptions(cases, caseId);
  const given = await app.consent.giveConsent({
    caseId,
    serviceIds: awaiting.map((service) => service.serviceId),
    actor: { kind: "citizen" },
    channel: "online",
    consentText: "test",
    details: someonesDetails,
  });
  if (given.kind !== "given") throw new Error(`Consent was not given: ${given.kind}`);
  const { reference, accessCode } = given;
  const lookup = new Request("http://localhost/track", { method: "POST", body: new URLSearchParams({ reference, accessCode }) });
  const answer = await app.tracking.lookUpCase(lookup).catch((thrown: unknown) => thrown);
  if (!(answer instanceof Response)) throw new Error(`The lookup did not follow the case: ${JSON.stringify(answer)}`);
  const cookie = answer.headers.get("Set-Cookie")!.split(";")[0]!;
  const referrals = await cases.referrals(caseId);
  expect(referrals.length, "the demo catalogue proposes at least two services").toBeGreaterThanOrEqual(2);
  return { cookie, referrals, pathwayId: pathway!.id };
}

/** The tracking page's "Withdraw consent" for one referral, posted as the browser does. */
async function withdraw(cookie: string, referralId: string) {
  const request = new Request("http://localhost/track/referrals", {
    method: "POST",
    headers: { Cookie: cookie },
    body: new URLSearchParams({ referral: referralId }),
  });
  return app.tracking.withdrawFromTracking(request).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
}

/** The referral's status (its machine's state), read with the test's own query. */
const statusOf = (caseId: string, referralId: string) =>
  sqlite()
    .prepare("SELECT p.state FROM referral r JOIN pathway_instance p ON p.id = r.machine_instance_id WHERE r.case_id = ? AND r.id = ?")
    .pluck()
    .get(caseId, referralId) as string | undefined;

describe("withdrawing consent on the tracking page", () => {
  it("cancels a referral not yet delivered and every message waiting for it; nothing reaches the provider", async () => {
    const { cookie, referrals, pathwayId } = await trackedCase("case-withdraw-undelivered");
    const [target, other] = referrals as [(typeof referrals)[0], (typeof referrals)[0]];
    expect(waiting(messagesOf(target.machineInstanceId)).map((row) => row.type)).toContain("referral.requested");
    const before = Date.now();

    const answer = await withdraw(cookie, target.id);

    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get("Location")).toBe("/track/referrals");
    expect(statusOf("case-withdraw-undelivered", target.id)).toBe("cancelled");
    const messages = messagesOf(target.machineInstanceId);
    expect(messages.map((row) => row.type)).toContain("referral.requested");
    expect(waiting(messages)).toEqual([]);
    // The provider never heard of the referral, so it is not told of its cancellation either.
    expect(messages.map((row) => row.type)).not.toContain("referral.cancelled");
    const consent = consentOf("case-withdraw-undelivered", target.serviceId);
    expect(consent.withdrawn_at).toBeGreaterThanOrEqual(before);
    expect(consent.withdrawn_at).toBeLessThanOrEqual(Date.now());
    expect(consent.withdrawn_by).toBe("citizen");
    // Every event of the withdrawal keeps its actor: the referral's and its pathway's.
    expect(actorsOf(target.machineInstanceId, "WITHDRAW_CONSENT")).toEqual(["citizen"]);
    expect(actorsOf(pathwayId, "REFERRAL_UPDATED")).toEqual(["citizen"]);
    // The other referral of the case is still sent, its consent still given.
    expect(statusOf("case-withdraw-undelivered", other.id)).toBe("requested");
    expect(waiting(messagesOf(other.machineInstanceId)).map((row) => row.type)).toContain("referral.requested");
    expect(consentOf("case-withdraw-undelivered", other.serviceId).withdrawn_at).toBeNull();
  });

  it("follows a request already delivered with a consent-withdrawn message to its provider", async () => {
    const { cookie, referrals } = await trackedCase("case-withdraw-delivered");
    const [target] = referrals as [(typeof referrals)[0]];
    // No worker delivers referrals yet: the request is marked delivered as one would.
    const deliveredAt = Date.parse("2026-11-30T08:00:00.000Z");
    sqlite()
      .prepare("UPDATE outbox SET delivered_at = ? WHERE instance_id = ? AND type = 'referral.requested'")
      .run(deliveredAt, target.machineInstanceId);
    const [request] = messagesOf(target.machineInstanceId).filter((row) => row.type === "referral.requested");

    await withdraw(cookie, target.id);

    expect(statusOf("case-withdraw-delivered", target.id)).toBe("cancelled");
    const messages = messagesOf(target.machineInstanceId);
    expect(messages.find((row) => row.id === request!.id)).toEqual(request);
    const [notice, ...more] = waiting(messages);
    expect(more).toEqual([]);
    expect(notice!.type).toBe("referral.cancelled");
    expect(JSON.parse(notice!.payload)).toMatchObject({ referralId: target.id, reason: consentWithdrawnReason, by: "citizen" });
    expect(consentOf("case-withdraw-delivered", target.serviceId).withdrawn_at).not.toBeNull();
  });

  it("keeps everything of a referral that has started, and says so", async () => {
    const { cookie, referrals } = await trackedCase("case-withdraw-started");
    const [target] = referrals as [(typeof referrals)[0]];
    const engine = app.connection.getPathwayEngine();
    await engine.send(target.machineInstanceId, { type: "ACCEPT", at: "2026-11-30T09:00:00.000Z", by: "provider:3" });
    await engine.send(target.machineInstanceId, { type: "START", at: "2026-11-30T10:00:00.000Z", by: "provider:3" });
    const before = caseState("case-withdraw-started");

    const answer = await withdraw(cookie, target.id);

    expect(answer).toEqual({ notWithdrawn: target.id });
    expect(caseState("case-withdraw-started")).toEqual(before);
  });

  it("withdrawn twice (a double click, Back and resubmit): done once, and not told it had started", async () => {
    const { cookie, referrals } = await trackedCase("case-withdraw-twice");
    const [target] = referrals as [(typeof referrals)[0]];
    await withdraw(cookie, target.id);
    const after = caseState("case-withdraw-twice");

    const again = await withdraw(cookie, target.id);

    expect(again).toBeInstanceOf(Response);
    expect(caseState("case-withdraw-twice")).toEqual(after);
  });

  it("is all or nothing: when the consent cannot be written, the referral and its messages stay as they were", async () => {
    const { cookie, referrals } = await trackedCase("case-withdraw-failing");
    const [target] = referrals as [(typeof referrals)[0]];
    const before = caseState("case-withdraw-failing");
    sqlite().exec("CREATE TRIGGER refuse_withdrawal BEFORE UPDATE OF withdrawn_at ON consent BEGIN SELECT RAISE(ABORT, 'consent unavailable'); END;");
    try {
      await expect(withdraw(cookie, target.id)).rejects.toThrow("consent unavailable");
    } finally {
      sqlite().exec("DROP TRIGGER refuse_withdrawal");
    }
    expect(caseState("case-withdraw-failing")).toEqual(before);
  });

  it("only withdraws this case's referrals", async () => {
    const mine = await trackedCase("case-withdraw-mine");
    const theirs = await trackedCase("case-withdraw-theirs");
    const [their] = theirs.referrals as [(typeof theirs.referrals)[0]];
    const before = caseState("case-withdraw-theirs");

    const answer = await withdraw(mine.cookie, their.id);

    expect(answer).toEqual({ notWithdrawn: null });
    expect(caseState("case-withdraw-theirs")).toEqual(before);
  });
});

describe("migration 0010 (withdrawal) on a database with data", () => {
  it("keeps every outbox and consent row, with nothing cancelled or withdrawn by anyone", () => {
    const { db, close } = databaseBefore("0010");
    try {
      db.$client.exec(oneService);
      db.$client.exec(`
        INSERT INTO consent (case_id, service_id, organization_id, data_categories, purpose, text_version, given_at, withdrawn_at, recorded_by)
          VALUES ('c1', 1, 1, '[]', 'referral', 'v', 1, 2, 'citizen');
        INSERT INTO outbox (type, payload, instance_id, created_at, available_at, delivered_at) VALUES ('referral.requested', '{}', 'i1', 1, 1, 3);
        INSERT INTO outbox (type, payload, instance_id, created_at, available_at) VALUES ('referral.requested', '{}', 'i2', 1, 1);
      `);
      const outboxBefore = db.$client.prepare("SELECT * FROM outbox ORDER BY id").all() as Record<string, unknown>[];
      const consentBefore = db.$client.prepare("SELECT * FROM consent ORDER BY id").all() as Record<string, unknown>[];

      migrateDatabase(db);

      expect(db.$client.prepare("SELECT * FROM outbox ORDER BY id").all()).toEqual(outboxBefore.map((row) => ({ ...row, cancelled_at: null, failed_at: null })));
      expect(db.$client.prepare("SELECT * FROM consent ORDER BY id").all()).toEqual(consentBefore.map((row) => ({ ...row, withdrawn_by: null, channel: "online" })));
    } finally {
      close();
    }
  });
});
