import type { Environment } from "#app/env.server.ts";
import { createEmailSender } from "#app/email-delivery.server.ts";
import { createOutboxDispatcher } from "#app/outbox-dispatcher.server.ts";
import { outboxHandlers } from "#app/outbox-handlers.server.ts";
import { createBackend } from "#db/backend.ts";
import { startRetentionJob } from "#db/retention.ts";
import { startScheduler } from "#pathways/scheduler.ts";

/**
 * The background workers, on a connection of their own: the engine's timers, retention
 * and the outbox dispatcher. Run by the web process unless RUN_WORKERS=false, and by
 * `npm run worker` as a process of its own; several may run on one database (ADR 017).
 */
export function startWorkers(environment: Environment): { stop(): Promise<void> } {
  const backend = createBackend({ kind: "sqlite", path: environment.DATABASE_PATH });

  // Escalations and other machine timers, checked every minute.
  const reportSchedulerError = (error: unknown) => console.error(`Scheduler: ${error instanceof Error ? error.message : String(error)}`);
  const scheduler = startScheduler(backend.engine, { intervalMs: 60_000, onError: reportSchedulerError });
  scheduler.tick().catch(reportSchedulerError);

  // Retention: unfinished screenings, emailed links and details no referral needs any more, checked every hour.
  const retention = startRetentionJob(
    backend.retention,
    { unsavedDays: environment.RETENTION_UNSAVED_DAYS, savedDays: environment.RETENTION_SAVED_DAYS, detailsDays: environment.RETENTION_DETAILS_DAYS },
    { intervalMs: 60 * 60_000, log: console },
  );

  const sendEmail = createEmailSender({ smtpUrl: environment.SMTP_URL, from: environment.MAIL_FROM, dropDirectory: environment.MAIL_DROP_DIR });
  // Without SMTP the messages, addresses and links included, stay on disk until someone deletes them.
  if (!environment.SMTP_URL) console.log(`No SMTP_URL: emailed links are written to ${environment.MAIL_DROP_DIR} instead of being sent.`);
  const dispatcher = createOutboxDispatcher(backend.outbox, outboxHandlers(sendEmail));
  let dispatching: Promise<void> | undefined;
  const dispatch = async () => {
    try {
      // Counts only: the errors themselves stay in the outbox, without addresses.
      const { failed } = await dispatcher.deliverDue(new Date());
      if (failed > 0) console.error(`Outbox: ${failed} could not be delivered (tried again later unless refused for good).`);
    } catch (error) {
      console.error(`Outbox: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      dispatching = undefined;
    }
  };
  // Emailed links leave within seconds of being asked for: the person is waiting.
  const outboxTimer = setInterval(() => {
    dispatching ??= dispatch();
  }, 2_000);
  outboxTimer.unref();

  return {
    /** Stops taking work, lets a delivery, a timer tick and a retention run under way finish (a claim would otherwise wait out its lease), and closes the connection. */
    async stop() {
      clearInterval(outboxTimer);
      await Promise.all([scheduler.stop(), retention.stop(), dispatching]);
      backend.close();
    },
  };
}
