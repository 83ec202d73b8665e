import type { Actor, Channel } from "#pathways/actor.ts";
import { answerStep, flowAnswers, type PersistedFlow } from "#pathways/screening/flow.ts";
import { indicatesDanger } from "#pathways/screening/derive-needs.ts";
import type { ScreeningPageId } from "#pathways/screening/pages.ts";
import type { AnswersSoFar, ScreeningErrorKey, StepId } from "#pathways/screening/questionnaire.ts";
import { withTransaction } from "../db.server.ts";

export interface AnswerQuestion {
  screeningId: string;
  step: StepId;
  /** The step's values as parsed from the form; null when the form could not be read as the step's. */
  values: unknown;
  actor: Actor;
  channel: Channel;
  at?: Date;
}

export type AnswerQuestionResult =
  /** Stored: the next page, or emergency guidance when the answer just disclosed danger. */
  | { kind: "answered"; next: ScreeningPageId; dangerDisclosed: boolean }
  /** Not this screening's question now (a page posted out of order): where the person is. */
  | { kind: "elsewhere"; page: ScreeningPageId }
  | { kind: "invalid"; errors: Partial<Record<string, ScreeningErrorKey>> }
  /** No screening in progress by that id. */
  | { kind: "not-found" };

/**
 * One answer to one question of a screening in progress, by whoever gives it (the person
 * online, or staff at the counter or on the phone for them): validated by the flow, stored
 * with the flow's new state over the version it was read at, and recorded in the
 * screening's event log with the actor and channel, in one transaction.
 */
export function answerQuestion({ screeningId, step, values, actor, channel, at = new Date() }: AnswerQuestion): Promise<AnswerQuestionResult> {
  return withTransaction(async ({ screenings }): Promise<AnswerQuestionResult> => {
    const record = await screenings.load(screeningId);
    if (record?.status !== "in-progress") return { kind: "not-found" };
    const result = answerStep(record.snapshot as PersistedFlow, step, values);
    if (!result.ok) return "redirect" in result ? { kind: "elsewhere", page: result.redirect } : { kind: "invalid", errors: result.errors };
    const answers = flowAnswers(result.persisted);
    await screenings.update(record.id, record.version, { snapshot: result.persisted, answers, status: "in-progress" });
    await screenings.recordEvent({ screeningId: record.id, type: "answered", step, actor, channel, at });
    return { kind: "answered", next: result.next, dangerDisclosed: indicatesDanger(answers) && !indicatesDanger(record.answers as AnswersSoFar) };
  });
}
