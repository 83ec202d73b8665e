import type { ClaimedMessage, OutboxDispatch } from "#db/outbox-dispatch.ts";

/**
 * One worker for every outbox message type (ADR 017): it claims a due message, hands it
 * to the handler registered for its type, and records the outcome. A failure is tried
 * again after a growing wait; the last try, or a refusal for good, puts the message in
 * the dead letter (`failed_at`), never tried again. Cancelled messages are never taken.
 */

/** Thrown by a handler when trying again cannot help (the receiver refused the message for good). */
export class UndeliverableMessage extends Error {}

export interface OutboxHandler {
  /** Delivers the payload; throws to be tried again later, or `UndeliverableMessage` to give up now. */
  deliver(payload: string): Promise<void>;
  /** What of the payload may stay once the message has gone or been given up; all of it by default. */
  keep?(payload: string): string;
  /** The error as it may be stored (no personal data); its message, cut short, by default. */
  describeError?(error: unknown, payload: string): string;
}

/** Tries before a message goes to the dead letter: about two hours of trying in all. */
export const maxDeliveryAttempts = 8;
/** How long a claimed message is left to its worker before another may take it (a crash mid-send). */
export const claimMs = 5 * 60_000;

/** The wait before the next try: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 60) * 60_000;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export interface OutboxDispatcher {
  /** Delivers the messages due at `now`, at most `batch`; how many went and how many failed this time. */
  deliverDue(now: Date, batch?: number): Promise<{ delivered: number; failed: number }>;
}

/** The dispatcher on a backend's outbox, for the message types in `handlers` only. */
export function createOutboxDispatcher(outbox: OutboxDispatch, handlers: Readonly<Record<string, OutboxHandler>>): OutboxDispatcher {
  const types = Object.keys(handlers);
  const handlerFor = (message: ClaimedMessage) => handlers[message.type]!;
  const keep = (message: ClaimedMessage) => handlerFor(message).keep?.(message.payload) ?? message.payload;
  return {
    async deliverDue(now, batch = 20) {
      for (const message of await outbox.abandoned(types, maxDeliveryAttempts, now)) {
        await outbox.markFailed(message, now, "The last try did not finish in time", keep(message));
      }
      let delivered = 0;
      let failed = 0;
      for (let taken = 0; taken < batch; taken += 1) {
        const message = await outbox.claimNext(types, maxDeliveryAttempts, now, new Date(now.getTime() + claimMs));
        if (!message) break;
        const handler = handlerFor(message);
        try {
          await handler.deliver(message.payload);
          if (await outbox.markDelivered(message, now, keep(message))) delivered += 1;
        } catch (error) {
          const stored = handler.describeError?.(error, message.payload) ?? messageOf(error);
          if (error instanceof UndeliverableMessage || message.attempts >= maxDeliveryAttempts) await outbox.markFailed(message, now, stored, keep(message));
          else await outbox.markForRetry(message, new Date(now.getTime() + retryDelayMs(message.attempts)), stored);
          failed += 1;
        }
      }
      return { delivered, failed };
    },
  };
}

/**
 * Referral messages for the provider. No channel to providers exists yet: the provider
 * inbox that the next issue builds reads them from the outbox itself, so handing one over
 * is only marking it delivered, in the same write that checks it was not cancelled. No
 * message leaves the system here; a real transport replaces this handler.
 */
export const providerInboxHandler: OutboxHandler = {
  deliver: async () => {},
};

/** The outbox types that go to a provider: what the referral machines emit for them. */
export const providerMessageTypes = ["referral.requested", "referral.status-changed", "referral.escalated", "referral.cancelled"] as const;
