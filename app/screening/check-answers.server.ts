import { actorName, type Actor, type Channel } from "#pathways/actor.ts";
import { membersToldOf } from "#pathways/case.ts";
import { deriveNeeds, deriveProfile } from "#pathways/screening/derive-needs.ts";
import { changeStep, confirmAnswers, type PersistedFlow } from "#pathways/screening/flow.ts";
import type { ScreeningPageId } from "#pathways/screening/pages.ts";
import type { AnswersSoFar, StepId } from "#pathways/screening/questionnaire.ts";
import { withTransaction } from "../db.server.ts";

interface OnCheckAnswers {
  screeningId: string;
  actor: Actor;
  channel: Channel;
  at?: Date;
}

/** Where the flow goes next; "not-here" when the screening is not on check answers (or not in progress), so nothing changed. */
export type CheckAnswersResult = { kind: "moved"; next: ScreeningPageId } | { kind: "not-here" } | { kind: "not-found" };

/**
 * "Confirm" on check answers: the screening is complete, the household it told of joins
 * the case, and the pathway engine starts the case's pathways and stores its package, all
 * in one transaction with the "confirmed" event; nothing of it stays if any part fails.
 */
export function confirmScreening({ screeningId, actor, channel, at = new Date() }: OnCheckAnswers): Promise<CheckAnswersResult> {
  return withTransaction(async (tx): Promise<CheckAnswersResult> => {
    const record = await tx.screenings.load(screeningId);
    if (record?.status !== "in-progress") return { kind: "not-found" };
    const result = confirmAnswers(record.snapshot as PersistedFlow);
    if (!result) return { kind: "not-here" };
    await tx.screenings.update(record.id, record.version, { snapshot: result.persisted, answers: record.answers, status: "complete" });
    await tx.screenings.recordEvent({ screeningId, type: "confirmed", step: null, actor, channel, at });
    const answers = record.answers as AnswersSoFar;
    const person = deriveProfile(answers);
    await tx.cases.addMembers(record.caseId, membersToldOf(person), at);
    await tx.engine.startCase(record.caseId, deriveNeeds(answers), person, at.toISOString(), actorName(actor), channel);
    return { kind: "moved", next: result.next };
  });
}

/** "Change" beside an answer on check answers: the flow goes back to that question, and comes back here once it is answered. */
export function changeAnswer({ screeningId, step, actor, channel, at = new Date() }: OnCheckAnswers & { step: StepId }): Promise<CheckAnswersResult> {
  return withTransaction(async ({ screenings }): Promise<CheckAnswersResult> => {
    const record = await screenings.load(screeningId);
    if (record?.status !== "in-progress") return { kind: "not-found" };
    const result = changeStep(record.snapshot as PersistedFlow, step);
    if (!result) return { kind: "not-here" };
    await screenings.update(record.id, record.version, { snapshot: result.persisted, answers: record.answers, status: "in-progress" });
    await screenings.recordEvent({ screeningId, type: "changing", step, actor, channel, at });
    return { kind: "moved", next: result.next };
  });
}
