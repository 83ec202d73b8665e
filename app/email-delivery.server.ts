import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { OutboxDispatch } from "#db/outbox-dispatch.ts";
import { linkPurposes } from "#pathways/email-links.ts";
import { supportedLanguages } from "#pathways/i18n.ts";
import { linkEmail, type EmailContent } from "./email-message.server.ts";
import { createOutboxDispatcher, UndeliverableMessage, type OutboxDispatcher, type OutboxHandler } from "./outbox-dispatcher.server.ts";

/**
 * The outbox's `email` rows leave here: rendered in the person's language, sent, then
 * stripped of the address and the link (ADR 013), by the outbox dispatcher (ADR 017).
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

/**
 * The outbox handler for `email` rows: rendered in the person's language and sent. Once
 * sent or given up, the payload is cut to language and kind: neither the address nor the
 * link outlives the send, and a stored error names neither.
 */
export function emailHandler(send: SendEmail): OutboxHandler {
  return {
    async deliver(payload) {
      const parsed = payloadSchema.safeParse(jsonOrNull(payload));
      if (!parsed.success) throw new UndeliverableMessage("The payload is not an email link");
      try {
        await send({ to: parsed.data.to, ...linkEmail(parsed.data) });
      } catch (error) {
        if (refusedForGood(error)) throw new UndeliverableMessage(error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
    keep(payload) {
      const parsed = payloadSchema.safeParse(jsonOrNull(payload));
      return JSON.stringify(parsed.success ? { language: parsed.data.language, kind: parsed.data.kind } : {});
    },
    describeError(error, payload) {
      const parsed = payloadSchema.safeParse(jsonOrNull(payload));
      const secrets = parsed.success ? [parsed.data.to, parsed.data.link, new URL(parsed.data.link).pathname.split("/").pop()!] : [];
      return withoutPersonalData(error, secrets);
    },
  };
}

/** The outbox dispatcher for `email` rows alone. */
export function createEmailDelivery(outbox: OutboxDispatch, send: SendEmail): OutboxDispatcher {
  return createOutboxDispatcher(outbox, { email: emailHandler(send) });
}
