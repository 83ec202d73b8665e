import { caseReferrals, withdrawReferralConsent } from "#db/case-store.ts";
import { EventRefused } from "#pathways/engine.ts";
import { actorName, type Actor, type Channel } from "#pathways/actor.ts";
import { getDatabase, withTransaction } from "../db.server.ts";

export interface WithdrawConsent {
  caseId: string;
  referralId: string;
  actor: Actor;
  channel: Channel;
  at?: Date;
}

export type WithdrawConsentResult =
  | { kind: "withdrawn" }
  /** Withdrawn before (a double click, Back and resubmit): done, not "already started". */
  | { kind: "already-withdrawn" }
  /** The provider has started: the referral stays, and the person is told. */
  | { kind: "too-late" }
  /** Not a referral of this case. */
  | { kind: "not-found" };

/** Withdrawing consent cancels a referral that has not started, with every message not yet sent for it. */
export async function withdrawConsent({ caseId, referralId, actor, channel, at = new Date() }: WithdrawConsent): Promise<WithdrawConsentResult> {
  const target = caseReferrals(getDatabase(), caseId).find((item) => item.id === referralId);
  if (!target) return { kind: "not-found" };
  if (target.status === "cancelled") return { kind: "already-withdrawn" };
  try {
    await withTransaction((tx) => withdrawReferralConsent(tx, { ...target, caseId }, at, actorName(actor), channel));
  } catch (error) {
    if (error instanceof EventRefused) return { kind: "too-late" };
    throw error;
  }
  return { kind: "withdrawn" };
}
