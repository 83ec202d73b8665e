import { describe, expect, it } from "vitest";
import {
  answerStep,
  changeStep,
  confirmAnswers,
  flowAnswers,
  isFlowComplete,
  isFlowExpired,
  newFlow,
  viewPage,
  type PersistedFlow,
} from "./flow.ts";
import { olderPersonAlone } from "./personas.ts";

function answered(count: number): PersistedFlow {
  let flow = newFlow();
  for (const event of olderPersonAlone.events.slice(0, count)) {
    const result = answerStep(flow, event.step, event.values);
    if (!result.ok) throw new Error(`persona answer to ${event.step} refused`);
    flow = result.persisted;
  }
  return JSON.parse(JSON.stringify(flow)) as PersistedFlow;
}

describe("screening pages over persisted flows", () => {
  it("shows the current question, with a back link to the one before", () => {
    expect(viewPage(answered(2), "municipality")).toEqual({
      kind: "show",
      step: "municipality",
      answers: { helpFor: "self", age: 78 },
      backTo: "age",
    });
  });

  it("shows an earlier question when the person goes back, without changing anything", () => {
    const flow = answered(3);
    expect(viewPage(flow, "age")).toMatchObject({ kind: "show", step: "age", backTo: "help-for" });
    expect(viewPage(flow, "language")).toMatchObject({ kind: "show", step: "language" });
  });

  it("sends a question not reached yet to where the person is", () => {
    expect(viewPage(answered(2), "contact")).toEqual({ kind: "redirect", to: "municipality" });
  });

  it("refuses an invalid answer with field messages and stores nothing", () => {
    const flow = answered(1);
    const result = answerStep(flow, "age", { age: "two hundred" });
    expect(result).toEqual({ ok: false, errors: { age: "questionnaire.errors.age.invalid" } });
    expect(viewPage(flow, "age")).toMatchObject({ kind: "show", step: "age" });
  });

  it("refuses unexpected fields and __proto__ keys", () => {
    const values = Object.create(null) as Record<string, string>;
    values.age = "40";
    values["__proto__"] = "x";
    const result = answerStep(answered(1), "age", values);
    expect(result.ok).toBe(false);
  });

  it("answers an earlier question by going back to it first", () => {
    const result = answerStep(answered(4), "age", { age: "80" });
    expect(result).toMatchObject({ ok: true, next: "municipality" });
    if (result.ok) expect(flowAnswers(result.persisted).age).toBe(80);
  });

  it("changes an answer from check answers and returns there, then completes", () => {
    let flow = answered(olderPersonAlone.events.length);
    expect(viewPage(flow, "check-answers")).toMatchObject({ kind: "check-answers" });
    const change = changeStep(flow, "age")!;
    expect(change.next).toBe("age");
    const result = answerStep(change.persisted, "age", { age: "81" });
    expect(result).toMatchObject({ ok: true, next: "check-answers" });
    flow = (result as { persisted: PersistedFlow }).persisted;
    const confirmed = confirmAnswers(flow)!;
    expect(confirmed.next).toBe("complete");
    expect(isFlowComplete(confirmed.persisted)).toBe(true);
  });

  it("does not confirm before check answers is reached", () => {
    expect(confirmAnswers(answered(3))).toBeNull();
  });
});

describe("idle timeout", () => {
  it("ends a flow idle for more than 30 minutes, not one idle for 30", () => {
    const lastUsed = new Date("2026-11-30T10:00:00Z");
    expect(isFlowExpired(lastUsed, new Date("2026-11-30T10:30:00Z"))).toBe(false);
    expect(isFlowExpired(lastUsed, new Date("2026-11-30T10:30:01Z"))).toBe(true);
  });
});
