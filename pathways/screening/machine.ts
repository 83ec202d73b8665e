import { and, assertEvent, assign, setup, type SnapshotFrom } from "xstate";
import {
  applyAnswer,
  askedSteps,
  branchConditionNames,
  branchConditions,
  isComplete,
  isStepAnswered,
  isStepAsked,
  isStepId,
  stepIds,
  steps,
  validateStep,
  type AnswersSoFar,
  type BranchCondition,
  type StepId,
} from "./questionnaire.ts";
import type { InProgressPageId, ScreeningPageId } from "./pages.ts";

import { screeningVersion } from "./questionnaire.ts";
export { screeningVersion };

/**
 * The version persisted snapshots of this machine carry: the questionnaire's major
 * version (a minor change keeps every stored flow restorable; a major one does not).
 */
export const screeningMachineVersion = Number(screeningVersion.split(".")[0]);

/**
 * The screening as a state machine: one state per question page, then check answers,
 * then complete. It asks only the questions the answers so far make relevant, keeps the
 * Back link's history, and lets a person change an answer from the check answers page.
 *
 * The transitions are generated from the step table in `questionnaire.ts`, so the
 * machine and the table cannot disagree about which question comes next; the branch
 * conditions appear in the machine as named guards. Each state's meta names the page it
 * shows by id (pages.ts), never by address: the same screening is served at the
 * person's own address and at staff's.
 */

export type AnswerEvent = { type: "ANSWER"; step: StepId; values: unknown };
export type ScreeningEvent = AnswerEvent | { type: "BACK" } | { type: "CHANGE"; step: StepId } | { type: "CONFIRM" };

/** A state the Back link can return to. */
export type VisitedState = StepId | "checkAnswers";

export interface ScreeningContext {
  answers: AnswersSoFar;
  /** The states visited before the current one, most recent last: the Back link's targets. */
  history: VisitedState[];
  /** Set while changing an answer from check answers, which is where answering leads back to. */
  returnToCheck: boolean;
}

export interface ScreeningStateMeta {
  page: ScreeningPageId;
  step?: StepId;
}

/** The answers as they would be after this ANSWER event, or null when it is not a valid answer. */
function answersAfter(context: ScreeningContext, event: ScreeningEvent): AnswersSoFar | null {
  // Events come from outside: a step id may be anything.
  if (event.type !== "ANSWER" || !isStepId(event.step)) return null;
  const result = validateStep(event.step, event.values, context.answers);
  return result.ok ? applyAnswer(context.answers, event.step, result.value) : null;
}

type GuardArguments = { context: ScreeningContext; event: ScreeningEvent };

/** Each branch condition as a guard on the answers the ANSWER event would leave. */
const branchGuards = Object.fromEntries(
  branchConditionNames.map((name) => [
    name,
    ({ context, event }: GuardArguments) => {
      const answers = answersAfter(context, event);
      return answers !== null && branchConditions[name].holds(answers);
    },
  ]),
) as Record<BranchCondition, (guardArguments: GuardArguments) => boolean>;

const screeningSetup = setup({
  types: {
    context: {} as ScreeningContext,
    events: {} as ScreeningEvent,
    meta: {} as ScreeningStateMeta,
  },
  guards: {
    ...branchGuards,
    /** The event answers this page (not a stale form for another one) with values that pass validation. */
    isValidAnswerTo: ({ context, event }, params: { step: StepId }) =>
      event.type === "ANSWER" && event.step === params.step && validateStep(params.step, event.values, context.answers).ok,
    isChangingAnswers: ({ context }) => context.returnToCheck,
    isUnanswered: ({ context, event }, params: { step: StepId }) => {
      const answers = answersAfter(context, event);
      return answers !== null && !isStepAnswered(params.step, answers);
    },
    isPreviousState: ({ context }, params: { state: VisitedState }) => context.history.at(-1) === params.state,
    /** Only questions the person is asked can be changed. */
    isChangeOf: ({ context, event }, params: { step: StepId }) =>
      event.type === "CHANGE" && event.step === params.step && isStepAsked(params.step, context.answers),
    hasAllAnswers: ({ context }) => isComplete(context.answers),
  },
  actions: {
    storeAnswer: assign(({ context, event }, params: { step: StepId }) => {
      assertEvent(event, "ANSWER");
      const answers = answersAfter(context, event);
      if (answers === null) throw new Error(`An invalid answer to ${params.step} passed the isValidAnswerTo guard`);
      // Steps the new answer made irrelevant leave the history too, so Back never lands on them.
      const history = context.history.filter((state) => state === "checkAnswers" || isStepAsked(state, answers));
      return { answers, history: [...history, params.step] };
    }),
    startChange: assign(({ context }) => ({ returnToCheck: true, history: [...context.history, "checkAnswers" as const] })),
    forgetLastVisit: assign(({ context }) => ({ history: context.history.slice(0, -1) })),
    /** On check answers every question asked has been visited, in order: that is the history from here. */
    reviewAnswers: assign(({ context }) => ({ returnToCheck: false, history: askedSteps(context.answers) })),
  },
});

const validAnswerTo = (step: StepId) => ({ type: "isValidAnswerTo", params: { step } }) as const;
const storeAnswer = (step: StepId) => ({ type: "storeAnswer", params: { step } }) as const;

const laterSteps = (step: StepId) => stepIds.slice(stepIds.indexOf(step) + 1);
const isBranchStep = (step: StepId) => steps[step].askedWhen.length > 0;

/**
 * The questions that may follow a step: the next ones in order up to and including the
 * first asked of everyone, which ends the search; after the last question, check answers.
 */
function forwardTargets(step: StepId): VisitedState[] {
  const later = laterSteps(step);
  const firstAskedOfEveryone = later.findIndex((next) => !isBranchStep(next));
  return firstAskedOfEveryone === -1 ? [...later, "checkAnswers"] : later.slice(0, firstAskedOfEveryone + 1);
}

/**
 * While changing an answer, the pages that may follow: any later branch question left
 * unanswered, whether this answer opened it or one changed just before did (a changed
 * age opens the work situation, which opens the months unemployed); then check answers.
 * Questions asked of everyone are answered by the time check answers is reached.
 */
function changeTargets(step: StepId): VisitedState[] {
  return [...laterSteps(step).filter(isBranchStep), "checkAnswers"];
}

/** Where Back may lead from a state: wherever a transition into it may have come from. */
function backTargets(state: VisitedState): VisitedState[] {
  if (state === "checkAnswers") return [...stepIds];
  const predecessors = stepIds.filter((step) => forwardTargets(step).includes(state) || changeTargets(step).includes(state));
  return [...predecessors, "checkAnswers"];
}

function changeTransitions(step: StepId) {
  return changeTargets(step).map((target) => ({
    guard:
      target === "checkAnswers"
        ? and(["isChangingAnswers", validAnswerTo(step)])
        : and(["isChangingAnswers", validAnswerTo(step), ...steps[target].askedWhen, { type: "isUnanswered", params: { step: target } }]),
    target,
    actions: storeAnswer(step),
  }));
}

/** The next question in order whose conditions hold; transitions are tried in order, so the first match wins. */
function forwardTransitions(step: StepId) {
  return forwardTargets(step).map((target) => ({
    guard: and([validAnswerTo(step), ...(target === "checkAnswers" ? [] : steps[target].askedWhen)]),
    target,
    actions: storeAnswer(step),
  }));
}

function backTransitions(from: VisitedState) {
  return backTargets(from).map((state) => ({
    guard: { type: "isPreviousState", params: { state } } as const,
    target: state,
    actions: "forgetLastVisit" as const,
  }));
}

function questionState(step: StepId) {
  return screeningSetup.createStateConfig({
    meta: { page: step, step },
    on: {
      // Changing comes first: outside a change its guards fail at once, on isChangingAnswers.
      ANSWER: [...changeTransitions(step), ...forwardTransitions(step)],
      BACK: backTransitions(step),
    },
  });
}

export const screeningMachine = screeningSetup.createMachine({
  id: "screening",
  initial: stepIds[0],
  context: { answers: {}, history: [], returnToCheck: false },
  states: {
    ...Object.fromEntries(stepIds.map((step) => [step, questionState(step)])),
    checkAnswers: {
      meta: { page: "check-answers" },
      entry: "reviewAnswers",
      on: {
        CHANGE: stepIds.map((step) => ({
          guard: { type: "isChangeOf", params: { step } } as const,
          target: step,
          actions: "startChange" as const,
        })),
        // Going Back while changing an answer can return here before a newly opened question is answered.
        CONFIRM: { guard: "hasAllAnswers", target: "complete" },
        BACK: backTransitions("checkAnswers"),
      },
    },
    complete: {
      type: "final",
      meta: { page: "complete" },
    },
  },
});

export type ScreeningSnapshot = SnapshotFrom<typeof screeningMachine>;

/** The page to show for a snapshot: the page in its active state's meta. */
export function activePage(snapshot: ScreeningSnapshot): ScreeningPageId {
  const meta = Object.values(snapshot.getMeta()).find((stateMeta) => stateMeta?.page !== undefined);
  if (!meta) throw new Error("The active screening state has no page");
  return meta.page;
}

/** The page a state of the machine shows: a question's page is its step's. */
export function pageOfState(state: VisitedState): InProgressPageId {
  return state === "checkAnswers" ? "check-answers" : state;
}

/** The state that shows a page of a screening in progress. */
export function stateOfPage(page: InProgressPageId): VisitedState {
  return page === "check-answers" ? "checkAnswers" : page;
}
