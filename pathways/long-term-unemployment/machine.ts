import { assertEvent, assign, setup } from "xstate";
import { isMunicipalityCode } from "../areas.ts";
import type { Need } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import {
  closeWithReason,
  closedState,
  consentState,
  eligibilityStates,
  initialPathwayContext,
  matchingStates,
  needCodesIn,
  pathwayActions,
  pathwayGuards,
  pathwayTypes,
  referralProgressGuards,
  referralStates,
} from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";

/**
 * Long-term unemployment: out of work for 12 months or more. What keeps a person from work
 * by then is seldom the job market alone, so employment, social and health services refer
 * together (multi-agency). They do so only on a recorded assessment of the person's work
 * capacity and life circumstances, so that the package fits what the person can do now.
 */
export const longTermUnemploymentVersion = 1;

export const longTermUnemploymentNeeds: readonly NeedCode[] = [
  ...needCodesIn("work", "money"),
  "health.mental",
  "health.substance-use",
];

const longTermUnemployedMonths = 12;

/** From the earliest old-age pension age the way out of unemployment is the pension, not this pathway. */
const pensionAge = 65;

/** Longest assessment summary, after trimming, that the record takes. */
export const maxAssessmentSummaryLength = 2000;

/** Entry guard: who this pathway is for (the engine starts it only then). */
export function entersLongTermUnemployment(needs: readonly Need[], person: PersonProfile): boolean {
  return (person.unemployedMonths ?? 0) >= longTermUnemployedMonths || needs.some((need) => need.code === "work.unemployed-long");
}

export const longTermUnemploymentMachine = setup({
  types: pathwayTypes,
  guards: {
    ...pathwayGuards,
    ...referralProgressGuards,
    // Eligibility: resident of the region (employment services are municipal) and of working age.
    eligible: ({ context }) => isMunicipalityCode(context.person.municipality) && context.person.age < pensionAge,
    assessmentSummaryValid: ({ event }) => {
      if (event.type !== "ASSESSMENT_RECORDED") return false;
      const summary = event.summary.trim();
      return summary.length > 0 && summary.length <= maxAssessmentSummaryLength;
    },
  },
  actions: {
    ...pathwayActions,
    storeAssessment: assign(({ event }) => {
      assertEvent(event, "ASSESSMENT_RECORDED");
      return {
        assessment: { workCapacity: event.workCapacity, summary: event.summary.trim(), recordedAt: event.at, recordedBy: event.by },
      };
    }),
  },
}).createMachine({
  id: "long-term-unemployment",
  context: ({ input }) => initialPathwayContext(input, longTermUnemploymentNeeds),
  initial: "assessingEligibility",
  states: {
    ...eligibilityStates({ whenEligible: "matching" }),
    ...matchingStates({ whenProposed: "awaitingAssessment" }),
    // The proposal is only a draft until the assessment shows what the person can take on.
    awaitingAssessment: {
      on: {
        ASSESSMENT_RECORDED: { guard: "assessmentSummaryValid", target: "awaitingConsent", actions: "storeAssessment" },
        ...closeWithReason,
      },
    },
    awaitingConsent: consentState(),
    ...referralStates(),
    closed: closedState(),
  },
});
