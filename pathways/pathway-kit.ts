import { assertEvent, assign, emit } from "xstate";
import type { Need } from "./needs/need.ts";
import { needCodes, needs as needDefinitions, type NeedCategory, type NeedCode } from "./needs/taxonomy.ts";
import type { PersonProfile } from "./person.ts";

/**
 * What every pathway machine shares. A pathway machine is a pure statechart: it decides,
 * it does not act. What must happen outside it (run the matcher, create referrals, alert
 * staff) leaves it as an emitted event, which the engine turns into work in the same
 * transaction or into an outbox row. Every event carries its time and its actor, so a
 * machine never reads a clock and a replay gives the same result.
 */

export interface PathwayInput {
  caseId: string;
  needs: Need[];
  person: PersonProfile;
}

/** A service the matcher proposed for this pathway's needs. */
export interface ProposedService {
  serviceId: number;
  organizationId: number;
  needCodes: NeedCode[];
}

/** Statuses of the shared referral machine, as far as a pathway needs to know them. */
export type TrackedReferralStatus =
  | "requested"
  | "accepted"
  | "rejected"
  | "in-progress"
  | "completed"
  | "on-hold"
  | "cancelled"
  | "failed";

export interface TrackedReferral {
  referralId: string;
  serviceId: number;
  needCodes: NeedCode[];
  status: TrackedReferralStatus;
}

export interface PathwayTimer {
  event: string;
  dueAt: string;
}

/** The assessment the long-term unemployment pathway records before its multi-agency referral. */
export interface WorkCapacityAssessment {
  workCapacity: Extract<PathwayEvent, { type: "ASSESSMENT_RECORDED" }>["workCapacity"];
  /** Life circumstances and what stands between the person and work, trimmed. */
  summary: string;
  recordedAt: string;
  recordedBy: string;
}

export interface PathwayContext extends PathwayInput {
  proposal: ProposedService[];
  consentedServiceIds: number[];
  referrals: TrackedReferral[];
  timer: PathwayTimer | null;
  closedReason: string | null;
  // What only one pathway keeps is an optional field here, not a wider context type in that
  // machine: XState's action types are invariant in the context, so a machine with a wider
  // context could not use `pathwayActions`. Other pathways never set these.
  /** Families with a disabled child: the staff id of the one key worker who owns the family plan. */
  keyWorker?: string;
  /** Long-term unemployment: the assessment that must come before the referrals. */
  assessment?: WorkCapacityAssessment;
}

interface Stamped {
  /** ISO 8601 time the event happened. */
  at: string;
  /** Who caused it: "citizen", "staff:<id>", "provider:<id>", "system:<name>". */
  by: string;
}

/**
 * Every event any pathway machine understands, in one union so that the shared guards
 * and actions type-check in every machine. A machine refuses the events it does not
 * handle in its current state (`snapshot.can(event)` is false).
 */
export type PathwayEvent =
  | ({ type: "PACKAGE_PROPOSED"; services: ProposedService[] } & Stamped)
  | ({ type: "CONSENT_GIVEN"; serviceIds: number[] } & Stamped)
  | ({ type: "REFERRALS_SENT"; referrals: TrackedReferral[] } & Stamped)
  | ({ type: "REFERRAL_UPDATED"; referralId: string; status: TrackedReferralStatus } & Stamped)
  | ({ type: "CLOSE"; reason: string } & Stamped)
  /** Long-term unemployment: the assessment of work capacity and life circumstances. */
  | ({ type: "ASSESSMENT_RECORDED"; workCapacity: "full" | "partial" | "none-at-present"; summary: string } & Stamped)
  /** Families with a disabled child: the one key worker who owns the family plan. */
  | ({ type: "KEY_WORKER_ASSIGNED"; staffId: string } & Stamped)
  /** Sent by the scheduler when a pathway's timer is due. */
  | ({ type: "TIMER_DUE"; timer: string } & Stamped)
  /** Safeguarding: staff have taken the alert. */
  | ({ type: "ALERT_ACKNOWLEDGED" } & Stamped);

/** What a pathway asks of the engine and of the world. */
export type PathwayEmitted =
  | { type: "pathway.match-requested"; caseId: string; needCodes: NeedCode[] }
  | { type: "pathway.referrals-requested"; caseId: string; serviceIds: number[] }
  | { type: "pathway.alert"; caseId: string; alert: string; urgency: Need["urgency"] }
  | { type: "pathway.closed"; caseId: string; reason: string };

/** The `types` of every pathway machine's `setup`. */
export const pathwayTypes = {
  context: {} as PathwayContext,
  events: {} as PathwayEvent,
  input: {} as PathwayInput,
  emitted: {} as PathwayEmitted,
};

/** Every need code in these categories, in taxonomy order: for pathways that handle a whole category ("housing.*"). */
export function needCodesIn(...categories: NeedCategory[]): NeedCode[] {
  return needCodes.filter((code) => categories.includes(needDefinitions[code].category));
}

export function initialPathwayContext(input: PathwayInput, handledNeeds: readonly NeedCode[]): PathwayContext {
  return {
    caseId: input.caseId,
    needs: input.needs.filter((need) => handledNeeds.includes(need.code)),
    person: input.person,
    proposal: [],
    consentedServiceIds: [],
    referrals: [],
    timer: null,
    closedReason: null,
  };
}

/** Referrals that are no longer waiting for a provider's answer. */
const answered = new Set<TrackedReferralStatus>(["accepted", "in-progress", "completed", "rejected", "cancelled", "failed"]);
const underway = new Set<TrackedReferralStatus>(["accepted", "in-progress", "completed"]);
const ended = new Set<TrackedReferralStatus>(["completed", "rejected", "cancelled", "failed"]);

export function allReferralsAnswered(context: PathwayContext): boolean {
  return context.referrals.length > 0 && context.referrals.every((referral) => answered.has(referral.status));
}

export function anyReferralUnderway(context: PathwayContext): boolean {
  return context.referrals.some((referral) => underway.has(referral.status));
}

export function allReferralsEnded(context: PathwayContext): boolean {
  return context.referrals.length > 0 && context.referrals.every((referral) => ended.has(referral.status));
}

/** Guards and actions every pathway machine uses; spread into each machine's `setup`. */
export const pathwayGuards = {
  hasProposal: ({ event }: { event: PathwayEvent }) => event.type === "PACKAGE_PROPOSED" && event.services.length > 0,
  consentCoversProposal: ({ context, event }: { context: PathwayContext; event: PathwayEvent }) =>
    event.type === "CONSENT_GIVEN" &&
    event.serviceIds.length > 0 &&
    event.serviceIds.every((id) => context.proposal.some((service) => service.serviceId === id)),
  knownReferral: ({ context, event }: { context: PathwayContext; event: PathwayEvent }) =>
    event.type === "REFERRAL_UPDATED" && context.referrals.some((referral) => referral.referralId === event.referralId),
  reasonGiven: ({ event }: { event: PathwayEvent }) => event.type === "CLOSE" && event.reason.trim().length > 0,
};

/** Guards for following a package's referrals: in service once answered, closed once they all end. */
export const referralProgressGuards = {
  allReferralsEnded: ({ context }: { context: PathwayContext }) => allReferralsEnded(context),
  servicesUnderway: ({ context }: { context: PathwayContext }) => allReferralsAnswered(context) && anyReferralUnderway(context),
};

// Explicit type arguments: the action creators cannot infer the machine's types outside `setup`.
const assignContext = assign<PathwayContext, PathwayEvent, undefined, PathwayEvent, never>;
const emitToEngine = emit<PathwayContext, PathwayEvent, undefined, PathwayEvent, PathwayEmitted>;

export const pathwayActions = {
  requestMatch: emitToEngine(({ context }) => ({
    type: "pathway.match-requested" as const,
    caseId: context.caseId,
    needCodes: context.needs.map((need) => need.code),
  })),
  storeProposal: assignContext(({ event }) => {
    assertEvent(event, "PACKAGE_PROPOSED");
    return { proposal: event.services };
  }),
  storeConsent: assignContext(({ event }) => {
    assertEvent(event, "CONSENT_GIVEN");
    return { consentedServiceIds: [...new Set(event.serviceIds)].sort((a, b) => a - b) };
  }),
  requestReferrals: emitToEngine(({ context }) => ({
    type: "pathway.referrals-requested" as const,
    caseId: context.caseId,
    serviceIds: context.consentedServiceIds,
  })),
  storeReferrals: assignContext(({ context, event }) => {
    assertEvent(event, "REFERRALS_SENT");
    return { referrals: [...context.referrals, ...event.referrals] };
  }),
  updateReferral: assignContext(({ context, event }) => {
    assertEvent(event, "REFERRAL_UPDATED");
    return {
      referrals: context.referrals.map((referral) =>
        referral.referralId === event.referralId ? { ...referral, status: event.status } : referral,
      ),
    };
  }),
  clearTimer: assignContext({ timer: null }),
  recordClosure: assignContext(({ event }) => {
    assertEvent(event, "CLOSE");
    return { closedReason: event.reason.trim() };
  }),
  announceClosure: emitToEngine(({ context }) => ({
    type: "pathway.closed" as const,
    caseId: context.caseId,
    reason: context.closedReason ?? "all-referrals-ended",
  })),
};

/** An action that emits a `pathway.alert`; the engine's outbox delivers it to staff or to the person. */
export function raiseAlert(alert: string, urgency: Need["urgency"]) {
  return emitToEngine(({ context }) => ({ type: "pathway.alert" as const, caseId: context.caseId, alert, urgency }));
}

/*
 * State-config fragments the pathway machines share, to spread into a machine's `states`.
 * Guard and action names stay string literals (`as const`), so the machine's `setup` still
 * checks each one: a machine that uses a fragment without the guards and actions it names
 * does not compile. The order of states, and of events within a state, is the order the
 * diagrams in docs/pathways show, so a machine's own events (`alsoOn`) go in before CLOSE.
 * A pathway that ends goes to the state `closed`, which every machine has: `closedState()`.
 */

/** The person or staff stop the pathway; the reason is kept for the record and the closure notice. */
export const closeWithReason = {
  CLOSE: { guard: "reasonGiven", target: "closed", actions: "recordClosure" },
} as const;

/** A provider's answer to, or progress on, one of this pathway's referrals. */
export const referralUpdates = {
  REFERRAL_UPDATED: { guard: "knownReferral", actions: "updateReferral" },
} as const;

/**
 * The machine's own `eligible` guard decides: `whenEligible` (with `actions`, if given)
 * or the final state `notEligible`.
 */
export function eligibilityStates<const EligibleActions = never>({
  whenEligible,
  actions,
}: {
  whenEligible: string;
  actions?: EligibleActions;
}) {
  return {
    assessingEligibility: {
      always: [{ guard: "eligible", target: whenEligible, ...(actions !== undefined && { actions }) }, { target: "notEligible" }],
    },
    notEligible: { type: "final" },
  } as const;
}

/** Asks the matcher for a package: a proposal moves on to `whenProposed`, none ends in `noServiceAvailable`. */
export function matchingStates({ whenProposed }: { whenProposed: string }) {
  return {
    matching: {
      entry: "requestMatch",
      on: {
        PACKAGE_PROPOSED: [
          { guard: "hasProposal", target: whenProposed, actions: "storeProposal" },
          { target: "noServiceAvailable" },
        ],
      },
    },
    noServiceAvailable: { type: "final" },
  } as const;
}

/** Waits for consent to the proposal, then refers; `alsoOn` adds the machine's own events before CLOSE. */
export function consentState<const AlsoOn extends object = {}>({ alsoOn }: { alsoOn?: AlsoOn } = {}) {
  return {
    on: {
      CONSENT_GIVEN: { guard: "consentCoversProposal", target: "referring", actions: "storeConsent" },
      ...alsoOn,
      ...closeWithReason,
    },
  } as const;
}

/**
 * Sends the consented referrals and follows them: in service once every provider has
 * answered and one has taken the person on, closed once they have all ended. `alsoOn`
 * adds the machine's own events, before CLOSE, to the states that wait on providers.
 */
export function referralStates<const AlsoOn extends object = {}>({ alsoOn }: { alsoOn?: AlsoOn } = {}) {
  return {
    referring: {
      entry: "requestReferrals",
      on: { REFERRALS_SENT: { target: "awaitingAcceptance", actions: "storeReferrals" } },
    },
    awaitingAcceptance: {
      always: [
        { guard: "allReferralsEnded", target: "closed" },
        { guard: "servicesUnderway", target: "inService" },
      ],
      on: { ...referralUpdates, ...alsoOn, ...closeWithReason },
    },
    inService: inServiceState({ alsoOn }),
  } as const;
}

/** Services are underway: follows the referrals until they have all ended. */
export function inServiceState<const AlsoOn extends object = {}>({ alsoOn }: { alsoOn?: AlsoOn } = {}) {
  return {
    always: { guard: "allReferralsEnded", target: "closed" },
    on: { ...referralUpdates, ...alsoOn, ...closeWithReason },
  } as const;
}

/** The end of a pathway that got under way; the engine is told, with the reason. */
export function closedState() {
  return { type: "final", entry: "announceClosure" } as const;
}
