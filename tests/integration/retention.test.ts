import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { createBackend } from "#db/backend.ts";
import { SqliteCaseStore } from "#db/case-store.ts";
import { SqliteEmailLinkStore } from "#db/email-links.ts";
import { startRetentionJob, type Retention } from "#db/retention.ts";
import { daysAfter } from "#pathways/calendar/days.ts";
import { SqliteScreeningStore } from "#db/screening-store.ts";
import { insertInNewCase } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * What retention keeps and deletes, on a real SQLite file. The rule (db/retention.ts,
 * README "Configuration", ADR 013): a screening never saved is deleted `unsavedDays` after
 * its last change; a saved one `savedDays` after it was saved, however it was used since
 * (its resume link expires then too); a finished one never by this rule.
 */
let database: TestDatabase;
let retention: Retention;
const start = new Date("2026-01-01T10:00:00Z");
const policy = { unsavedDays: 30, savedDays: 90, detailsDays: 90 };
const millisecond = 1;

beforeAll(() => {
  database = createTestDatabase({ seedDemo: false });
  retention = createBackend({ kind: "sqlite", connection: database.db }).retention;
});
afterAll(() => database.close());
beforeEach(() => database.db.$client.exec("DELETE FROM screening; DELETE FROM email_link; DELETE FROM outbox;"));

/** A screening created at `start`; saved `savedAfterDays` later if given; last changed `changedAfterDays` later if given. */
async function screening(id: string, { status = "in-progress", savedAfterDays, changedAfterDays }: {
  status?: "in-progress" | "complete";
  savedAfterDays?: number;
  changedAfterDays?: number;
} = {}) {
  let now = start;
  const store = new SqliteScreeningStore(database.db, () => now);
  let record = await insertInNewCase({ screenings: store, cases: new SqliteCaseStore(database.db) }, {
    id,
    questionnaireVersion: "1.0.0",
    machineVersion: 1,
    snapshot: {},
    answers: {},
    language: "fi",
    channel: "online",
    status,
  });
  if (savedAfterDays !== undefined) {
    now = daysAfter(start, savedAfterDays);
    record = await store.saveForLater(id, record.version, `hash-${id}`);
  }
  if (changedAfterDays !== undefined) {
    now = daysAfter(start, changedAfterDays);
    await store.update(id, record.version, { snapshot: {}, answers: { age: 40 }, status });
  }
}

const ids = () => database.db.$client.prepare("SELECT id FROM screening ORDER BY id").pluck().all() as string[];
const at = (days: number, offset = 0) => new Date(daysAfter(start, days).getTime() + offset);

describe("retention of screenings", () => {
  it("deletes a screening never saved once 30 days have passed since its last change, not a millisecond before", async () => {
    await screening("abandoned");
    expect(await retention.deleteExpiredScreenings(at(30, -millisecond), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(30), policy)).toBe(0);
    expect(ids()).toEqual(["abandoned"]);
    expect(await retention.deleteExpiredScreenings(at(30, millisecond), policy)).toBe(1);
    expect(ids()).toEqual([]);
  });

  it("counts a screening never saved from its last change, not from when it was started", async () => {
    await screening("answered later", { changedAfterDays: 20 });
    expect(await retention.deleteExpiredScreenings(at(50), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(50, millisecond), policy)).toBe(1);
  });

  it("deletes a saved screening once 90 days have passed since it was saved, not a millisecond before", async () => {
    await screening("saved", { savedAfterDays: 0 });
    expect(await retention.deleteExpiredScreenings(at(31), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(90, -millisecond), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(90), policy)).toBe(0);
    expect(ids()).toEqual(["saved"]);
    expect(await retention.deleteExpiredScreenings(at(90, millisecond), policy)).toBe(1);
    expect(ids()).toEqual([]);
  });

  it("counts a saved screening from when it was saved, not from its last change", async () => {
    // Saved on day 10 and answered further on day 70: it goes on day 100, as its resume link does.
    await screening("saved then used", { savedAfterDays: 10, changedAfterDays: 70 });
    // Thirty days after the last change and after saving, it is still kept: it was saved.
    expect(await retention.deleteExpiredScreenings(at(40, millisecond), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(100), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(100, millisecond), policy)).toBe(1);
  });

  it("keeps a screening saved late in its first 30 days: saving restarts the clock at 90", async () => {
    await screening("saved late", { savedAfterDays: 29 });
    expect(await retention.deleteExpiredScreenings(at(60), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(119), policy)).toBe(0);
    expect(await retention.deleteExpiredScreenings(at(119, millisecond), policy)).toBe(1);
  });

  it("deletes the case opened for an unfinished screening with it: its members and the people in no other case go too", async () => {
    await screening("abandoned");
    await screening("answered later", { changedAfterDays: 20 });
    const caseOf = (id: string) => database.db.$client.prepare("SELECT case_id, member_id FROM screening WHERE id = ?").get(id) as { case_id: string; member_id: string };
    const abandoned = caseOf("abandoned");
    const kept = caseOf("answered later");
    const personOf = (memberId: string) => database.db.$client.prepare("SELECT person_id FROM case_member WHERE id = ?").pluck().get(memberId) as string;
    const abandonedPerson = personOf(abandoned.member_id);
    const exists = (table: string, id: string) => database.db.$client.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(id) === 1;

    expect(await retention.deleteExpiredScreenings(at(30, millisecond), policy)).toBe(1);

    expect([exists("case_record", abandoned.case_id), exists("case_member", abandoned.member_id), exists("person", abandonedPerson)]).toEqual([false, false, false]);
    expect([exists("case_record", kept.case_id), exists("case_member", kept.member_id), exists("person", personOf(kept.member_id))]).toEqual([true, true, true]);
  });

  it("never deletes a finished screening: it belongs to a case", async () => {
    await screening("finished", { status: "complete" });
    await screening("finished after saving", { status: "complete", savedAfterDays: 1, changedAfterDays: 2 });
    expect(await retention.deleteExpiredScreenings(at(1000), policy)).toBe(0);
    expect(ids()).toEqual(["finished", "finished after saving"]);
  });
});

describe("the retention job the server runs", () => {
  const link = (targetId: string, expiresAt: Date) =>
    new SqliteEmailLinkStore(database.db).store(
      { tokenHash: `token-${targetId}`, purpose: "resume", targetId, expiresAt },
      { to: "maija@example.fi", language: "fi", kind: "resume", link: "https://luukku.example.fi/screening/resume/link/x" },
      `address-of-${targetId}`,
      start,
    );
  const linkTargets = () => database.db.$client.prepare("SELECT target_id FROM email_link ORDER BY target_id").pluck().all() as string[];
  const hour = 60 * 60_000;
  let now: Date;
  let log: { log: Mock<(line: string) => void>; error: Mock<(line: string) => void> };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    log = { log: vi.fn(), error: vi.fn() };
  });
  afterEach(() => vi.useRealTimers());

  it("deletes at once on start, then every interval, screenings and email links alike, and logs counts only", async () => {
    await screening("abandoned");
    await screening("saved", { savedAfterDays: 0 });
    await link("saved", daysAfter(start, 90));
    await link("abandoned", daysAfter(start, 30));
    now = at(30, millisecond);

    const job = startRetentionJob(retention, policy, { intervalMs: hour, now: () => now, log });
    // The first run does not wait for the first interval: a server that was down catches up at start.
    // (No time passes here; a run on SQLite waits on nothing but promises, which this lets settle.)
    await vi.advanceTimersByTimeAsync(0);
    expect(ids()).toEqual(["saved"]);
    expect(linkTargets()).toEqual(["saved"]);
    expect(log.log.mock.calls).toEqual([["Retention: deleted 1 unfinished screenings."], ["Retention: deleted 1 expired email links."]]);

    now = at(90, millisecond);
    await vi.advanceTimersByTimeAsync(hour - 1);
    expect(ids()).toEqual(["saved"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ids()).toEqual([]);
    expect(linkTargets()).toEqual([]);
    expect(log.log).toHaveBeenCalledTimes(4);
    expect(log.error).not.toHaveBeenCalled();

    await job.stop();
    await screening("after stopping");
    now = at(1000);
    await vi.advanceTimersByTimeAsync(10 * hour);
    expect(ids()).toEqual(["after stopping"]);
  });

  it("logs a failed run on one line and tries again at the next interval", async () => {
    await screening("abandoned");
    now = at(31);
    database.db.$client.exec("ALTER TABLE screening RENAME TO screening_away");
    const job = startRetentionJob(retention, policy, { intervalMs: hour, now: () => now, log });
    try {
      await vi.advanceTimersByTimeAsync(0);
      expect(log.error.mock.calls).toEqual([[expect.stringMatching(/^Retention: .*no such table: screening/)]]);
      database.db.$client.exec("ALTER TABLE screening_away RENAME TO screening");
      await vi.advanceTimersByTimeAsync(hour);
      expect(ids()).toEqual([]);
      expect(log.error).toHaveBeenCalledTimes(1);
    } finally {
      await job.stop();
    }
  });

  it("runs one at a time: a run due while one is under way is skipped, and stopping waits for the one under way", async () => {
    const ends: (() => void)[] = [];
    const deleteExpiredScreenings = vi.fn(() => new Promise<number>((resolve) => ends.push(() => resolve(0))));
    now = at(0);
    const job = startRetentionJob({ deleteExpiredScreenings, deleteExpiredEmailLinks: async () => 0, erasePersonDetailsNoLongerNeeded: async () => 0 }, policy, { intervalMs: hour, now: () => now, log });

    // The run at start is still under way: three intervals and a run asked for start none beside it.
    await vi.advanceTimersByTimeAsync(3 * hour);
    void job.run();
    expect(deleteExpiredScreenings).toHaveBeenCalledTimes(1);
    // Once it has ended, the next interval runs again.
    ends.shift()!();
    await vi.advanceTimersByTimeAsync(hour);
    expect(deleteExpiredScreenings).toHaveBeenCalledTimes(2);

    // Stopping waits for the run under way (the workers close their connection after it), and nothing runs after.
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    ends.shift()!();
    await stopping;
    await vi.advanceTimersByTimeAsync(10 * hour);
    expect(deleteExpiredScreenings).toHaveBeenCalledTimes(2);
    expect(log.error).not.toHaveBeenCalled();
  });
});
