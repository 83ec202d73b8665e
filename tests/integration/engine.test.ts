import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client.ts";
import { createBackend } from "#db/backend.ts";
import { EventRefused, UnknownMachineVersion, type PathwayEngine } from "#pathways/engine.ts";
import { startScheduler } from "#pathways/scheduler.ts";
import { need, someone } from "../support/pathway-harness.ts";
import { caseWithId } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let engine: PathwayEngine;
let counter = 0;
const newId = () => `id-${++counter}`;
const rows = <T>(sql: string, ...parameters: unknown[]) => database.db.$client.prepare(sql).all(...parameters) as T[];

// Monday 30 November 2026, 09:00 in Helsinki.
const monday = "2026-11-30T07:00:00.000Z";

const evictionFamily = {
  ...someone,
  age: 34,
  municipality: "koskela" as const,
  childrenCount: 2,
};
const evictionNeeds = [need("housing.eviction-risk", "urgent"), need("money.debt", "soon"), need("money.income", "urgent")];

beforeAll(() => {
  database = createTestDatabase();
  engine = createBackend({ kind: "sqlite", connection: database.db }, { newId }).engine;
});

afterAll(() => database.close());

function eventTypes(instanceId: string): string[] {
  return rows<{ type: string }>("SELECT type FROM pathway_event WHERE instance_id = ? ORDER BY sequence", instanceId).map((row) => row.type);
}

describe("pathway engine on SQLite", () => {
  it("starts the pathways that apply and proposes a package, logging every transition", async () => {
    const started = await engine.startCase(caseWithId(database.db, "case-eviction"), evictionNeeds, evictionFamily, monday, "staff:7");
    expect(started.pathways.map((pathway) => pathway.pathwayId)).toEqual(["eviction-risk"]);
    const [eviction] = started.pathways;
    expect(eviction!.state).toBe("awaitingConsent");
    expect(started.package!.items.length).toBeGreaterThan(0);
    expect(eventTypes(eviction!.instanceId)).toEqual(["xstate.init", "PACKAGE_PROPOSED"]);
    const [instance] = rows<{ machine_id: string; machine_version: number; last_sequence: number }>(
      "SELECT machine_id, machine_version, last_sequence FROM pathway_instance WHERE id = ?",
      eviction!.instanceId,
    );
    expect(instance).toEqual({ machine_id: "eviction-risk", machine_version: 1, last_sequence: 1 });
  });

  it("refuses an event the state does not accept and leaves the stored snapshot as it was", async () => {
    const [{ id }] = rows<{ id: string }>("SELECT id FROM pathway_instance WHERE machine_id = 'eviction-risk'") as [{ id: string }];
    const before = rows<{ snapshot: string; last_sequence: number }>("SELECT snapshot, last_sequence FROM pathway_instance WHERE id = ?", id);
    await expect(engine.send(id, { type: "REFERRALS_SENT", referrals: [], at: monday, by: "staff:7" })).rejects.toThrow(EventRefused);
    expect(rows("SELECT snapshot, last_sequence FROM pathway_instance WHERE id = ?", id)).toEqual(before);
    expect(eventTypes(id)).toEqual(["xstate.init", "PACKAGE_PROPOSED"]);
  });

  it("turns consent into referrals with outbox messages and timers, once", async () => {
    const [{ id, snapshot }] = rows<{ id: string; snapshot: string }>(
      "SELECT id, snapshot FROM pathway_instance WHERE machine_id = 'eviction-risk'",
    ) as [{ id: string; snapshot: string }];
    const proposal = (JSON.parse(snapshot) as { context: { proposal: { serviceId: number }[] } }).context.proposal;
    const serviceIds = proposal.map((service) => service.serviceId);

    const after = await engine.send(id, { type: "CONSENT_GIVEN", serviceIds, at: monday, by: "citizen" });
    expect(after.state).toBe("awaitingAcceptance");

    const referrals = rows<{ service_id: number; machine_instance_id: string }>(
      "SELECT service_id, machine_instance_id FROM referral WHERE pathway_instance_id = ? ORDER BY service_id",
      id,
    );
    expect(referrals.map((referral) => referral.service_id)).toEqual([...serviceIds].sort((a, b) => a - b));
    for (const referral of referrals) {
      const [machine] = rows<{ state: string }>("SELECT state FROM pathway_instance WHERE id = ?", referral.machine_instance_id);
      expect(machine!.state).toBe("requested");
    }
    const requested = rows<{ payload: string }>("SELECT payload FROM outbox WHERE type = 'referral.requested'");
    expect(requested).toHaveLength(serviceIds.length);
    const timers = rows<{ event: string }>("SELECT event FROM pathway_timer ORDER BY event").map((timer) => timer.event);
    expect(timers).toContain("ACCEPTANCE_OVERDUE");
    expect(timers.filter((event) => event === "RESPONSE_OVERDUE")).toHaveLength(serviceIds.length);

    // Consent again (double submit): refused, nothing new.
    await expect(engine.send(id, { type: "CONSENT_GIVEN", serviceIds, at: monday, by: "citizen" })).rejects.toThrow(EventRefused);
    expect(rows("SELECT id FROM referral WHERE pathway_instance_id = ?", id)).toHaveLength(serviceIds.length);
  });

  it("fires an escalation after a restart when no provider accepted within a working day", async () => {
    database.db.$client.close();
    const reopened = openDatabase(database.path);
    database = { ...database, db: reopened };
    engine = createBackend({ kind: "sqlite", connection: reopened }, { newId }).engine;

    let now = new Date("2026-11-30T15:00:00.000Z");
    const scheduler = startScheduler(engine, { intervalMs: 3_600_000, now: () => now, onError: (error) => { throw error; } });
    expect(await scheduler.tick()).toBe(0);
    // Tuesday after 09:00 Helsinki time: one working day has passed.
    now = new Date("2026-12-01T08:00:00.000Z");
    expect(await scheduler.tick()).toBeGreaterThanOrEqual(1);
    await scheduler.stop();
    const [eviction] = rows<{ state: string }>("SELECT state FROM pathway_instance WHERE machine_id = 'eviction-risk'");
    expect(eviction!.state).toBe("escalated");
    const alerts = rows<{ payload: string }>("SELECT payload FROM outbox WHERE type = 'pathway.alert'");
    expect(alerts.map((alert) => JSON.parse(alert.payload) as { alert: string }).map((alert) => alert.alert)).toContain(
      "no-provider-accepted",
    );
  });

  it("carries a provider's acceptance from the referral to its pathway", async () => {
    const [referral] = rows<{ machine_instance_id: string }>("SELECT machine_instance_id FROM referral ORDER BY service_id LIMIT 1");
    await engine.send(referral!.machine_instance_id, { type: "ACCEPT", at: "2026-12-01T09:00:00.000Z", by: "provider:3" });
    const [eviction] = rows<{ state: string; snapshot: string }>("SELECT state, snapshot FROM pathway_instance WHERE machine_id = 'eviction-risk'");
    const tracked = (JSON.parse(eviction!.snapshot) as { context: { referrals: { status: string }[] } }).context.referrals;
    expect(tracked.map((item) => item.status)).toContain("accepted");
    expect(eviction!.state).not.toBe("escalated");
  });

  it("keeps the event log append-only", () => {
    expect(() => database.db.$client.prepare("UPDATE pathway_event SET type = 'X'").run()).toThrow(/append-only/);
  });

  it("refuses a snapshot from an unknown machine version instead of reinterpreting it", async () => {
    const [{ id }] = rows<{ id: string }>("SELECT id FROM pathway_instance WHERE machine_id = 'eviction-risk'") as [{ id: string }];
    database.db.$client.prepare("UPDATE pathway_instance SET machine_version = 99 WHERE id = ?").run(id);
    await expect(engine.send(id, { type: "CLOSE", reason: "test", at: monday, by: "staff:7" })).rejects.toThrow(UnknownMachineVersion);
    database.db.$client.prepare("UPDATE pathway_instance SET machine_version = 1 WHERE id = ?").run(id);
  });

  it("starts only safeguarding, with an alert, for a person in danger", async () => {
    const started = await engine.startCase(
      caseWithId(database.db, "case-danger"),
      [need("safety.domestic-abuse", "emergency"), need("social.isolation")],
      { ...someone, municipality: "kuusilahti" },
      monday,
      "citizen",
    );
    expect(started.pathways.map((pathway) => pathway.pathwayId)).toEqual(["safeguarding"]);
    // The package over the person's needs is stored for when they ask for it; safeguarding is handed none of it.
    expect(eventTypes(started.pathways[0]!.instanceId)).not.toContain("PACKAGE_PROPOSED");
    const alerts = rows<{ payload: string }>(
      "SELECT o.payload FROM outbox o JOIN pathway_instance p ON p.id = o.instance_id WHERE p.case_id = 'case-danger'",
    );
    expect(alerts.map((alert) => (JSON.parse(alert.payload) as { alert?: string }).alert)).toContain("safeguarding");
  });

  it("records the needs nothing covers", async () => {
    // Take every transport service out of the published catalogue.
    database.db.$client
      .prepare(
        `UPDATE service SET publication_status = 'draft'
         WHERE id IN (SELECT service_id FROM service_attribute WHERE taxonomy_term_code = 'transport.mobility')`,
      )
      .run();
    const started = await engine.startCase(
      caseWithId(database.db, "case-unmet"),
      [need("daily-living.home-care", "soon"), need("transport.mobility")],
      { ...someone, age: 80, municipality: "kuusilahti" },
      monday,
      "citizen",
    );
    expect(started.pathways.map((pathway) => pathway.pathwayId)).toEqual(["older-people-at-home"]);
    expect(started.package!.unmetNeeds).toEqual(["transport.mobility"]);
    expect(rows("SELECT need_code, municipality_code FROM unmet_need WHERE case_id = 'case-unmet'")).toEqual([
      { need_code: "transport.mobility", municipality_code: "kuusilahti" },
    ]);
  });
});

describe("pathway engine beside another connection that writes", () => {
  it("waits for the other writer instead of failing with 'database is locked'", async () => {
    const started = await engine.startCase(caseWithId(database.db, "case-concurrent"), evictionNeeds, evictionFamily, monday, "citizen");
    const [eviction] = started.pathways;
    // Another process (the scheduler's connection, staff tools) holds the write lock for a moment.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(${JSON.stringify(database.path)});
         db.pragma("busy_timeout = 5000");
         db.exec("BEGIN IMMEDIATE");
         db.prepare("UPDATE catalogue_revision SET revision = revision WHERE id = 1").run();
         process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 300);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(writer.stdout!, "data");
    // A deferred transaction would read the snapshot, then fail to take the lock it needs
    // to write once the other commits (SQLITE_BUSY); an immediate one waits its turn.
    const sent = await engine.send(eviction!.instanceId, { type: "CONSENT_GIVEN", serviceIds: started.package!.items.map((item) => item.serviceId), at: monday, by: "citizen" });
    expect(sent.state).not.toBe("awaitingConsent");
    await once(writer, "exit");
  });
});
