import { assertEvent, assign, emit, setup, type SnapshotFrom } from "xstate";
import { addWorkingDays } from "#pathways/calendar/working-days.ts";

/**
 * The lifecycle of one referral, shared by all pathways: a closed-loop referral as an HL7 FHIR
 * Task, from the citizen's draft to the provider's outcome.
 *
 * The machine is pure so that an engine can keep it in a database: it reads no clock and draws
 * no random numbers (every event says when it happened and who did it), invokes no actors, and
 * lets side effects out only as emitted events for an outbox. The one timer, the provider's
 * response deadline, is data in the context that a scheduler reads with {@link nextTimer}.
 */

/** Bump when a snapshot persisted by the previous version can no longer be restored into this one. */
export const referralMachineVersion = 1;

/** The HL7 FHIR Task statuses a referral goes through; also the machine's state names. */
export const referralStatuses = [
  "draft",
  "requested",
  "accepted",
  "rejected",
  "in-progress",
  "completed",
  "on-hold",
  "cancelled",
  "failed",
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** The statuses a referral can be put on hold from, and so the ones RESUME returns to. */
export type HoldableReferralStatus = "accepted" | "in-progress";

export const defaultResponseTimeWorkingDays = 2;

/** Longest reason, after trimming, that a REJECT, CANCEL, FAIL or HOLD may carry. */
export const maxReasonLength = 500;

/** The status reason, and the reason in `referral.cancelled`, when the citizen withdraws consent. */
export const consentWithdrawnReason = "consent-withdrawn";

export interface ReferralInput {
  referralId: string;
  serviceId: number;
  organizationId: number;
  /** Working days the provider has to accept or reject; 2 when not given. */
  responseTimeWorkingDays?: number;
}

/** A due event the machine expects a scheduler to send at `dueAt` (ISO 8601). */
export interface ReferralTimer {
  event: "RESPONSE_OVERDUE";
  dueAt: string;
}

export interface ReferralContext {
  referralId: string;
  serviceId: number;
  organizationId: number;
  responseTimeWorkingDays: number;
  /** When the referral was sent to the provider; null until then. */
  requestedAt: string | null;
  /** When the provider's answer is due, `responseTimeWorkingDays` after `requestedAt`; null until sent. */
  responseDueAt: string | null;
  /** Whether the provider missed the response deadline and the referral was escalated. */
  escalated: boolean;
  /** Why the referral is in its status: the reason given for a rejection, cancellation, failure or hold. */
  statusReason: string | null;
  /**
   * Where RESUME returns to, while on hold. Kept in context rather than in a history state
   * because history states do not survive persisting and restoring a snapshot reliably.
   */
  heldFrom: HoldableReferralStatus | null;
  /** The next event a scheduler must send, with its due time; null when none is pending. */
  timer: ReferralTimer | null;
}

/**
 * When an event happened and who caused it, carried by every event because the machine must
 * not read the clock. `at` is an ISO 8601 instant with an offset ("2025-03-07T10:00:00Z" or
 * "…+02:00"), never a bare local time, whose meaning would depend on the server's time zone.
 * `by` names the actor: "citizen", "staff:123", "provider:45", "system:scheduler".
 */
export interface Occurrence {
  at: string;
  by: string;
}

export type ReferralEvent = Occurrence &
  (
    | { type: "SEND" }
    | { type: "ACCEPT" }
    | { type: "REJECT"; reason: string }
    | { type: "START" }
    | { type: "COMPLETE" }
    | { type: "HOLD"; reason?: string }
    | { type: "RESUME" }
    | { type: "CANCEL"; reason: string }
    | { type: "FAIL"; reason: string }
    | { type: "RESPONSE_OVERDUE" }
    | { type: "WITHDRAW_CONSENT" }
  );
export type ReferralEventType = ReferralEvent["type"];

/** Side effects for the engine's outbox, each saying which referral, when and by whom. */
export type ReferralEmittedEvent = Occurrence & { referralId: string } & (
    | { type: "referral.requested"; serviceId: number; organizationId: number; responseDueAt: string }
    | { type: "referral.escalated"; serviceId: number; organizationId: number; responseDueAt: string }
    | { type: "referral.cancelled"; reason: string }
    | { type: "referral.status-changed"; from: ReferralStatus; to: ReferralStatus }
  );

export const referralMachine = setup({
  types: {
    input: {} as ReferralInput,
    context: {} as ReferralContext,
    events: {} as ReferralEvent,
    emitted: {} as ReferralEmittedEvent,
  },
  guards: {
    happenedAtValidInstant: ({ event }) => isInstant(event.at),
    hasValidReason: ({ event }) => "reason" in event && isValidReason(event.reason),
    hasNoReasonOrValidReason: ({ event }) =>
      !("reason" in event) || event.reason === undefined || isValidReason(event.reason),
    responseIsOverdue: ({ context, event }) =>
      !context.escalated &&
      context.responseDueAt !== null &&
      isInstant(event.at) &&
      Date.parse(event.at) >= Date.parse(context.responseDueAt),
    wasHeldBeforeStart: ({ context }) => context.heldFrom === "accepted",
    wasHeldInProgress: ({ context }) => context.heldFrom === "in-progress",
  },
  actions: {
    recordRequest: assign(({ context, event }) => {
      const responseDueAt = addWorkingDays(new Date(event.at), context.responseTimeWorkingDays).toISOString();
      return {
        requestedAt: event.at,
        responseDueAt,
        timer: { event: "RESPONSE_OVERDUE", dueAt: responseDueAt } as const,
      };
    }),
    recordEscalation: assign({ escalated: true, timer: null }),
    clearResponseTimer: assign({ timer: null }),
    recordReason: assign({
      statusReason: ({ event }) => {
        assertEvent(event, ["REJECT", "FAIL", "HOLD"]);
        return event.reason?.trim() ?? null;
      },
    }),
    recordCancellation: assign({
      statusReason: ({ event }) => {
        assertEvent(event, ["CANCEL", "WITHDRAW_CONSENT"]);
        return cancellationReason(event);
      },
    }),
    recordHoldOrigin: assign({ heldFrom: (_, params: { from: HoldableReferralStatus }) => params.from }),
    leaveHold: assign({ heldFrom: null, statusReason: null }),
    emitRequested: emit(({ context, event }) => ({
      type: "referral.requested" as const,
      referralId: context.referralId,
      serviceId: context.serviceId,
      organizationId: context.organizationId,
      responseDueAt: responseDueAtOf(context),
      at: event.at,
      by: event.by,
    })),
    emitEscalated: emit(({ context, event }) => ({
      type: "referral.escalated" as const,
      referralId: context.referralId,
      serviceId: context.serviceId,
      organizationId: context.organizationId,
      responseDueAt: responseDueAtOf(context),
      at: event.at,
      by: event.by,
    })),
    emitCancelled: emit(({ context, event }) => {
      assertEvent(event, ["CANCEL", "WITHDRAW_CONSENT"]);
      return {
        type: "referral.cancelled" as const,
        referralId: context.referralId,
        reason: cancellationReason(event),
        at: event.at,
        by: event.by,
      };
    }),
    emitStatusChanged: emit(({ context, event }, params: { from: ReferralStatus; to: ReferralStatus }) => ({
      type: "referral.status-changed" as const,
      referralId: context.referralId,
      from: params.from,
      to: params.to,
      at: event.at,
      by: event.by,
    })),
  },
}).createMachine({
  id: "referral",
  context: ({ input }) => {
    const responseTimeWorkingDays = input.responseTimeWorkingDays ?? defaultResponseTimeWorkingDays;
    // Checked here, not at SEND, so a bad catalogue value fails when the referral is created.
    if (!Number.isSafeInteger(responseTimeWorkingDays) || responseTimeWorkingDays < 0) {
      throw new RangeError(`responseTimeWorkingDays must be a non-negative integer, got ${responseTimeWorkingDays}`);
    }
    return {
      referralId: input.referralId,
      serviceId: input.serviceId,
      organizationId: input.organizationId,
      responseTimeWorkingDays,
      requestedAt: null,
      responseDueAt: null,
      escalated: false,
      statusReason: null,
      heldFrom: null,
      timer: null,
    };
  },
  initial: "draft",
  states: {
    draft: {
      on: {
        SEND: {
          guard: "happenedAtValidInstant",
          target: "requested",
          actions: ["recordRequest", statusChange("draft", "requested"), "emitRequested"],
        },
        CANCEL: cancelFrom("draft"),
        WITHDRAW_CONSENT: withdrawConsentFrom("draft"),
      },
    },
    requested: {
      // Whichever way the referral leaves, the provider has answered or no longer needs to.
      exit: "clearResponseTimer",
      on: {
        ACCEPT: { target: "accepted", actions: statusChange("requested", "accepted") },
        REJECT: {
          guard: "hasValidReason",
          target: "rejected",
          actions: ["recordReason", statusChange("requested", "rejected")],
        },
        RESPONSE_OVERDUE: { guard: "responseIsOverdue", actions: ["recordEscalation", "emitEscalated"] },
        CANCEL: cancelFrom("requested"),
        WITHDRAW_CONSENT: withdrawConsentFrom("requested"),
        FAIL: failFrom("requested"),
      },
    },
    accepted: {
      on: {
        START: { target: "in-progress", actions: statusChange("accepted", "in-progress") },
        HOLD: holdFrom("accepted"),
        CANCEL: cancelFrom("accepted"),
        WITHDRAW_CONSENT: withdrawConsentFrom("accepted"),
        FAIL: failFrom("accepted"),
      },
    },
    "in-progress": {
      // No WITHDRAW_CONSENT: the service has started, so it is ended with the provider (FAIL or COMPLETE).
      on: {
        COMPLETE: { target: "completed", actions: statusChange("in-progress", "completed") },
        HOLD: holdFrom("in-progress"),
        FAIL: failFrom("in-progress"),
      },
    },
    "on-hold": {
      exit: "leaveHold",
      on: {
        RESUME: [
          { guard: "wasHeldBeforeStart", target: "accepted", actions: statusChange("on-hold", "accepted") },
          { guard: "wasHeldInProgress", target: "in-progress", actions: statusChange("on-hold", "in-progress") },
        ],
        CANCEL: cancelFrom("on-hold"),
        WITHDRAW_CONSENT: { ...withdrawConsentFrom("on-hold"), guard: "wasHeldBeforeStart" },
        FAIL: failFrom("on-hold"),
      },
    },
    rejected: { type: "final" },
    completed: { type: "final" },
    cancelled: { type: "final" },
    failed: { type: "final" },
  },
});

export type ReferralSnapshot = SnapshotFrom<typeof referralMachine>;

/** The referral's status, which is the name of the machine's current state. */
export function referralStatus(snapshot: ReferralSnapshot): ReferralStatus {
  return snapshot.value;
}

/** The event a scheduler must send next and when, or null when nothing is due. */
export function nextTimer(snapshot: ReferralSnapshot): ReferralTimer | null {
  return snapshot.context.timer;
}

function statusChange(from: ReferralStatus, to: ReferralStatus) {
  return { type: "emitStatusChanged", params: { from, to } } as const;
}

function cancelFrom(from: ReferralStatus) {
  return {
    guard: "hasValidReason",
    target: "cancelled",
    actions: ["recordCancellation", statusChange(from, "cancelled"), "emitCancelled"],
  } as const;
}

function withdrawConsentFrom(from: ReferralStatus) {
  return {
    target: "cancelled",
    actions: ["recordCancellation", statusChange(from, "cancelled"), "emitCancelled"],
  } as const;
}

function failFrom(from: ReferralStatus) {
  return {
    guard: "hasValidReason",
    target: "failed",
    actions: ["recordReason", statusChange(from, "failed")],
  } as const;
}

function holdFrom(from: HoldableReferralStatus) {
  return {
    guard: "hasNoReasonOrValidReason",
    target: "on-hold",
    actions: [{ type: "recordHoldOrigin", params: { from } }, "recordReason", statusChange(from, "on-hold")],
  } as const;
}

function cancellationReason(event: Extract<ReferralEvent, { type: "CANCEL" | "WITHDRAW_CONSENT" }>): string {
  return event.type === "CANCEL" ? event.reason.trim() : consentWithdrawnReason;
}

function isValidReason(reason: unknown): boolean {
  if (typeof reason !== "string") {
    return false;
  }
  const trimmed = reason.trim();
  return trimmed.length > 0 && trimmed.length <= maxReasonLength;
}

const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time with an offset, on a date that exists. */
function isInstant(value: string): boolean {
  const match = isoInstant.exec(value);
  if (match === null || Number.isNaN(Date.parse(value))) {
    return false;
  }
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  // Date.parse rolls 30 February over into March instead of refusing it.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The response deadline, which SEND sets before anything that reads it can happen. */
function responseDueAtOf(context: ReferralContext): string {
  if (context.responseDueAt === null) {
    throw new Error(`Referral ${context.referralId} has no response deadline: it was never sent`);
  }
  return context.responseDueAt;
}
