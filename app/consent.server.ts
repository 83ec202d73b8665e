import { redirect } from "react-router";
import { z } from "zod";
import { casePathways, findCaseReference, recordConsent, referralDataOf, saveCaseReference } from "#db/case-store.ts";
import type { Language } from "#pathways/i18n.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import { indicatesDanger } from "#pathways/screening/derive-needs.ts";
import type { AnswersSoFar } from "#pathways/screening/questionnaire.ts";
import { getCatalogue, getDatabase, getPathwayEngine } from "./db.server.ts";
import { hashAccessCode, newAccessCode, newCaseReference, normalizeResumeCode } from "./resume-code.server.ts";
import { findScreening } from "./screening.server.ts";

/** Version of the consent wording on the page; stored with each consent. */
export const consentTextVersion = "2026-11-consent-1";

async function completedScreening(request: Request) {
  const record = await findScreening(request);
  if (!record || record.status !== "complete") throw redirect("/");
  return record;
}

/** Pathways waiting for the person's consent, and those where staff act first. */
function consentOptions(caseId: string) {
  const pathways = casePathways(getDatabase(), caseId);
  const awaiting = pathways.filter((pathway) => pathway.state === "awaitingConsent");
  const staffFirst = pathways.filter((pathway) => pathway.state === "awaitingKeyWorker" || pathway.state === "awaitingAssessment");
  return { awaiting, staffFirst };
}

export async function loadConsentPage(request: Request, language: Language) {
  const record = await completedScreening(request);
  const { awaiting, staffFirst } = consentOptions(record.id);
  const serviceIds = awaiting.flatMap((pathway) => pathway.proposal.map((service) => service.serviceId));
  const staffFirstIds = staffFirst.flatMap((pathway) => pathway.proposal.map((service) => service.serviceId));
  const data = referralDataOf(getDatabase(), serviceIds);
  const summaries = getCatalogue().summaries([...serviceIds, ...staffFirstIds], language);
  return {
    services: summaries
      .filter((summary) => serviceIds.includes(summary.id))
      .map((summary) => ({ summary, dataCategories: data.get(summary.id) ?? [] })),
    staffFirst: summaries.filter((summary) => staffFirstIds.includes(summary.id)),
    alreadySent: findCaseReference(getDatabase(), record.id) !== undefined,
    // Danger was disclosed: "Exit this page" stays on every page of the screening.
    danger: indicatesDanger(record.answers as AnswersSoFar),
  };
}

const consentFormSchema = z.object({
  services: z.array(z.coerce.number().int().positive()).min(1, "consent.errors.required").max(50),
});

export interface Confirmation {
  reference: string;
  accessCode: string;
  referred: number;
}

/**
 * Records consent per provider and sends the referrals through the pathways, once: a
 * repeated submission (double click, refresh, back and resubmit) creates nothing new and
 * shows the same reference with a fresh access code.
 */
export async function giveConsent(request: Request): Promise<{ confirmation: Confirmation } | { error: string }> {
  const record = await completedScreening(request);
  const form = await request.formData();
  const parsed = consentFormSchema.safeParse({ services: form.getAll("services") });
  const db = getDatabase();
  const accessCode = newAccessCode();
  const accessCodeHash = hashAccessCode(normalizeResumeCode(accessCode)!);
  const engine = getPathwayEngine();
  const now = new Date().toISOString();
  // One immediate (write-locked) transaction: a second submission, even from another
  // server process, sees the first one's reference and creates nothing.
  const outcome = db.$client
    .transaction((): { reference: string; referred: number } | { error: string } => {
      const existing = findCaseReference(db, record.id);
      if (existing) return { reference: saveCaseReference(db, record.id, existing.reference, accessCodeHash), referred: 0 };
      if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "consent.errors.required" };
      const chosen = new Set(parsed.data.services);
      const { awaiting } = consentOptions(record.id);
      const offered = new Set(awaiting.flatMap((pathway) => pathway.proposal.map((service) => service.serviceId)));
      if ([...chosen].some((id) => !offered.has(id))) return { error: "consent.errors.required" };
      const data = referralDataOf(db, [...chosen]);
      let referred = 0;
      for (const pathway of awaiting) {
        const proposed = pathway.proposal.filter((service) => chosen.has(service.serviceId));
        if (proposed.length === 0) continue;
        for (const service of proposed) {
          recordConsent(db, {
            caseId: record.id,
            serviceId: service.serviceId,
            organizationId: service.organizationId,
            dataCategories: data.get(service.serviceId) ?? ([] as PersonalDataCategory[]),
            textVersion: consentTextVersion,
            recordedBy: "citizen",
          });
        }
        engine.send(pathway.id, { type: "CONSENT_GIVEN", serviceIds: proposed.map((service) => service.serviceId), at: now, by: "citizen" });
        referred += proposed.length;
      }
      return { reference: saveCaseReference(db, record.id, newCaseReference(), accessCodeHash), referred };
    })
    .immediate();
  if ("error" in outcome) return outcome;
  const { reference, referred } = outcome;
  return { confirmation: { reference, accessCode, referred } };
}
