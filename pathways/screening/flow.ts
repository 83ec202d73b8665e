import { createActor, type Snapshot } from "xstate";
import { checkAnswersRoute, completeRoute, currentRoute, screeningMachine, type ScreeningEvent, type VisitedState } from "./machine.ts";
import { stepRoute, validateStep, type AnswersSoFar, type ScreeningErrorKey, type StepId } from "./questionnaire.ts";

/**
 * The screening as pages: what a page request may show and what a form post does, on
 * persisted snapshots. A GET never changes anything: it shows the current question, or
 * an earlier one the person is going back to (Back link or the browser's back button);
 * anything else is sent to where the person really is. A POST to an earlier question
 * first steps the machine back to it, then answers it.
 */

export type PersistedFlow = Snapshot<unknown>;

function restore(persisted: PersistedFlow | undefined) {
  const actor = createActor(screeningMachine, persisted ? { snapshot: persisted as never } : {});
  actor.start();
  return actor;
}

export function newFlow(): PersistedFlow {
  const actor = restore(undefined);
  const persisted = actor.getPersistedSnapshot();
  actor.stop();
  return persisted;
}

/** Where the flow is: a question's step id, "checkAnswers" or "complete". */
function position(persisted: PersistedFlow): { state: VisitedState | "complete"; history: VisitedState[]; answers: AnswersSoFar; route: string } {
  const actor = restore(persisted);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return {
    state: snapshot.value as VisitedState | "complete",
    history: snapshot.context.history,
    answers: snapshot.context.answers,
    route: currentRoute(snapshot),
  };
}

export function routeOf(state: VisitedState | "complete"): string {
  if (state === "checkAnswers") return checkAnswersRoute;
  if (state === "complete") return completeRoute;
  return stepRoute(state);
}

export type PageView =
  | { kind: "show"; step: StepId; answers: AnswersSoFar; backTo: string | null }
  | { kind: "check-answers"; answers: AnswersSoFar; backTo: string | null }
  | { kind: "redirect"; to: string };

/** What a GET of a page shows: `page` is a step id or "checkAnswers". */
export function viewPage(persisted: PersistedFlow, page: VisitedState): PageView {
  const { state, history, answers, route } = position(persisted);
  const visitedAt = history.lastIndexOf(page);
  if (page !== state && visitedAt === -1) return { kind: "redirect", to: route };
  // Going back: the Back link leads to the page before the one shown.
  const before = page === state ? history.at(-1) : history[visitedAt - 1];
  const backTo = before ? routeOf(before) : null;
  if (page === "checkAnswers") return { kind: "check-answers", answers, backTo };
  return { kind: "show", step: page, answers, backTo };
}

export type AnswerResult =
  | { ok: true; persisted: PersistedFlow; next: string }
  | { ok: false; errors: Partial<Record<string, ScreeningErrorKey>> }
  | { ok: false; redirect: string };

function sendAll(persisted: PersistedFlow, events: ScreeningEvent[]): { persisted: PersistedFlow; route: string } | null {
  const actor = restore(persisted);
  for (const event of events) {
    if (!actor.getSnapshot().can(event)) {
      actor.stop();
      return null;
    }
    actor.send(event);
  }
  const result = { persisted: actor.getPersistedSnapshot(), route: currentRoute(actor.getSnapshot()) };
  actor.stop();
  return result;
}

/** Validates and stores an answer to `step`, stepping back to it first if the person went back. */
export function answerStep(persisted: PersistedFlow, step: StepId, values: unknown): AnswerResult {
  const { state, history, answers, route } = position(persisted);
  const visitedAt = history.lastIndexOf(step);
  if (step !== state && visitedAt === -1) return { ok: false, redirect: route };
  const validation = validateStep(step, values, answers);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const backs: ScreeningEvent[] = step === state ? [] : Array.from({ length: history.length - visitedAt }, () => ({ type: "BACK" }));
  const result = sendAll(persisted, [...backs, { type: "ANSWER", step, values }]);
  return result ? { ok: true, persisted: result.persisted, next: result.route } : { ok: false, redirect: route };
}

/** From check answers: go to a question to change it (then back to check answers). */
export function changeStep(persisted: PersistedFlow, step: StepId): { persisted: PersistedFlow; next: string } | null {
  return toCheckAnswersThen(persisted, { type: "CHANGE", step });
}

export function confirmAnswers(persisted: PersistedFlow): { persisted: PersistedFlow; next: string } | null {
  return toCheckAnswersThen(persisted, { type: "CONFIRM" });
}

function toCheckAnswersThen(persisted: PersistedFlow, event: ScreeningEvent) {
  const { state, history } = position(persisted);
  const visitedAt = history.lastIndexOf("checkAnswers");
  if (state !== "checkAnswers" && visitedAt === -1) return null;
  const backs: ScreeningEvent[] = state === "checkAnswers" ? [] : Array.from({ length: history.length - visitedAt }, () => ({ type: "BACK" }));
  const result = sendAll(persisted, [...backs, event]);
  return result && { persisted: result.persisted, next: result.route };
}

/** The route of the page the person is on. */
export function currentPage(persisted: PersistedFlow): string {
  return position(persisted).route;
}

export function flowAnswers(persisted: PersistedFlow): AnswersSoFar {
  return position(persisted).answers;
}

export function isFlowComplete(persisted: PersistedFlow): boolean {
  return position(persisted).state === "complete";
}

/** A screening left untouched this long ends (WCAG 2.2.1: the pages warn five minutes before). */
export const idleTimeoutMinutes = 30;

/** Whether a flow last used at `lastUsed` has been idle past the timeout at `now`. */
export function isFlowExpired(lastUsed: Date, now: Date): boolean {
  return now.getTime() - lastUsed.getTime() > idleTimeoutMinutes * 60_000;
}

/** A last use that leaves a flow idle past the timeout at `now`: how a session is ended before its time. */
export function idleSince(now: Date): Date {
  return new Date(now.getTime() - idleTimeoutMinutes * 60_000 - 1);
}
