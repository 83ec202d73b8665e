import { retireEmailLinks } from "#db/email-links.ts";
import type { Actor, Channel } from "#pathways/actor.ts";
import { currentPage, idleSince, type PersistedFlow } from "#pathways/screening/flow.ts";
import type { ScreeningPageId } from "#pathways/screening/pages.ts";
import { getScreeningStore, withTransaction } from "../db.server.ts";
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
export async function saveScreening({ screeningId, actor, channel, at = new Date() }: OnScreening): Promise<{ code: string } | null> {
  const store = getScreeningStore();
  const record = store.load(screeningId);
  if (record?.status !== "in-progress") return null;
  const code = newResumeCode();
  await withTransaction(async (tx) => {
    store.saveForLater(record.id, record.version, hashResumeCode(normalizeResumeCode(code)!));
    store.recordEvent({ screeningId, type: "saved", step: null, actor, channel, at });
    retireEmailLinks(tx.db, "resume", record.id, at);
  });
  return { code };
}

/**
 * Coming back to saved answers (with the code or an emailed link): the idle time starts
 * again, or answers saved longer ago than the idle timeout would open on "timed out".
 * Answers the page the person was on.
 */
export async function resumeScreening({ screeningId, actor, channel, at = new Date() }: OnScreening): Promise<ScreeningPageId | null> {
  const store = getScreeningStore();
  const record = store.load(screeningId);
  if (record?.status !== "in-progress") return null;
  await withTransaction(async () => {
    store.touch(record.id, at);
    store.recordEvent({ screeningId, type: "resumed", step: null, actor, channel, at });
  });
  return currentPage(record.snapshot as PersistedFlow);
}

/**
 * "Exit this page": the screening opens nothing more for whoever held it, as if left idle
 * past the limit. Saved answers still come back with their code, and a finished
 * screening is still followed with its reference number.
 */
export async function exitScreening({ screeningId, actor, channel, at = new Date() }: OnScreening): Promise<void> {
  const store = getScreeningStore();
  if (!store.load(screeningId)) return;
  await withTransaction(async () => {
    store.touch(screeningId, idleSince(at));
    store.recordEvent({ screeningId, type: "exited", step: null, actor, channel, at });
  });
}
