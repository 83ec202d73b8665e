import { appDatabase } from "../support/app-database.ts";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { answerQuestion } from "#app/screening/answer-question.server.ts";
import { endSession, findScreening, loadPage, saveForLater, startScreening } from "#app/screening.server.ts";
import { getStores } from "#app/db.server.ts";
import { exitScreening, resumeScreening, saveScreening } from "#app/screening/save-and-leave.server.ts";
import { createBackend } from "#db/backend.ts";
import type { Actor } from "#pathways/actor.ts";

/**
 * Screening answers as events (issue 12, item 3), on a real SQLite file through the app's
 * own use cases: who answered what, when, on which channel, appended in the transaction of
 * the change it records, and gone with the screening.
 */

afterAll(() => appDatabase.close());
afterEach(() => vi.restoreAllMocks());

const receptionist: Actor = { kind: "staff", userId: "staff-7", role: "reception", officeId: "koskela-counter" };

/** A screening started as the citizen starts one, by its id. */
async function started(): Promise<string> {
  const response = await startScreening("fi");
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  const request = new Request("http://luukku.test/screening/help-for", { headers: { Cookie: cookie } });
  return (await findScreening(request))!.id;
}

const eventsOf = async (id: string) => (await getStores().screenings.events(id)).map(({ type, step, actor, channel }) => ({ type, step, actor, channel }));

describe("the screening's event log", () => {
  it("records an answer given by staff at the counter as theirs, on the walk-in channel, with the question and the time", async () => {
    const id = await started();
    const at = new Date("2026-12-01T10:15:00Z");
    const result = await answerQuestion({ screeningId: id, step: "help-for", values: { helpFor: "self" }, actor: receptionist, channel: "walk-in", at });
    expect(result).toEqual({ kind: "answered", next: "age", dangerDisclosed: false });
    expect(await eventsOf(id)).toEqual([
      { type: "started", step: null, actor: { kind: "citizen" }, channel: "online" },
      { type: "answered", step: "help-for", actor: receptionist, channel: "walk-in" },
    ]);
    expect((await getStores().screenings.events(id))[1]!.at).toEqual(at);
    expect((await getStores().screenings.load(id))!.answers).toEqual({ helpFor: "self" });
  });

  it("records nothing for an answer the flow refuses, or for a question asked out of order", async () => {
    const id = await started();
    expect((await answerQuestion({ screeningId: id, step: "help-for", values: { helpFor: "nobody" }, actor: receptionist, channel: "phone" })).kind).toBe("invalid");
    expect(await answerQuestion({ screeningId: id, step: "municipality", values: { municipality: "koskela" }, actor: receptionist, channel: "phone" })).toEqual({
      kind: "elsewhere",
      page: "help-for",
    });
    expect((await eventsOf(id)).map((event) => event.type)).toEqual(["started"]);
  });

  it("keeps neither the answer nor its event when recording fails half-way", async () => {
    const id = await started();
    const before = (await getStores().screenings.load(id))!;
    vi.spyOn(getStores().screenings, "recordEvent").mockImplementationOnce(async () => {
      throw new Error("disk full");
    });
    await expect(answerQuestion({ screeningId: id, step: "help-for", values: { helpFor: "self" }, actor: receptionist, channel: "walk-in" })).rejects.toThrow("disk full");
    expect(await getStores().screenings.load(id)).toEqual(before);
    expect((await eventsOf(id)).map((event) => event.type)).toEqual(["started"]);
  });

  it("records saving and Exit this page as the person's own, online", async () => {
    const response = await startScreening("sv");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    const request = new Request("http://luukku.test/screening/save", { method: "POST", headers: { Cookie: cookie } });
    const id = (await findScreening(request))!.id;
    await answerQuestion({ screeningId: id, step: "help-for", values: { helpFor: "self" }, actor: { kind: "citizen" }, channel: "online" });
    await saveForLater(request);
    await endSession(request);
    expect((await eventsOf(id)).map(({ type, step, channel }) => [type, step, channel])).toEqual([
      ["started", null, "online"],
      ["answered", "help-for", "online"],
      ["saved", null, "online"],
      ["exited", null, "online"],
    ]);
  });

  it("records saving, coming back, changing an answer and leaving as whoever did them, on their channel", async () => {
    const id = await started();
    const caller: Actor = { kind: "staff", userId: "staff-9", role: "case-manager", officeId: "koskela-counter" };
    expect((await answerQuestion({ screeningId: id, step: "help-for", values: { helpFor: "self" }, actor: caller, channel: "phone" })).kind).toBe("answered");
    expect(await saveScreening({ screeningId: id, actor: caller, channel: "phone" })).toEqual({ code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    expect(await resumeScreening({ screeningId: id, actor: receptionist, channel: "walk-in" })).toBe("age");
    await exitScreening({ screeningId: id, actor: receptionist, channel: "walk-in" });
    expect((await eventsOf(id)).slice(1)).toEqual([
      { type: "answered", step: "help-for", actor: caller, channel: "phone" },
      { type: "saved", step: null, actor: caller, channel: "phone" },
      { type: "resumed", step: null, actor: receptionist, channel: "walk-in" },
      { type: "exited", step: null, actor: receptionist, channel: "walk-in" },
    ]);
    // No screening by that id: nothing saved, nothing resumed, nothing recorded.
    expect(await saveScreening({ screeningId: "~".repeat(24), actor: caller, channel: "phone" })).toBeNull();
    expect(await resumeScreening({ screeningId: "~".repeat(24), actor: caller, channel: "phone" })).toBeNull();
  });

  it("records a time-out once, when the first page after the idle limit finds it over", async () => {
    const response = await startScreening("en");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    const request = () => new Request("http://luukku.test/screening/help-for", { headers: { Cookie: cookie } });
    const id = (await findScreening(request()))!.id;
    await getStores().screenings.touch(id, new Date(Date.now() - 31 * 60_000));
    for (const attempt of [1, 2]) {
      const thrown = await loadPage(request(), "help-for").catch((redirect: unknown) => redirect);
      expect(thrown instanceof Response && thrown.headers.get("Location"), `page ${attempt}`).toBe("/screening/timed-out");
    }
    expect(await eventsOf(id)).toEqual([
      { type: "started", step: null, actor: { kind: "citizen" }, channel: "online" },
      { type: "timed-out", step: null, actor: { kind: "system", name: "idle-limit" }, channel: "online" },
    ]);
  });

  it("goes with its screening when retention deletes it", async () => {
    const id = await started();
    const kept = await started();
    const now = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
    // Only this test's two screenings are old enough here: the one kept is touched now.
    await getStores().screenings.touch(kept, now);
    const { retention } = createBackend({ kind: "sqlite", connection: appDatabase.db });
    expect(await retention.deleteExpiredScreenings(now, { unsavedDays: 30, savedDays: 90, detailsDays: 90 })).toBeGreaterThanOrEqual(1);
    expect(await getStores().screenings.load(id)).toBeUndefined();
    expect(await getStores().screenings.events(id)).toEqual([]);
    expect((await eventsOf(kept)).map((event) => event.type)).toEqual(["started"]);
  });
});
