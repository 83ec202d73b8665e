import type { LuukkuDatabase } from "./client.ts";
import { emailLimitWindowMs } from "./email-links.ts";

export interface RetentionPolicy {
  /** Screenings nobody saved are deleted this many days after their last change. */
  unsavedDays: number;
  /** Screenings saved to come back later are deleted this many days after saving. */
  savedDays: number;
}

const day = 24 * 60 * 60 * 1000;

/** The instant `days` whole days of 24 hours after `from`: how long things are kept is counted this way. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * day);
}

/**
 * Deletes unfinished screenings past their retention: abandoned ones after `unsavedDays`,
 * saved ones after `savedDays`. Finished screenings belong to a case and follow the
 * case's retention, not this one. Returns how many were deleted.
 */
export function deleteExpiredScreenings(db: LuukkuDatabase, now: Date, policy: RetentionPolicy): number {
  const { changes } = db.$client
    .prepare(
      `DELETE FROM screening WHERE status = 'in-progress' AND (
         (saved_at IS NULL AND updated_at < @unsavedBefore) OR (saved_at IS NOT NULL AND saved_at < @savedBefore))`,
    )
    .run({ unsavedBefore: daysAfter(now, -policy.unsavedDays).getTime(), savedBefore: daysAfter(now, -policy.savedDays).getTime() });
  return changes;
}

/**
 * Deletes emailed links past their expiry (their emails were scrubbed when sent), and the
 * per-address email counts once their day is over. Returns how many links were deleted.
 */
export function deleteExpiredEmailLinks(db: LuukkuDatabase, now: Date): number {
  db.$client.prepare("DELETE FROM email_address_use WHERE requested_at <= ?").run(now.getTime() - emailLimitWindowMs);
  return db.$client.prepare("DELETE FROM email_link WHERE expires_at <= ?").run(now.getTime()).changes;
}
