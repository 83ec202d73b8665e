import * as z from "zod/mini";
import { municipalityCodes, type MunicipalityCode } from "../areas.ts";
import { stepIds, type StepId } from "./pages.ts";

/**
 * The needs screening questionnaire: one step (page) per question, in the order they are
 * asked, each with its form schema and the answers that make it relevant. The machine in
 * `machine.ts` walks these steps; `derive-needs.ts` turns the answers into needs.
 *
 * Every answer is a choice from a fixed list or a whole number: the screening asks for no
 * free text, so nothing special-category slips in unstructured.
 */
export const screeningVersion = "1.0.0";

export const helpForOptions = ["self", "someone-i-care-for"] as const;
export const mainLanguageOptions = ["fi", "sv", "en", "other"] as const;
/** ISO 639-1 codes of the languages most spoken in Finland after fi, sv and en (`se`: Northern Sami). */
export const otherLanguageOptions = [
  "ru",
  "et",
  "ar",
  "so",
  "uk",
  "fa",
  "ku",
  "zh",
  "vi",
  "th",
  "sq",
  "tr",
  "es",
  "de",
  "fr",
  "pl",
  "se",
] as const;
export const livingSituationOptions = ["alone", "with-partner", "with-children", "other"] as const;
export const housingOptions = ["own-home", "renting", "temporary-or-none"] as const;
export const yesNoOptions = ["yes", "no"] as const;
export const dailyLivingHelpOptions = ["personal-care", "housework", "meals", "getting-around", "home-safety"] as const;
export const healthConcernOptions = ["mental-health", "substance-use", "physical-health", "adult-disability"] as const;
export const childNeedOptions = ["speech-language", "motor-senses", "development", "school-support"] as const;
export const workSituationOptions = ["employed", "unemployed", "studying", "retired", "unable-to-work", "other"] as const;
export const moneyWorryOptions = ["debts", "not-enough-money", "benefits-unsure"] as const;
export const safetyConcernOptions = ["harmed-at-home", "worried-about-child", "lonely"] as const;
export const providerOptions = ["public-only", "any"] as const;
export const maxMonthlyCostOptions = ["none", "up-to-50", "up-to-200", "up-to-500", "no-limit"] as const;
export const contactOptions = ["phone", "email", "letter", "in-person"] as const;
/** The exclusive "None of these" checkbox: the form sends it, the answers store an empty list. */
export const noneOfThese = "none";

export type HelpFor = (typeof helpForOptions)[number];
export type OtherLanguage = (typeof otherLanguageOptions)[number];
export type LivingSituation = (typeof livingSituationOptions)[number];
export type Housing = (typeof housingOptions)[number];
export type YesNo = (typeof yesNoOptions)[number];
export type DailyLivingHelp = (typeof dailyLivingHelpOptions)[number];
export type HealthConcern = (typeof healthConcernOptions)[number];
export type ChildNeed = (typeof childNeedOptions)[number];
export type WorkSituation = (typeof workSituationOptions)[number];
export type MoneyWorry = (typeof moneyWorryOptions)[number];
export type SafetyConcern = (typeof safetyConcernOptions)[number];
export type ProviderPreference = (typeof providerOptions)[number];
export type MaxMonthlyCost = (typeof maxMonthlyCostOptions)[number];
export type ContactPreference = (typeof contactOptions)[number];

/** The preferred language: Finnish, Swedish or English, or another one from the fixed list. */
export type LanguageAnswer =
  { language: "fi" | "sv" | "en"; otherLanguage?: undefined } | { language: "other"; otherLanguage: OtherLanguage };

/**
 * A finished screening. "You" is the person who needs help, who may not be the one
 * answering (`helpFor`). Optional answers belong to questions only some people are asked.
 * Checkbox answers are lists; an empty list means "None of these".
 */
export type ScreeningAnswers = LanguageAnswer & {
  helpFor: HelpFor;
  age: number;
  municipality: MunicipalityCode;
  livingSituation: LivingSituation;
  housing: Housing;
  /** Renters only. */
  rentArrears?: YesNo;
  /** Renters only. */
  evictionNotice?: YesNo;
  dailyLivingHelp: DailyLivingHelp[];
  memoryProblems: YesNo;
  healthConcerns: HealthConcern[];
  /** Children under 18 in the household; asked when living with children. */
  childrenCount?: number;
  /** Asked when there are children. */
  childrenNeeds?: ChildNeed[];
  /** How many of the children have those needs; asked only when there is more than one child. */
  childrenWithNeedsCount?: number;
  /** Short breaks for the family; asked when children have support needs. */
  wantsRespite?: YesNo;
  /** Asked when screening for oneself: someone screening for a person they care for is a carer already. */
  caresForSomeone?: YesNo;
  /** Asked at working age only. */
  workSituation?: WorkSituation;
  /** Unemployed only. */
  monthsUnemployed?: number;
  /** Under-30s out of work and study only. */
  wantsStudyOrTraining?: YesNo;
  moneyWorries: MoneyWorry[];
  safetyConcerns: SafetyConcern[];
  providers: ProviderPreference;
  /** Asked when private services are acceptable: public client fees are set by law, not chosen. */
  maxMonthlyCost?: MaxMonthlyCost;
  contact: ContactPreference;
};

/** Answers while the screening is under way: any of them may be missing. */
export type AnswersSoFar = Partial<ScreeningAnswers>;
type AnswerField = keyof ScreeningAnswers;

/** Working age for the work questions: youth services start at 15; from 65 a person has reached old-age pension age. */
const workingAgeFrom = 15;
export const pensionAge = 65;
export const youthAgeLimit = 30;

interface BranchConditionDefinition {
  /**
   * The step whose answer decides it. It must come before the questions the condition
   * opens: the machine relies on a changed answer only ever opening later questions.
   */
  reads: StepId;
  holds: (answers: AnswersSoFar) => boolean;
}

/** The conditions that open branch questions, named so the machine can use them as guards. */
export const branchConditions = {
  isScreeningForSelf: { reads: "help-for", holds: (answers) => answers.helpFor === "self" },
  isWorkingAge: {
    reads: "age",
    holds: (answers) => answers.age !== undefined && answers.age >= workingAgeFrom && answers.age < pensionAge,
  },
  isUnder30: { reads: "age", holds: (answers) => answers.age !== undefined && answers.age < youthAgeLimit },
  livesWithChildren: { reads: "living-situation", holds: (answers) => answers.livingSituation === "with-children" },
  isRenting: { reads: "housing", holds: (answers) => answers.housing === "renting" },
  hasChildren: { reads: "children-count", holds: (answers) => (answers.childrenCount ?? 0) > 0 },
  hasSeveralChildren: { reads: "children-count", holds: (answers) => (answers.childrenCount ?? 0) > 1 },
  hasChildrenWithSupportNeeds: { reads: "children-needs", holds: (answers) => (answers.childrenNeeds?.length ?? 0) > 0 },
  isUnemployed: { reads: "work-situation", holds: (answers) => answers.workSituation === "unemployed" },
  isOutOfWorkAndStudy: {
    reads: "work-situation",
    holds: (answers) =>
      answers.workSituation === "unemployed" || answers.workSituation === "unable-to-work" || answers.workSituation === "other",
  },
  mayUsePrivateServices: { reads: "providers", holds: (answers) => answers.providers === "any" },
} as const satisfies Record<string, BranchConditionDefinition>;

export type BranchCondition = keyof typeof branchConditions;
export const branchConditionNames = Object.keys(branchConditions) as BranchCondition[];

// --- Error messages -------------------------------------------------------------------

/** Error messages are translation keys in the questionnaire namespace, never text. */
export type ScreeningErrorKey = `questionnaire.errors.${string}`;

/** Form-level problems: a field the step does not have, or a submission that is not a set of fields at all. */
export const unknownFieldErrorKey = "questionnaire.errors.unknownField" satisfies ScreeningErrorKey;
export const invalidFormErrorKey = "questionnaire.errors.invalidForm" satisfies ScreeningErrorKey;

function errorKey(
  field: string,
  problem: "required" | "invalid" | "tooSmall" | "tooLarge" | "noneWithOthers" | "moreThanChildren",
): ScreeningErrorKey {
  return `questionnaire.errors.${field}.${problem}`;
}

// --- Fields ---------------------------------------------------------------------------

/** A field's schema and every message it can produce, so the list of keys is complete by construction. */
interface FieldRule<Schema extends z.ZodMiniType> {
  schema: Schema;
  errorKeys: ScreeningErrorKey[];
}
type FieldFactory<Schema extends z.ZodMiniType> = (field: string) => FieldRule<Schema>;

/** Browsers send an empty string for an empty text box or an unselected select: that is a missing answer. */
const isMissing = (input: unknown) => input === undefined || input === "";

/** A whole number typed as text, at most six digits: longer input is not a typing slip, and is not parsed. */
const wholeNumberText = /^-?\d{1,6}$/;

/** One of a fixed list of values (radios or a select). */
function choice<const Options extends readonly string[]>(
  options: Options,
): FieldFactory<z.ZodMiniEnum<{ [Option in Options[number]]: Option }>> {
  return (field) => {
    const required = errorKey(field, "required");
    const invalid = errorKey(field, "invalid");
    return {
      schema: z.enum(options, { error: (issue) => (isMissing(issue.input) ? required : invalid) }),
      errorKeys: [required, invalid],
    };
  };
}

/** A whole number within limits, typed into a text box (so it may arrive as text) or given as a number. */
function wholeNumber(min: number, max: number): FieldFactory<z.ZodMiniType<number, unknown>> {
  return (field) => {
    const required = errorKey(field, "required");
    const invalid = errorKey(field, "invalid");
    const tooSmall = errorKey(field, "tooSmall");
    const tooLarge = errorKey(field, "tooLarge");
    const fromText = (input: unknown) => {
      if (typeof input !== "string") return input;
      const text = input.trim();
      if (text === "") return undefined;
      return wholeNumberText.test(text) ? Number(text) : input;
    };
    return {
      schema: z.pipe(
        z.transform(fromText),
        z.int({ error: (issue) => (isMissing(issue.input) ? required : invalid) }).check(z.minimum(min, tooSmall), z.maximum(max, tooLarge)),
      ),
      errorKeys: [required, invalid, tooSmall, tooLarge],
    };
  };
}

/**
 * Checkboxes with an exclusive "None of these": at least one box, no repeats, and "none"
 * alone. The answer is the list of real options, empty for "none".
 */
function checkboxes<const Options extends readonly string[]>(options: Options): FieldFactory<z.ZodMiniType<Options[number][], unknown>> {
  return (field) => {
    const required = errorKey(field, "required");
    const invalid = errorKey(field, "invalid");
    const noneWithOthers = errorKey(field, "noneWithOthers");
    const isOption = (value: string): value is Options[number] => value !== noneOfThese;
    const list = z
      .array(z.enum([...options, noneOfThese], { error: invalid }), { error: (issue) => (isMissing(issue.input) ? required : invalid) })
      .check(
        z.minLength(1, required),
        z.maxLength(options.length + 1, invalid),
        z.refine((values) => new Set(values).size === values.length, invalid),
        z.refine((values) => !values.includes(noneOfThese) || values.length === 1, noneWithOthers),
      );
    return {
      schema: z.pipe(
        list,
        z.transform((values: z.output<typeof list>) => values.filter(isOption)),
      ),
      errorKeys: [required, invalid, noneWithOthers],
    };
  };
}

/** A field that may be left empty, e.g. the select revealed only by the "Another language" radio. */
function optional<Schema extends z.ZodMiniType>(factory: FieldFactory<Schema>): FieldFactory<z.ZodMiniType<z.output<Schema> | undefined, unknown>> {
  return (field) => {
    // Only the wrapped field's "invalid" can occur: an empty value is allowed, so "required" cannot.
    const { schema } = factory(field);
    const invalid = errorKey(field, "invalid");
    return {
      schema: z.pipe(
        z.transform((input) => (isMissing(input) ? undefined : input)),
        z.optional(schema),
      ),
      errorKeys: [invalid],
    };
  };
}

// --- Steps ----------------------------------------------------------------------------

/** The question pages in the order they are asked, named in pages.ts beside the screening's other pages. */
export { stepIds, type StepId };

/** A rule that ties a step's answer to other answers, checked when it is given and again when those change. */
interface Consistency {
  field: AnswerField;
  /** The earlier step it depends on: a changed answer there may drop this one. */
  reads: StepId;
  errorKey: ScreeningErrorKey;
  holds: (answers: AnswersSoFar) => boolean;
}

interface StepOptions {
  /** All must hold for the step to be asked; none: asked of everyone. */
  askedWhen?: readonly BranchCondition[];
  consistency?: Consistency;
}

export interface StepDefinition<Value = unknown> {
  id: StepId;
  /** The form fields, which are also the answer fields the step owns. */
  fields: readonly AnswerField[];
  schema: z.ZodMiniType<Value, unknown>;
  errorKeys: readonly ScreeningErrorKey[];
  askedWhen: readonly BranchCondition[];
  consistency?: Consistency;
}

type FieldFactories = Partial<Record<AnswerField, FieldFactory<z.ZodMiniType>>>;
type RulesOf<Factories extends FieldFactories> = {
  [Field in keyof Factories]: Factories[Field] extends FieldFactory<infer Schema> ? FieldRule<Schema> : never;
};

function fieldRules<const Factories extends FieldFactories>(factories: Factories): RulesOf<Factories> {
  return Object.fromEntries(Object.entries(factories).map(([field, factory]) => [field, factory!(field)])) as RulesOf<Factories>;
}

/** A step whose form is exactly its fields: unknown fields are refused, not dropped, so tampering shows. */
function defineStep<const Id extends StepId, const Factories extends FieldFactories>(
  id: Id,
  factories: Factories,
  options: StepOptions = {},
) {
  const rules = fieldRules(factories);
  const shape = Object.fromEntries(Object.entries(rules).map(([field, rule]) => [field, (rule as FieldRule<z.ZodMiniType>).schema])) as {
    [Field in keyof Factories]: RulesOf<Factories>[Field]["schema"];
  };
  const consistencyKeys = options.consistency ? [options.consistency.errorKey] : [];
  return {
    id,
    fields: Object.keys(factories) as AnswerField[],
    schema: z.strictObject(shape),
    errorKeys: [...Object.values(rules).flatMap((rule) => (rule as FieldRule<z.ZodMiniType>).errorKeys), ...consistencyKeys],
    askedWhen: options.askedWhen ?? [],
    consistency: options.consistency,
  };
}

/**
 * Radios for fi, sv, en and "Another language", which reveals a select of the other
 * languages. The select is submitted even while hidden, so its value is dropped unless
 * "Another language" is chosen.
 */
function defineLanguageStep() {
  const fields = defineStep("language", { language: choice(mainLanguageOptions), otherLanguage: optional(choice(otherLanguageOptions)) });
  const otherLanguageRequired = errorKey("otherLanguage", "required");
  return {
    ...fields,
    schema: z.pipe(
      fields.schema.check(
        z.refine((value) => value.language !== "other" || value.otherLanguage !== undefined, {
          error: otherLanguageRequired,
          path: ["otherLanguage"],
        }),
      ),
      z.transform((value: z.output<typeof fields.schema>): LanguageAnswer =>
        value.language === "other" ? { language: "other", otherLanguage: value.otherLanguage! } : { language: value.language },
      ),
    ),
    errorKeys: [...fields.errorKeys, otherLanguageRequired],
  };
}

const childrenRange = { min: 0, max: 20 };

export const steps = {
  "help-for": defineStep("help-for", { helpFor: choice(helpForOptions) }),
  age: defineStep("age", { age: wholeNumber(0, 120) }),
  municipality: defineStep("municipality", { municipality: choice(municipalityCodes) }),
  language: defineLanguageStep(),
  "living-situation": defineStep("living-situation", { livingSituation: choice(livingSituationOptions) }),
  housing: defineStep("housing", { housing: choice(housingOptions) }),
  "rent-arrears": defineStep("rent-arrears", { rentArrears: choice(yesNoOptions) }, { askedWhen: ["isRenting"] }),
  "eviction-notice": defineStep("eviction-notice", { evictionNotice: choice(yesNoOptions) }, { askedWhen: ["isRenting"] }),
  "daily-living": defineStep("daily-living", { dailyLivingHelp: checkboxes(dailyLivingHelpOptions) }),
  memory: defineStep("memory", { memoryProblems: choice(yesNoOptions) }),
  health: defineStep("health", { healthConcerns: checkboxes(healthConcernOptions) }),
  "children-count": defineStep(
    "children-count",
    // Zero is a real answer: someone living with children who are all 18 or over.
    { childrenCount: wholeNumber(childrenRange.min, childrenRange.max) },
    { askedWhen: ["livesWithChildren"] },
  ),
  "children-needs": defineStep("children-needs", { childrenNeeds: checkboxes(childNeedOptions) }, { askedWhen: ["hasChildren"] }),
  "children-with-needs": defineStep(
    "children-with-needs",
    // At least one: the previous page said some child has these needs.
    { childrenWithNeedsCount: wholeNumber(1, childrenRange.max) },
    {
      askedWhen: ["hasChildrenWithSupportNeeds", "hasSeveralChildren"],
      consistency: {
        field: "childrenWithNeedsCount",
        reads: "children-count",
        errorKey: errorKey("childrenWithNeedsCount", "moreThanChildren"),
        holds: (answers) => (answers.childrenWithNeedsCount ?? 0) <= (answers.childrenCount ?? 0),
      },
    },
  ),
  respite: defineStep("respite", { wantsRespite: choice(yesNoOptions) }, { askedWhen: ["hasChildrenWithSupportNeeds"] }),
  caring: defineStep("caring", { caresForSomeone: choice(yesNoOptions) }, { askedWhen: ["isScreeningForSelf"] }),
  "work-situation": defineStep("work-situation", { workSituation: choice(workSituationOptions) }, { askedWhen: ["isWorkingAge"] }),
  "months-unemployed": defineStep("months-unemployed", { monthsUnemployed: wholeNumber(0, 600) }, { askedWhen: ["isUnemployed"] }),
  "study-or-training": defineStep(
    "study-or-training",
    { wantsStudyOrTraining: choice(yesNoOptions) },
    { askedWhen: ["isUnder30", "isOutOfWorkAndStudy"] },
  ),
  money: defineStep("money", { moneyWorries: checkboxes(moneyWorryOptions) }),
  safety: defineStep("safety", { safetyConcerns: checkboxes(safetyConcernOptions) }),
  providers: defineStep("providers", { providers: choice(providerOptions) }),
  "max-cost": defineStep("max-cost", { maxMonthlyCost: choice(maxMonthlyCostOptions) }, { askedWhen: ["mayUsePrivateServices"] }),
  contact: defineStep("contact", { contact: choice(contactOptions) }),
} satisfies { [Id in StepId]: StepDefinition<Partial<ScreeningAnswers>> & { id: Id } };

/** The answer a step contributes, e.g. `{ age: number }` for "age". */
export type StepValue<Id extends StepId> = z.output<(typeof steps)[Id]["schema"]>;

/** Every message key the schemas can produce, for the locale test. */
export const screeningErrorKeys: readonly ScreeningErrorKey[] = [
  ...new Set<ScreeningErrorKey>([
    unknownFieldErrorKey,
    invalidFormErrorKey,
    ...stepIds.flatMap((id): readonly ScreeningErrorKey[] => steps[id].errorKeys),
  ]),
];

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && Object.hasOwn(steps, value);
}

// --- Validation -----------------------------------------------------------------------

/** Field-level errors; `form` holds a problem with the submission as a whole. */
export type StepErrors = Partial<Record<AnswerField | "form", ScreeningErrorKey>>;

export type StepValidation<Id extends StepId> = { ok: true; value: StepValue<Id> } | { ok: false; errors: StepErrors };

const isScreeningErrorKey = (message: string): message is ScreeningErrorKey => (screeningErrorKeys as readonly string[]).includes(message);

/**
 * Validates a step's form values (as parsed from the form: strings, and arrays for
 * checkboxes; numbers are accepted too). `answersSoFar` is needed where an answer is
 * limited by another, e.g. children with needs by the number of children.
 */
export function validateStep<Id extends StepId>(stepId: Id, values: unknown, answersSoFar: AnswersSoFar = {}): StepValidation<Id> {
  if (!isStepId(stepId)) throw new TypeError(`Unknown screening step: ${String(stepId)}`);
  const step: StepDefinition = steps[stepId];
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    return { ok: false, errors: { form: invalidFormErrorKey } };
  }
  // Own enumerable properties only: nothing inherited or hidden in a prototype is read.
  const parsed = step.schema.safeParse(Object.fromEntries(Object.entries(values)));
  if (!parsed.success) {
    const errors: StepErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (issue.code === "unrecognized_keys") errors.form ??= unknownFieldErrorKey;
      else if (typeof field === "string" && (step.fields as readonly string[]).includes(field)) {
        // Every issue our schemas raise carries a key; a message from zod itself would be English.
        errors[field as AnswerField] ??= isScreeningErrorKey(issue.message) ? issue.message : errorKey(field, "invalid");
      } else errors.form ??= invalidFormErrorKey;
    }
    return { ok: false, errors };
  }
  const value = parsed.data as StepValue<Id>;
  const { consistency } = step;
  if (consistency && !consistency.holds({ ...answersSoFar, ...value } as AnswersSoFar)) {
    return { ok: false, errors: { [consistency.field]: consistency.errorKey } };
  }
  return { ok: true, value };
}

// --- Answers --------------------------------------------------------------------------

export function isStepAsked(stepId: StepId, answers: AnswersSoFar): boolean {
  return steps[stepId].askedWhen.every((condition) => branchConditions[condition].holds(answers));
}

export function isStepAnswered(stepId: StepId, answers: AnswersSoFar): boolean {
  return steps[stepId].fields.some((field) => answers[field] !== undefined);
}

/** The steps these answers lead to, in order: the questions a person with them is asked. */
export function askedSteps(answers: AnswersSoFar): StepId[] {
  return stepIds.filter((stepId) => isStepAsked(stepId, answers));
}

/** Whether every question these answers lead to has been answered. */
export function isComplete(answers: AnswersSoFar): answers is ScreeningAnswers {
  return askedSteps(answers).every((stepId) => isStepAnswered(stepId, answers));
}

function withoutStepAnswers(answers: AnswersSoFar, stepId: StepId): AnswersSoFar {
  const remaining: Record<string, unknown> = { ...answers };
  for (const field of steps[stepId].fields) delete remaining[field];
  return remaining as AnswersSoFar;
}

/**
 * Drops answers that no longer apply: to questions that would not be asked now (moving
 * from "with children" to "alone" drops the children's answers) or that contradict a
 * changed answer (fewer children than children with needs). In question order, so a drop
 * cascades to the questions it opened.
 */
function withoutStaleAnswers(answers: AnswersSoFar): AnswersSoFar {
  let current = answers;
  for (const stepId of stepIds) {
    if (!isStepAnswered(stepId, current)) continue;
    const consistency = steps[stepId].consistency;
    if (!isStepAsked(stepId, current) || (consistency && !consistency.holds(current))) current = withoutStepAnswers(current, stepId);
  }
  return current;
}

/** The answers after a step is answered with a value `validateStep` accepted; stale answers are dropped. */
export function applyAnswer<Id extends StepId>(answers: AnswersSoFar, stepId: Id, value: StepValue<Id>): AnswersSoFar {
  return withoutStaleAnswers({ ...withoutStepAnswers(answers, stepId), ...value } as AnswersSoFar);
}
