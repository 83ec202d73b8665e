import { caseReferrals, findCaseReference, recordConsent, referralDataOf, saveCaseReference } from "#db/case-store.ts";
import { inWriteTransaction } from "#db/client.ts";
import { retireEmailLinks } from "#db/email-links.ts";
import { actorName, type Actor, type Channel } from "#pathways/actor.ts";
import type { PackageService } from "#pathways/case.ts";
import { getDatabase, getPathwayEngine } from "../db.server.ts";
import { hashAccessCode, newAccessCode, newCaseReference, normalizeResumeCode } from "../resume-code.server.ts";
import { consentOptions } from "./case-package.server.ts";

export interface GiveConsent {
  caseId: string;
  /** The services the person chose; empty when nothing waits for consent and they ask only for a reference. */
  serviceIds: readonly number[];
  actor: Actor;
  channel: Channel;
  /** The version of the consent wording the person was shown. */
  consentText: string;
  at?: Date;
}

export type GiveConsentResult =
  /** Consent recorded and referrals sent (or nothing to send yet): the reference, a new access code, the case's referrals now. */
  | { kind: "given"; reference: string; accessCode: string; referrals: number }
  /** Services wait for consent and none of them, or one not offered, was chosen. */
  | { kind: "choose-offered" };

/**
 * Records consent per provider and sends the referrals through the pathways. Each
 * consent moves its pathway on, so a repeated submission (double click, refresh, back and
 * resubmit) finds nothing waiting, creates nothing new and gives the same reference with
 * a fresh access code. With nothing to consent to yet (staff act first), the person gets
 * the reference to follow the case by; consent comes later, once staff have acted.
 */
export function giveConsent({ caseId, serviceIds, actor, channel, consentText, at = new Date() }: GiveConsent): GiveConsentResult {
  const db = getDatabase();
  const accessCode = newAccessCode();
  const accessCodeHash = hashAccessCode(normalizeResumeCode(accessCode)!);
  // One write-locked transaction: a second submission, even from another
  // server process, sees the first one's reference and creates nothing.
  const reference = inWriteTransaction(db, (): string | null => {
    const existing = findCaseReference(db, caseId);
    const chosen = new Set(serviceIds);
    const { awaiting } = consentOptions(caseId);
    const offered = new Set(awaiting.map((service) => service.serviceId));
    const repeated = existing !== undefined && chosen.size > 0 && [...chosen].every((id) => !offered.has(id));
    if (offered.size > 0 && !repeated) {
      if (chosen.size === 0 || [...chosen].some((id) => !offered.has(id))) return null;
      sendConsentedReferrals(caseId, awaiting, chosen, { actor, channel, consentText, at });
    }
    // A new access code retires the links emailed with the old one, as a new save does a screening's.
    retireEmailLinks(db, "track", caseId, at);
    return saveCaseReference(db, caseId, existing?.reference ?? newCaseReference(), accessCodeHash);
  });
  if (reference === null) return { kind: "choose-offered" };
  return { kind: "given", reference, accessCode, referrals: caseReferrals(db, caseId).length };
}

/** Consent recorded per provider, then each pathway told which of its services it may refer to. */
function sendConsentedReferrals(
  caseId: string,
  awaiting: readonly PackageService[],
  chosen: ReadonlySet<number>,
  { actor, channel, consentText, at }: Pick<GiveConsent, "actor" | "channel" | "consentText"> & { at: Date },
): void {
  const db = getDatabase();
  const data = referralDataOf(db, [...chosen]);
  const consented = awaiting.filter((service) => chosen.has(service.serviceId));
  for (const service of consented) {
    recordConsent(db, {
      caseId,
      serviceId: service.serviceId,
      organizationId: service.organizationId,
      dataCategories: data.get(service.serviceId) ?? [],
      textVersion: consentText,
      recordedBy: actorName(actor),
      channel,
      givenAt: at,
    });
  }
  const pathways = [...new Set(consented.map((service) => service.pathwayInstanceId!))];
  for (const pathwayId of pathways) {
    const serviceIds = consented.filter((service) => service.pathwayInstanceId === pathwayId).map((service) => service.serviceId);
    getPathwayEngine().send(pathwayId, { type: "CONSENT_GIVEN", serviceIds, at: at.toISOString(), by: actorName(actor), channel });
  }
}
