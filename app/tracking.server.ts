import { timingSafeEqual } from "node:crypto";
import { redirect } from "react-router";
import { z } from "zod";
import { citizen } from "#pathways/actor.ts";
import type { Language } from "#pathways/i18n.ts";
import { forWhomOf } from "#pathways/needs/subject.ts";
import { getCatalogue, getStores } from "./db.server.ts";
import { casePackage } from "./case/case-package.server.ts";
import { withdrawConsent } from "./case/withdraw-consent.server.ts";
import { peekEmailLink, redeemEmailLink } from "./email-link.server.ts";
import { getEnvironment } from "./env.server.ts";
import { forWhomWords } from "./for-whom.server.ts";
import { fieldErrors, formValues } from "./form-values.ts";
import { hashAccessCode, normalizeResumeCode } from "./resume-code.server.ts";
import { trackingFields, trackingForm } from "./tracking-form.ts";
import { trackedReferralViews } from "./tracking-view.ts";
import { formatDate } from "./format.ts";
import { signedCookie } from "./session.server.ts";
import { citizenPaths } from "./page-paths.ts";

/** After a successful lookup, which case this browser may follow (signed, HttpOnly, session only). */
const trackingCookie = signedCookie("luukku_track", {
  httpOnly: true,
  sameSite: "lax",
  secure: getEnvironment().NODE_ENV === "production",
  path: citizenPaths.track,
});

/** A hash no real code has, compared on a miss so a miss takes as long as a wrong code. */
const missHash = hashAccessCode("000000000000");

export type TrackingError = "track.errors.reference" | "track.errors.accessCode" | "track.errors.notFound";

export async function lookUpCase(request: Request): Promise<{ errors: Partial<Record<"reference" | "accessCode", TrackingError>>; reference: string }> {
  const values = formValues(await request.formData(), trackingFields);
  const parsed = trackingForm.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed) as Partial<Record<"reference" | "accessCode", TrackingError>>, reference: values.reference.slice(0, 40) };
  const reference = parsed.data.reference.toUpperCase().replace(/\s/g, "");
  const found = await getStores().cases.findByReference(reference);
  const code = normalizeResumeCode(parsed.data.accessCode);
  const given = Buffer.from(code ? hashAccessCode(code) : missHash);
  const expected = Buffer.from(found?.accessCodeHash ?? missHash);
  // A stored hash of another length (a plain one written without the key) matches nothing.
  if (!found || !code || given.length !== expected.length || !timingSafeEqual(given, expected)) return { errors: { reference: "track.errors.notFound" }, reference };
  return followCase(found.caseId);
}

/** Lets this browser follow the case and shows its referrals: what a right reference and code, or link, does. */
async function followCase(caseId: string): Promise<never> {
  throw redirect(citizenPaths.trackedReferrals, { headers: { "Set-Cookie": await trackingCookie.serialize(caseId) } });
}

/** Whether an emailed tracking link would still open its case: the GET page changes nothing, so a mail scanner leaves it working. */
export async function trackLinkUsable(token: string | undefined): Promise<boolean> {
  return (await peekEmailLink(token, "track")) !== undefined;
}

/** "Show my referrals" on the link's page: spends the link (it works once) and follows its case; false when it opens nothing. */
export async function followWithLink(token: string | undefined): Promise<false> {
  const caseId = await redeemEmailLink(token, "track");
  if (!caseId) return false;
  return followCase(caseId);
}

/** "Exit this page": this browser no longer follows a case (a Set-Cookie header). */
export function stopFollowingCase(): Promise<string> {
  return trackingCookie.clear();
}

async function trackedCase(request: Request): Promise<string> {
  const caseId = await trackingCookie.parse(request.headers.get("Cookie"));
  if (typeof caseId !== "string") throw redirect(citizenPaths.track);
  return caseId;
}

/**
 * The tracking page: each referral of the followed case with its provider and service,
 * when it was sent and what it shared, its status and since when, when an answer is
 * expected, how to reach the service, what the person can do now, and whom it is for.
 */
export async function loadTrackedReferrals(request: Request, language: Language) {
  const caseId = await trackedCase(request);
  const { cases } = getStores();
  const catalogue = getCatalogue();
  const [progress, revision] = await Promise.all([cases.referralProgress(caseId), catalogue.revision()]);
  const serviceIds = progress.map((item) => item.serviceId);
  const [summaries, facts, stored] = await Promise.all([catalogue.summaries(serviceIds, language, revision), catalogue.practicalFacts(serviceIds, revision), casePackage(cases, caseId)]);
  const summaryOf = new Map(summaries.map((summary) => [summary.id, summary]));
  // Whom each referral is for: the needs its service was proposed for in the case's package.
  const { proposed, helpFor, subjectOf } = stored;
  const shown = trackedReferralViews(progress, facts, new Date()).map(({ sentAt, statusSince, answerBy, ...view }) => {
    const summary = summaryOf.get(view.serviceId);
    return {
      ...view,
      service: summary ? { name: summary.name, provider: summary.provider.name } : null,
      sentOn: formatDate(sentAt, language),
      since: formatDate(statusSince, language),
      answerBy: answerBy && { date: formatDate(answerBy.date, language), workingDays: answerBy.workingDays },
      forWhom: forWhomOf(proposed.find((service) => service.serviceId === view.serviceId)?.needCodes ?? [], { helpFor }, subjectOf),
    };
  });
  return { referrals: shown, forWhomWords: forWhomWords(language, shown.flatMap((item) => item.forWhom)) };
}

/** "Withdraw consent" on the tracking page: a referral not yet started is cancelled; a started one stays, and the person is told. */
export async function withdrawFromTracking(request: Request): Promise<{ notWithdrawn: string | null }> {
  const caseId = await trackedCase(request);
  const form = await request.formData();
  const referralId = z.string().max(64).safeParse(form.get("referral"));
  if (!referralId.success) return { notWithdrawn: null };
  const result = await withdrawConsent({ caseId, referralId: referralId.data, actor: citizen, channel: "online" });
  if (result.kind === "not-found") return { notWithdrawn: null };
  if (result.kind === "too-late") return { notWithdrawn: referralId.data };
  throw redirect(citizenPaths.trackedReferrals);
}
