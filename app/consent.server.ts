import { redirect } from "react-router";
import {
  caseReferrals,
  casePathways,
  findCaseReference,
  recordConsent,
  referralDataOf,
  saveCaseReference,
  type CasePathway,
} from "#db/case-store.ts";
import { inWriteTransaction } from "#db/client.ts";
import { retireEmailLinks } from "#db/email-links.ts";
import { daysAfter } from "#db/retention.ts";
import type { Language } from "#pathways/i18n.ts";
import { forWhomOf } from "#pathways/needs/subject.ts";
import { isNeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import type { AnswersSoFar } from "#pathways/screening/questionnaire.ts";
import { getCatalogue, getDatabase, getPathwayEngine } from "./db.server.ts";
import { forWhomWords } from "./for-whom.server.ts";
import { emailLink, emailLinkStatus, type EmailLinkResult } from "./email-link.server.ts";
import { hashAccessCode, newAccessCode, newCaseReference, normalizeResumeCode } from "./resume-code.server.ts";
import { completedScreening } from "./screening.server.ts";
import { citizenPaths } from "./page-paths.ts";
import { consentForm, consentValues } from "./consent-form.ts";

/** Version of the consent wording on the page; stored with each consent. */
export const consentTextVersion = "2026-11-consent-1";

/**
 * Pathways waiting for the person's consent, and those where staff act first: a key
 * worker to name (families), or an assessment of work ability to record (long-term
 * unemployment) before anything can be sent.
 */
function consentOptions(caseId: string) {
  const pathways = casePathways(getDatabase(), caseId);
  return {
    awaiting: pathways.filter((pathway) => pathway.state === "awaitingConsent"),
    keyWorkerFirst: pathways.filter((pathway) => pathway.state === "awaitingKeyWorker"),
    assessmentFirst: pathways.filter((pathway) => pathway.state === "awaitingAssessment"),
  };
}

const proposedIds = (pathways: readonly CasePathway[]) => pathways.flatMap((pathway) => pathway.proposal.map((service) => service.serviceId));

export async function loadConsentPage(request: Request, language: Language) {
  const record = await completedScreening(request);
  const { awaiting, keyWorkerFirst, assessmentFirst } = consentOptions(record.id);
  const serviceIds = proposedIds(awaiting);
  const keyWorkerIds = proposedIds(keyWorkerFirst);
  const assessmentIds = proposedIds(assessmentFirst);
  const data = referralDataOf(getDatabase(), serviceIds);
  const summaries = getCatalogue().summaries([...serviceIds, ...keyWorkerIds, ...assessmentIds], language);
  const among = (ids: number[]) => summaries.filter((summary) => ids.includes(summary.id));
  // Whom each service is for, from the needs its pathway proposed it for.
  const person = { helpFor: (record.answers as AnswersSoFar).helpFor ?? "self" };
  const needsOf = new Map([...awaiting, ...keyWorkerFirst, ...assessmentFirst].flatMap((pathway) => pathway.proposal.map((proposed) => [proposed.serviceId, proposed.needCodes.filter(isNeedCode)])));
  const forWhom = (serviceId: number) => forWhomOf(needsOf.get(serviceId) ?? [], person);
  return {
    services: among(serviceIds).map((summary) => ({ summary, dataCategories: data.get(summary.id) ?? [], forWhom: forWhom(summary.id) })),
    keyWorkerFirst: among(keyWorkerIds).map((summary) => ({ summary, forWhom: forWhom(summary.id) })),
    assessmentFirst: among(assessmentIds).map((summary) => ({ summary, forWhom: forWhom(summary.id) })),
    forWhomWords: forWhomWords(language, [...needsOf.keys()].flatMap(forWhom)),
    hasReference: findCaseReference(getDatabase(), record.id) !== undefined,
  };
}

export interface Confirmation {
  reference: string;
  accessCode: string;
  /** Referrals the case has now, this submission's and earlier ones. */
  referrals: number;
}

/** The confirmation page: the reference and access code, and how "Email me a link" went once the person asks. */
export interface ConfirmationPage {
  confirmation: Confirmation;
  emailLink?: EmailLinkResult;
}

/**
 * Records consent per provider and sends the referrals through the pathways. Each
 * consent moves its pathway on, so a repeated submission (double click, refresh, back and
 * resubmit) finds nothing waiting, creates nothing new and shows the same reference with
 * a fresh access code. With nothing to consent to yet (staff act first), the person gets
 * the reference to follow the case by; consent comes later, once staff have acted.
 */
export async function giveConsent(request: Request, form: FormData): Promise<ConfirmationPage | { error: string }> {
  const record = await completedScreening(request);
  const parsed = consentForm.safeParse(consentValues(form));
  const db = getDatabase();
  const accessCode = newAccessCode();
  const accessCodeHash = hashAccessCode(normalizeResumeCode(accessCode)!);
  const now = new Date().toISOString();
  // One write-locked transaction: a second submission, even from another
  // server process, sees the first one's reference and creates nothing.
  const outcome = inWriteTransaction(db, (): { reference: string } | { error: string } => {
    const existing = findCaseReference(db, record.id);
    const chosen = new Set(parsed.success ? parsed.data.services.map(Number) : []);
    const { awaiting } = consentOptions(record.id);
    const offered = new Set(proposedIds(awaiting));
    const repeated = existing !== undefined && chosen.size > 0 && [...chosen].every((id) => !offered.has(id));
    if (offered.size > 0 && !repeated) {
      if (!parsed.success || chosen.size === 0 || [...chosen].some((id) => !offered.has(id))) return { error: "consent.errors.required" };
      sendConsentedReferrals(record.id, awaiting, chosen, now);
    }
    // A new access code retires the links emailed with the old one, as a new save does a screening's.
    retireEmailLinks(db, "track", record.id, new Date());
    return { reference: saveCaseReference(db, record.id, existing?.reference ?? newCaseReference(), accessCodeHash) };
  });
  if ("error" in outcome) return outcome;
  return { confirmation: { reference: outcome.reference, accessCode, referrals: caseReferrals(db, record.id).length } };
}

/** Consent recorded per provider, then each pathway told which of its services it may refer to. */
function sendConsentedReferrals(caseId: string, awaiting: readonly CasePathway[], chosen: ReadonlySet<number>, at: string): void {
  const db = getDatabase();
  const data = referralDataOf(db, [...chosen]);
  for (const pathway of awaiting) {
    const proposed = pathway.proposal.filter((service) => chosen.has(service.serviceId));
    if (proposed.length === 0) continue;
    for (const service of proposed) {
      recordConsent(db, {
        caseId,
        serviceId: service.serviceId,
        organizationId: service.organizationId,
        dataCategories: data.get(service.serviceId) ?? ([] as PersonalDataCategory[]),
        textVersion: consentTextVersion,
        recordedBy: "citizen",
      });
    }
    getPathwayEngine().send(pathway.id, { type: "CONSENT_GIVEN", serviceIds: proposed.map((service) => service.serviceId), at, by: "citizen" });
  }
}

/** How long an emailed tracking link works. */
const trackingLinkDays = 30;

/**
 * "Email me a link" on the confirmation page (`intent=email`), and "has it been sent?"
 * (`intent=emailStatus`). The page posts back the access code it showed, so it can show
 * the confirmation again; a code that is not this case's latest (a forged form, or
 * consent given again since) shows nothing and sends nothing.
 */
export async function emailTrackingLink(request: Request, form: FormData, language: Language): Promise<ConfirmationPage> {
  const record = await completedScreening(request);
  const db = getDatabase();
  const reference = findCaseReference(db, record.id);
  const accessCode = form.get("accessCode");
  const normalized = typeof accessCode === "string" ? normalizeResumeCode(accessCode) : null;
  if (!reference || !normalized || hashAccessCode(normalized) !== reference.accessCodeHash) throw redirect(citizenPaths.consent);
  const confirmation = { reference: reference.reference, accessCode: accessCode as string, referrals: caseReferrals(db, record.id).length };
  if (form.get("intent") === "emailStatus") return { confirmation, emailLink: emailLinkStatus("track", record.id) };
  const expiresAt = daysAfter(new Date(), trackingLinkDays);
  return { confirmation, emailLink: emailLink(form, { purpose: "track", targetId: record.id, expiresAt }, language) };
}
