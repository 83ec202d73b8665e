import type { Transaction } from "#db/unit-of-work.ts";
import { actorName, type Actor, type Channel } from "#pathways/actor.ts";
import type { PackageService } from "#pathways/case.ts";
import { categoriesToAsk, detailsComplete, detailsReplaced, type AskedCategory, type PersonalDataCategory, type PersonDetails } from "#pathways/personal-data.ts";
import { withTransaction } from "../db.server.ts";
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
  /** The details the chosen services need (name and contact, date of birth, address), as checked at the boundary. */
  details?: PersonDetails | undefined;
  at?: Date;
}

export type GiveConsentResult =
  /** Consent recorded and referrals sent (or nothing to send yet): the reference, a new access code, the case's referrals now. */
  | { kind: "given"; reference: string; accessCode: string; referrals: number }
  /** Services wait for consent and none of them, or one not offered, was chosen. */
  | { kind: "choose-offered" }
  /** The chosen services need details not given (or not all of them): nothing was sent; ask for these, with what was given before. */
  | { kind: "details-needed"; ask: AskedCategory[]; given: PersonDetails };

/**
 * Records consent per provider and sends the referrals through the pathways. Each
 * consent moves its pathway on, so a repeated submission (double click, refresh, back and
 * resubmit) finds nothing waiting, creates nothing new and gives the same reference with
 * a fresh access code. With nothing to consent to yet (staff act first), the person gets
 * the reference to follow the case by; consent comes later, once staff have acted.
 */
export async function giveConsent({ caseId, serviceIds, actor, channel, consentText, details, at = new Date() }: GiveConsent): Promise<GiveConsentResult> {
  const accessCode = newAccessCode();
  const accessCodeHash = hashAccessCode(normalizeResumeCode(accessCode)!);
  // One write-locked transaction: a second submission, even from another
  // server process, sees the first one's reference and creates nothing.
  const outcome = await withTransaction(async (tx): Promise<{ reference: string; referrals: number } | Exclude<GiveConsentResult, { kind: "given" }>> => {
    const existing = await tx.cases.findReference(caseId);
    const chosen = new Set(serviceIds);
    const { awaiting } = await consentOptions(tx.cases, caseId);
    const offered = new Set(awaiting.map((service) => service.serviceId));
    const repeated = existing !== undefined && chosen.size > 0 && [...chosen].every((id) => !offered.has(id));
    if (offered.size > 0 && !repeated) {
      if (chosen.size === 0 || [...chosen].some((id) => !offered.has(id))) return { kind: "choose-offered" };
      const data = await tx.cases.referralData([...chosen]);
      const ask = categoriesToAsk([...chosen].flatMap((id) => data.get(id) ?? []));
      if (ask.length > 0) {
        const before = await tx.cases.personDetails(caseId);
        if (!details || !detailsComplete(details, ask)) return { kind: "details-needed", ask, given: before };
        await tx.cases.savePersonDetails(caseId, detailsReplaced(before, details, ask), at, actorName(actor));
      }
      await sendConsentedReferrals(tx, caseId, awaiting, chosen, data, { actor, channel, consentText, at });
    }
    // A new access code retires the links emailed with the old one, as a new save does a screening's.
    await tx.emailLinks.retire("track", caseId, at);
    const reference = await tx.cases.saveReference(caseId, existing?.reference ?? newCaseReference(), accessCodeHash);
    return { reference, referrals: (await tx.cases.referrals(caseId)).length };
  });
  if ("kind" in outcome) return outcome;
  return { kind: "given", ...outcome, accessCode };
}

/** Consent recorded per provider, then each pathway told which of its services it may refer to. */
async function sendConsentedReferrals(
  tx: Transaction,
  caseId: string,
  awaiting: readonly PackageService[],
  chosen: ReadonlySet<number>,
  data: ReadonlyMap<number, PersonalDataCategory[]>,
  { actor, channel, consentText, at }: Pick<GiveConsent, "actor" | "channel" | "consentText"> & { at: Date },
): Promise<void> {
  const consented = awaiting.filter((service) => chosen.has(service.serviceId));
  for (const service of consented) {
    await tx.cases.recordConsent({
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
    await tx.engine.send(pathwayId, { type: "CONSENT_GIVEN", serviceIds, at: at.toISOString(), by: actorName(actor), channel });
  }
}
