import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackend, type Backend } from "#db/backend.ts";
import { TransactionEnded } from "#db/unit-of-work.ts";
import { EventRefused } from "#pathways/engine.ts";
import { need, someone } from "../support/pathway-harness.ts";
import { caseWithId, someonesDetails } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * One asynchronous unit of work (issue 12, item 4; ADR 020) on a real SQLite file: all of
 * a use case or none of it, transactions on one connection that take turns, and work
 * passed the transaction joining it. The backend under test has a connection of its own;
 * the test looks on through another, which sees only what was committed.
 */
let database: TestDatabase;
let backend: Backend;
let app: typeof import("#app/case/give-consent.server.ts") & typeof import("#app/case/case-package.server.ts") & typeof import("../support/screenings.ts");

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  process.env.PUBLIC_URL = "https://luukku.example.fi";
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  const modules = await Promise.all([import("#app/case/give-consent.server.ts"), import("#app/case/case-package.server.ts"), import("../support/screenings.ts")]);
  app = Object.assign({}, ...modules) as typeof app;
  backend = createBackend({ kind: "sqlite", path: database.path });
});

afterAll(() => {
  backend.close();
  database.close();
});

const all = <T>(sql: string, ...parameters: unknown[]) => database.db.$client.prepare(sql).all(...parameters) as T[];
/** The cases whose id starts so, as the onlooking connection sees them: only what was committed. */
const committedCases = (prefix: string) => all<{ id: string }>("SELECT id FROM case_record WHERE id LIKE ? ORDER BY id", `${prefix}%`).map((row) => row.id);
/** The cases whose id starts so, as the transaction's own connection sees them. */
const casesSeenBy = (backendDb: Backend["db"], prefix: string) =>
  (backendDb.$client.prepare("SELECT id FROM case_record WHERE id LIKE ? ORDER BY id").all(`${prefix}%`) as { id: string }[]).map((row) => row.id);

const monday = "2026-11-30T07:00:00.000Z";
const evictionNeeds = [need("housing.eviction-risk", "urgent"), need("money.debt", "soon"), need("money.income", "urgent")];
const evictionFamily = { ...someone, age: 34, municipality: "koskela" as const, childrenCount: 2 };

/** Everything of a case the engine and consent write, to compare before and after. */
const caseState = (caseId: string) => ({
  instances: all("SELECT id, state, snapshot, last_sequence FROM pathway_instance WHERE case_id = ? ORDER BY id", caseId),
  events: all("SELECT e.* FROM pathway_event e JOIN pathway_instance p ON p.id = e.instance_id WHERE p.case_id = ? ORDER BY e.instance_id, e.sequence", caseId),
  timers: all("SELECT t.* FROM pathway_timer t JOIN pathway_instance p ON p.id = t.instance_id WHERE p.case_id = ? ORDER BY t.instance_id, t.event", caseId),
  outbox: all("SELECT o.* FROM outbox o JOIN pathway_instance p ON p.id = o.instance_id WHERE p.case_id = ? ORDER BY o.id", caseId),
  referrals: all("SELECT * FROM referral WHERE case_id = ? ORDER BY id", caseId),
  consents: all("SELECT * FROM consent WHERE case_id = ? ORDER BY id", caseId),
  reference: all("SELECT * FROM case_reference WHERE case_id = ?", caseId),
});

describe("a use case that fails half-way", () => {
  it("leaves nothing of it written: consent undone when saving the reference fails after the engine sent the referrals", async () => {
    const { caseId } = await app.screenedPersona((await import("#pathways/screening/personas.ts")).personas.evictionFamily);
    const { awaiting } = await app.consentOptions(backend.cases, caseId);
    expect(awaiting.length).toBeGreaterThan(0);
    const before = caseState(caseId);
    expect(before.referrals).toEqual([]);
    // Fails only once the engine has written the case's referrals in this transaction: the failure itself shows it had.
    database.db.$client.exec(`CREATE TRIGGER refuse_reference BEFORE INSERT ON case_reference
      WHEN (SELECT count(*) FROM referral WHERE case_id = NEW.case_id) > 0
      BEGIN SELECT RAISE(ABORT, 'reference store unavailable'); END;`);
    const consent = { caseId, serviceIds: awaiting.map((service) => service.serviceId), actor: { kind: "citizen" }, channel: "online", consentText: "test", details: someonesDetails } as const;
    try {
      await expect(app.giveConsent(consent)).rejects.toThrow("reference store unavailable");
    } finally {
      database.db.$client.exec("DROP TRIGGER refuse_reference");
    }
    expect(caseState(caseId)).toEqual(before);
    // And the same consent goes through once saving works again.
    expect(await app.giveConsent(consent)).toMatchObject({ kind: "given", referrals: awaiting.length });
    expect(caseState(caseId).referrals).toHaveLength(awaiting.length);
  });
});

describe("transactions on one connection", () => {
  it("take turns when started together: each sees only its own writes until it commits, and both commit", async () => {
    const steps: string[] = [];
    const work = (id: string) =>
      backend.withTransaction(async (tx) => {
        steps.push(`${id} begins`);
        caseWithId(backend.db, `turns-${id}`);
        // A real wait, not only a microtask: the other transaction has every chance to run here.
        await sleep(20);
        const seen = casesSeenBy(backend.db, "turns-");
        const committed = committedCases("turns-");
        steps.push(`${id} ends`);
        return { seen, committed };
      });
    const [first, second] = await Promise.all([work("a"), work("b")]);
    expect(steps).toEqual(["a begins", "a ends", "b begins", "b ends"]);
    expect(first).toEqual({ seen: ["turns-a"], committed: [] });
    expect(second).toEqual({ seen: ["turns-a", "turns-b"], committed: ["turns-a"] });
    expect(committedCases("turns-")).toEqual(["turns-a", "turns-b"]);
  });

  it("keep taking turns after one fails: its writes are undone, the next commits", async () => {
    const failing = backend.withTransaction(async (tx) => {
      caseWithId(backend.db, "after-failure-a");
      await sleep(10);
      throw new Error("the first fails");
    });
    const next = backend.withTransaction(async (tx) => {
      caseWithId(backend.db, "after-failure-b");
      return casesSeenBy(backend.db, "after-failure-");
    });
    const [failed, committed] = await Promise.allSettled([failing, next]);
    expect(failed).toMatchObject({ status: "rejected", reason: new Error("the first fails") });
    expect(committed).toEqual({ status: "fulfilled", value: ["after-failure-b"] });
    expect(committedCases("after-failure-")).toEqual(["after-failure-b"]);
  });
});

describe("work passed the transaction", () => {
  it("joins it instead of waiting for it to end, and commits with it", async () => {
    const joined = await backend.withTransaction(async (tx) => {
      caseWithId(backend.db, "joined-outer");
      return backend.withTransaction(async (inner) => {
        caseWithId(backend.db, "joined-inner");
        return committedCases("joined-");
      }, tx);
    });
    expect(joined).toEqual([]);
    expect(committedCases("joined-")).toEqual(["joined-inner", "joined-outer"]);
  });

  it("that fails is undone alone (a savepoint): the transaction that caught it goes on", async () => {
    await backend.withTransaction(async (tx) => {
      caseWithId(backend.db, "savepoint-outer");
      await expect(
        backend.withTransaction(async (inner) => {
          caseWithId(backend.db, "savepoint-inner");
          throw new Error("the inner part fails");
        }, tx),
      ).rejects.toThrow("the inner part fails");
      caseWithId(backend.db, "savepoint-after");
    });
    expect(committedCases("savepoint-")).toEqual(["savepoint-after", "savepoint-outer"]);
  });

  it("after the transaction ended is refused, not run outside it", async () => {
    let ended: Parameters<Parameters<Backend["withTransaction"]>[0]>[0] | undefined;
    await backend.withTransaction(async (tx) => {
      ended = tx;
    });
    await expect(backend.withTransaction(async () => caseWithId(backend.db, "late"), ended)).rejects.toThrow(TransactionEnded);
    expect(committedCases("late")).toEqual([]);
  });
});

describe("the engine inside a use case's unit of work", () => {
  it("writes in that transaction, not in one of its own: rolled back with it", async () => {
    const caseId = caseWithId(database.db, "engine-rolled-back");
    const before = caseState(caseId);
    await expect(
      backend.withTransaction(async (tx) => {
        const started = await tx.engine.startCase(caseId, evictionNeeds, evictionFamily, monday, "citizen");
        const [eviction] = started.pathways;
        const serviceIds = started.package.items.map((item) => item.serviceId);
        await tx.engine.send(eviction!.instanceId, { type: "CONSENT_GIVEN", serviceIds, at: monday, by: "citizen" });
        // The engine's own transactions have ended; nothing of them is committed yet.
        expect(casesSeenBy(backend.db, "engine-rolled-back")).toEqual(["engine-rolled-back"]);
        expect((backend.db.$client.prepare("SELECT count(*) AS n FROM referral WHERE case_id = ?").get(caseId) as { n: number }).n).toBe(serviceIds.length);
        expect(caseState(caseId)).toEqual(before);
        throw new Error("the use case fails after the engine");
      }),
    ).rejects.toThrow("the use case fails after the engine");
    expect(caseState(caseId)).toEqual(before);
    expect(before.instances).toEqual([]);
  });

  it("undoes a refused command alone, as before: the use case that caught it commits the rest", async () => {
    const caseId = caseWithId(database.db, "engine-refused");
    const instances = await backend.withTransaction(async (tx) => {
      const started = await tx.engine.startCase(caseId, evictionNeeds, evictionFamily, monday, "citizen");
      const [eviction] = started.pathways;
      await expect(tx.engine.send(eviction!.instanceId, { type: "REFERRALS_SENT", referrals: [], at: monday, by: "staff:7" })).rejects.toThrow(EventRefused);
      return started.pathways.map((pathway) => pathway.instanceId);
    });
    expect(caseState(caseId).instances.map((instance) => (instance as { id: string }).id).sort()).toEqual([...instances].sort());
    expect(caseState(caseId).events.map((event) => (event as { type: string }).type)).toEqual(["xstate.init", "PACKAGE_PROPOSED"]);
  });
});
