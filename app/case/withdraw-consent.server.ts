import { EventRefused } from "#pathways/engine.ts";
import { actorName, type Actor, type Channel } from "#pathways/actor.ts";
import { withTransaction } from "../db.server.ts";

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

/**
 * Withdrawing consent cancels a referral that has not started, with every message not yet
 * sent for it (the referral machine and the engine do that), and the consent keeps when
 * and by whom it was withdrawn: all in one transaction, which also reads the referral's
 * state, so of two withdrawals at once the second finds it withdrawn.
 */
export function withdrawConsent({ caseId, referralId, actor, channel, at = new Date() }: WithdrawConsent): Promise<WithdrawConsentResult> {
  return withTransaction(async (tx): Promise<WithdrawConsentResult> => {
    const target = (await tx.cases.referrals(caseId)).find((item) => item.id === referralId);
    if (!target) return { kind: "not-found" };
    if (target.status === "cancelled") return { kind: "already-withdrawn" };
    const by = actorName(actor);
    try {
      await tx.engine.send(target.machineInstanceId, { type: "WITHDRAW_CONSENT", at: at.toISOString(), by, channel });
    } catch (error) {
      // The engine's own savepoint undid its part; nothing else was written.
      if (error instanceof EventRefused) return { kind: "too-late" };
      throw error;
    }
    await tx.cases.withdrawConsent({ caseId, serviceId: target.serviceId }, at, by);
    // The details were kept only for the referrals: with no consent standing, nothing needs them.
    await tx.cases.erasePersonDetailsWithoutConsent(caseId);
    return { kind: "withdrawn" };
  });
}
