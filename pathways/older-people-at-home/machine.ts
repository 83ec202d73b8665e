import { setup } from "xstate";
import { isMunicipalityCode } from "../areas.ts";
import type { Need } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import {
  closedState,
  consentState,
  eligibilityStates,
  initialPathwayContext,
  matchingStates,
  pathwayActions,
  pathwayGuards,
  pathwayTypes,
  referralProgressGuards,
  referralStates,
} from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";

/**
 * Older people living at home (Kotitori): a person aged 65 or more, or their carer,
 * with daily-living needs. The aim is to stay at home, with a mix of municipal home
 * care, service vouchers and private providers with prices in one package.
 */
export const olderPeopleAtHomeVersion = 1;

export const olderPeopleAtHomeNeeds: readonly NeedCode[] = [
  "daily-living.home-care",
  "daily-living.household-help",
  "daily-living.meals",
  "daily-living.home-safety",
  "health.memory",
  "health.physical",
  "social.isolation",
  "transport.mobility",
  "caring.carer-support",
];

const helpAtHome = (need: Need) => need.code.startsWith("daily-living.");

/** Entry guard: who this pathway is for (the engine starts it only then). */
export function entersOlderPeopleAtHome(needs: readonly Need[], person: PersonProfile): boolean {
  return person.age >= 65 && needs.some(helpAtHome);
}

export const olderPeopleAtHomeMachine = setup({
  types: pathwayTypes,
  guards: {
    ...pathwayGuards,
    ...referralProgressGuards,
    // Eligibility: resident of the region, and a need for help at home itself, not only
    // company or transport, which other services meet without a care plan.
    eligible: ({ context }) => isMunicipalityCode(context.person.municipality) && context.needs.some(helpAtHome),
  },
  actions: pathwayActions,
}).createMachine({
  id: "older-people-at-home",
  context: ({ input }) => initialPathwayContext(input, olderPeopleAtHomeNeeds),
  initial: "assessingEligibility",
  states: {
    ...eligibilityStates({ whenEligible: "matching" }),
    ...matchingStates({ whenProposed: "awaitingConsent" }),
    awaitingConsent: consentState(),
    ...referralStates(),
    closed: closedState(),
  },
});
