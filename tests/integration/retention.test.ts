import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteExpiredScreenings } from "#db/retention.ts";
import { ScreeningStore } from "#db/screening-store.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const day = 24 * 60 * 60 * 1000;
const start = new Date("2026-01-01T10:00:00Z");

beforeAll(() => {
  database = createTestDatabase({ seedDemo: false });
});
afterAll(() => database.close());

function screening(id: string, status: "in-progress" | "complete", saved: boolean) {
  const store = new ScreeningStore(database.db, () => start);
  const record = store.insert({
    id,
    questionnaireVersion: "1.0.0",
    machineVersion: 1,
    snapshot: {},
    answers: {},
    language: "fi",
    channel: "online",
    status,
  });
  if (saved) store.saveForLater(id, record.version, `hash-${id}`);
}

describe("retention of screenings", () => {
  it("deletes abandoned ones after 30 days and saved ones after 90, never finished ones", () => {
    screening("abandoned", "in-progress", false);
    screening("saved", "in-progress", true);
    screening("finished", "complete", false);
    const policy = { unsavedDays: 30, savedDays: 90 };
    const ids = () => (database.db.$client.prepare("SELECT id FROM screening ORDER BY id").pluck().all() as string[]);

    expect(deleteExpiredScreenings(database.db, new Date(start.getTime() + 29 * day), policy)).toBe(0);
    expect(deleteExpiredScreenings(database.db, new Date(start.getTime() + 31 * day), policy)).toBe(1);
    expect(ids()).toEqual(["finished", "saved"]);
    expect(deleteExpiredScreenings(database.db, new Date(start.getTime() + 89 * day), policy)).toBe(0);
    expect(deleteExpiredScreenings(database.db, new Date(start.getTime() + 91 * day), policy)).toBe(1);
    expect(ids()).toEqual(["finished"]);
  });
});
