import { daysAfter } from "#pathways/calendar/days.ts";
import { emailLimitWindowMs } from "./email-links.ts";
import type { LuukkuDatabase } from "./client.ts";
import type { WithTransaction } from "./unit-of-work.ts";

export interface RetentionPolicy {
  /** Screenings nobody saved are deleted this many days after their last change. */
  unsavedDays: number;
  /** Screenings saved to come back later are deleted this many days after saving. */
  savedDays: number;
  /** The details a person gave for referrals are erased this many days after the last of the case's referrals ended. */
  detailsDays: number;
}

/** What retention deletes; each deletion is a unit of work of its own. */
export interface Retention {
  /**
   * Deletes unfinished screenings past their retention: abandoned ones after `unsavedDays`,
   * saved ones after `savedDays`, with their events. Finished screenings belong to a case
   * and follow the case's retention, not this one. A case left with no screening and no
   * pathway (one opened for a screening nobody finished) goes too, with its members and
   * the people who belonged to no other case. Resolves to how many screenings were deleted.
   */
  deleteExpiredScreenings(now: Date, policy: RetentionPolicy): Promise<number>;
  /**
   * Deletes emailed links past their expiry (their emails were scrubbed when sent), and the
   * per-address email counts once their day is over. Resolves to how many links were deleted.
   */
  deleteExpiredEmailLinks(now: Date): Promise<number>;
  /**
   * Erases the details people gave for referrals (name, contact details, date of birth,
   * address) once no referral of their case needs them: every one has ended (declined,
   * completed, cancelled, failed) at least `detailsDays` ago. Resolves to how many people's.
   */
  erasePersonDetailsNoLongerNeeded(now: Date, policy: RetentionPolicy): Promise<number>;
}

/**
 * Retention on SQLite. Each deletion runs through `withTransaction`, so it takes its turn
 * on the connection's queue (ADR 020): a unit of work open on the same connection (the
 * scheduler's, on the workers' connection) would otherwise have these statements inside
 * its transaction, or a synchronous transaction of better-sqlite3 nested in it as a savepoint.
 */
export function sqliteRetention(db: LuukkuDatabase, withTransaction: WithTransaction): Retention {
  return {
    deleteExpiredScreenings: (now, policy) =>
      withTransaction(async () => {
        const { changes } = db.$client
          .prepare(
            `DELETE FROM screening WHERE status = 'in-progress' AND (
               (saved_at IS NULL AND updated_at < @unsavedBefore) OR (saved_at IS NOT NULL AND saved_at < @savedBefore))`,
          )
          .run({ unsavedBefore: daysAfter(now, -policy.unsavedDays).getTime(), savedBefore: daysAfter(now, -policy.savedDays).getTime() });
        if (changes > 0) {
          db.$client.exec(
            `DELETE FROM case_record WHERE NOT EXISTS (SELECT 1 FROM screening WHERE screening.case_id = case_record.id)
               AND NOT EXISTS (SELECT 1 FROM pathway_instance WHERE pathway_instance.case_id = case_record.id);
             DELETE FROM person WHERE NOT EXISTS (SELECT 1 FROM case_member WHERE case_member.person_id = person.id);`,
          );
        }
        return changes;
      }),
    erasePersonDetailsNoLongerNeeded: (now, policy) =>
      withTransaction(async () =>
        db.$client
          .prepare(
            `UPDATE person SET full_name = NULL, date_of_birth = NULL, street_address = NULL, postcode = NULL, phone = NULL, email = NULL,
               details_given_at = NULL, details_given_by = NULL
             WHERE details_given_at IS NOT NULL AND id IN (
               SELECT case_member.person_id FROM case_member WHERE NOT EXISTS (
                 SELECT 1 FROM referral JOIN pathway_instance ON pathway_instance.id = referral.machine_instance_id
                 WHERE referral.case_id = case_member.case_id
                   AND (pathway_instance.state NOT IN ('rejected', 'completed', 'cancelled', 'failed') OR pathway_instance.updated_at >= @endedBefore)))`,
          )
          .run({ endedBefore: daysAfter(now, -policy.detailsDays).getTime() }).changes,
      ),
    deleteExpiredEmailLinks: (now) =>
      withTransaction(async () => {
        db.$client.prepare("DELETE FROM email_address_use WHERE requested_at <= ?").run(now.getTime() - emailLimitWindowMs);
        return db.$client.prepare("DELETE FROM email_link WHERE expires_at <= ?").run(now.getTime()).changes;
      }),
  };
}

export interface RetentionJob {
  /** Deletes what is past its time now; failures are logged, and the next run tries again. While a run is under way, answers that one. */
  run(): Promise<void>;
  /** Stops running; resolves once a run under way has ended. */
  stop(): Promise<void>;
}

/**
 * The retention job the server runs: once at start (a server that was down past someone's
 * deadline deletes at once, not an interval later), then every `intervalMs`. It logs
 * counts only, never what was deleted.
 */
export function startRetentionJob(
  retention: Retention,
  policy: RetentionPolicy,
  { intervalMs, now = () => new Date(), log }: { intervalMs: number; now?: () => Date; log: Pick<Console, "log" | "error"> },
): RetentionJob {
  const deleteExpired = async () => {
    try {
      const at = now();
      const screenings = await retention.deleteExpiredScreenings(at, policy);
      if (screenings > 0) log.log(`Retention: deleted ${screenings} unfinished screenings.`);
      const links = await retention.deleteExpiredEmailLinks(at);
      if (links > 0) log.log(`Retention: deleted ${links} expired email links.`);
      const people = await retention.erasePersonDetailsNoLongerNeeded(at, policy);
      if (people > 0) log.log(`Retention: erased the details of ${people} people no referral needs any more.`);
    } catch (error) {
      log.error(`Retention: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // One run at a time: a run due while one is under way is skipped, not started beside it.
  let running: Promise<void> | undefined;
  const run = () =>
    (running ??= deleteExpired().finally(() => {
      running = undefined;
    }));
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    run,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
