import { moreUrgent, urgencies, type Need, type Urgency } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import { isComplete, pensionAge, youthAgeLimit, type AnswersSoFar, type MaxMonthlyCost, type ScreeningAnswers } from "./questionnaire.ts";

/**
 * From screening answers to needs and a person profile. The rules are a table so that a
 * social worker can read, review and test each one; a need's `because` names the rules
 * that produced it.
 */

export interface NeedRule {
  /** Stable id, shown in the audit trail: renaming one changes history. */
  id: string;
  when: (answers: AnswersSoFar) => boolean;
  need: NeedCode;
  urgency: Urgency | ((answers: AnswersSoFar) => Urgency);
}

const adultAge = 18;
const longTermUnemploymentMonths = 12;

type CheckboxField = "dailyLivingHelp" | "healthConcerns" | "childrenNeeds" | "moneyWorries" | "safetyConcerns";

/** The box was ticked. Rules read answers so far, so a question not (yet) answered implies nothing. */
const ticked =
  <Field extends CheckboxField>(field: Field, option: NonNullable<AnswersSoFar[Field]>[number]) =>
  (answers: AnswersSoFar) =>
    (answers[field] as readonly string[] | undefined)?.includes(option) ?? false;

/** The question was answered with this value. */
const answered =
  <Field extends keyof AnswersSoFar>(field: Field, value: NonNullable<AnswersSoFar[Field]>) =>
  (answers: AnswersSoFar) =>
    answers[field] === value;

const ageAtLeast = (years: number) => (answers: AnswersSoFar) => answers.age !== undefined && answers.age >= years;
const needsDailyLivingHelp = (answers: AnswersSoFar) => (answers.dailyLivingHelp?.length ?? 0) > 0;
const hasAdultDisability = (answers: AnswersSoFar) =>
  ticked("healthConcerns", "adult-disability")(answers) && ageAtLeast(adultAge)(answers);
const livesWithChildren = (answers: AnswersSoFar) => (answers.childrenCount ?? 0) > 0;
const childrenHaveSupportNeeds = (answers: AnswersSoFar) => (answers.childrenNeeds?.length ?? 0) > 0;
const isUnemployed = answered("workSituation", "unemployed");
const unemployedForAYearOrMore = (answers: AnswersSoFar) =>
  isUnemployed(answers) && (answers.monthsUnemployed ?? 0) >= longTermUnemploymentMonths;
const hasEvictionNotice = answered("evictionNotice", "yes");
const isHarmedAtHome = ticked("safetyConcerns", "harmed-at-home");
const wantsStudyOrTraining = answered("wantsStudyOrTraining", "yes");

/** Evaluated in order; a need produced by several rules keeps the most urgent urgency. */
export const needRules: readonly NeedRule[] = [
  // Danger first: these lead to safeguarding.
  { id: "harmed-at-home", when: isHarmedAtHome, need: "safety.domestic-abuse", urgency: "emergency" },
  { id: "worried-about-child", when: ticked("safetyConcerns", "worried-about-child"), need: "safety.child-at-risk", urgency: "emergency" },
  // A child living where an adult is hurt or threatened is a child at risk, whether or not the parent says so.
  {
    id: "harmed-at-home-with-children",
    when: (answers) => isHarmedAtHome(answers) && livesWithChildren(answers),
    need: "safety.child-at-risk",
    urgency: "emergency",
  },

  { id: "no-home-of-own", when: answered("housing", "temporary-or-none"), need: "housing.homeless", urgency: "urgent" },
  { id: "eviction-notice", when: hasEvictionNotice, need: "housing.eviction-risk", urgency: "urgent" },
  { id: "rent-arrears", when: answered("rentArrears", "yes"), need: "housing.eviction-risk", urgency: "soon" },
  // An eviction almost always means arrears and a gap in income: debt and benefits advice start with the housing help.
  { id: "eviction-notice-debt", when: hasEvictionNotice, need: "money.debt", urgency: "soon" },
  { id: "eviction-notice-benefits", when: hasEvictionNotice, need: "money.benefits", urgency: "soon" },

  {
    id: "not-enough-money",
    when: ticked("moneyWorries", "not-enough-money"),
    need: "money.income",
    urgency: (answers) => (livesWithChildren(answers) || hasEvictionNotice(answers) ? "urgent" : "routine"),
  },
  { id: "debts", when: ticked("moneyWorries", "debts"), need: "money.debt", urgency: "routine" },
  { id: "benefits-unsure", when: ticked("moneyWorries", "benefits-unsure"), need: "money.benefits", urgency: "routine" },

  { id: "personal-care", when: ticked("dailyLivingHelp", "personal-care"), need: "daily-living.home-care", urgency: "routine" },
  { id: "housework", when: ticked("dailyLivingHelp", "housework"), need: "daily-living.household-help", urgency: "routine" },
  { id: "meals", when: ticked("dailyLivingHelp", "meals"), need: "daily-living.meals", urgency: "routine" },
  { id: "home-safety", when: ticked("dailyLivingHelp", "home-safety"), need: "daily-living.home-safety", urgency: "routine" },
  { id: "getting-around", when: ticked("dailyLivingHelp", "getting-around"), need: "transport.mobility", urgency: "routine" },

  { id: "memory-problems", when: answered("memoryProblems", "yes"), need: "health.memory", urgency: "routine" },
  { id: "mental-health", when: ticked("healthConcerns", "mental-health"), need: "health.mental", urgency: "routine" },
  { id: "substance-use", when: ticked("healthConcerns", "substance-use"), need: "health.substance-use", urgency: "routine" },
  { id: "physical-health", when: ticked("healthConcerns", "physical-health"), need: "health.physical", urgency: "routine" },

  { id: "adult-disability", when: hasAdultDisability, need: "disability.adult-support", urgency: "routine" },
  // Personal assistance is for disability, not ageing: by law it is not for needs that come mainly with old age.
  {
    id: "adult-disability-daily-help",
    when: (answers) => hasAdultDisability(answers) && !ageAtLeast(pensionAge)(answers) && needsDailyLivingHelp(answers),
    need: "disability.personal-assistance",
    urgency: "routine",
  },

  {
    id: "child-speech-language",
    when: ticked("childrenNeeds", "speech-language"),
    need: "disability.child-speech-therapy",
    urgency: "routine",
  },
  {
    id: "child-motor-senses",
    when: ticked("childrenNeeds", "motor-senses"),
    need: "disability.child-occupational-therapy",
    urgency: "routine",
  },
  {
    id: "child-development",
    when: ticked("childrenNeeds", "development"),
    need: "disability.child-psychological-therapy",
    urgency: "routine",
  },
  { id: "child-school-support", when: ticked("childrenNeeds", "school-support"), need: "disability.school-support", urgency: "routine" },
  { id: "respite-wanted", when: answered("wantsRespite", "yes"), need: "disability.respite", urgency: "routine" },
  { id: "children-with-support-needs", when: childrenHaveSupportNeeds, need: "family.parenting", urgency: "routine" },

  { id: "cares-for-someone", when: answered("caresForSomeone", "yes"), need: "caring.carer-support", urgency: "routine" },
  {
    id: "screening-for-someone-i-care-for",
    when: answered("helpFor", "someone-i-care-for"),
    need: "caring.carer-support",
    urgency: "routine",
  },

  {
    id: "unemployed-under-12-months",
    when: (answers) => isUnemployed(answers) && !unemployedForAYearOrMore(answers),
    need: "work.unemployed-short",
    urgency: "routine",
  },
  { id: "unemployed-12-months-or-more", when: unemployedForAYearOrMore, need: "work.unemployed-long", urgency: "soon" },
  {
    id: "long-unemployment-with-health-needs",
    when: (answers) =>
      unemployedForAYearOrMore(answers) &&
      (ticked("healthConcerns", "mental-health")(answers) || ticked("healthConcerns", "substance-use")(answers)),
    need: "work.rehabilitative",
    urgency: "routine",
  },
  {
    id: "unemployed-under-30",
    when: (answers) => isUnemployed(answers) && answers.age !== undefined && !ageAtLeast(youthAgeLimit)(answers),
    need: "work.youth",
    urgency: "routine",
  },
  { id: "young-wants-study-or-training", when: wantsStudyOrTraining, need: "work.youth", urgency: "routine" },
  { id: "wants-study-or-training", when: wantsStudyOrTraining, need: "work.education", urgency: "routine" },

  { id: "lonely", when: ticked("safetyConcerns", "lonely"), need: "social.isolation", urgency: "routine" },
];

const urgencyRank = (urgency: Urgency) => urgencies.indexOf(urgency);

/**
 * The needs the answers imply, one per code, most urgent first, then by code. Works on
 * answers so far too, e.g. to show staff what a screening in progress points to.
 */
export function deriveNeeds(answers: AnswersSoFar): Need[] {
  const byCode = new Map<NeedCode, Need>();
  for (const rule of needRules) {
    if (!rule.when(answers)) continue;
    const urgency = typeof rule.urgency === "function" ? rule.urgency(answers) : rule.urgency;
    const existing = byCode.get(rule.need);
    if (existing) {
      existing.urgency = moreUrgent(existing.urgency, urgency);
      existing.because.push(rule.id);
    } else byCode.set(rule.need, { code: rule.need, urgency, because: [rule.id] });
  }
  return [...byCode.values()].sort(
    (a, b) => urgencyRank(b.urgency) - urgencyRank(a.urgency) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

const cents = (euros: number) => euros * 100;

const maxMonthlyCostCents: Record<MaxMonthlyCost, number | null> = {
  none: 0,
  "up-to-50": cents(50),
  "up-to-200": cents(200),
  "up-to-500": cents(500),
  "no-limit": null,
};

/** How many children have support needs: asked only of families with several children, so one child with needs is one. */
function childrenWithSupportNeeds(answers: ScreeningAnswers): number {
  if (!childrenHaveSupportNeeds(answers)) return 0;
  return answers.childrenWithNeedsCount ?? answers.childrenCount ?? 0;
}

/**
 * What the pathways and the matcher need to know about the person, and no more. Takes
 * the machine's answers as they are; they must be complete (the screening confirmed).
 */
export function deriveProfile(answers: AnswersSoFar): PersonProfile {
  if (!isComplete(answers)) throw new Error("deriveProfile needs the answers of a complete screening");
  return {
    helpFor: answers.helpFor,
    age: answers.age,
    municipality: answers.municipality,
    languages: [answers.language === "other" ? answers.otherLanguage : answers.language],
    childrenCount: answers.childrenCount ?? 0,
    childrenWithSupportNeeds: childrenWithSupportNeeds(answers),
    unemployedMonths: isUnemployed(answers) ? (answers.monthsUnemployed ?? null) : null,
    preferences: {
      providers: answers.providers,
      // Public-only: the cost question is not asked, because client fees for public services are set by law.
      maxMonthlyCostCents: answers.maxMonthlyCost === undefined ? null : maxMonthlyCostCents[answers.maxMonthlyCost],
      contact: answers.contact,
    },
  };
}

/** Answers that show danger (someone hurt at home, a child at risk): emergency guidance comes first. */
export function indicatesDanger(answers: AnswersSoFar): boolean {
  return deriveNeeds(answers).some((need) => need.urgency === "emergency");
}
