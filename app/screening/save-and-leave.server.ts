import type { Actor, Channel } from "#pathways/actor.ts";
import { currentPage, idleSince, type PersistedFlow } from "#pathways/screening/flow.ts";
import type { ScreeningPageId } from "#pathways/screening/pages.ts";
import { withTransaction } from "../db.server.ts";
import { hashResumeCode, newResumeCode, normalizeResumeCode } from "../resume-code.server.ts";

/**
 * Leaving a screening and coming back to it, by whoever does it: each a use case with its
 * actor and channel, each change written with its event in one unit of work (ADR 018, 020).
 */

interface OnScreening {
  screeningId: string;
  actor: Actor;
  channel: Channel;
  at?: Date;
}

/**
 * "Save and come back later": a new resume code for a screening in progress, given once;
 * the code's keyed hash is kept, and links emailed for an earlier save stop working.
 * Null when no screening in progress has that id.
 */
export function saveScreening({ screeningId, actor, channel, at = new Date() }: OnScreening): Promise<{ code: string } | null> {
  return withTransaction(async ({ screenings, emailLinks }) => {
    const record = await screenings.load(screeningId);
    if (record?.status !== "in-progress") return null;
    const code = newResumeCode();
    await screenings.saveForLater(record.id, record.version, hashResumeCode(normalizeResumeCode(code)!));
    await screenings.recordEvent({ screeningId, type: "saved", step: null, actor, channel, at });
    await emailLinks.retire("resume", record.id, at);
    return { code };
  });
}

/**
 * Coming back to saved answers (with the code or an emailed link): the idle time starts
 * again, or answers saved longer ago than the idle timeout would open on "timed out".
 * Answers the page the person was on.
 */
export function resumeScreening({ screeningId, actor, channel, at = new Date() }: OnScreening): Promise<ScreeningPageId | null> {
  return withTransaction(async ({ screenings }) => {
    const record = await screenings.load(screeningId);
    if (record?.status !== "in-progress") return null;
    await screenings.touch(record.id, at);
    await screenings.recordEvent({ screeningId, type: "resumed", step: null, actor, channel, at });
    return currentPage(record.snapshot as PersistedFlow);
  });
}

/**
 * "Exit this page": the screening opens nothing more for whoever held it, as if left idle
 * past the limit. Saved answers still come back with their code, and a finished
 * screening is still followed with its reference number.
 */
export function exitScreening({ screeningId, actor, channel, at = new Date() }: OnScreening): Promise<void> {
  return withTransaction(async ({ screenings }) => {
    if (!(await screenings.load(screeningId))) return;
    await screenings.touch(screeningId, idleSince(at));
    await screenings.recordEvent({ screeningId, type: "exited", step: null, actor, channel, at });
  });
}
