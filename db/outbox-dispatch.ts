import type { LuukkuDatabase } from "./client.ts";

/** A message a worker has claimed: its try is counted, and `attempts` is the claim's token. */
export interface ClaimedMessage {
  id: number;
  type: string;
  payload: string;
  attempts: number;
}

/** The outbox dispatcher's storage (ADR 017): claims held for a while, and the outcome of each try. */
export interface OutboxDispatch {
  /** Claims the oldest message of `types` due at `now`, held until `leaseUntil`; undefined when none is due. */
  claimNext(types: readonly string[], maxAttempts: number, now: Date, leaseUntil: Date): Promise<ClaimedMessage | undefined>;
  /** Delivered: the payload is replaced by what may be kept. False when the claim was lost or the message cancelled meanwhile. */
  markDelivered(message: ClaimedMessage, at: Date, keptPayload: string): Promise<boolean>;
  markForRetry(message: ClaimedMessage, at: Date, error: string): Promise<void>;
  /** The dead letter: never tried again; the payload is replaced by what may be kept. */
  markFailed(message: ClaimedMessage, at: Date, error: string, keptPayload: string): Promise<void>;
  /** Messages whose last try's lease ran out without an answer (the worker died): no try is left. */
  abandoned(types: readonly string[], maxAttempts: number, now: Date): Promise<ClaimedMessage[]>;
}

/**
 * The outbox dispatcher's statements on SQLite, prepared once for the worker's life.
 *
 * Claiming is one UPDATE whose subquery picks the oldest due message of the worker's
 * types: SQLite runs each write alone, so no two workers, in one process or in several on
 * the same file, can claim the same row. The claim is a lease: `available_at` moves to the
 * lease's end, so a worker that dies mid-send leaves a row that falls due again, and the
 * try is counted. `attempts` after the claim is the claim's token: a worker whose lease
 * ran out and was taken over finds its later writes matching no row.
 *
 * Each method is one statement, atomic by itself, and the dispatcher holds nothing open
 * across its awaits (a claim is a lease, not a lock), so they run outside any unit of work,
 * not on the connection's queue; a unit of work open on the same connection cannot take them
 * in while its work waits on nothing but SQLite (ADR 020). On PostgreSQL each statement may
 * take any pooled client.
 */
export function sqliteOutboxDispatch(db: LuukkuDatabase): OutboxDispatch {
  const sqlite = db.$client;
  const claimNext = sqlite.prepare<[{ types: string; maxAttempts: number; now: number; leaseUntil: number }], ClaimedMessage>(
    `UPDATE outbox SET attempts = attempts + 1, available_at = @leaseUntil
     WHERE id = (
       SELECT id FROM outbox
       WHERE type IN (SELECT value FROM json_each(@types))
         AND delivered_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL
         AND attempts < @maxAttempts AND available_at <= @now
       ORDER BY available_at, id LIMIT 1
     )
     RETURNING id, type, payload, attempts`,
  );
  // A message cancelled while it was being handled is not marked delivered (ADR 010, ADR 017).
  const delivered = sqlite.prepare<[number, string, number, number], { id: number }>(
    `UPDATE outbox SET delivered_at = ?, payload = ?, last_error = NULL
     WHERE id = ? AND attempts = ? AND delivered_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL RETURNING id`,
  );
  const retry = sqlite.prepare<[number, string, number, number]>(
    "UPDATE outbox SET available_at = ?, last_error = ? WHERE id = ? AND attempts = ? AND delivered_at IS NULL AND failed_at IS NULL",
  );
  const giveUp = sqlite.prepare<[number, string, string, number, number]>(
    "UPDATE outbox SET failed_at = ?, last_error = ?, payload = ? WHERE id = ? AND attempts = ? AND delivered_at IS NULL AND failed_at IS NULL",
  );
  const abandoned = sqlite.prepare<[{ types: string; maxAttempts: number; now: number }], ClaimedMessage>(
    `SELECT id, type, payload, attempts FROM outbox
     WHERE type IN (SELECT value FROM json_each(@types))
       AND delivered_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL
       AND attempts >= @maxAttempts AND available_at <= @now
     ORDER BY id LIMIT 100`,
  );
  return {
    claimNext: async (types, maxAttempts, now, leaseUntil) =>
      claimNext.get({ types: JSON.stringify(types), maxAttempts, now: now.getTime(), leaseUntil: leaseUntil.getTime() }),
    markDelivered: async (message, at, keptPayload) => delivered.get(at.getTime(), keptPayload, message.id, message.attempts) !== undefined,
    markForRetry: async (message, at, error) => void retry.run(at.getTime(), error, message.id, message.attempts),
    markFailed: async (message, at, error, keptPayload) => void giveUp.run(at.getTime(), error, keptPayload, message.id, message.attempts),
    abandoned: async (types, maxAttempts, now) => abandoned.all({ types: JSON.stringify(types), maxAttempts, now: now.getTime() }),
  };
}
