import { setup } from "xstate";
import type { Need } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import {
  closedState,
  eligibilityStates,
  initialPathwayContext,
  pathwayActions,
  pathwayGuards,
  pathwayTypes,
  raiseAlert,
  type PathwayEvent,
} from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";

/**
 * Safeguarding: violence or abuse at home, or a child at risk. There is no package to
 * propose and no consent to wait for: the person sees emergency guidance at once and
 * staff are alerted, whatever urgency screening gave the need, and a member of staff
 * takes the case from there.
 */
export const safeguardingVersion = 1;

export const safeguardingNeeds: readonly NeedCode[] = ["safety.domestic-abuse", "safety.child-at-risk"];

const safeguardingConcern = (need: Need) => safeguardingNeeds.includes(need.code);

/** Entry guard: who this pathway is for (the engine starts it only then). */
export function entersSafeguarding(needs: readonly Need[], _person: PersonProfile): boolean {
  return needs.some(safeguardingConcern);
}

const byStaff = (event: PathwayEvent) => event.by.startsWith("staff:");

export const safeguardingMachine = setup({
  types: pathwayTypes,
  guards: {
    ...pathwayGuards,
    // Eligibility: a safeguarding concern, and nothing else; no one in danger is turned
    // away for where they live or how old they are.
    eligible: ({ context }) => context.needs.length > 0,
    acknowledgedByStaff: ({ event }) => event.type === "ALERT_ACKNOWLEDGED" && byStaff(event),
    // Whoever else holds the person's device may be the one they need protecting from.
    closedByStaffWithReason: ({ event }) => byStaff(event) && pathwayGuards.reasonGiven({ event }),
  },
  actions: {
    ...pathwayActions,
    alertStaff: raiseAlert("safeguarding", "emergency"),
  },
}).createMachine({
  id: "safeguarding",
  context: ({ input }) => initialPathwayContext(input, safeguardingNeeds),
  initial: "assessingEligibility",
  states: {
    ...eligibilityStates({ whenEligible: "emergencyGuidance" }),
    // The UI shows emergency guidance in this state; the alert stays open until staff take it.
    emergencyGuidance: {
      entry: "alertStaff",
      on: {
        ALERT_ACKNOWLEDGED: { guard: "acknowledgedByStaff", target: "withStaff" },
      },
    },
    withStaff: {
      on: {
        CLOSE: { guard: "closedByStaffWithReason", target: "closed", actions: "recordClosure" },
      },
    },
    closed: closedState(),
  },
});
