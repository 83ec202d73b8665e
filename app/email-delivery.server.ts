import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { LuukkuDatabase } from "#db/client.ts";
import { emailLink } from "#db/schema.ts";
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
  kind: z.enum(emailLink.purpose.enumValues),
  link: z.url(),
});

/** Tries before an email is given up (its payload scrubbed all the same). */
export const maxEmailAttempts = 8;
/** How long a claimed email is left to its sender before another may try it (a crash mid-send). */
const claimMs = 5 * 60_000;

/** The wait before the next try: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 60) * 60_000;
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

interface DueRow {
  id: number;
  payload: string;
  available_at: number;
}

/**
 * Sends the email rows that are due. Each is claimed first (its next try moved past a
 * claim time, attempts counted), so a second server process does not send it too. After
 * sending, the row is marked delivered and its payload cut to language and kind: neither
 * the address nor the link outlives the send. A failure waits longer each time, with an
 * error that names neither; after the last try the payload is cut the same way.
 */
export async function deliverPendingEmails(
  db: LuukkuDatabase,
  send: SendEmail,
  now: Date,
  batch = 20,
): Promise<{ delivered: number; failed: number }> {
  const sqlite = db.$client;
  const due = sqlite
    .prepare(
      `SELECT id, payload, available_at FROM outbox
       WHERE type = 'email' AND delivered_at IS NULL AND attempts < ? AND available_at <= ?
       ORDER BY available_at, id LIMIT ?`,
    )
    .all(maxEmailAttempts, now.getTime(), batch) as DueRow[];
  const claim = sqlite.prepare(
    "UPDATE outbox SET attempts = attempts + 1, available_at = ? WHERE id = ? AND available_at = ? AND delivered_at IS NULL RETURNING attempts",
  );
  const markDelivered = sqlite.prepare("UPDATE outbox SET delivered_at = ?, payload = ?, last_error = NULL WHERE id = ?");
  const markFailed = sqlite.prepare("UPDATE outbox SET available_at = ?, last_error = ?, payload = ? WHERE id = ?");
  let delivered = 0;
  let failed = 0;
  for (const row of due) {
    const claimed = claim.get(now.getTime() + claimMs, row.id, row.available_at) as { attempts: number } | undefined;
    if (!claimed) continue;
    const parsed = payloadSchema.safeParse(jsonOrNull(row.payload));
    const scrubbed = JSON.stringify(parsed.success ? { language: parsed.data.language, kind: parsed.data.kind } : {});
    try {
      if (!parsed.success) throw new Error("The payload is not an email link");
      await send({ to: parsed.data.to, ...linkEmail(parsed.data) });
      markDelivered.run(now.getTime(), scrubbed, row.id);
      delivered += 1;
    } catch (error) {
      const secrets = parsed.success ? [parsed.data.to, parsed.data.link, new URL(parsed.data.link).pathname.split("/").pop()!] : [];
      const lastTry = claimed.attempts >= maxEmailAttempts;
      markFailed.run(now.getTime() + retryDelayMs(claimed.attempts), withoutPersonalData(error, secrets), lastTry ? scrubbed : row.payload, row.id);
      failed += 1;
    }
  }
  return { delivered, failed };
}
