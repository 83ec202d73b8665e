import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackend, type Backend } from "#db/backend.ts";
import { StaleScreening } from "#db/stores.ts";
import { insertInNewCase } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let backend: Backend;

beforeAll(() => {
  database = createTestDatabase({ seedDemo: false });
  backend = createBackend({ kind: "sqlite", connection: database.db });
});
afterAll(() => database.close());

describe("screening store", () => {
  it("saves a change only over the version it was read at, so no answer is lost to a second tab", async () => {
    const store = backend.screenings;
    const created = await insertInNewCase(backend, {
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
    const saved = await store.update("s-1", 1, { snapshot: { value: "municipality" }, answers: { helpFor: "self", age: 70 }, status: "in-progress" });
    expect(saved.version).toBe(2);
    await expect(store.update("s-1", 1, { snapshot: {}, answers: {}, status: "complete" })).rejects.toThrow(StaleScreening);
    expect((await store.load("s-1"))!.answers).toEqual({ helpFor: "self", age: 70 });
  });
});
