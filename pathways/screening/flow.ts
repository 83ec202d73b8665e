import { createActor, type Snapshot } from "xstate";
import { activePage, pageOfState, screeningMachine, stateOfPage, type ScreeningEvent, type VisitedState } from "./machine.ts";
import type { InProgressPageId, ScreeningPageId } from "./pages.ts";
import { validateStep, type AnswersSoFar, type ScreeningErrorKey, type StepId } from "./questionnaire.ts";

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
function position(persisted: PersistedFlow): { state: VisitedState | "complete"; history: VisitedState[]; answers: AnswersSoFar; page: ScreeningPageId } {
  const actor = restore(persisted);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return {
    state: snapshot.value as VisitedState | "complete",
    history: snapshot.context.history,
    answers: snapshot.context.answers,
    page: activePage(snapshot),
  };
}

/** What a page shows, with the pages it leads to by id: the route table says where they are. */
export type PageView =
  | { kind: "show"; step: StepId; answers: AnswersSoFar; backTo: InProgressPageId | null }
  | { kind: "check-answers"; answers: AnswersSoFar; backTo: InProgressPageId | null }
  | { kind: "redirect"; to: ScreeningPageId };

/** What a GET of a page shows: `page` is a question's or check answers. */
export function viewPage(persisted: PersistedFlow, page: InProgressPageId): PageView {
  const { state, history, answers, page: current } = position(persisted);
  const shown = stateOfPage(page);
  const visitedAt = history.lastIndexOf(shown);
  if (shown !== state && visitedAt === -1) return { kind: "redirect", to: current };
  // Going back: the Back link leads to the page before the one shown.
  const before = shown === state ? history.at(-1) : history[visitedAt - 1];
  const backTo = before ? pageOfState(before) : null;
  if (shown === "checkAnswers") return { kind: "check-answers", answers, backTo };
  return { kind: "show", step: shown, answers, backTo };
}

export type AnswerResult =
  | { ok: true; persisted: PersistedFlow; next: ScreeningPageId }
  | { ok: false; errors: Partial<Record<string, ScreeningErrorKey>> }
  | { ok: false; redirect: ScreeningPageId };

function sendAll(persisted: PersistedFlow, events: ScreeningEvent[]): { persisted: PersistedFlow; page: ScreeningPageId } | null {
  const actor = restore(persisted);
  for (const event of events) {
    if (!actor.getSnapshot().can(event)) {
      actor.stop();
      return null;
    }
    actor.send(event);
  }
  const result = { persisted: actor.getPersistedSnapshot(), page: activePage(actor.getSnapshot()) };
  actor.stop();
  return result;
}

/** Validates and stores an answer to `step`, stepping back to it first if the person went back. */
export function answerStep(persisted: PersistedFlow, step: StepId, values: unknown): AnswerResult {
  const { state, history, answers, page } = position(persisted);
  const visitedAt = history.lastIndexOf(step);
  if (step !== state && visitedAt === -1) return { ok: false, redirect: page };
  const validation = validateStep(step, values, answers);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const backs: ScreeningEvent[] = step === state ? [] : Array.from({ length: history.length - visitedAt }, () => ({ type: "BACK" }));
  const result = sendAll(persisted, [...backs, { type: "ANSWER", step, values }]);
  return result ? { ok: true, persisted: result.persisted, next: result.page } : { ok: false, redirect: page };
}

/** From check answers: go to a question to change it (then back to check answers). */
export function changeStep(persisted: PersistedFlow, step: StepId): { persisted: PersistedFlow; next: ScreeningPageId } | null {
  return toCheckAnswersThen(persisted, { type: "CHANGE", step });
}

export function confirmAnswers(persisted: PersistedFlow): { persisted: PersistedFlow; next: ScreeningPageId } | null {
  return toCheckAnswersThen(persisted, { type: "CONFIRM" });
}

function toCheckAnswersThen(persisted: PersistedFlow, event: ScreeningEvent) {
  const { state, history } = position(persisted);
  const visitedAt = history.lastIndexOf("checkAnswers");
  if (state !== "checkAnswers" && visitedAt === -1) return null;
  const backs: ScreeningEvent[] = state === "checkAnswers" ? [] : Array.from({ length: history.length - visitedAt }, () => ({ type: "BACK" }));
  const result = sendAll(persisted, [...backs, event]);
  return result && { persisted: result.persisted, next: result.page };
}

/** The page the person is on. */
export function currentPage(persisted: PersistedFlow): ScreeningPageId {
  return position(persisted).page;
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
