import { data, redirect } from "react-router";
import { z } from "zod";
import { daysAfter } from "#pathways/calendar/days.ts";
import type { ScreeningRecord } from "#db/stores.ts";
import type { Language } from "#pathways/i18n.ts";
import {
  currentPage,
  isFlowExpired,
  viewPage,
  type PageView,
  type PersistedFlow,
} from "#pathways/screening/flow.ts";
import type { InProgressPageId, ScreeningPageId } from "#pathways/screening/pages.ts";
import { isStepId, type AnswersSoFar } from "#pathways/screening/questionnaire.ts";
import { indicatesDanger } from "#pathways/screening/derive-needs.ts";
import { getStores } from "./db.server.ts";
import { emailLink, emailLinkStatus, peekEmailLink, redeemEmailLink, type EmailLinkResult } from "./email-link.server.ts";
import { getEnvironment } from "./env.server.ts";
import { fieldErrors, formValues } from "./form-values.ts";
import { resumeFields, resumeForm } from "./resume-form.ts";
import { flowNotFound } from "./screening/flow-not-found.ts";
import { conformErrors, parseStepForm, stepReply, stepValues } from "./screening/submission.ts";
import { hashResumeCode, normalizeResumeCode } from "./resume-code.server.ts";
import { flowCookie } from "./session.server.ts";
import { answerQuestion } from "./screening/answer-question.server.ts";
import { viewPackage } from "./screening/view-package.server.ts";
import { beginScreening } from "./screening/begin-screening.server.ts";
import { changeAnswer, confirmScreening } from "./screening/check-answers.server.ts";
import { exitScreening, resumeScreening, saveScreening } from "./screening/save-and-leave.server.ts";
import { citizen } from "#pathways/actor.ts";
import { citizenPaths, citizenPlace, issuedIdPattern, screeningPagePath } from "./page-paths.ts";

/**
 * The citizen screening over HTTP: the flow id from the signed cookie, the flow from the
 * database, the page logic from pathways/screening/flow.ts.
 */

const flowIdSchema = z.string().regex(issuedIdPattern);
/** Shaped like a flow id but never issued (newFlowId gives 24 url-safe characters from random bytes, never this). */
const impossibleFlowId = "~".repeat(24);

/**
 * The screening the flow cookie names; undefined when there is no flow cookie. A cookie
 * that was altered, forged or outlived its answers (retention) gives a 404 that the
 * error page explains, counted by the server's rate limit on misses. A cookie whose
 * signature fails is looked up too, as an id that cannot exist, so it takes as long as
 * an unknown id.
 */
export async function findScreening(request: Request) {
  const header = request.headers.get("Cookie");
  if (!header?.split(";").some((pair) => pair.trim().startsWith(`${flowCookie.name}=`))) return undefined;
  const parsed = flowIdSchema.safeParse(await flowCookie.parse(header));
  const record = await getStores().screenings.load(parsed.success ? parsed.data : impossibleFlowId);
  if (!record) throw data(flowNotFound, { status: 404 });
  return record;
}

/** Opening a page of the screening is using it; recorded at most this often, so most pages write nothing. */
const useRecordedEveryMs = 60_000;

/**
 * The screening the flow cookie names while this browser may still open it, finished or
 * not: idle past the limit, or ended with "Exit this page", its pages go to the timed-out
 * page, which says how to come back (a resume code for saved answers; the reference
 * number and access code for a finished one, whose answers the case keeps).
 */
async function openScreening(request: Request) {
  const record = await findScreening(request);
  if (!record) return undefined;
  const now = new Date();
  const { screenings } = getStores();
  if (isFlowExpired(record.updatedAt, now)) {
    // Recorded once, when the first page after the limit finds it over (nothing runs at the moment it ends); not after Exit this page.
    const last = (await screenings.lastEvent(record.id))?.type;
    if (last !== "timed-out" && last !== "exited") {
      await screenings.recordEvent({ screeningId: record.id, type: "timed-out", step: null, actor: { kind: "system", name: "idle-limit" }, channel: record.channel, at: now });
    }
    throw redirect(citizenPaths.timedOut);
  }
  if (now.getTime() - record.updatedAt.getTime() >= useRecordedEveryMs) await screenings.touch(record.id);
  return record;
}

async function flowFrom(request: Request) {
  const record = await openScreening(request);
  return record?.status === "in-progress" ? record : null;
}

/** A finished screening open in this browser (its package, consent and confirmation); anything else goes to the start page. */
export async function completedScreening(request: Request) {
  const record = await openScreening(request);
  if (record?.status !== "complete") throw redirect("/");
  return record;
}

/** "Stay on this page": the flow's idle time starts again. */
export async function extendSession(request: Request): Promise<void> {
  const record = await openScreening(request);
  if (record) await getStores().screenings.touch(record.id);
}

/**
 * "Exit this page": the flow cookie, and any copy of it, opens nothing more, as if the
 * screening had been left idle past the limit. Saved answers still come back with their
 * code, and a finished screening is still followed with its reference number.
 */
export async function endSession(request: Request): Promise<void> {
  // A cookie naming no screening has nothing to end.
  const record = await findScreening(request).catch(() => undefined);
  if (record) await exitScreening({ screeningId: record.id, actor: citizen, channel: "online" });
}

export async function startScreening(language: Language): Promise<Response> {
  const { screeningId } = await beginScreening({ language, actor: citizen, channel: "online" });
  return redirect(screeningPagePath("help-for", citizenPlace), { headers: { "Set-Cookie": await flowCookie.serialize(screeningId) } });
}

export async function loadPage(request: Request, page: InProgressPageId): Promise<PageView> {
  const record = await flowFrom(request);
  if (!record) throw redirect("/");
  return viewPage(record.snapshot as PersistedFlow, page);
}

/** The urgent-help page: only for a flow whose answers show danger. */
export async function loadUrgentHelp(request: Request): Promise<{ continueTo: ScreeningPageId }> {
  const record = await openScreening(request);
  if (!record || !indicatesDanger(record.answers as AnswersSoFar)) throw redirect("/");
  return { continueTo: record.status === "complete" ? "complete" : currentPage(record.snapshot as PersistedFlow) };
}

export async function submitPage(request: Request, page: InProgressPageId) {
  const record = await flowFrom(request);
  if (!record) throw redirect("/");
  const form = await request.formData();
  if (page === "check-answers") {
    const change = form.get("change");
    const onCheckAnswers = { screeningId: record.id, actor: citizen, channel: "online" } as const;
    // Only the Confirm button comes without a `change`: anything else that is not a question is not a confirmation.
    const result = isStepId(change) ? await changeAnswer({ ...onCheckAnswers, step: change }) : change === null ? await confirmScreening(onCheckAnswers) : null;
    if (result?.kind === "not-found") throw redirect("/");
    if (result?.kind !== "moved") throw redirect(screeningPagePath("check-answers", citizenPlace));
    throw redirect(screeningPagePath(result.next, citizenPlace));
  }
  const submission = parseStepForm(page, form, record.answers as AnswersSoFar);
  // An invalid form still goes to the flow (as no values at all), which sends a page
  // posted out of order back to where the person is before any message is shown.
  const values = submission.status === "success" ? stepValues(page, submission.payload) : null;
  const result = await answerQuestion({ screeningId: record.id, step: page, values, actor: citizen, channel: "online" });
  if (result.kind === "not-found") throw redirect("/");
  // Danger just disclosed: emergency guidance before any further question.
  if (result.kind === "answered") throw redirect(result.dangerDisclosed ? citizenPaths.urgentHelp : screeningPagePath(result.next, citizenPlace));
  if (result.kind === "elsewhere") throw redirect(screeningPagePath(result.page, citizenPlace));
  // The flow validates with the answers it holds; should it disagree with the parse, its word counts.
  return stepReply(page, submission, submission.status === "success" ? conformErrors(result.errors) : undefined);
}

/** The package of the case a completed screening belongs to, as the page draws it; and whether the answers showed danger. */
export async function loadPackage(request: Request, language: Language) {
  const record = await completedScreening(request);
  return { ...(await viewPackage({ caseId: record.caseId, language })), danger: indicatesDanger(record.answers as AnswersSoFar) };
}

/** "Save and come back later": a new resume code for this flow, shown once; links emailed for an earlier save stop working. */
export async function saveForLater(request: Request): Promise<{ code: string }> {
  const record = await flowFrom(request);
  const saved = record && (await saveScreening({ screeningId: record.id, actor: citizen, channel: "online" }));
  if (!saved) throw redirect("/");
  return saved;
}

/**
 * "Email me a link" on the saved page (`intent=email`), and "has it been sent?"
 * (`intent=emailStatus`). The page posts back the code it showed, so it can show it
 * again; a code that is not this flow's own (a forged form) shows nothing and sends
 * nothing. The link expires when retention deletes the saved answers.
 */
export async function emailResumeLink(request: Request, form: FormData, language: Language): Promise<{ code: string; emailLink?: EmailLinkResult }> {
  const record = await flowFrom(request);
  const code = form.get("code");
  const normalized = typeof code === "string" ? normalizeResumeCode(code) : null;
  if (!record?.savedAt || !normalized || hashResumeCode(normalized) !== record.resumeCodeHash) throw redirect(citizenPaths.saved);
  if (form.get("intent") === "emailStatus") return { code: code as string, emailLink: await emailLinkStatus("resume", record.id) };
  const expiresAt = daysAfter(record.savedAt, getEnvironment().RETENTION_SAVED_DAYS);
  return { code: code as string, emailLink: await emailLink(form, { purpose: "resume", targetId: record.id, expiresAt }, language) };
}

/**
 * Sets the flow cookie for a saved screening and goes to where the person was: what a
 * right code or link does. The person is back, so the idle time starts again; otherwise
 * answers saved longer ago than the idle timeout would open on "your session timed out".
 */
async function resumeFlow(record: ScreeningRecord): Promise<never> {
  const page = await resumeScreening({ screeningId: record.id, actor: citizen, channel: "online" });
  if (!page) throw redirect("/");
  throw redirect(screeningPagePath(page, citizenPlace), { headers: { "Set-Cookie": await flowCookie.serialize(record.id) } });
}

/**
 * What an emailed resume link's page shows. "usable": the link would open saved answers;
 * when this browser holds another screening, `heldAt` is where that one is, to go back
 * to instead. "unusable": spent, expired, or never issued. A GET changes nothing, so a
 * mail scanner that opens the link leaves it working.
 */
export type ResumeLinkPage = { link: "usable"; heldAt?: string } | { link: "unusable" };

async function linkedScreening(flowId: Promise<string | undefined>) {
  const record = await getStores().screenings.load((await flowId) ?? impossibleFlowId);
  return record?.status === "in-progress" ? record : undefined;
}

/** Where the screening this browser holds is, if it holds one other than `flowId`: one a link must not replace without asking. */
async function otherScreeningAt(request: Request, flowId: string): Promise<string | undefined> {
  const held = await findScreening(request).catch((error: unknown) => {
    // A cookie naming no screening we hold: nothing to lose.
    if ((error as { data?: unknown } | null)?.data === flowNotFound) return undefined;
    throw error;
  });
  if (!held || held.id === flowId) return undefined;
  return screeningPagePath(held.status === "complete" ? "complete" : currentPage(held.snapshot as PersistedFlow), citizenPlace);
}

export async function loadResumeLink(request: Request, token: string | undefined): Promise<ResumeLinkPage> {
  const record = await linkedScreening(peekEmailLink(token, "resume"));
  if (!record) return { link: "unusable" };
  const heldAt = await otherScreeningAt(request, record.id);
  return heldAt ? { link: "usable", heldAt } : { link: "usable" };
}

/**
 * "Continue" on the link's page: spends the link (it works once) and opens its saved
 * answers. A browser holding another screening is asked again, the link left unspent,
 * unless the form says `replace=yes`.
 */
export async function resumeWithLink(request: Request, token: string | undefined): Promise<ResumeLinkPage> {
  const form = await request.formData();
  const peeked = await linkedScreening(peekEmailLink(token, "resume"));
  if (peeked && form.get("replace") !== "yes") {
    const heldAt = await otherScreeningAt(request, peeked.id);
    if (heldAt) return { link: "usable", heldAt };
  }
  const record = await linkedScreening(redeemEmailLink(token, "resume"));
  if (!record) return { link: "unusable" };
  return resumeFlow(record);
}

/** Resumes the flow a code was given for: sets the flow cookie and goes to where the person was. */
export async function resumeWithCode(request: Request): Promise<{ error: string; code: string }> {
  const parsed = resumeForm.safeParse(formValues(await request.formData(), resumeFields));
  if (!parsed.success) return { error: fieldErrors(parsed).code!, code: "" };
  const typed = parsed.data.code;
  const normalized = normalizeResumeCode(typed);
  // A malformed code is looked up too (as a hash of nothing that exists), so a miss takes the same time.
  const record = await getStores().screenings.findByResumeCode(hashResumeCode(normalized ?? typed));
  if (!record) return { error: "resume.errors.notFound", code: typed.slice(0, 20) };
  return resumeFlow(record);
}
