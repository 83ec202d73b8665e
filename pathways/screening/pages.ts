/**
 * The screening's pages by id: one per question, named by its step, then check answers
 * and complete. The machine and the flow say which page comes next by these ids; where a
 * page is, for the person answering online or for staff answering for a visitor, is the
 * app's route table (app/page-paths.ts). This module is a list of names and nothing else,
 * so that the route table, which every page's JavaScript carries, can check an id
 * without taking the questionnaire with it.
 */

/** The question pages, in the order they are asked. */
export const stepIds = [
  "help-for",
  "age",
  "municipality",
  "language",
  "living-situation",
  "housing",
  "rent-arrears",
  "eviction-notice",
  "daily-living",
  "memory",
  "health",
  "children-count",
  "children-needs",
  "children-with-needs",
  "respite",
  "caring",
  "work-situation",
  "months-unemployed",
  "study-or-training",
  "money",
  "safety",
  "providers",
  "max-cost",
  "contact",
] as const;

export type StepId = (typeof stepIds)[number];

export const screeningPageIds = [...stepIds, "check-answers", "complete"] as const;

export type ScreeningPageId = (typeof screeningPageIds)[number];

/** The pages of a screening in progress: the questions and check answers, which a person can open and post to. */
export type InProgressPageId = Exclude<ScreeningPageId, "complete">;

export function isScreeningPageId(value: unknown): value is ScreeningPageId {
  return typeof value === "string" && (screeningPageIds as readonly string[]).includes(value);
}
