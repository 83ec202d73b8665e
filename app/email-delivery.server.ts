import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { LuukkuDatabase } from "#db/client.ts";
import { emailOutbox } from "#db/email-outbox.ts";
import { linkPurposes } from "#pathways/email-links.ts";
import { supportedLanguages } from "#pathways/i18n.ts";
import { linkEmail, type EmailContent } from "./email-message.server.ts";

/**
 * The outbox's `email` rows leave here: rendered in the person's language, sent, then
 * stripped of the address and the link (ADR 013). Run by the server every few seconds.
 */

export interface OutgoingEmail extends EmailContent {
  to: string;
}
export type SendEmail = (email: OutgoingEmail) => Promise<void>;

/**
 * Through the SMTP server when one is configured. Without one, each email is written as
 * an .eml file into `dropDirectory`, where a developer opens it and the browser tests
 * read the link: nothing leaves the machine.
 */
export function createEmailSender(options: { smtpUrl: string | undefined; from: string; dropDirectory: string }): SendEmail {
  const { smtpUrl, from, dropDirectory } = options;
  if (smtpUrl) {
    const smtp = nodemailer.createTransport(smtpUrl);
    return async (email) => {
      await smtp.sendMail({ from, ...email });
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (email) => {
    const { message } = await stream.sendMail({ from, ...email });
    mkdirSync(dropDirectory, { recursive: true });
    const name = `${Date.now()}-${randomUUID()}.eml`;
    // Written under another name, then renamed: whoever reads the folder never sees half a message.
    const partial = join(dropDirectory, `.${name}.partial`);
    writeFileSync(partial, message as Buffer, { mode: 0o600 });
    renameSync(partial, join(dropDirectory, name));
  };
}

const payloadSchema = z.object({
  to: z.email(),
  language: z.enum(supportedLanguages),
  kind: z.enum(linkPurposes),
  link: z.url(),
});

/** Tries before an email is given up (its payload scrubbed all the same): about two hours of trying in all. */
export const maxEmailAttempts = 8;
/** How long a claimed email is left to its sender before another may try it (a crash mid-send). */
const claimMs = 5 * 60_000;

/** The wait before the next try: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 60) * 60_000;
}

/**
 * The receiving server refused this message for good (a 5xx reply to the recipient or to
 * the message): trying again would be refused again. Connection failures, 4xx replies
 * and a refused login (our configuration, which someone can fix) are worth another try.
 */
function refusedForGood(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  return (code === "EENVELOPE" || code === "EMESSAGE") && typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
}

/** An error as it may be stored: every address, the link and its token replaced, and short. */
function withoutPersonalData(error: unknown, secrets: readonly string[]): string {
  let message = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) message = message.replace(new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "[removed]");
  return message.replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, "[address]").slice(0, 500);
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface EmailDelivery {
  /** Sends the email rows due at `now`; how many went and how many failed this time. */
  deliverDue(now: Date, batch?: number): Promise<{ delivered: number; failed: number }>;
}

/**
 * The email worker on one database connection, its statements prepared once. Each due
 * row is claimed first (its next try moved past a claim time, the try counted), so a
 * second worker on the same database does not send it too. After sending, the row is
 * marked delivered and its payload cut to language and kind: neither the address nor the
 * link outlives the send. A failure waits longer each time, with an error that names
 * neither; a refusal for good, or the last try, gives the email up, its payload cut the same way.
 */
export function createEmailDelivery(db: LuukkuDatabase, send: SendEmail): EmailDelivery {
  const outbox = emailOutbox(db);
  return {
    async deliverDue(now, batch = 20) {
      let delivered = 0;
      let failed = 0;
      for (const row of outbox.due(maxEmailAttempts, now, batch)) {
        const attempts = outbox.claim(row, new Date(now.getTime() + claimMs));
        if (attempts === undefined) continue;
        const parsed = payloadSchema.safeParse(jsonOrNull(row.payload));
        const kept = JSON.stringify(parsed.success ? { language: parsed.data.language, kind: parsed.data.kind } : {});
        try {
          if (!parsed.success) throw new Error("The payload is not an email link");
          await send({ to: parsed.data.to, ...linkEmail(parsed.data) });
          outbox.markDelivered(row.id, now, kept);
          delivered += 1;
        } catch (error) {
          const secrets = parsed.success ? [parsed.data.to, parsed.data.link, new URL(parsed.data.link).pathname.split("/").pop()!] : [];
          const stored = withoutPersonalData(error, secrets);
          if (!parsed.success || refusedForGood(error) || attempts >= maxEmailAttempts) outbox.markFailed(row.id, now, stored, kept);
          else outbox.markForRetry(row.id, new Date(now.getTime() + retryDelayMs(attempts)), stored);
          failed += 1;
        }
      }
      return { delivered, failed };
    },
  };
}
