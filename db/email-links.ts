import { and, count, eq, gt } from "drizzle-orm";
import type { Language } from "#pathways/i18n.ts";
import type { LuukkuDatabase } from "./client.ts";
import { emailLink, outbox } from "./schema.ts";

export type LinkPurpose = (typeof emailLink.purpose.enumValues)[number];

/** The outbox payload of an email link: all the delivery worker needs, and all it scrubs after sending. */
export interface EmailLinkPayload {
  to: string;
  language: Language;
  kind: LinkPurpose;
  link: string;
}

/**
 * Links that may wait for one screening or case at once: enough for a typo and a second
 * try, too few to use the portal to flood someone's mailbox.
 */
export const linksPerTarget = 3;

/**
 * Stores a link's token hash and the email that carries it in one transaction: there is
 * no link without its email, and no email for a link that was not stored. Returns false,
 * storing nothing, when the screening or case already has `linksPerTarget` live links.
 */
export function storeEmailLink(
  db: LuukkuDatabase,
  link: { tokenHash: string; purpose: LinkPurpose; targetId: string; expiresAt: Date },
  message: EmailLinkPayload,
  now: Date,
): boolean {
  return db.$client
    .transaction(() => {
      const live = db
        .select({ links: count() })
        .from(emailLink)
        .where(and(eq(emailLink.purpose, link.purpose), eq(emailLink.targetId, link.targetId), gt(emailLink.expiresAt, now)))
        .get();
      if ((live?.links ?? 0) >= linksPerTarget) return false;
      db.insert(emailLink).values({ ...link, createdAt: now }).run();
      db.insert(outbox).values({ type: "email", payload: message, createdAt: now, availableAt: now }).run();
      return true;
    })
    .immediate();
}

/**
 * What an unexpired link opens, by its token's hash. Looked up by the hash rather than
 * compared: the hash of a guessed token is unpredictable, so how long the lookup takes
 * says nothing about the tokens that exist; expired and unknown tokens take the same query.
 */
export function findEmailLink(db: LuukkuDatabase, tokenHash: string, purpose: LinkPurpose, now: Date): string | undefined {
  return db
    .select({ targetId: emailLink.targetId })
    .from(emailLink)
    .where(and(eq(emailLink.tokenHash, tokenHash), eq(emailLink.purpose, purpose), gt(emailLink.expiresAt, now)))
    .get()?.targetId;
}
