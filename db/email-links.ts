import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { LinkPurpose } from "#pathways/email-links.ts";
import type { LuukkuDatabase } from "./client.ts";
import { emailAddressUse, emailLink, outbox } from "./schema.ts";
import type { EmailDeliveryState, EmailLinkPayload, EmailLinkStore, StoreEmailLinkOutcome } from "./stores.ts";

/** The window both email limits count in. */
export const emailLimitWindowMs = 24 * 60 * 60 * 1000;
/**
 * Links one screening or case may ask for in a day: enough for a typo and a second try,
 * too few to use one screening to send mail to many addresses.
 */
export const linksPerTarget = 3;
/** Emails one address may be sent in a day, whatever screening or case asked: no mailbox can be flooded through Luukku. */
export const emailsPerAddress = 5;

const usable = (tokenHash: string, purpose: LinkPurpose, now: Date) =>
  and(eq(emailLink.tokenHash, tokenHash), eq(emailLink.purpose, purpose), gt(emailLink.expiresAt, now), isNull(emailLink.spentAt));

/**
 * Emailed links on SQLite. `store` counts and then writes, so it must run in a unit of
 * work (the caller's `withTransaction`, which holds the write lock): two requests counted
 * at once could otherwise both pass the limit.
 */
export class SqliteEmailLinkStore implements EmailLinkStore {
  readonly #db: LuukkuDatabase;

  constructor(db: LuukkuDatabase) {
    this.#db = db;
  }

  async store(
    link: { tokenHash: string; purpose: LinkPurpose; targetId: string; expiresAt: Date },
    message: EmailLinkPayload,
    addressHash: string,
    now: Date,
  ): Promise<StoreEmailLinkOutcome> {
    const db = this.#db;
    const windowStart = new Date(now.getTime() - emailLimitWindowMs);
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
    await this.retire(link.purpose, link.targetId, now);
    const email = db
      .insert(outbox)
      .values({ type: "email", payload: message, createdAt: now, availableAt: now })
      .returning({ id: outbox.id })
      .get();
    db.insert(emailLink).values({ ...link, createdAt: now, outboxId: email.id }).run();
    db.insert(emailAddressUse).values({ addressHash, requestedAt: now }).run();
    return "stored";
  }

  async find(tokenHash: string, purpose: LinkPurpose, now: Date): Promise<string | undefined> {
    return this.#db.select({ targetId: emailLink.targetId }).from(emailLink).where(usable(tokenHash, purpose, now)).get()?.targetId;
  }

  async spend(tokenHash: string, purpose: LinkPurpose, now: Date): Promise<string | undefined> {
    return this.#db
      .update(emailLink)
      .set({ spentAt: now })
      .where(usable(tokenHash, purpose, now))
      .returning({ targetId: emailLink.targetId })
      .get()?.targetId;
  }

  async retire(purpose: LinkPurpose, targetId: string, now: Date): Promise<void> {
    this.#db
      .update(emailLink)
      .set({ spentAt: now })
      .where(and(eq(emailLink.purpose, purpose), eq(emailLink.targetId, targetId), isNull(emailLink.spentAt)))
      .run();
  }

  async delivery(purpose: LinkPurpose, targetId: string): Promise<EmailDeliveryState | undefined> {
    const newest = this.#db
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
}
