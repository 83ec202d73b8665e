import { redirect } from "react-router";
import { daysAfter } from "#pathways/calendar/days.ts";
import { citizen } from "#pathways/actor.ts";
import type { PackageService } from "#pathways/case.ts";
import type { Language } from "#pathways/i18n.ts";
import { forWhomOf } from "#pathways/needs/subject.ts";
import { municipalities, isMunicipalityCode } from "#pathways/areas.ts";
import { categoriesToAsk, type AskedCategory } from "#pathways/personal-data.ts";
import type { AnswersSoFar } from "#pathways/screening/questionnaire.ts";
import { parsePersonDetails, personDetailsValues, valuesOfDetails, type PersonDetailsErrors, type PersonDetailsValues } from "./person-details-form.server.ts";
import { getCatalogue, getStores } from "./db.server.ts";
import { forWhomWords } from "./for-whom.server.ts";
import { emailLink, emailLinkStatus, type EmailLinkResult } from "./email-link.server.ts";
import { hashAccessCode, normalizeResumeCode } from "./resume-code.server.ts";
import { completedScreening } from "./screening.server.ts";
import { citizenPaths } from "./page-paths.ts";
import { consentForm, consentValues } from "./consent-form.ts";
import { consentOptions } from "./case/case-package.server.ts";
import { giveConsent } from "./case/give-consent.server.ts";

/** Version of the consent wording on the page; stored with each consent. */
export const consentTextVersion = "2026-11-consent-1";

const idsOf = (services: readonly PackageService[]) => services.map((service) => service.serviceId);

/**
 * The consent page of the case a completed screening belongs to: the services of its
 * stored package that wait for consent, with what each referral would carry, and those
 * where staff act first.
 */
export async function loadConsentPage(request: Request, language: Language) {
  const record = await completedScreening(request);
  const { cases } = getStores();
  const { awaiting, keyWorkerFirst, assessmentFirst, helpFor, subjectOf } = await consentOptions(cases, record.caseId);
  const serviceIds = idsOf(awaiting);
  const data = await cases.referralData(serviceIds);
  const summaries = await getCatalogue().summaries([...serviceIds, ...idsOf(keyWorkerFirst), ...idsOf(assessmentFirst)], language);
  const all = [...awaiting, ...keyWorkerFirst, ...assessmentFirst];
  // Whom each service is for, from the needs the package proposed it for.
  const forWhom = (serviceId: number) => forWhomOf(all.find((service) => service.serviceId === serviceId)?.needCodes ?? [], { helpFor }, subjectOf);
  const among = (services: readonly PackageService[]) => summaries.filter((summary) => services.some((service) => service.serviceId === summary.id));
  return {
    services: among(awaiting).map((summary) => ({ summary, dataCategories: data.get(summary.id) ?? [], forWhom: forWhom(summary.id) })),
    keyWorkerFirst: among(keyWorkerFirst).map((summary) => ({ summary, forWhom: forWhom(summary.id) })),
    assessmentFirst: among(assessmentFirst).map((summary) => ({ summary, forWhom: forWhom(summary.id) })),
    forWhomWords: forWhomWords(language, all.flatMap((service) => forWhom(service.serviceId))),
    hasReference: (await cases.findReference(record.caseId)) !== undefined,
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
 * The details page, between choosing services and sending the referrals: the fields of
 * exactly the categories the chosen services need, each with the services that would
 * receive it; the choice goes with the form (hidden fields), so nothing is kept before
 * the person sends it.
 */
export interface DetailsPage {
  details: {
    services: string[];
    ask: AskedCategory[];
    /** The services (as the person reads their names) that would receive each category. */
    receivers: Partial<Record<AskedCategory, string[]>>;
    values: PersonDetailsValues;
    errors: PersonDetailsErrors;
    /** The municipality the person gave in the screening, for the address. */
    municipality: string | null;
  };
}

/**
 * The consent form, posted by the person online: the ticked services, for the case their
 * screening belongs to; then, where those services need them, the details page's answers
 * with the same choice.
 */
export async function submitConsent(request: Request, form: FormData, language: Language): Promise<ConfirmationPage | DetailsPage | { error: string }> {
  const record = await completedScreening(request);
  const parsed = consentForm.safeParse(consentValues(form));
  const serviceIds = parsed.success ? parsed.data.services.map(Number) : [];
  const answers = record.answers as AnswersSoFar;
  const onDetailsPage = form.get("intent") === "details";
  const values = onDetailsPage ? personDetailsValues(form) : undefined;
  let details;
  if (values) {
    const data = await getStores().cases.referralData(serviceIds);
    const ask = categoriesToAsk(serviceIds.flatMap((id) => data.get(id) ?? []));
    const checked = parsePersonDetails(values, ask, { today: new Date(), age: answers.age });
    if ("errors" in checked) return detailsPage(serviceIds, ask, values, checked.errors, answers, language);
    details = checked.details;
  }
  const result = await giveConsent({ caseId: record.caseId, serviceIds, actor: citizen, channel: "online", consentText: consentTextVersion, details });
  if (result.kind === "choose-offered") return { error: "consent.errors.required" };
  if (result.kind === "details-needed") return detailsPage(serviceIds, result.ask, values ?? valuesOfDetails(result.given), {}, answers, language);
  return { confirmation: { reference: result.reference, accessCode: result.accessCode, referrals: result.referrals } };
}

async function detailsPage(
  serviceIds: number[],
  ask: AskedCategory[],
  values: PersonDetailsValues,
  errors: PersonDetailsErrors,
  answers: AnswersSoFar,
  language: Language,
): Promise<DetailsPage> {
  const [data, summaries] = await Promise.all([getStores().cases.referralData(serviceIds), getCatalogue().summaries(serviceIds, language)]);
  const receivers: DetailsPage["details"]["receivers"] = {};
  for (const category of ask) {
    receivers[category] = summaries.filter((summary) => data.get(summary.id)?.includes(category)).map((summary) => `${summary.name.text} (${summary.provider.name.text})`);
  }
  const municipality = isMunicipalityCode(answers.municipality) ? municipalities[answers.municipality].name[language] : null;
  return { details: { services: serviceIds.map(String), ask, receivers, values, errors, municipality } };
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
  const { cases } = getStores();
  const reference = await cases.findReference(record.caseId);
  const accessCode = form.get("accessCode");
  const normalized = typeof accessCode === "string" ? normalizeResumeCode(accessCode) : null;
  if (!reference || !normalized || hashAccessCode(normalized) !== reference.accessCodeHash) throw redirect(citizenPaths.consent);
  const confirmation = { reference: reference.reference, accessCode: accessCode as string, referrals: (await cases.referrals(record.caseId)).length };
  if (form.get("intent") === "emailStatus") return { confirmation, emailLink: await emailLinkStatus("track", record.caseId) };
  const expiresAt = daysAfter(new Date(), trackingLinkDays);
  return { confirmation, emailLink: await emailLink(form, { purpose: "track", targetId: record.caseId, expiresAt }, language) };
}
