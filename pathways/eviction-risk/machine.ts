import { assertEvent, assign, setup } from "xstate";
import { addWorkingDays } from "../calendar/working-days.ts";
import { moreUrgent, type Need } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import {
  anyReferralUnderway,
  closeWithReason,
  closedState,
  consentState,
  eligibilityStates,
  inServiceState,
  initialPathwayContext,
  matchingStates,
  needCodesIn,
  pathwayActions,
  pathwayGuards,
  pathwayTypes,
  raiseAlert,
  referralProgressGuards,
  referralUpdates,
} from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";

/**
 * Eviction risk: rent arrears or an eviction notice. Urgent: debt advice, income support
 * and family support start together, because a home is lost in weeks and each service
 * alone is too slow. If no provider has taken the family on within one working day of
 * the referrals, staff are alerted to step in.
 */
export const evictionRiskVersion = 1;

export const evictionRiskNeeds: readonly NeedCode[] = [...needCodesIn("housing", "money"), "family.parenting"];

/** The timer the scheduler sends back as `TIMER_DUE` one working day after the referrals. */
const acceptanceOverdueTimer = "ACCEPTANCE_OVERDUE";

const evictionRisk = (need: Need) => need.code === "housing.eviction-risk";

/** Entry guard: who this pathway is for (the engine starts it only then). */
export function entersEvictionRisk(needs: readonly Need[], _person: PersonProfile): boolean {
  return needs.some(evictionRisk);
}

export const evictionRiskMachine = setup({
  types: pathwayTypes,
  guards: {
    ...pathwayGuards,
    ...referralProgressGuards,
    // No residency condition: whoever is about to lose a home in the region is helped first.
    eligible: ({ context }) => context.needs.some(evictionRisk),
    providerAccepted: ({ context }) => anyReferralUnderway(context),
    acceptanceOverdue: ({ context, event }) =>
      event.type === "TIMER_DUE" &&
      event.timer === acceptanceOverdueTimer &&
      context.timer !== null &&
      Date.parse(event.at) >= Date.parse(context.timer.dueAt) &&
      // An acceptance has already moved the case on; stated here too so the guard is the whole rule.
      !anyReferralUnderway(context),
  },
  actions: {
    ...pathwayActions,
    // Urgent means help starts within a working day; on this pathway that holds for every
    // need it handles, whatever urgency screening gave each one.
    markNeedsUrgent: assign(({ context }) => ({
      needs: context.needs.map((need) => ({ ...need, urgency: moreUrgent(need.urgency, "urgent") })),
    })),
    startAcceptanceDeadline: assign(({ event }) => {
      assertEvent(event, "REFERRALS_SENT");
      return { timer: { event: acceptanceOverdueTimer, dueAt: addWorkingDays(new Date(event.at), 1).toISOString() } };
    }),
    alertNoProviderAccepted: raiseAlert("no-provider-accepted", "urgent"),
  },
}).createMachine({
  id: "eviction-risk",
  context: ({ input }) => initialPathwayContext(input, evictionRiskNeeds),
  initial: "assessingEligibility",
  states: {
    ...eligibilityStates({ whenEligible: "matching", actions: "markNeedsUrgent" }),
    ...matchingStates({ whenProposed: "awaitingConsent" }),
    awaitingConsent: consentState(),
    referring: {
      entry: "requestReferrals",
      on: { REFERRALS_SENT: { target: "awaitingAcceptance", actions: ["storeReferrals", "startAcceptanceDeadline"] } },
    },
    awaitingAcceptance: {
      // The deadline belongs to this state: however the case leaves it, the timer goes.
      exit: "clearTimer",
      always: [
        { guard: "providerAccepted", target: "inService" },
        // Every provider said no: waiting out the deadline would only lose the family a day.
        { guard: "allReferralsEnded", target: "escalated" },
      ],
      on: {
        ...referralUpdates,
        TIMER_DUE: { guard: "acceptanceOverdue", target: "escalated" },
        ...closeWithReason,
      },
    },
    // Staff chase the providers or find help by other means; a late acceptance still moves the case on.
    escalated: {
      entry: "alertNoProviderAccepted",
      always: { guard: "providerAccepted", target: "inService" },
      on: { ...referralUpdates, ...closeWithReason },
    },
    inService: inServiceState(),
    closed: closedState(),
  },
});
