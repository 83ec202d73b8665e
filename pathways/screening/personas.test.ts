import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import type { Urgency } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import { deriveNeeds, deriveProfile } from "./derive-needs.ts";
import { screeningMachine } from "./machine.ts";
import { personas, type PersonaName } from "./personas.ts";
import { askedSteps } from "./questionnaire.ts";

const expected: Record<PersonaName, { questions: number; needs: `${Urgency} ${NeedCode}`[]; profile: Partial<PersonProfile> }> = {
  olderPersonAlone: {
    questions: 15,
    needs: [
      "routine daily-living.home-care",
      "routine daily-living.home-safety",
      "routine daily-living.meals",
      "routine health.memory",
      "routine social.isolation",
    ],
    profile: { age: 78, municipality: "rantala", languages: ["sv"], unemployedMonths: null },
  },
  twinsFamily: {
    questions: 20,
    needs: [
      "routine disability.child-psychological-therapy",
      "routine disability.child-speech-therapy",
      "routine disability.respite",
      "routine disability.school-support",
      "routine family.parenting",
    ],
    profile: { municipality: "koskela", languages: ["fi"], childrenCount: 2, childrenWithSupportNeeds: 2 },
  },
  unemployed14Months: {
    questions: 18,
    needs: ["soon work.unemployed-long", "routine money.debt"],
    profile: { age: 44, municipality: "harjavesi", unemployedMonths: 14 },
  },
  evictionFamily: {
    questions: 19,
    needs: ["urgent housing.eviction-risk", "urgent money.income", "soon money.benefits", "soon money.debt"],
    profile: { municipality: "koskela", childrenCount: 2, childrenWithSupportNeeds: 0 },
  },
  mentalHealthRecovery: {
    questions: 16,
    needs: ["urgent housing.homeless", "routine health.mental", "routine social.isolation", "routine work.unemployed-short"],
    profile: { age: 31, municipality: "koskela", unemployedMonths: 8 },
  },
  dangerAtHome: {
    questions: 17,
    needs: ["emergency safety.child-at-risk", "emergency safety.domestic-abuse"],
    profile: { age: 36, municipality: "kuusilahti", childrenCount: 1 },
  },
};

describe.each(Object.entries(personas))("persona %s", (name, persona) => {
  const expectation = expected[name as PersonaName];

  it("reaches check answers with exactly its answers by its events", () => {
    const actor = createActor(screeningMachine).start();
    for (const event of persona.events) {
      expect(actor.getSnapshot().value, `answering ${event.step}`).toBe(event.step);
      actor.send(event);
    }
    expect(actor.getSnapshot().value).toBe("checkAnswers");
    expect(actor.getSnapshot().context.answers).toEqual(persona.answers);
  });

  it(`answers ${expectation.questions} questions: those its answers lead to, between 10 and 25`, () => {
    expect(persona.events.map((event) => event.step)).toEqual(askedSteps(persona.answers));
    expect(persona.events).toHaveLength(expectation.questions);
    expect(persona.events.length).toBeGreaterThanOrEqual(10);
    expect(persona.events.length).toBeLessThanOrEqual(25);
  });

  it("has the needs a social worker would expect", () => {
    expect(deriveNeeds(persona.answers).map((need) => `${need.urgency} ${need.code}`)).toEqual(expectation.needs);
  });

  it("has the expected profile", () => {
    expect(deriveProfile(persona.answers)).toMatchObject(expectation.profile);
  });
});
