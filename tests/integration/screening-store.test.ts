import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScreeningStore, StaleScreening } from "#db/screening-store.ts";
import { insertInNewCase } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let store: ScreeningStore;

beforeAll(() => {
  database = createTestDatabase({ seedDemo: false });
  store = new ScreeningStore(database.db);
});
afterAll(() => database.close());

describe("screening store", () => {
  it("saves a change only over the version it was read at, so no answer is lost to a second tab", () => {
    const created = insertInNewCase(database.db, store, {
      id: "s-1",
      questionnaireVersion: "1.0.0",
      machineVersion: 1,
      snapshot: { value: "age" },
      answers: { helpFor: "self" },
      language: "sv",
      channel: "walk-in",
      status: "in-progress",
    });
    expect(created.version).toBe(1);
    const saved = store.update("s-1", 1, { snapshot: { value: "municipality" }, answers: { helpFor: "self", age: 70 }, status: "in-progress" });
    expect(saved.version).toBe(2);
    expect(() => store.update("s-1", 1, { snapshot: {}, answers: {}, status: "complete" })).toThrow(StaleScreening);
    expect(store.load("s-1")!.answers).toEqual({ helpFor: "self", age: 70 });
  });
});
