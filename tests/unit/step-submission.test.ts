import { describe, expect, it } from "vitest";
import { formErrorName, parseStepForm, stepReply, stepValues } from "#app/screening/submission.ts";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("a question page's form, as the browser and the server both parse it", () => {
  it("accepts a valid answer and gives the step's value", () => {
    const submission = parseStepForm("age", form([["age", " 67 "]]), {});
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ age: 67 });
  });

  it("gives a translatable message key by the field, and sends back what was typed", () => {
    const submission = parseStepForm("age", form([["age", "sixty"]]), {});
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ age: ["questionnaire.errors.age.invalid"] });
    expect(submission.reply().initialValue).toEqual({ age: "sixty" });
  });

  it("takes one ticked box as a list", () => {
    const submission = parseStepForm("health", form([["healthConcerns", "mental-health"]]), {});
    expect(submission.status).toBe("success");
    expect(stepValues("health", submission.payload)).toEqual({ healthConcerns: ["mental-health"] });
  });

  it("refuses a radio answer sent twice, by the field", () => {
    const submission = parseStepForm(
      "help-for",
      form([
        ["helpFor", "self"],
        ["helpFor", "someone-i-care-for"],
      ]),
      {},
    );
    expect(submission.reply().error).toEqual({ helpFor: ["questionnaire.errors.helpFor.invalid"] });
  });

  it("refuses a field the page does not have, for the form as a whole", () => {
    const submission = parseStepForm(
      "age",
      form([
        ["age", "67"],
        ["isAdmin", "yes"],
      ]),
      {},
    );
    expect(submission.reply().error).toEqual({ [formErrorName]: ["questionnaire.errors.unknownField"] });
  });

  it.each(["__proto__", "constructor", "a..b", "x]"])("ignores a field named %j: it is neither read nor kept", (name) => {
    const submission = parseStepForm(
      "age",
      form([
        ["age", "67"],
        [name, "1"],
      ]),
      {},
    );
    expect(submission.status === "success" && submission.value).toEqual({ age: 67 });
    expect(Object.keys(submission.payload)).toEqual(["age"]);
    expect(Object.getPrototypeOf(submission.payload)).toBe(Object.prototype);
  });

  it.each(["__intent__", "__state__"])("refuses a form with a broken %s field and keeps none of it", (name) => {
    const submission = parseStepForm(
      "age",
      form([
        ["age", "67"],
        [name, "{not json"],
      ]),
      {},
    );
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ [formErrorName]: ["questionnaire.errors.invalidForm"] });
    expect(submission.reply().initialValue).toEqual({});
  });

  it("checks an answer against the earlier ones, as the server does", () => {
    const submission = parseStepForm("children-with-needs", form([["childrenWithNeedsCount", "3"]]), { childrenCount: 2 });
    expect(submission.status).toBe("error");
    expect(Object.keys(submission.reply().error ?? {})).toEqual(["childrenWithNeedsCount"]);
  });

  it("sends back what was typed into the page's fields, but not fields it lacks or values no field could hold", () => {
    const typed = parseStepForm("age", form([["age", "sixty"]]), {});
    expect(stepReply("age", typed).initialValue).toEqual({ age: "sixty" });
    const tampered = parseStepForm(
      "age",
      form([
        ["age", "a".repeat(100_000)],
        ["isAdmin", "yes"],
      ]),
      {},
    );
    const reply = stepReply("age", tampered);
    expect(reply.initialValue).toEqual({});
    expect(reply.error).toEqual({ [formErrorName]: ["questionnaire.errors.unknownField"], age: ["questionnaire.errors.age.invalid"] });
  });
});
