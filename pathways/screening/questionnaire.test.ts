import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { personas } from "./personas.ts";
import { isScreeningPageId } from "./pages.ts";
import {
  applyAnswer,
  askedSteps,
  branchConditionNames,
  branchConditions,
  childNeedOptions,
  dailyLivingHelpOptions,
  healthConcernOptions,
  isComplete,
  isStepAsked,
  moneyWorryOptions,
  safetyConcernOptions,
  screeningErrorKeys,
  screeningVersion,
  stepIds,
  steps,
  validateStep,
  type AnswersSoFar,
  type ScreeningAnswers,
  type StepDefinition,
  type StepId,
  type StepValue,
} from "./questionnaire.ts";

/** Values a browser could submit for each page, all valid. */
const validFormValues: Record<StepId, Record<string, unknown>> = {
  "help-for": { helpFor: "self" },
  age: { age: "40" },
  municipality: { municipality: "koskela" },
  language: { language: "other", otherLanguage: "so" },
  "living-situation": { livingSituation: "with-children" },
  housing: { housing: "renting" },
  "rent-arrears": { rentArrears: "yes" },
  "eviction-notice": { evictionNotice: "no" },
  "daily-living": { dailyLivingHelp: ["meals", "getting-around"] },
  memory: { memoryProblems: "no" },
  health: { healthConcerns: ["none"] },
  "children-count": { childrenCount: "2" },
  "children-needs": { childrenNeeds: ["motor-senses"] },
  "children-with-needs": { childrenWithNeedsCount: "1" },
  respite: { wantsRespite: "yes" },
  caring: { caresForSomeone: "no" },
  "work-situation": { workSituation: "unemployed" },
  "months-unemployed": { monthsUnemployed: "3" },
  "study-or-training": { wantsStudyOrTraining: "yes" },
  money: { moneyWorries: ["debts", "benefits-unsure"] },
  safety: { safetyConcerns: ["none"] },
  providers: { providers: "any" },
  "max-cost": { maxMonthlyCost: "up-to-500" },
  contact: { contact: "letter" },
};

/** Enough context for steps whose answer is limited by an earlier one. */
const twoChildren: AnswersSoFar = { childrenCount: 2 };

function errorsFor(stepId: StepId, values: unknown, answersSoFar: AnswersSoFar = twoChildren) {
  const result = validateStep(stepId, values, answersSoFar);
  return result.ok ? null : result.errors;
}

describe("the questionnaire", () => {
  it("is version 1.0.0", () => {
    expect(screeningVersion).toBe("1.0.0");
  });

  it("has one page per question, named by its step id, with no more than 25 questions", () => {
    expect(new Set(stepIds).size).toBe(stepIds.length);
    expect(stepIds.length).toBeLessThanOrEqual(25);
    expect(Object.keys(steps)).toEqual([...stepIds]);
    for (const stepId of stepIds) {
      expect(steps[stepId].id).toBe(stepId);
      expect(isScreeningPageId(stepId)).toBe(true);
      expect(steps[stepId].fields.length).toBeGreaterThan(0);
    }
  });

  it("never owns one answer field from two steps", () => {
    const fields = stepIds.flatMap((stepId) => steps[stepId].fields);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("opens or limits each question only from an answer given earlier", () => {
    for (const stepId of stepIds) {
      const { askedWhen, consistency } = steps[stepId] as StepDefinition;
      const readSteps = [...askedWhen.map((condition) => branchConditions[condition].reads), ...(consistency ? [consistency.reads] : [])];
      for (const read of readSteps) expect(stepIds.indexOf(read), `${read} before ${stepId}`).toBeLessThan(stepIds.indexOf(stepId));
    }
  });
});

describe("validateStep accepts what a browser sends", () => {
  it.each(stepIds)("accepts valid values for %s", (stepId) => {
    const result = validateStep(stepId, validFormValues[stepId], twoChildren);
    expect(result.ok).toBe(true);
  });

  it("reads numbers typed as text, trimmed, and numbers given as numbers", () => {
    expect(validateStep("age", { age: " 40 " })).toEqual({ ok: true, value: { age: 40 } });
    expect(validateStep("age", { age: 40 })).toEqual({ ok: true, value: { age: 40 } });
  });

  it("accepts the ends of every range", () => {
    for (const age of [0, 120]) expect(validateStep("age", { age }).ok).toBe(true);
    for (const monthsUnemployed of [0, 600]) expect(validateStep("months-unemployed", { monthsUnemployed }).ok).toBe(true);
    for (const childrenCount of [0, 20]) expect(validateStep("children-count", { childrenCount }).ok).toBe(true);
  });

  it("stores 'None of these' as an empty list", () => {
    expect(validateStep("health", { healthConcerns: ["none"] })).toEqual({ ok: true, value: { healthConcerns: [] } });
  });

  it("keeps another language only when 'Another language' is chosen, since a hidden select is still submitted", () => {
    expect(validateStep("language", { language: "other", otherLanguage: "uk" })).toEqual({
      ok: true,
      value: { language: "other", otherLanguage: "uk" },
    });
    expect(validateStep("language", { language: "sv", otherLanguage: "uk" })).toEqual({ ok: true, value: { language: "sv" } });
    expect(validateStep("language", { language: "fi", otherLanguage: "" })).toEqual({ ok: true, value: { language: "fi" } });
  });

  it("gives each step the answer type the answers hold", () => {
    expectTypeOf<StepValue<"age">>().toEqualTypeOf<{ age: number }>();
    expectTypeOf<StepValue<"daily-living">>().toEqualTypeOf<{ dailyLivingHelp: ScreeningAnswers["dailyLivingHelp"] }>();
    expectTypeOf<StepValue<"children-count">>().toEqualTypeOf<{ childrenCount: number }>();
  });
});

describe("validateStep refuses bad input field by field", () => {
  it.each(stepIds)("asks for every required answer on %s", (stepId) => {
    const errors = errorsFor(stepId, {});
    const requiredFields = steps[stepId].fields.filter((field) => field !== "otherLanguage");
    expect(errors).toEqual(Object.fromEntries(requiredFields.map((field) => [field, `questionnaire.errors.${field}.required`])));
  });

  it("treats an empty text box as missing", () => {
    expect(errorsFor("age", { age: "" })).toEqual({ age: "questionnaire.errors.age.required" });
    expect(errorsFor("age", { age: "   " })).toEqual({ age: "questionnaire.errors.age.required" });
  });

  it.each([
    ["age", { age: -1 }, { age: "questionnaire.errors.age.tooSmall" }],
    ["age", { age: "121" }, { age: "questionnaire.errors.age.tooLarge" }],
    ["months-unemployed", { monthsUnemployed: "601" }, { monthsUnemployed: "questionnaire.errors.monthsUnemployed.tooLarge" }],
    ["months-unemployed", { monthsUnemployed: "-1" }, { monthsUnemployed: "questionnaire.errors.monthsUnemployed.tooSmall" }],
    ["children-count", { childrenCount: 21 }, { childrenCount: "questionnaire.errors.childrenCount.tooLarge" }],
    ["children-count", { childrenCount: -2 }, { childrenCount: "questionnaire.errors.childrenCount.tooSmall" }],
    ["children-with-needs", { childrenWithNeedsCount: 0 }, { childrenWithNeedsCount: "questionnaire.errors.childrenWithNeedsCount.tooSmall" }],
    [
      "children-with-needs",
      { childrenWithNeedsCount: 3 },
      { childrenWithNeedsCount: "questionnaire.errors.childrenWithNeedsCount.moreThanChildren" },
    ],
  ] as const)("refuses out-of-range numbers: %s %j", (stepId, values, expected) => {
    expect(errorsFor(stepId, values)).toEqual(expected);
  });

  it.each([
    ["help-for", { helpFor: "everyone" }, "helpFor"],
    ["municipality", { municipality: "helsinki" }, "municipality"],
    ["language", { language: "de" }, "language"],
    ["language", { language: "other", otherLanguage: "xx" }, "otherLanguage"],
    ["max-cost", { maxMonthlyCost: "up-to-1000" }, "maxMonthlyCost"],
    ["daily-living", { dailyLivingHelp: ["flying"] }, "dailyLivingHelp"],
    ["daily-living", { dailyLivingHelp: ["meals", "meals"] }, "dailyLivingHelp"],
  ] as const)("refuses unknown options: %s %j", (stepId, values, field) => {
    expect(errorsFor(stepId, values)).toEqual({ [field]: `questionnaire.errors.${field}.invalid` });
  });

  it("asks for the other language when 'Another language' is chosen", () => {
    expect(errorsFor("language", { language: "other" })).toEqual({ otherLanguage: "questionnaire.errors.otherLanguage.required" });
  });

  it("refuses 'None of these' together with other boxes, and no box at all", () => {
    expect(errorsFor("safety", { safetyConcerns: ["none", "lonely"] })).toEqual({
      safetyConcerns: "questionnaire.errors.safetyConcerns.noneWithOthers",
    });
    expect(errorsFor("safety", { safetyConcerns: [] })).toEqual({ safetyConcerns: "questionnaire.errors.safetyConcerns.required" });
  });

  it.each([
    ["age", { age: true }],
    ["age", { age: {} }],
    ["age", { age: [] }],
    ["age", { age: null }],
    ["age", { age: 40.5 }],
    ["age", { age: "4O" }],
    ["age", { age: Number.NaN }],
    ["age", { age: Number.POSITIVE_INFINITY }],
    ["help-for", { helpFor: 1 }],
    ["help-for", { helpFor: ["self"] }],
    ["money", { moneyWorries: "debts" }],
    ["money", { moneyWorries: [1] }],
  ] as const)("refuses wrong types: %s %o", (stepId, values) => {
    const [field] = Object.keys(values);
    expect(errorsFor(stepId, values)).toEqual({ [field!]: `questionnaire.errors.${field}.invalid` });
  });

  it.each([
    ["help-for", { helpFor: "self\u0000" }],
    ["help-for", { helpFor: "self\r\n" }],
    ["age", { age: "4\u00002" }],
    ["daily-living", { dailyLivingHelp: ["meals\u001b"] }],
  ] as const)("refuses control characters: %s %o", (stepId, values) => {
    const [field] = Object.keys(values);
    expect(errorsFor(stepId, values)).toEqual({ [field!]: `questionnaire.errors.${field}.invalid` });
  });

  it("refuses 10 kB strings without echoing them", () => {
    const tenKilobytes = "1".repeat(10 * 1024);
    for (const [stepId, field, values] of [
      ["age", "age", { age: tenKilobytes }],
      ["help-for", "helpFor", { helpFor: "x".repeat(10 * 1024) }],
      ["daily-living", "dailyLivingHelp", { dailyLivingHelp: [tenKilobytes] }],
    ] as const) {
      const errors = errorsFor(stepId, values);
      expect(errors).toEqual({ [field]: `questionnaire.errors.${field}.invalid` });
      expect(JSON.stringify(errors).length).toBeLessThan(200);
    }
  });

  it("refuses fields the page does not have instead of dropping them silently", () => {
    expect(errorsFor("help-for", { helpFor: "self", isAdmin: "true" })).toEqual({ form: "questionnaire.errors.unknownField" });
  });

  it("refuses a __proto__ key and is not polluted by it", () => {
    const values = JSON.parse('{"helpFor": "self", "__proto__": {"polluted": "yes"}}') as unknown;
    expect(errorsFor("help-for", values)).toEqual({ form: "questionnaire.errors.unknownField" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads only the submission's own fields, not inherited ones", () => {
    const inherited = Object.create({ helpFor: "self" }) as unknown;
    expect(errorsFor("help-for", inherited)).toEqual({ helpFor: "questionnaire.errors.helpFor.required" });
  });

  it.each([null, undefined, "helpFor=self", 42, [["helpFor", "self"]]])(
    "refuses a submission that is not a set of fields: %j",
    (values) => {
      expect(errorsFor("help-for", values)).toEqual({ form: "questionnaire.errors.invalidForm" });
    },
  );

  it("refuses an unknown step id as a programming error", () => {
    expect(() => validateStep("__proto__" as StepId, {})).toThrow(TypeError);
  });

  it("never throws on junk and only ever reports its own fields with listed message keys", () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.string(), fc.anything()),
      fc.dictionary(fc.constantFrom("age", "helpFor", "dailyLivingHelp", "language", "otherLanguage"), fc.anything()),
    );
    fc.assert(
      fc.property(fc.constantFrom(...stepIds), junk, (stepId, values) => {
        const result = validateStep(stepId, values, twoChildren);
        if (result.ok) {
          for (const field of Object.keys(result.value)) expect(steps[stepId].fields).toContain(field);
          return;
        }
        for (const [field, message] of Object.entries(result.errors)) {
          expect([...steps[stepId].fields, "form"]).toContain(field);
          expect(screeningErrorKeys).toContain(message);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("screeningErrorKeys", () => {
  it("are translation keys, listed once each", () => {
    expect(new Set(screeningErrorKeys).size).toBe(screeningErrorKeys.length);
    for (const key of screeningErrorKeys) expect(key).toMatch(/^questionnaire\.errors\.[a-zA-Z]+(\.[a-zA-Z]+)?$/);
  });

  const checkboxOptions: Record<string, readonly string[]> = {
    dailyLivingHelp: dailyLivingHelpOptions,
    healthConcerns: healthConcernOptions,
    childrenNeeds: childNeedOptions,
    moneyWorries: moneyWorryOptions,
    safetyConcerns: safetyConcernOptions,
  };

  /** An input that produces the given problem with a field, on top of otherwise valid values. */
  function provoke(field: string, problem: string): { values: Record<string, unknown>; answersSoFar: AnswersSoFar } {
    const stepId = stepIds.find((id) => (steps[id].fields as readonly string[]).includes(field))!;
    const values = { ...validFormValues[stepId] };
    const badValue: Record<string, unknown> = {
      invalid: { not: "a value" },
      tooSmall: "-5",
      tooLarge: "99999",
      noneWithOthers: ["none", checkboxOptions[field]?.[0]],
      moreThanChildren: "3",
    };
    if (problem === "required") {
      delete values[field];
      if (field === "otherLanguage") values.language = "other";
    } else values[field] = badValue[problem];
    return { values, answersSoFar: twoChildren };
  }

  it("can each be produced, so none is listed without being used", () => {
    for (const key of screeningErrorKeys) {
      if (key === "questionnaire.errors.unknownField") {
        expect(errorsFor("age", { age: "1", extra: "1" })?.form).toBe(key);
        continue;
      }
      if (key === "questionnaire.errors.invalidForm") {
        expect(errorsFor("age", "age=1")?.form).toBe(key);
        continue;
      }
      const [, , field, problem] = key.split(".") as [string, string, string, string];
      const { values, answersSoFar } = provoke(field, problem);
      const stepId = stepIds.find((id) => (steps[id].fields as readonly string[]).includes(field))!;
      expect(errorsFor(stepId, values, answersSoFar)?.[field as keyof ScreeningAnswers], key).toBe(key);
    }
  });
});

describe("answers", () => {
  const twins = personas.twinsFamily.answers;

  it("drops the children's answers when the person no longer lives with children", () => {
    const answers = applyAnswer(twins, "living-situation", { livingSituation: "alone" });
    expect(answers.livingSituation).toBe("alone");
    for (const field of ["childrenCount", "childrenNeeds", "childrenWithNeedsCount", "wantsRespite"] as const)
      expect(answers[field]).toBeUndefined();
    expect(answers.contact).toBe(twins.contact);
  });

  it("drops the count of children with needs when it exceeds a lowered number of children", () => {
    const threeChildren = applyAnswer(applyAnswer(twins, "children-count", { childrenCount: 3 }), "children-with-needs", {
      childrenWithNeedsCount: 3,
    });
    expect(applyAnswer(threeChildren, "children-count", { childrenCount: 2 }).childrenWithNeedsCount).toBeUndefined();
    expect(applyAnswer(twins, "children-count", { childrenCount: 3 }).childrenWithNeedsCount).toBe(2);
  });

  it("drops the respite and count answers when the children turn out to have no support needs", () => {
    const answers = applyAnswer(twins, "children-needs", { childrenNeeds: [] });
    expect(answers.childrenWithNeedsCount).toBeUndefined();
    expect(answers.wantsRespite).toBeUndefined();
    expect(answers.childrenCount).toBe(2);
  });

  it("drops the work answers when the person turns out to be of pension age", () => {
    const answers = applyAnswer(personas.unemployed14Months.answers, "age", { age: 70 });
    expect(answers.workSituation).toBeUndefined();
    expect(answers.monthsUnemployed).toBeUndefined();
  });

  it("drops the other language when Finnish is chosen instead", () => {
    const answers = applyAnswer({ language: "other", otherLanguage: "ar" }, "language", { language: "fi" });
    expect(answers).toEqual({ language: "fi" });
  });

  it("is complete only when every question asked has an answer", () => {
    for (const persona of Object.values(personas)) expect(isComplete(persona.answers)).toBe(true);
    const { monthsUnemployed: _monthsUnemployed, ...withoutMonths } = personas.unemployed14Months.answers;
    expect(isComplete(withoutMonths)).toBe(false);
    expect(isComplete({})).toBe(false);
  });

  it("asks the fixed questions of everyone and branch questions only when they apply", () => {
    expect(askedSteps({})).toEqual(stepIds.filter((stepId) => steps[stepId].askedWhen.length === 0));
    expect(isStepAsked("rent-arrears", { housing: "renting" })).toBe(true);
    expect(isStepAsked("rent-arrears", { housing: "own-home" })).toBe(false);
  });
});

describe("branch conditions", () => {
  const someAnswers: fc.Arbitrary<AnswersSoFar> = fc.record(
    {
      helpFor: fc.constantFrom("self", "someone-i-care-for"),
      age: fc.integer({ min: 0, max: 120 }),
      livingSituation: fc.constantFrom("alone", "with-partner", "with-children", "other"),
      housing: fc.constantFrom("own-home", "renting", "temporary-or-none"),
      childrenCount: fc.integer({ min: 0, max: 20 }),
      childrenNeeds: fc.subarray(["speech-language", "motor-senses", "development", "school-support"] as const),
      workSituation: fc.constantFrom("employed", "unemployed", "studying", "retired", "unable-to-work", "other"),
      providers: fc.constantFrom("public-only", "any"),
    },
    { requiredKeys: [] },
  );

  it("each depend only on the step they declare they read", () => {
    fc.assert(
      fc.property(fc.constantFrom(...branchConditionNames), someAnswers, someAnswers, (name, answers, otherAnswers) => {
        const { reads, holds } = branchConditions[name];
        const readFields = steps[reads].fields as readonly string[];
        const mixed = Object.fromEntries([
          ...Object.entries(otherAnswers).filter(([field]) => !readFields.includes(field)),
          ...Object.entries(answers).filter(([field]) => readFields.includes(field)),
        ]) as AnswersSoFar;
        expect(holds(mixed)).toBe(holds(answers));
      }),
      { numRuns: 500 },
    );
  });
});
