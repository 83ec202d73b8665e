import { getShortestPaths } from "@xstate/graph";
import fc from "fast-check";
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import {
  activePage,
  pageOfState,
  screeningMachine,
  stateOfPage,
  type AnswerEvent,
  type ScreeningEvent,
} from "./machine.ts";
import { personas, type Persona } from "./personas.ts";
import { screeningPageIds } from "./pages.ts";
import { askedSteps, isComplete, isStepAnswered, stepIds, type StepId } from "./questionnaire.ts";

const answer = (step: StepId, values: unknown): AnswerEvent => ({ type: "ANSWER", step, values });

function start() {
  return createActor(screeningMachine).start();
}

/** Sends the events in order, failing the test if the machine refuses one. */
function play(events: readonly ScreeningEvent[], actor = start()) {
  for (const event of events) {
    expect(
      actor.getSnapshot().can(event),
      `${event.type} ${"step" in event ? event.step : ""} at ${String(actor.getSnapshot().value)}`,
    ).toBe(true);
    actor.send(event);
  }
  return actor;
}

/** The question pages shown while answering, in order. */
function questionsShown(events: readonly ScreeningEvent[]): string[] {
  const actor = start();
  const shown: string[] = [];
  for (const event of events) {
    shown.push(String(actor.getSnapshot().value));
    actor.send(event);
  }
  return shown;
}

/** A persona's events up to (not including) the answer to a step. */
function eventsBefore(persona: Persona, step: StepId): AnswerEvent[] {
  return persona.events.slice(
    0,
    persona.events.findIndex((event) => event.step === step),
  );
}

/** Valid form values for every page, varied enough to take every branch. */
const valuesFor = {
  "help-for": fc.record({ helpFor: fc.constantFrom("self", "someone-i-care-for") }),
  age: fc.record({ age: fc.integer({ min: 0, max: 120 }) }),
  municipality: fc.record({ municipality: fc.constantFrom("koskela", "harjavesi", "rantala", "kuusilahti") }),
  language: fc.oneof(
    fc.record({ language: fc.constantFrom("fi", "sv", "en") }),
    fc.record({ language: fc.constant("other"), otherLanguage: fc.constantFrom("ru", "so") }),
  ),
  "living-situation": fc.record({ livingSituation: fc.constantFrom("alone", "with-partner", "with-children", "other") }),
  housing: fc.record({ housing: fc.constantFrom("own-home", "renting", "temporary-or-none") }),
  "rent-arrears": fc.record({ rentArrears: fc.constantFrom("yes", "no") }),
  "eviction-notice": fc.record({ evictionNotice: fc.constantFrom("yes", "no") }),
  "daily-living": fc.record({
    dailyLivingHelp: fc.oneof(fc.constant(["none"]), fc.subarray(["personal-care", "meals"], { minLength: 1 })),
  }),
  memory: fc.record({ memoryProblems: fc.constantFrom("yes", "no") }),
  health: fc.record({
    healthConcerns: fc.oneof(fc.constant(["none"]), fc.subarray(["mental-health", "adult-disability"], { minLength: 1 })),
  }),
  "children-count": fc.record({ childrenCount: fc.integer({ min: 0, max: 4 }) }),
  "children-needs": fc.record({
    childrenNeeds: fc.oneof(fc.constant(["none"]), fc.subarray(["development", "school-support"], { minLength: 1 })),
  }),
  "children-with-needs": fc.record({ childrenWithNeedsCount: fc.constant(2) }),
  respite: fc.record({ wantsRespite: fc.constantFrom("yes", "no") }),
  caring: fc.record({ caresForSomeone: fc.constantFrom("yes", "no") }),
  "work-situation": fc.record({
    workSituation: fc.constantFrom("employed", "unemployed", "studying", "retired", "unable-to-work", "other"),
  }),
  "months-unemployed": fc.record({ monthsUnemployed: fc.integer({ min: 0, max: 600 }) }),
  "study-or-training": fc.record({ wantsStudyOrTraining: fc.constantFrom("yes", "no") }),
  money: fc.record({ moneyWorries: fc.oneof(fc.constant(["none"]), fc.subarray(["debts", "not-enough-money"], { minLength: 1 })) }),
  safety: fc.record({ safetyConcerns: fc.oneof(fc.constant(["none"]), fc.subarray(["harmed-at-home", "lonely"], { minLength: 1 })) }),
  providers: fc.record({ providers: fc.constantFrom("public-only", "any") }),
  "max-cost": fc.record({ maxMonthlyCost: fc.constantFrom("none", "up-to-50", "no-limit") }),
  contact: fc.record({ contact: fc.constantFrom("phone", "email") }),
} satisfies Record<StepId, fc.Arbitrary<Record<string, unknown>>>;

const older = personas.olderPersonAlone;
const twins = personas.twinsFamily;
const unemployed = personas.unemployed14Months;

describe("screening machine: start and pages", () => {
  it("starts on the first question with nothing answered", () => {
    const snapshot = start().getSnapshot();
    expect(snapshot.value).toBe("help-for");
    expect(snapshot.context).toEqual({ answers: {}, history: [], returnToCheck: false });
    expect(activePage(snapshot)).toBe("help-for");
  });

  it("gives every state a page by id, each page to one state, and every question state its step", () => {
    const states = Object.entries(screeningMachine.root.states);
    expect(states.map(([key]) => key)).toEqual([...stepIds, "checkAnswers", "complete"]);
    const pages = states.map(([key, node]) => (node.meta as { page?: string } | undefined)?.page ?? `no page at ${key}`);
    expect(pages).toEqual([...screeningPageIds]);
    for (const [key, node] of states) {
      if ((stepIds as readonly string[]).includes(key)) {
        expect(node.meta).toEqual({ page: key, step: key });
      }
    }
    expect(screeningMachine.root.states.checkAnswers?.meta).toEqual({ page: "check-answers" });
    expect(screeningMachine.root.states.complete?.meta).toEqual({ page: "complete" });
  });

  it("maps each page of a screening in progress to its state and back, and a question's page to its step", () => {
    for (const step of stepIds) {
      expect(stateOfPage(step)).toBe(step);
      expect(pageOfState(step)).toBe(step);
    }
    expect(stateOfPage("check-answers")).toBe("checkAnswers");
    expect(pageOfState("checkAnswers")).toBe("check-answers");
  });

  it("follows the pages through check answers to complete", () => {
    const actor = play(older.events);
    expect(activePage(actor.getSnapshot())).toBe("check-answers");
    actor.send({ type: "CONFIRM" });
    expect(actor.getSnapshot().value).toBe("complete");
    expect(actor.getSnapshot().status).toBe("done");
    expect(activePage(actor.getSnapshot())).toBe("complete");
  });
});

describe("screening machine: only relevant questions", () => {
  it("asks no questions about children of someone who does not live with children", () => {
    const shown = questionsShown(older.events);
    expect(shown.filter((step) => step.startsWith("children") || step === "respite")).toEqual([]);
  });

  it("asks no more about children when none of those at home is under 18", () => {
    const actor = play([...eventsBefore(twins, "children-count"), answer("children-count", { childrenCount: "0" })]);
    expect(actor.getSnapshot().value).toBe("caring");
  });

  it("asks how many children have needs only when there are several", () => {
    const oneChild = play([
      ...eventsBefore(twins, "children-count"),
      answer("children-count", { childrenCount: "1" }),
      answer("children-needs", { childrenNeeds: ["speech-language"] }),
    ]);
    expect(oneChild.getSnapshot().value).toBe("respite");
    const twoChildren = play(eventsBefore(twins, "children-with-needs"));
    expect(twoChildren.getSnapshot().value).toBe("children-with-needs");
  });

  it("asks no work questions of a retired person aged 65 or over", () => {
    const shown = questionsShown(older.events);
    expect(shown).not.toContain("work-situation");
    expect(shown).not.toContain("months-unemployed");
    expect(shown).not.toContain("study-or-training");
  });

  it("asks about work from 15 to 64", () => {
    const untilCaring = (age: number) => [
      ...eventsBefore(unemployed, "age"),
      answer("age", { age }),
      ...eventsBefore(unemployed, "caring").slice(2),
      answer("caring", { caresForSomeone: "no" }),
    ];
    expect(play(untilCaring(64)).getSnapshot().value).toBe("work-situation");
    expect(play(untilCaring(15)).getSnapshot().value).toBe("work-situation");
    expect(play(untilCaring(65)).getSnapshot().value).toBe("money");
    expect(play(untilCaring(14)).getSnapshot().value).toBe("money");
  });

  it("asks how long someone has been unemployed only when they are", () => {
    const atWork = eventsBefore(unemployed, "work-situation");
    expect(play([...atWork, answer("work-situation", { workSituation: "unemployed" })]).getSnapshot().value).toBe("months-unemployed");
    expect(play([...atWork, answer("work-situation", { workSituation: "employed" })]).getSnapshot().value).toBe("money");
  });

  it("asks about study or training only under 30 and out of work and study", () => {
    const withAge = (age: number, workSituation: string) => [
      ...eventsBefore(unemployed, "age"),
      answer("age", { age }),
      ...eventsBefore(unemployed, "work-situation").slice(2),
      answer("work-situation", { workSituation }),
    ];
    expect(play(withAge(29, "unable-to-work")).getSnapshot().value).toBe("study-or-training");
    expect(play(withAge(30, "unable-to-work")).getSnapshot().value).toBe("money");
    expect(play(withAge(29, "studying")).getSnapshot().value).toBe("money");
    expect(play([...withAge(22, "unemployed"), answer("months-unemployed", { monthsUnemployed: "2" })]).getSnapshot().value).toBe(
      "study-or-training",
    );
  });

  it("asks renters about arrears and eviction, and no one else", () => {
    const beforeHousing = eventsBefore(unemployed, "housing");
    expect(play([...beforeHousing, answer("housing", { housing: "renting" })]).getSnapshot().value).toBe("rent-arrears");
    expect(play([...beforeHousing, answer("housing", { housing: "own-home" })]).getSnapshot().value).toBe("daily-living");
  });

  it("does not ask whether someone screening for a person they care for is a carer", () => {
    const events = [answer("help-for", { helpFor: "someone-i-care-for" }), ...older.events.slice(1)].filter(
      (event) => event.step !== "caring",
    );
    expect(questionsShown(events)).not.toContain("caring");
    expect(play(events).getSnapshot().value).toBe("checkAnswers");
  });

  it("asks the highest monthly cost only of someone who would use private services", () => {
    const beforeProviders = eventsBefore(older, "providers");
    expect(play([...beforeProviders, answer("providers", { providers: "any" })]).getSnapshot().value).toBe("max-cost");
    expect(play([...beforeProviders, answer("providers", { providers: "public-only" })]).getSnapshot().value).toBe("contact");
  });

  it("asks exactly the questions the step table says these answers lead to, whatever they are", () => {
    fc.assert(
      fc.property(fc.record(valuesFor), (values) => {
        const actor = start();
        const shown: StepId[] = [];
        while (actor.getSnapshot().value !== "checkAnswers") {
          const step = actor.getSnapshot().value as StepId;
          shown.push(step);
          expect(shown.length).toBeLessThanOrEqual(stepIds.length);
          actor.send(answer(step, values[step]));
        }
        const { answers } = actor.getSnapshot().context;
        expect(isComplete(answers)).toBe(true);
        expect(shown).toEqual(askedSteps(answers));
      }),
      { numRuns: 500 },
    );
  });
});

describe("screening machine: question counts", () => {
  it.each(Object.entries(personas))("asks %s between 10 and 25 questions", (_name, persona) => {
    const actor = play(persona.events);
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(persona.events.length).toBeGreaterThanOrEqual(10);
    expect(persona.events.length).toBeLessThanOrEqual(25);
  });

  it("never asks 50 or more questions on any path, and can reach every question", () => {
    // Answers that between them take every branch: two ages open the work and youth questions, and so on.
    const representative: Record<StepId, Record<string, unknown>[]> = {
      "help-for": [{ helpFor: "self" }, { helpFor: "someone-i-care-for" }],
      age: [{ age: 10 }, { age: 25 }, { age: 40 }, { age: 70 }],
      municipality: [{ municipality: "koskela" }],
      language: [{ language: "fi" }],
      "living-situation": [{ livingSituation: "alone" }, { livingSituation: "with-children" }],
      housing: [{ housing: "own-home" }, { housing: "renting" }],
      "rent-arrears": [{ rentArrears: "yes" }],
      "eviction-notice": [{ evictionNotice: "yes" }],
      "daily-living": [{ dailyLivingHelp: ["none"] }],
      memory: [{ memoryProblems: "no" }],
      health: [{ healthConcerns: ["none"] }],
      "children-count": [{ childrenCount: 0 }, { childrenCount: 1 }, { childrenCount: 2 }],
      "children-needs": [{ childrenNeeds: ["none"] }, { childrenNeeds: ["development"] }],
      "children-with-needs": [{ childrenWithNeedsCount: 1 }],
      respite: [{ wantsRespite: "yes" }],
      caring: [{ caresForSomeone: "yes" }],
      "work-situation": [{ workSituation: "employed" }, { workSituation: "unemployed" }],
      "months-unemployed": [{ monthsUnemployed: 3 }],
      "study-or-training": [{ wantsStudyOrTraining: "yes" }],
      money: [{ moneyWorries: ["none"] }],
      safety: [{ safetyConcerns: ["none"] }],
      providers: [{ providers: "public-only" }, { providers: "any" }],
      "max-cost": [{ maxMonthlyCost: "none" }],
      contact: [{ contact: "phone" }],
    };
    const paths = getShortestPaths(screeningMachine, {
      events: (snapshot) => {
        const step = snapshot.value as StepId;
        return (representative[step] ?? []).map((values) => answer(step, values));
      },
      toState: (snapshot) => snapshot.matches("checkAnswers"),
    });
    const questionCounts = paths.map((path) => path.steps.filter((step) => step.event.type === "ANSWER").length);
    const reached = new Set(paths.flatMap((path) => path.steps.map((step) => String(step.state.value))));

    expect(paths.length).toBeGreaterThan(100);
    expect(Math.max(...questionCounts)).toBeLessThan(50);
    expect(Math.max(...questionCounts)).toBeLessThanOrEqual(stepIds.length);
    expect([...reached].sort()).toEqual([...stepIds, "checkAnswers"].sort());
  });
});

describe("screening machine: Back", () => {
  it("keeps the questions visited for the Back link, and goes back through them", () => {
    const actor = play(older.events.slice(0, 3));
    expect(actor.getSnapshot().context.history).toEqual(["help-for", "age", "municipality"]);

    actor.send({ type: "BACK" });
    expect(actor.getSnapshot().value).toBe("municipality");
    expect(actor.getSnapshot().context.history).toEqual(["help-for", "age"]);
    expect(actor.getSnapshot().context.answers.municipality).toBe("rantala");

    actor.send({ type: "BACK" });
    actor.send({ type: "BACK" });
    expect(actor.getSnapshot().value).toBe("help-for");
    expect(actor.getSnapshot().can({ type: "BACK" })).toBe(false);
  });

  it("skips on the way back a question that a new answer made irrelevant", () => {
    const actor = play([...eventsBefore(unemployed, "daily-living")]);
    expect(actor.getSnapshot().context.history.slice(-3)).toEqual(["housing", "rent-arrears", "eviction-notice"]);
    play([{ type: "BACK" }, { type: "BACK" }, { type: "BACK" }, answer("housing", { housing: "own-home" })], actor);

    expect(actor.getSnapshot().value).toBe("daily-living");
    expect(actor.getSnapshot().context.history.slice(-2)).toEqual(["living-situation", "housing"]);
    expect(actor.getSnapshot().context.answers.rentArrears).toBeUndefined();
    actor.send({ type: "BACK" });
    expect(actor.getSnapshot().value).toBe("housing");
  });

  it("goes back from check answers to the last question", () => {
    const actor = play([...older.events, { type: "BACK" }]);
    expect(actor.getSnapshot().value).toBe("contact");
  });
});

describe("screening machine: changing an answer from check answers", () => {
  it("goes to the question and, once answered, straight back to check answers", () => {
    const actor = play([...older.events, { type: "CHANGE", step: "memory" }]);
    expect(actor.getSnapshot().value).toBe("memory");
    expect(actor.getSnapshot().context.returnToCheck).toBe(true);

    actor.send(answer("memory", { memoryProblems: "no" }));
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(actor.getSnapshot().context.returnToCheck).toBe(false);
    expect(actor.getSnapshot().context.answers.memoryProblems).toBe("no");
  });

  it("asks the questions a changed answer opens first, then returns to check answers", () => {
    const actor = play([
      ...older.events,
      { type: "CHANGE", step: "living-situation" },
      answer("living-situation", { livingSituation: "with-children" }),
    ]);
    expect(actor.getSnapshot().value).toBe("children-count");
    play([answer("children-count", { childrenCount: "2" })], actor);
    expect(actor.getSnapshot().value).toBe("children-needs");
    play([answer("children-needs", { childrenNeeds: ["none"] })], actor);
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(isComplete(actor.getSnapshot().context.answers)).toBe(true);
  });

  it("asks the work questions opened by a changed age, one after another", () => {
    const actor = play([...older.events, { type: "CHANGE", step: "age" }, answer("age", { age: "25" })]);
    expect(actor.getSnapshot().value).toBe("work-situation");
    play([answer("work-situation", { workSituation: "unemployed" })], actor);
    expect(actor.getSnapshot().value).toBe("months-unemployed");
    play([answer("months-unemployed", { monthsUnemployed: "4" })], actor);
    expect(actor.getSnapshot().value).toBe("study-or-training");
    play([answer("study-or-training", { wantsStudyOrTraining: "no" })], actor);
    expect(actor.getSnapshot().value).toBe("checkAnswers");
  });

  it("returns to check answers from a change with Back", () => {
    const actor = play([...older.events, { type: "CHANGE", step: "safety" }, { type: "BACK" }]);
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(actor.getSnapshot().context.returnToCheck).toBe(false);
  });

  it("waits for an opened question to be answered before confirming, even after going Back", () => {
    const actor = play([
      ...older.events,
      { type: "CHANGE", step: "housing" },
      answer("housing", { housing: "renting" }),
      { type: "BACK" },
      { type: "BACK" },
    ]);
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(actor.getSnapshot().can({ type: "CONFIRM" })).toBe(false);
    play([{ type: "CHANGE", step: "rent-arrears" }, answer("rent-arrears", { rentArrears: "no" })], actor);
    expect(actor.getSnapshot().value).toBe("eviction-notice");
    play([answer("eviction-notice", { evictionNotice: "no" }), { type: "CONFIRM" }], actor);
    expect(actor.getSnapshot().value).toBe("complete");
  });

  it("cannot change a question the person is not asked", () => {
    const snapshot = play(older.events).getSnapshot();
    expect(snapshot.can({ type: "CHANGE", step: "children-count" })).toBe(false);
    expect(snapshot.can({ type: "CHANGE", step: "contact" })).toBe(true);
  });
});

describe("screening machine: stale answers", () => {
  it("drops the children's answers when living with children changes to alone", () => {
    const actor = play([
      ...twins.events,
      { type: "CHANGE", step: "living-situation" },
      answer("living-situation", { livingSituation: "alone" }),
    ]);
    const { answers } = actor.getSnapshot().context;
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(answers.livingSituation).toBe("alone");
    expect(answers).not.toHaveProperty("childrenCount");
    expect(answers).not.toHaveProperty("childrenNeeds");
    expect(answers).not.toHaveProperty("childrenWithNeedsCount");
    expect(answers).not.toHaveProperty("wantsRespite");
    expect(actor.getSnapshot().can({ type: "CONFIRM" })).toBe(true);
  });

  it("asks again how many children have needs when fewer children now live at home than were said to have needs", () => {
    const threeChildren = twins.events.map((event) =>
      event.step === "children-count"
        ? answer("children-count", { childrenCount: "3" })
        : event.step === "children-with-needs"
          ? answer("children-with-needs", { childrenWithNeedsCount: "3" })
          : event,
    );
    const actor = play([...threeChildren, { type: "CHANGE", step: "children-count" }, answer("children-count", { childrenCount: "2" })]);
    expect(actor.getSnapshot().value).toBe("children-with-needs");
    expect(actor.getSnapshot().context.answers.childrenWithNeedsCount).toBeUndefined();
  });
});

describe("screening machine: invalid events", () => {
  const midway = () => play(older.events.slice(0, 2));

  it.each([
    ["invalid values", answer("municipality", { municipality: "atlantis" })],
    ["a missing value", answer("municipality", {})],
    ["an extra field", answer("municipality", { municipality: "rantala", role: "admin" })],
    ["an answer to another page", answer("age", { age: "50" })],
    ["values that are not a form", answer("municipality", "municipality=rantala")],
    ["an unknown page", answer("__proto__" as StepId, { municipality: "rantala" })],
  ])("refuses %s and stores nothing", (_case, event) => {
    const actor = midway();
    const before = actor.getSnapshot();
    expect(before.can(event)).toBe(false);

    actor.send(event);

    const after = actor.getSnapshot();
    expect(after.value).toBe(before.value);
    expect(after.context).toEqual(before.context);
    expect(after.context.answers.age).toBe(78);
  });

  it("refuses CONFIRM and CHANGE on a question page", () => {
    const snapshot = midway().getSnapshot();
    expect(snapshot.can({ type: "CONFIRM" })).toBe(false);
    expect(snapshot.can({ type: "CHANGE", step: "age" })).toBe(false);
  });

  it("refuses answers once complete", () => {
    const actor = play([...older.events, { type: "CONFIRM" }]);
    expect(actor.getSnapshot().can(answer("contact", { contact: "email" }))).toBe(false);
  });
});

describe("screening machine: any mix of answers, Back and changes", () => {
  const command = fc.record({
    kind: fc.constantFrom("answer", "answer", "answer", "back", "change", "confirm"),
    values: fc.record(valuesFor),
    pick: fc.nat(),
  });

  it("keeps its answers, history and Back link consistent", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.record(valuesFor), fc.array(command, { maxLength: 80 }), (fromCheckAnswers, firstValues, commands) => {
        const actor = start();
        while (fromCheckAnswers && actor.getSnapshot().value !== "checkAnswers") {
          const step = actor.getSnapshot().value as StepId;
          actor.send(answer(step, firstValues[step]));
        }
        for (const { kind, values, pick } of commands) {
          const snapshot = actor.getSnapshot();
          if (snapshot.status === "done") break;
          const state = snapshot.value as StepId | "checkAnswers";
          const asked = askedSteps(snapshot.context.answers);
          if (kind === "answer" && state !== "checkAnswers") actor.send(answer(state, values[state]));
          if (kind === "back") actor.send({ type: "BACK" });
          if (kind === "change") actor.send({ type: "CHANGE", step: asked[pick % asked.length]! });
          if (kind === "confirm") actor.send({ type: "CONFIRM" });

          const after = actor.getSnapshot();
          const { answers, history } = after.context;
          const askedNow = askedSteps(answers);
          for (const step of stepIds) if (!askedNow.includes(step)) expect(isStepAnswered(step, answers), step).toBe(false);
          for (const visited of history) if (visited !== "checkAnswers") expect(askedNow).toContain(visited);
          if (after.status === "done") continue;
          if (after.value !== "checkAnswers") expect(askedNow).toContain(after.value);
          expect(after.can({ type: "BACK" })).toBe(history.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
