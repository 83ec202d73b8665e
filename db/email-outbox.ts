import type { LuukkuDatabase } from "./client.ts";

/** An email row that is due: its payload as stored, and the `available_at` its claim must still find. */
export interface DueEmail {
  id: number;
  payload: string;
  availableAt: number;
}

/**
 * The email worker's statements on the outbox, prepared once for the worker's life (it
 * runs every few seconds). Claiming is a compare-and-set on `available_at`: of two workers
 * that saw the same row due, only the first moves it on, and only that one sends it.
 */
export function emailOutbox(db: LuukkuDatabase) {
  const sqlite = db.$client;
  const due = sqlite.prepare<[number, number, number], DueEmail>(
    `SELECT id, payload, available_at AS availableAt FROM outbox
     WHERE type = 'email' AND delivered_at IS NULL AND failed_at IS NULL AND attempts < ? AND available_at <= ?
     ORDER BY available_at, id LIMIT ?`,
  );
  const claim = sqlite.prepare<[number, number, number], { attempts: number }>(
    `UPDATE outbox SET attempts = attempts + 1, available_at = ?
     WHERE id = ? AND available_at = ? AND delivered_at IS NULL AND failed_at IS NULL RETURNING attempts`,
  );
  const delivered = sqlite.prepare<[number, string, number]>("UPDATE outbox SET delivered_at = ?, payload = ?, last_error = NULL WHERE id = ?");
  const retry = sqlite.prepare<[number, string, number]>("UPDATE outbox SET available_at = ?, last_error = ? WHERE id = ?");
  const giveUp = sqlite.prepare<[number, string, string, number]>("UPDATE outbox SET failed_at = ?, last_error = ?, payload = ? WHERE id = ?");
  return {
    /** Emails due at `now` that have tries left, oldest first. */
    due: (maxAttempts: number, now: Date, batch: number): DueEmail[] => due.all(maxAttempts, now.getTime(), batch),
    /** Counts a try and holds the row until `until`; the try's number, or undefined when another worker got there first. */
    claim: (row: DueEmail, until: Date): number | undefined => claim.get(until.getTime(), row.id, row.availableAt)?.attempts,
    /** Sent: the payload is replaced by what may be kept. */
    markDelivered: (id: number, at: Date, keptPayload: string): void => void delivered.run(at.getTime(), keptPayload, id),
    markForRetry: (id: number, at: Date, error: string): void => void retry.run(at.getTime(), error, id),
    /** Will not be sent: the payload is replaced by what may be kept. */
    markFailed: (id: number, at: Date, error: string, keptPayload: string): void => void giveUp.run(at.getTime(), error, keptPayload, id),
  };
}

export type EmailOutbox = ReturnType<typeof emailOutbox>;
