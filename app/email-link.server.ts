import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { findEmailLink, storeEmailLink, type LinkPurpose } from "#db/email-links.ts";
import type { Language } from "#pathways/i18n.ts";
import { getDatabase } from "./db.server.ts";
import { getEnvironment } from "./env.server.ts";
import { emailAddressFields, emailAddressForm } from "./email-address-form.ts";
import { fieldErrors, formValues } from "./form-values.ts";

/**
 * "Email me a link": a link that opens a saved screening or a case, sent once to an
 * address that is kept only until the email has gone (ADR 013). The token is 128 random
 * bits; only its SHA-256 is stored.
 */

const linkPaths: Record<LinkPurpose, string> = { resume: "/screening/resume/link/", track: "/track/link/" };

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

function hashLinkToken(token: string): string {
  return createHash("sha256").update(`luukku-link:${token}`).digest("hex");
}

export type EmailLinkError = "emailLink.errors.required" | "emailLink.errors.tooLong" | "emailLink.errors.invalid" | "emailLink.errors.tooMany";

/** The outcome shown on the page: sent, or the problem and what the person typed (capped, never put in a URL). */
export type EmailLinkResult = { sent: true } | { error: EmailLinkError; email: string };

/**
 * Validates the address from the form and, if it is one, stores a new link and the
 * email that carries it. `expiresAt` is when the link stops working.
 */
export function emailLink(
  form: FormData,
  link: { purpose: LinkPurpose; targetId: string; expiresAt: Date },
  language: Language,
): EmailLinkResult {
  const values = formValues(form, emailAddressFields);
  const parsed = emailAddressForm.safeParse(values);
  if (!parsed.success) return { error: fieldErrors(parsed).email as EmailLinkError, email: values.email.slice(0, 300) };
  const token = randomBytes(16).toString("base64url");
  const address = new URL(linkPaths[link.purpose] + token, getEnvironment().PUBLIC_URL).href;
  const stored = storeEmailLink(
    getDatabase(),
    { ...link, tokenHash: hashLinkToken(token) },
    { to: parsed.data.email, language, kind: link.purpose, link: address },
    new Date(),
  );
  return stored ? { sent: true } : { error: "emailLink.errors.tooMany", email: parsed.data.email };
}

/** A token of the wrong shape is looked up too (its hash exists nowhere), so every miss takes the same time. */
export function openEmailLink(token: string | undefined, purpose: LinkPurpose): string | undefined {
  const parsed = tokenSchema.safeParse(token);
  return findEmailLink(getDatabase(), hashLinkToken(parsed.success ? parsed.data : "~"), purpose, new Date());
}
