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
  pathwayActions,
  pathwayGuards,
  pathwayTypes,
  raiseAlert,
  referralProgressGuards,
  referralStates,
} from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";

/**
 * Families with a disabled child: a child with developmental or disability needs, and the
 * parents who care for them. The family gets ONE family plan and ONE key worker who owns
 * it, instead of a separate contact for every therapy, school and respite service; so no
 * referral is made before the key worker is assigned.
 */
export const familiesWithDisabledChildVersion = 1;

const childDevelopmentNeeds: readonly NeedCode[] = [
  "disability.child-speech-therapy",
  "disability.child-occupational-therapy",
  "disability.child-psychological-therapy",
  "disability.school-support",
  "disability.respite",
];

export const familiesWithDisabledChildNeeds: readonly NeedCode[] = [
  ...childDevelopmentNeeds,
  "family.parenting",
  "family.counselling",
  "caring.carer-support",
];

const childDevelopmentNeed = (need: Need) => childDevelopmentNeeds.includes(need.code);

/** Entry guard: who this pathway is for (the engine starts it only then). */
export function entersFamiliesWithDisabledChild(needs: readonly Need[], person: PersonProfile): boolean {
  return needs.some(childDevelopmentNeed) || person.childrenWithSupportNeeds > 0;
}

/** Once the family has a key worker, the plan may pass to another at any stage; the family is told who to call. */
const keyWorkerChange = {
  KEY_WORKER_ASSIGNED: { guard: "newKeyWorker", actions: ["storeKeyWorker", "tellFamilyKeyWorkerChanged"] },
} as const;

export const familiesWithDisabledChildMachine = setup({
  types: pathwayTypes,
  guards: {
    ...pathwayGuards,
    ...referralProgressGuards,
    // Eligibility: resident of the region, and something the family plan can meet; a family
    // that entered on a child's support needs alone but asked for nothing this plan covers
    // has nothing to plan here.
    eligible: ({ context }) => isMunicipalityCode(context.person.municipality) && context.needs.length > 0,
    // Both the first assignment and a change: a staff id, and not the key worker the family already has.
    newKeyWorker: ({ context, event }) =>
      event.type === "KEY_WORKER_ASSIGNED" && event.staffId.trim().length > 0 && event.staffId !== context.keyWorker,
  },
  actions: {
    ...pathwayActions,
    storeKeyWorker: assign(({ event }) => {
      assertEvent(event, "KEY_WORKER_ASSIGNED");
      return { keyWorker: event.staffId };
    }),
    // The family must know who to call; a new name in the portal alone is not enough.
    tellFamilyKeyWorkerChanged: raiseAlert("key-worker-changed", "routine"),
  },
}).createMachine({
  id: "families-with-disabled-child",
  context: ({ input }) => initialPathwayContext(input, familiesWithDisabledChildNeeds),
  initial: "assessingEligibility",
  states: {
    ...eligibilityStates({ whenEligible: "matching" }),
    ...matchingStates({ whenProposed: "awaitingKeyWorker" }),
    // The proposal is the family plan; the key worker takes it to the family for consent.
    awaitingKeyWorker: {
      on: {
        KEY_WORKER_ASSIGNED: { guard: "newKeyWorker", target: "awaitingConsent", actions: "storeKeyWorker" },
        ...closeWithReason,
      },
    },
    awaitingConsent: consentState({ alsoOn: keyWorkerChange }),
    ...referralStates({ alsoOn: keyWorkerChange }),
    closed: closedState(),
  },
});
