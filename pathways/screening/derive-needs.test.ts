import { describe, expect, it } from "vitest";
import { urgencies, type Urgency } from "../needs/need.ts";
import { deriveNeeds, deriveProfile, needRules } from "./derive-needs.ts";
import type { ScreeningAnswers } from "./questionnaire.ts";

/** A 40-year-old at work, living alone in their own home, who needs nothing. */
const needsNothing: ScreeningAnswers = {
  helpFor: "self",
  age: 40,
  municipality: "koskela",
  language: "fi",
  livingSituation: "alone",
  housing: "own-home",
  dailyLivingHelp: [],
  memoryProblems: "no",
  healthConcerns: [],
  caresForSomeone: "no",
  workSituation: "employed",
  moneyWorries: [],
  safetyConcerns: [],
  providers: "public-only",
  contact: "phone",
};

const withAnswers = (changes: Partial<ScreeningAnswers>) => ({ ...needsNothing, ...changes }) as ScreeningAnswers;
const renting = { housing: "renting", rentArrears: "no", evictionNotice: "no" } as const;
const withChildren = (childrenNeeds: ScreeningAnswers["childrenNeeds"] = []) =>
  ({ livingSituation: "with-children", childrenCount: 2, childrenNeeds }) as const;
const unemployedFor = (monthsUnemployed: number) => ({ workSituation: "unemployed", monthsUnemployed }) as const;

/** For each rule: answers that fire it, and near misses that do not. */
const ruleCases: Record<string, { fires: Partial<ScreeningAnswers>; doesNotFire: Partial<ScreeningAnswers>[] }> = {
  "harmed-at-home": { fires: { safetyConcerns: ["harmed-at-home"] }, doesNotFire: [{ safetyConcerns: ["lonely", "worried-about-child"] }] },
  "worried-about-child": { fires: { safetyConcerns: ["worried-about-child"] }, doesNotFire: [{ safetyConcerns: ["harmed-at-home"] }] },
  "harmed-at-home-with-children": {
    fires: { safetyConcerns: ["harmed-at-home"], ...withChildren() },
    doesNotFire: [{ safetyConcerns: ["harmed-at-home"] }, { safetyConcerns: ["lonely"], ...withChildren() }],
  },
  "no-home-of-own": { fires: { housing: "temporary-or-none" }, doesNotFire: [{ ...renting }] },
  "eviction-notice": { fires: { ...renting, evictionNotice: "yes" }, doesNotFire: [{ ...renting, rentArrears: "yes" }] },
  "rent-arrears": { fires: { ...renting, rentArrears: "yes" }, doesNotFire: [{ ...renting, evictionNotice: "yes" }] },
  "eviction-notice-debt": { fires: { ...renting, evictionNotice: "yes" }, doesNotFire: [{ ...renting, rentArrears: "yes" }] },
  "eviction-notice-benefits": { fires: { ...renting, evictionNotice: "yes" }, doesNotFire: [{ ...renting, rentArrears: "yes" }] },
  "not-enough-money": { fires: { moneyWorries: ["not-enough-money"] }, doesNotFire: [{ moneyWorries: ["debts", "benefits-unsure"] }] },
  debts: { fires: { moneyWorries: ["debts"] }, doesNotFire: [{ moneyWorries: ["not-enough-money"] }] },
  "benefits-unsure": { fires: { moneyWorries: ["benefits-unsure"] }, doesNotFire: [{ moneyWorries: ["debts"] }] },
  "personal-care": { fires: { dailyLivingHelp: ["personal-care"] }, doesNotFire: [{ dailyLivingHelp: ["housework", "meals"] }] },
  housework: { fires: { dailyLivingHelp: ["housework"] }, doesNotFire: [{ dailyLivingHelp: ["personal-care"] }] },
  meals: { fires: { dailyLivingHelp: ["meals"] }, doesNotFire: [{ dailyLivingHelp: ["housework"] }] },
  "home-safety": { fires: { dailyLivingHelp: ["home-safety"] }, doesNotFire: [{ dailyLivingHelp: ["getting-around"] }] },
  "getting-around": { fires: { dailyLivingHelp: ["getting-around"] }, doesNotFire: [{ dailyLivingHelp: ["home-safety"] }] },
  "memory-problems": { fires: { memoryProblems: "yes" }, doesNotFire: [{ memoryProblems: "no" }] },
  "mental-health": { fires: { healthConcerns: ["mental-health"] }, doesNotFire: [{ healthConcerns: ["substance-use"] }] },
  "substance-use": { fires: { healthConcerns: ["substance-use"] }, doesNotFire: [{ healthConcerns: ["mental-health"] }] },
  "physical-health": { fires: { healthConcerns: ["physical-health"] }, doesNotFire: [{ healthConcerns: ["adult-disability"] }] },
  "adult-disability": {
    fires: { healthConcerns: ["adult-disability"], age: 18 },
    doesNotFire: [{ healthConcerns: ["adult-disability"], age: 17 }, { healthConcerns: ["physical-health"] }],
  },
  "adult-disability-daily-help": {
    fires: { healthConcerns: ["adult-disability"], age: 64, dailyLivingHelp: ["housework"] },
    doesNotFire: [
      { healthConcerns: ["adult-disability"], age: 65, dailyLivingHelp: ["housework"] },
      { healthConcerns: ["adult-disability"], age: 40, dailyLivingHelp: [] },
      { healthConcerns: ["physical-health"], age: 40, dailyLivingHelp: ["housework"] },
    ],
  },
  "child-speech-language": { fires: withChildren(["speech-language"]), doesNotFire: [withChildren(["motor-senses"])] },
  "child-motor-senses": { fires: withChildren(["motor-senses"]), doesNotFire: [withChildren(["speech-language"])] },
  "child-development": { fires: withChildren(["development"]), doesNotFire: [withChildren(["school-support"])] },
  "child-school-support": { fires: withChildren(["school-support"]), doesNotFire: [withChildren(["development"])] },
  "respite-wanted": {
    fires: { ...withChildren(["development"]), wantsRespite: "yes" },
    doesNotFire: [{ ...withChildren(["development"]), wantsRespite: "no" }],
  },
  "children-with-support-needs": { fires: withChildren(["motor-senses"]), doesNotFire: [withChildren([])] },
  "cares-for-someone": { fires: { caresForSomeone: "yes" }, doesNotFire: [{ caresForSomeone: "no" }] },
  "screening-for-someone-i-care-for": {
    fires: { helpFor: "someone-i-care-for", caresForSomeone: undefined },
    doesNotFire: [{ helpFor: "self" }],
  },
  "unemployed-under-12-months": { fires: unemployedFor(11), doesNotFire: [unemployedFor(12), { workSituation: "unable-to-work" }] },
  "unemployed-12-months-or-more": { fires: unemployedFor(12), doesNotFire: [unemployedFor(11)] },
  "long-unemployment-with-health-needs": {
    fires: { ...unemployedFor(12), healthConcerns: ["substance-use"] },
    doesNotFire: [
      { ...unemployedFor(11), healthConcerns: ["mental-health"] },
      { ...unemployedFor(24), healthConcerns: ["physical-health"] },
    ],
  },
  "unemployed-under-30": {
    fires: { ...unemployedFor(2), age: 29 },
    doesNotFire: [
      { ...unemployedFor(2), age: 30 },
      { workSituation: "studying", age: 20 },
    ],
  },
  "young-wants-study-or-training": {
    fires: { age: 22, workSituation: "other", wantsStudyOrTraining: "yes" },
    doesNotFire: [{ age: 22, workSituation: "other", wantsStudyOrTraining: "no" }],
  },
  "wants-study-or-training": {
    fires: { age: 22, workSituation: "other", wantsStudyOrTraining: "yes" },
    doesNotFire: [{ age: 22, workSituation: "other", wantsStudyOrTraining: "no" }],
  },
  lonely: { fires: { safetyConcerns: ["lonely"] }, doesNotFire: [{ safetyConcerns: ["harmed-at-home"] }] },
};

/** The urgency each rule gives when it fires alone for its need; every other rule gives "routine". */
const urgencyWhenFiredAlone: Record<string, Urgency> = {
  "harmed-at-home": "emergency",
  "worried-about-child": "emergency",
  "harmed-at-home-with-children": "emergency",
  "no-home-of-own": "urgent",
  "eviction-notice": "urgent",
  "rent-arrears": "soon",
  "eviction-notice-debt": "soon",
  "eviction-notice-benefits": "soon",
  "unemployed-12-months-or-more": "soon",
};

const firedRules = (answers: ScreeningAnswers) =>
  deriveNeeds(answers).flatMap((need) => need.because.map((rule) => `${need.code} ${rule}`));

describe("the need rules", () => {
  it("have unique ids, and a test case each", () => {
    const ids = needRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(ruleCases).sort()).toEqual([...ids].sort());
  });

  it("derive nothing for someone who needs nothing", () => {
    expect(deriveNeeds(needsNothing)).toEqual([]);
  });

  it("read answers so far, where an unanswered question implies nothing", () => {
    expect(deriveNeeds({})).toEqual([]);
    expect(deriveNeeds({ safetyConcerns: ["harmed-at-home"] })).toEqual([
      { code: "safety.domestic-abuse", urgency: "emergency", because: ["harmed-at-home"] },
    ]);
  });

  describe.each(needRules.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const cases = ruleCases[id]!;

    it(`fires and gives ${rule.need}, ${urgencyWhenFiredAlone[id] ?? "routine"}`, () => {
      const needs = deriveNeeds(withAnswers(cases.fires));
      const need = needs.find((candidate) => candidate.code === rule.need);
      expect(need?.because).toContain(id);
      expect(need?.urgency).toBe(urgencyWhenFiredAlone[id] ?? "routine");
    });

    it("does not fire for near misses", () => {
      for (const nearMiss of cases.doesNotFire) {
        expect(firedRules(withAnswers(nearMiss)).filter((fired) => fired.endsWith(` ${id}`))).toEqual([]);
      }
    });
  });
});

describe("urgency", () => {
  const urgencyOf = (answers: ScreeningAnswers, code: string) => deriveNeeds(answers).find((need) => need.code === code)?.urgency;

  it("puts danger at home first, as an emergency", () => {
    const needs = deriveNeeds(withAnswers({ safetyConcerns: ["harmed-at-home", "lonely"], moneyWorries: ["debts"] }));
    expect(needs[0]).toEqual({ code: "safety.domestic-abuse", urgency: "emergency", because: ["harmed-at-home"] });
  });

  it("makes not having enough money urgent with children at home or an eviction notice, routine otherwise", () => {
    const short: Partial<ScreeningAnswers> = { moneyWorries: ["not-enough-money"] };
    expect(urgencyOf(withAnswers(short), "money.income")).toBe("routine");
    expect(urgencyOf(withAnswers({ ...short, ...withChildren() }), "money.income")).toBe("urgent");
    expect(urgencyOf(withAnswers({ ...short, ...renting, evictionNotice: "yes" }), "money.income")).toBe("urgent");
  });

  it("makes long unemployment soon, short unemployment routine", () => {
    expect(urgencyOf(withAnswers(unemployedFor(12)), "work.unemployed-long")).toBe("soon");
    expect(urgencyOf(withAnswers(unemployedFor(11)), "work.unemployed-short")).toBe("routine");
  });

  it("merges a need derived twice into one, keeping the most urgent and both reasons in rule order", () => {
    const needs = deriveNeeds(withAnswers({ ...renting, rentArrears: "yes", evictionNotice: "yes", moneyWorries: ["debts"] }));
    expect(needs.filter((need) => need.code === "housing.eviction-risk")).toEqual([
      { code: "housing.eviction-risk", urgency: "urgent", because: ["eviction-notice", "rent-arrears"] },
    ]);
    expect(needs.find((need) => need.code === "money.debt")).toEqual({
      code: "money.debt",
      urgency: "soon",
      because: ["eviction-notice-debt", "debts"],
    });
  });

  it("keeps the more urgent urgency whichever rule comes first", () => {
    const needs = deriveNeeds(withAnswers({ safetyConcerns: ["harmed-at-home", "worried-about-child"], ...withChildren() }));
    expect(needs.find((need) => need.code === "safety.child-at-risk")).toEqual({
      code: "safety.child-at-risk",
      urgency: "emergency",
      because: ["worried-about-child", "harmed-at-home-with-children"],
    });
  });

  it("sorts needs most urgent first, then by code", () => {
    const needs = deriveNeeds(
      withAnswers({
        housing: "temporary-or-none",
        safetyConcerns: ["lonely", "worried-about-child"],
        dailyLivingHelp: ["meals", "personal-care"],
        ...unemployedFor(20),
      }),
    );
    expect(needs.map((need) => `${need.urgency} ${need.code}`)).toEqual([
      "emergency safety.child-at-risk",
      "urgent housing.homeless",
      "soon work.unemployed-long",
      "routine daily-living.home-care",
      "routine daily-living.meals",
      "routine social.isolation",
    ]);
    const ranks = needs.map((need) => urgencies.indexOf(need.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("does not change the answers it reads", () => {
    const answers = withAnswers({ ...renting, evictionNotice: "yes", moneyWorries: ["debts"] });
    const copy = structuredClone(answers);
    deriveNeeds(answers);
    deriveNeeds(answers);
    expect(answers).toEqual(copy);
    expect(deriveNeeds(answers)).toEqual(deriveNeeds(copy));
  });
});

describe("deriveProfile", () => {
  it("maps the answers the pathways and the matcher use", () => {
    expect(deriveProfile(needsNothing)).toEqual({
      helpFor: "self",
      age: 40,
      municipality: "koskela",
      languages: ["fi"],
      childrenCount: 0,
      childrenWithSupportNeeds: 0,
      unemployedMonths: null,
      preferences: { providers: "public-only", maxMonthlyCostCents: null, contact: "phone" },
    });
  });

  it("takes another language from the list as the person's language", () => {
    expect(deriveProfile(withAnswers({ language: "other", otherLanguage: "so" })).languages).toEqual(["so"]);
  });

  it("gives the months unemployed only to someone unemployed", () => {
    expect(deriveProfile(withAnswers(unemployedFor(14))).unemployedMonths).toBe(14);
    expect(deriveProfile(withAnswers({ workSituation: "retired" })).unemployedMonths).toBeNull();
    expect(deriveProfile(withAnswers({ workSituation: undefined, age: 70 })).unemployedMonths).toBeNull();
  });

  it("counts children with support needs: as answered, one when there is one child, none without needs", () => {
    const withNeeds = { ...withChildren(["development"]), wantsRespite: "no" } as const;
    expect(deriveProfile(withAnswers({ ...withNeeds, childrenCount: 3, childrenWithNeedsCount: 2 })).childrenWithSupportNeeds).toBe(2);
    expect(deriveProfile(withAnswers({ ...withNeeds, childrenCount: 1 })).childrenWithSupportNeeds).toBe(1);
    expect(deriveProfile(withAnswers(withChildren([])))).toMatchObject({ childrenCount: 2, childrenWithSupportNeeds: 0 });
  });

  it.each([
    ["none", 0],
    ["up-to-50", 5_000],
    ["up-to-200", 20_000],
    ["up-to-500", 50_000],
    ["no-limit", null],
  ] as const)("turns the highest monthly cost %s into %s cents", (maxMonthlyCost, cents) => {
    const profile = deriveProfile(withAnswers({ providers: "any", maxMonthlyCost }));
    expect(profile.preferences).toEqual({ providers: "any", maxMonthlyCostCents: cents, contact: "phone" });
  });

  it("refuses answers of a screening that is not complete", () => {
    expect(() => deriveProfile({ ...needsNothing, workSituation: "unemployed" })).toThrow(/complete screening/);
    expect(() => deriveProfile({})).toThrow(/complete screening/);
  });

  it("passes the helper and contact preferences through", () => {
    const profile = deriveProfile(
      withAnswers({ helpFor: "someone-i-care-for", caresForSomeone: undefined, contact: "in-person", age: 83 }),
    );
    expect(profile).toMatchObject({ helpFor: "someone-i-care-for", age: 83, preferences: { contact: "in-person" } });
  });
});
