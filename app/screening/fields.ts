import { municipalityCodes } from "#pathways/areas.ts";
import {
  childNeedOptions,
  contactOptions,
  dailyLivingHelpOptions,
  healthConcernOptions,
  helpForOptions,
  housingOptions,
  livingSituationOptions,
  mainLanguageOptions,
  maxMonthlyCostOptions,
  moneyWorryOptions,
  otherLanguageOptions,
  providerOptions,
  safetyConcernOptions,
  workSituationOptions,
  yesNoOptions,
  type StepId,
} from "#pathways/screening/questionnaire.ts";

/** How each question's fields are shown: the questionnaire says what is valid, this says how it looks. */
export interface FieldPresentation {
  name: string;
  kind: "radios" | "checkboxes" | "number" | "select";
  options?: readonly string[];
  /**
   * Shown only while this option of another of the step's fields is chosen, under that
   * option (GOV.UK conditional reveal): a follow-up to the step's one question, not a
   * question of its own.
   */
  revealedBy?: { field: string; option: string };
}

const radios = (name: string, options: readonly string[]): FieldPresentation[] => [{ name, kind: "radios", options }];
const checkboxes = (name: string, options: readonly string[]): FieldPresentation[] => [{ name, kind: "checkboxes", options }];
const number = (name: string): FieldPresentation[] => [{ name, kind: "number" }];

export const stepFields: Record<StepId, FieldPresentation[]> = {
  "help-for": radios("helpFor", helpForOptions),
  age: number("age"),
  municipality: radios("municipality", municipalityCodes),
  language: [
    { name: "language", kind: "radios", options: mainLanguageOptions },
    { name: "otherLanguage", kind: "select", options: otherLanguageOptions, revealedBy: { field: "language", option: "other" } },
  ],
  "living-situation": radios("livingSituation", livingSituationOptions),
  housing: radios("housing", housingOptions),
  "rent-arrears": radios("rentArrears", yesNoOptions),
  "eviction-notice": radios("evictionNotice", yesNoOptions),
  "daily-living": checkboxes("dailyLivingHelp", dailyLivingHelpOptions),
  memory: radios("memoryProblems", yesNoOptions),
  health: checkboxes("healthConcerns", healthConcernOptions),
  "children-count": number("childrenCount"),
  "children-needs": checkboxes("childrenNeeds", childNeedOptions),
  "children-with-needs": number("childrenWithNeedsCount"),
  respite: radios("wantsRespite", yesNoOptions),
  caring: radios("caresForSomeone", yesNoOptions),
  "work-situation": radios("workSituation", workSituationOptions),
  "months-unemployed": number("monthsUnemployed"),
  "study-or-training": radios("wantsStudyOrTraining", yesNoOptions),
  money: checkboxes("moneyWorries", moneyWorryOptions),
  safety: checkboxes("safetyConcerns", safetyConcernOptions),
  providers: radios("providers", providerOptions),
  "max-cost": radios("maxMonthlyCost", maxMonthlyCostOptions),
  contact: radios("contact", contactOptions),
};

/** Names of fields whose values are lists (checkboxes), whatever number of boxes is ticked. */
export function listFields(step: StepId): Set<string> {
  return new Set(stepFields[step].filter((field) => field.kind === "checkboxes").map((field) => field.name));
}
