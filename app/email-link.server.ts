import { createHash, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { EmailDeliveryState } from "#db/stores.ts";
import type { LinkPurpose } from "#pathways/email-links.ts";
import type { Language } from "#pathways/i18n.ts";
import { getStores, withTransaction } from "./db.server.ts";
import { getEnvironment } from "./env.server.ts";
import { emailAddressFields, emailAddressForm } from "./email-address-form.ts";
import { fieldErrors, formValues } from "./form-values.ts";
import { keyFor } from "./server-secret.server.ts";
import { emailedLinkPath } from "./page-paths.ts";

/**
 * "Email me a link": a link that opens a saved screening or a case once, sent to an
 * address that is kept only until the email has gone (ADR 013). The token is 128 random
 * bits; only its SHA-256 is stored.
 */

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

function hashLinkToken(token: string): string {
  return createHash("sha256").update(`luukku-link:${token}`).digest("hex");
}

export type EmailLinkError = "emailLink.errors.required" | "emailLink.errors.tooLong" | "emailLink.errors.invalid" | "emailLink.errors.tooMany";

/**
 * The outcome shown on the page: where the email has got to (never "sent" before the mail
 * server took it), or the problem and what the person typed (capped, never put in a URL).
 */
export type EmailLinkResult = { delivery: EmailDeliveryState } | { error: EmailLinkError; email: string };

/**
 * The address as the per-address limit counts it: an HMAC under a key of its own from the
 * server secret (ADR 016), so the table of counts cannot be turned back into addresses by
 * hashing guesses without the key.
 */
function hashEmailAddress(address: string): string {
  return createHmac("sha256", keyFor("email-address")).update(address.toLowerCase()).digest("hex");
}

/**
 * Validates the address from the form and, if it is one, stores a new link and the
 * email that carries it (spending earlier links for the same screening or case).
 * `expiresAt` is when the link stops working.
 */
export async function emailLink(
  form: FormData,
  link: { purpose: LinkPurpose; targetId: string; expiresAt: Date },
  language: Language,
): Promise<EmailLinkResult> {
  const values = formValues(form, emailAddressFields);
  const parsed = emailAddressForm.safeParse(values);
  if (!parsed.success) return { error: fieldErrors(parsed).email as EmailLinkError, email: values.email.slice(0, 300) };
  const token = randomBytes(16).toString("base64url");
  const address = new URL(emailedLinkPath(link.purpose, token), getEnvironment().PUBLIC_URL).href;
  // One write-locked unit of work: the day's counts and the new link agree, even between server processes.
  const stored = await withTransaction((tx) =>
    tx.emailLinks.store(
      { ...link, tokenHash: hashLinkToken(token) },
      { to: parsed.data.email, language, kind: link.purpose, link: address },
      hashEmailAddress(parsed.data.email),
      new Date(),
    ),
  );
  // Both limits give the same message: whether an address has had emails today is not the asker's to learn.
  return stored === "stored" ? { delivery: "sending" } : { error: "emailLink.errors.tooMany", email: parsed.data.email };
}

/** Where the newest email asked for this screening or case has got to; undefined if none was asked for. */
export async function emailLinkStatus(purpose: LinkPurpose, targetId: string): Promise<EmailLinkResult | undefined> {
  const delivery = await getStores().emailLinks.delivery(purpose, targetId);
  return delivery && { delivery };
}

/** A token of the wrong shape is looked up too (its hash exists nowhere), so every miss takes the same time. */
const tokenHashOf = (token: string | undefined) => {
  const parsed = tokenSchema.safeParse(token);
  return hashLinkToken(parsed.success ? parsed.data : "~");
};

/** What a link would open, leaving it usable: for the page a GET shows (mail scanners open links too). */
export function peekEmailLink(token: string | undefined, purpose: LinkPurpose): Promise<string | undefined> {
  return getStores().emailLinks.find(tokenHashOf(token), purpose, new Date());
}

/** What a link opens, spending it: it works once. */
export function redeemEmailLink(token: string | undefined, purpose: LinkPurpose): Promise<string | undefined> {
  return getStores().emailLinks.spend(tokenHashOf(token), purpose, new Date());
}
