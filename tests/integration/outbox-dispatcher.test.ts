import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  claimMs,
  createOutboxDispatcher,
  maxDeliveryAttempts,
  providerInboxHandler,
  providerMessageTypes,
  retryDelayMs,
  UndeliverableMessage,
  type OutboxHandler,
} from "#app/outbox-dispatcher.server.ts";
import { createBackend } from "#db/backend.ts";
import { createTestDatabase } from "../support/database.ts";

/**
 * The outbox dispatcher on a real SQLite file: a handler per type, retries and the dead
 * letter, leases that run out, cancelled messages, and two worker processes on one file.
 */

const database = createTestDatabase({ seedDemo: false });
afterAll(() => database.close());
const sqlite = database.db.$client;
const { outbox } = createBackend({ kind: "sqlite", connection: database.db });
beforeEach(() => sqlite.exec("DELETE FROM outbox"));

const now = new Date("2026-03-01T09:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

interface Row {
  id: number;
  type: string;
  payload: string;
  attempts: number;
  available_at: number;
  delivered_at: number | null;
  failed_at: number | null;
  cancelled_at: number | null;
  last_error: string | null;
}
const row = (id: number) => sqlite.prepare("SELECT * FROM outbox WHERE id = ?").get(id) as Row;

function enqueue(type: string, payload: unknown, at = now): number {
  const result = sqlite
    .prepare("INSERT INTO outbox (type, payload, created_at, available_at) VALUES (?, ?, ?, ?)")
    .run(type, JSON.stringify(payload), at.getTime(), at.getTime());
  return Number(result.lastInsertRowid);
}

/** A handler that records each payload it is given, and fails while `failing` says so. */
function recordingHandler(failing: () => Error | undefined = () => undefined): OutboxHandler & { received: string[] } {
  const received: string[] = [];
  return {
    received,
    async deliver(payload) {
      received.push(payload);
      const error = failing();
      if (error) throw error;
    },
  };
}

describe("outbox dispatcher", () => {
  it("hands each message to the handler of its type, and leaves types it has no handler for", async () => {
    const requested = recordingHandler();
    const email = recordingHandler();
    const referral = enqueue("referral.requested", { referralId: "r-1" });
    const mail = enqueue("email", { kind: "resume" });
    const alert = enqueue("pathway.alert", { reason: "x" });

    const result = await createOutboxDispatcher(outbox, { "referral.requested": requested, email }).deliverDue(now);

    expect(result).toEqual({ delivered: 2, failed: 0 });
    expect(requested.received).toEqual([JSON.stringify({ referralId: "r-1" })]);
    expect(email.received).toEqual([JSON.stringify({ kind: "resume" })]);
    expect(row(referral).delivered_at).toBe(now.getTime());
    expect(row(mail).delivered_at).toBe(now.getTime());
    expect(row(alert)).toMatchObject({ attempts: 0, delivered_at: null, failed_at: null });
  });

  it("records referral messages as delivered to the provider inbox, payload kept for it to read", async () => {
    const ids = ["referral.requested", "referral.status-changed", "referral.escalated", "referral.cancelled"].map((type) =>
      enqueue(type, { type, referralId: "r-2" }),
    );
    const handlers = Object.fromEntries(providerMessageTypes.map((type) => [type, providerInboxHandler]));

    expect(await createOutboxDispatcher(outbox, handlers).deliverDue(now)).toEqual({ delivered: 4, failed: 0 });

    for (const id of ids) expect(row(id)).toMatchObject({ attempts: 1, delivered_at: now.getTime(), payload: expect.stringContaining('"r-2"') });
  });

  it(`tries a failing message again with a growing wait, then puts it in the dead letter after ${maxDeliveryAttempts} tries`, async () => {
    const handler = recordingHandler(() => new Error("provider down"));
    const id = enqueue("test.delivery", { message: 1 });
    const dispatcher = createOutboxDispatcher(outbox, { "test.delivery": handler });

    let at = now.getTime();
    for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt += 1) {
      expect(await dispatcher.deliverDue(new Date(at - 1)), `before try ${attempt}`).toEqual({ delivered: 0, failed: 0 });
      expect(await dispatcher.deliverDue(new Date(at)), `try ${attempt}`).toEqual({ delivered: 0, failed: 1 });
      expect(row(id)).toMatchObject({ attempts: attempt, last_error: "provider down" });
      if (attempt < maxDeliveryAttempts) expect(row(id)).toMatchObject({ failed_at: null, available_at: at + retryDelayMs(attempt) });
      at += retryDelayMs(attempt);
    }
    expect(row(id).failed_at).toBe(at - retryDelayMs(maxDeliveryAttempts));

    expect(await dispatcher.deliverDue(later(30 * 24 * 60 * 60_000))).toEqual({ delivered: 0, failed: 0 });
    expect(handler.received).toHaveLength(maxDeliveryAttempts);
  });

  it("puts a message the handler refuses for good in the dead letter at once", async () => {
    const handler = recordingHandler(() => new UndeliverableMessage("refused"));
    const id = enqueue("test.delivery", { message: 1 });
    const dispatcher = createOutboxDispatcher(outbox, { "test.delivery": handler });

    expect(await dispatcher.deliverDue(now)).toEqual({ delivered: 0, failed: 1 });
    expect(row(id)).toMatchObject({ attempts: 1, failed_at: now.getTime(), last_error: "refused" });
    expect(await dispatcher.deliverDue(later(24 * 60 * 60_000))).toEqual({ delivered: 0, failed: 0 });
    expect(handler.received).toHaveLength(1);
  });

  it("lets another worker take a message over once the claim of a worker that died has run out", async () => {
    const id = enqueue("test.delivery", { message: 1 });
    const crashed = await outbox.claimNext(["test.delivery"], maxDeliveryAttempts, now, later(claimMs));
    expect(crashed?.id).toBe(id);
    const handler = recordingHandler();
    const dispatcher = createOutboxDispatcher(outbox, { "test.delivery": handler });

    expect(await dispatcher.deliverDue(later(claimMs - 1))).toEqual({ delivered: 0, failed: 0 });
    expect(handler.received).toEqual([]);
    expect(await dispatcher.deliverDue(later(claimMs))).toEqual({ delivered: 1, failed: 0 });
    expect(handler.received).toHaveLength(1);
    expect(row(id)).toMatchObject({ attempts: 2, delivered_at: later(claimMs).getTime() });
    // The worker that lost its claim cannot overwrite the outcome.
    await outbox.markFailed(crashed!, later(claimMs + 1), "late", "{}");
    expect(row(id)).toMatchObject({ failed_at: null, delivered_at: later(claimMs).getTime() });
  });

  it("puts a message whose last try never finished in the dead letter without trying it again", async () => {
    const id = enqueue("test.delivery", { message: 1 });
    sqlite.prepare("UPDATE outbox SET attempts = ? WHERE id = ?").run(maxDeliveryAttempts - 1, id);
    await outbox.claimNext(["test.delivery"], maxDeliveryAttempts, now, later(claimMs));
    const handler = recordingHandler();
    const dispatcher = createOutboxDispatcher(outbox, { "test.delivery": handler });

    expect(await dispatcher.deliverDue(later(claimMs - 1))).toEqual({ delivered: 0, failed: 0 });
    expect(row(id).failed_at).toBeNull();
    await dispatcher.deliverDue(later(claimMs));
    expect(row(id)).toMatchObject({ attempts: maxDeliveryAttempts, failed_at: later(claimMs).getTime(), delivered_at: null });
    expect(handler.received).toEqual([]);
  });

  it("never delivers a cancelled message", async () => {
    const id = enqueue("referral.requested", { referralId: "r-3" });
    sqlite.prepare("UPDATE outbox SET cancelled_at = ? WHERE id = ?").run(now.getTime(), id);
    const handler = recordingHandler();

    expect(await createOutboxDispatcher(outbox, { "referral.requested": handler }).deliverDue(later(60_000))).toEqual({ delivered: 0, failed: 0 });
    expect(handler.received).toEqual([]);
    expect(row(id)).toMatchObject({ attempts: 0, delivered_at: null });
  });

  it("does not mark delivered a message cancelled while it was being handed over, nor take it again", async () => {
    const id = enqueue("referral.requested", { referralId: "r-4" });
    const handler: OutboxHandler = {
      // Consent withdrawn in the meantime, as db/pathway-store.ts cancels what has not gone.
      deliver: async () => void sqlite.prepare("UPDATE outbox SET cancelled_at = ? WHERE id = ?").run(now.getTime(), id),
    };
    const dispatcher = createOutboxDispatcher(outbox, { "referral.requested": handler });

    expect(await dispatcher.deliverDue(now)).toEqual({ delivered: 0, failed: 0 });
    expect(row(id)).toMatchObject({ delivered_at: null, cancelled_at: now.getTime() });
    expect(await dispatcher.deliverDue(later(claimMs))).toEqual({ delivered: 0, failed: 0 });
    expect(row(id).attempts).toBe(1);
  });

  it("delivers each message exactly once with two worker processes on one database file", async () => {
    const count = 60;
    const ids = Array.from({ length: count }, (_, message) => enqueue("test.delivery", { message }, new Date(Date.now() - 1000)));
    const log = join(dirname(database.path), "deliveries.log");
    writeFileSync(log, "");
    const script = join(import.meta.dirname, "../support/outbox-worker-process.ts");
    const workers = ["first", "second"].map((name) => {
      const child = spawn(process.execPath, ["--import", "tsx", script, database.path, log, name], { stdio: ["pipe", "pipe", "inherit"] });
      let output = "";
      const ready = new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()).includes("ready") && resolve()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      return { child, ready, exited, output: () => output };
    });
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.child.stdin.write("go\n");
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);

    const lines = readFileSync(log, "utf8").trim().split("\n").map((line) => line.split(" ") as [string, string]);
    const timesDelivered = new Map<number, number>();
    for (const [, message] of lines) timesDelivered.set(Number(message), (timesDelivered.get(Number(message)) ?? 0) + 1);
    expect([...timesDelivered.entries()].sort(([a], [b]) => a - b)).toEqual(ids.map((_, message) => [message, 1]));
    // Both really worked: each delivered some while the other was claiming.
    expect(new Set(lines.map(([worker]) => worker))).toEqual(new Set(["first", "second"]));
    for (const id of ids) expect(row(id)).toMatchObject({ attempts: 1, failed_at: null, delivered_at: expect.any(Number) });
  }, 30_000);
});

describe("npm run worker", () => {
  it("handles what waits in the outbox as a process of its own, and stops cleanly on SIGTERM", async () => {
    const id = enqueue("email", { to: "not an email" }, new Date());
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_PATH: database.path,
        SESSION_SECRET: "a-test-secret-that-is-long-enough-for-the-schema",
        MAIL_DROP_DIR: join(dirname(database.path), "mail"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

    const deadline = Date.now() + 20_000;
    while (row(id).failed_at === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // A payload that is not an email link is given up at once, its payload cut (ADR 013): the worker handled it.
    expect(row(id), output).toMatchObject({ attempts: 1, payload: "{}", last_error: "The payload is not an email link" });

    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    expect(output).toContain("SIGTERM: finishing the delivery under way, then stopping.");
  }, 30_000);
});
