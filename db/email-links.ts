import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Language } from "#pathways/i18n.ts";
import type { LinkPurpose } from "#pathways/email-links.ts";
import { inWriteTransaction, type LuukkuDatabase } from "./client.ts";
import { emailAddressUse, emailLink, outbox } from "./schema.ts";


/** The outbox payload of an email link: all the delivery worker needs, and all it scrubs after sending. */
export interface EmailLinkPayload {
  to: string;
  language: Language;
  kind: LinkPurpose;
  link: string;
}

/** The window both email limits count in. */
export const emailLimitWindowMs = 24 * 60 * 60 * 1000;
/**
 * Links one screening or case may ask for in a day: enough for a typo and a second try,
 * too few to use one screening to send mail to many addresses.
 */
export const linksPerTarget = 3;
/** Emails one address may be sent in a day, whatever screening or case asked: no mailbox can be flooded through Luukku. */
export const emailsPerAddress = 5;

export type StoreEmailLinkOutcome = "stored" | "tooManyForTarget" | "tooManyForAddress";

/**
 * Stores a link's token hash and the email that carries it in one transaction: there is
 * no link without its email, and no email for a link that was not stored. The new link
 * spends the earlier ones for the same screening or case, so only the newest works.
 * Stores nothing when the screening or case, or the address (by its keyed hash), has
 * had its day's emails.
 */
export function storeEmailLink(
  db: LuukkuDatabase,
  link: { tokenHash: string; purpose: LinkPurpose; targetId: string; expiresAt: Date },
  message: EmailLinkPayload,
  addressHash: string,
  now: Date,
): StoreEmailLinkOutcome {
  const windowStart = new Date(now.getTime() - emailLimitWindowMs);
  return inWriteTransaction(db, (): StoreEmailLinkOutcome => {
    const forTarget = db
      .select({ links: count() })
      .from(emailLink)
      .where(and(eq(emailLink.purpose, link.purpose), eq(emailLink.targetId, link.targetId), gt(emailLink.createdAt, windowStart)))
      .get();
    if ((forTarget?.links ?? 0) >= linksPerTarget) return "tooManyForTarget";
    const forAddress = db
      .select({ emails: count() })
      .from(emailAddressUse)
      .where(and(eq(emailAddressUse.addressHash, addressHash), gt(emailAddressUse.requestedAt, windowStart)))
      .get();
    if ((forAddress?.emails ?? 0) >= emailsPerAddress) return "tooManyForAddress";
    retireEmailLinks(db, link.purpose, link.targetId, now);
    const email = db
      .insert(outbox)
      .values({ type: "email", payload: message, createdAt: now, availableAt: now })
      .returning({ id: outbox.id })
      .get();
    db.insert(emailLink).values({ ...link, createdAt: now, outboxId: email.id }).run();
    db.insert(emailAddressUse).values({ addressHash, requestedAt: now }).run();
    return "stored";
  });
}

const usable = (tokenHash: string, purpose: LinkPurpose, now: Date) =>
  and(eq(emailLink.tokenHash, tokenHash), eq(emailLink.purpose, purpose), gt(emailLink.expiresAt, now), isNull(emailLink.spentAt));

/**
 * What an unspent, unexpired link would open, by its token's hash, without spending it.
 * Looked up by the hash rather than compared: the hash of a guessed token is
 * unpredictable, so how long the lookup takes says nothing about the tokens that exist;
 * spent, expired and unknown tokens take the same query.
 */
export function findEmailLink(db: LuukkuDatabase, tokenHash: string, purpose: LinkPurpose, now: Date): string | undefined {
  return db.select({ targetId: emailLink.targetId }).from(emailLink).where(usable(tokenHash, purpose, now)).get()?.targetId;
}

/** Spends a link and gives what it opens, in one statement: of two requests with the same link, only one gets it. */
export function spendEmailLink(db: LuukkuDatabase, tokenHash: string, purpose: LinkPurpose, now: Date): string | undefined {
  return db
    .update(emailLink)
    .set({ spentAt: now })
    .where(usable(tokenHash, purpose, now))
    .returning({ targetId: emailLink.targetId })
    .get()?.targetId;
}

/** Spends every link still open for a screening or case: a newer link, or a newer save, replaces them. */
export function retireEmailLinks(db: LuukkuDatabase, purpose: LinkPurpose, targetId: string, now: Date): void {
  db.update(emailLink)
    .set({ spentAt: now })
    .where(and(eq(emailLink.purpose, purpose), eq(emailLink.targetId, targetId), isNull(emailLink.spentAt)))
    .run();
}

/** Where the newest email asked for a screening or case has got to, as the person is told. */
export const emailDeliveryStates = ["sending", "delayed", "sent", "failed"] as const;
export type EmailDeliveryState = (typeof emailDeliveryStates)[number];

export function emailLinkDelivery(db: LuukkuDatabase, purpose: LinkPurpose, targetId: string): EmailDeliveryState | undefined {
  const newest = db
    .select({ deliveredAt: outbox.deliveredAt, failedAt: outbox.failedAt, attempts: outbox.attempts, lastError: outbox.lastError })
    .from(emailLink)
    .innerJoin(outbox, eq(outbox.id, emailLink.outboxId))
    .where(and(eq(emailLink.purpose, purpose), eq(emailLink.targetId, targetId)))
    .orderBy(desc(emailLink.createdAt), desc(emailLink.outboxId))
    .get();
  if (!newest) return undefined;
  if (newest.deliveredAt) return "sent";
  if (newest.failedAt) return "failed";
  return newest.lastError ? "delayed" : "sending";
}
