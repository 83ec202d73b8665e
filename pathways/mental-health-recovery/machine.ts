import { emit, setup } from "xstate";
import { isMunicipalityCode } from "../areas.ts";
import type { Need } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import {
  closeWithReason,
  closedState,
  eligibilityStates,
  inServiceState,
  initialPathwayContext,
  matchingStates,
  needCodesIn,
  pathwayActions,
  pathwayGuards,
  pathwayTypes,
  referralProgressGuards,
  referralUpdates,
  type PathwayContext,
  type ProposedService,
  type TrackedReferralStatus,
} from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";

/**
 * Mental health recovery, on the Aarhus model: recovery is staged. A home and counselling
 * come first (stage 1, with help for substance use and loneliness); employment support
 * follows (stage 2) only once housing and counselling are in place, because a job search
 * started from an unstable life tends to fail and set recovery back.
 */
export const mentalHealthRecoveryVersion = 1;

export const mentalHealthRecoveryNeeds: readonly NeedCode[] = [
  "health.mental",
  "health.substance-use",
  ...needCodesIn("housing", "work"),
  "social.isolation",
];

/** Adult services: under 18s are cared for by child and youth psychiatry, with their family. */
const adultAge = 18;

const stabilisingNeed = (code: NeedCode) => code.startsWith("housing.") || code.startsWith("health.") || code === "social.isolation";

/** Stage 1: services for a home, health or loneliness. */
const stabilises = (service: ProposedService) => service.needCodes.some(stabilisingNeed);

/** Stage 2: the rest, which on this pathway meet work needs only: employment support. */
const supportsEmployment = (service: ProposedService) => !stabilises(service);

/** What must be in place before employment support: a home, and counselling for the person's mental health. */
const neededBeforeWork = (code: NeedCode) => code.startsWith("housing.") || code === "health.mental";

/** In place: the provider is delivering the service, or has delivered it in full. */
const inPlace = new Set<TrackedReferralStatus>(["in-progress", "completed"]);

/** The consented services of one stage, in the order consent stores them. */
function consentedServiceIdsIn(context: PathwayContext, stage: (service: ProposedService) => boolean): number[] {
  return context.consentedServiceIds.filter((id) => context.proposal.some((service) => service.serviceId === id && stage(service)));
}

/** Every stage-1 referral for housing or counselling is in place (none to wait for counts as in place). */
function housingAndCounsellingInPlace(context: PathwayContext): boolean {
  return context.referrals
    .filter((referral) => referral.needCodes.some(neededBeforeWork))
    .every((referral) => inPlace.has(referral.status));
}

const mentalHealthNeed = (need: Need) => need.code === "health.mental";

/** Entry guard: who this pathway is for (the engine starts it only then). */
export function entersMentalHealthRecovery(needs: readonly Need[], _person: PersonProfile): boolean {
  return needs.some(mentalHealthNeed);
}

export const mentalHealthRecoveryMachine = setup({
  types: pathwayTypes,
  guards: {
    ...pathwayGuards,
    ...referralProgressGuards,
    // Eligibility: resident of the region, and an adult.
    eligible: ({ context }) => isMunicipalityCode(context.person.municipality) && context.person.age >= adultAge,
    consentIncludesStabilisation: ({ context, event }) =>
      event.type === "CONSENT_GIVEN" &&
      pathwayGuards.consentCoversProposal({ context, event }) &&
      context.proposal.some((service) => event.serviceIds.includes(service.serviceId) && stabilises(service)),
    readyForEmploymentSupport: ({ context }) =>
      housingAndCounsellingInPlace(context) && consentedServiceIdsIn(context, supportsEmployment).length > 0,
    housingAndCounsellingInPlace: ({ context }) => housingAndCounsellingInPlace(context),
  },
  actions: {
    ...pathwayActions,
    requestStabilisationReferrals: emit(({ context }) => ({
      type: "pathway.referrals-requested" as const,
      caseId: context.caseId,
      serviceIds: consentedServiceIdsIn(context, stabilises),
    })),
    requestEmploymentSupportReferrals: emit(({ context }) => ({
      type: "pathway.referrals-requested" as const,
      caseId: context.caseId,
      serviceIds: consentedServiceIdsIn(context, supportsEmployment),
    })),
  },
}).createMachine({
  id: "mental-health-recovery",
  context: ({ input }) => initialPathwayContext(input, mentalHealthRecoveryNeeds),
  initial: "assessingEligibility",
  states: {
    ...eligibilityStates({ whenEligible: "matching" }),
    ...matchingStates({ whenProposed: "awaitingConsent" }),
    awaitingConsent: {
      on: {
        CONSENT_GIVEN: [
          { guard: "consentIncludesStabilisation", target: "referringStabilisation", actions: "storeConsent" },
          // Consent to employment support alone: nothing of stage 1 to wait for, and the
          // person's choice to decline the rest is respected.
          { guard: "consentCoversProposal", target: "referringEmploymentSupport", actions: "storeConsent" },
        ],
        ...closeWithReason,
      },
    },
    referringStabilisation: {
      entry: "requestStabilisationReferrals",
      on: { REFERRALS_SENT: { target: "stabilising", actions: "storeReferrals" } },
    },
    stabilising: {
      always: [
        { guard: "readyForEmploymentSupport", target: "referringEmploymentSupport" },
        // No employment support was consented: stage 2 is skipped.
        { guard: "housingAndCounsellingInPlace", target: "inRecovery" },
        { guard: "allReferralsEnded", target: "closed" },
      ],
      on: { ...referralUpdates, ...closeWithReason },
    },
    referringEmploymentSupport: {
      entry: "requestEmploymentSupportReferrals",
      on: { REFERRALS_SENT: { target: "inRecovery", actions: "storeReferrals" } },
    },
    inRecovery: inServiceState(),
    closed: closedState(),
  },
});
