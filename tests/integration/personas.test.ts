import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createBackend, type Backend } from "#db/backend.ts";
import type { PathwayId } from "#pathways/pathways.ts";
import { deriveNeeds, deriveProfile } from "#pathways/screening/derive-needs.ts";
import { screeningMachine, screeningMachineVersion, screeningVersion } from "#pathways/screening/machine.ts";
import { personas, type PersonaName } from "#pathways/screening/personas.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import { caseWithId, insertInNewCase } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let backend: Backend;

beforeAll(() => {
  database = createTestDatabase();
  backend = createBackend({ kind: "sqlite", connection: database.db });
});

afterAll(() => database.close());

/** What each persona's screening must lead to: pathways (in start order), states, and needs. */
const expected: Record<PersonaName, { pathways: Partial<Record<PathwayId, string>>; needs: NeedCode[] }> = {
  olderPersonAlone: {
    pathways: { "older-people-at-home": "awaitingConsent" },
    needs: ["daily-living.home-care", "daily-living.meals", "daily-living.home-safety", "health.memory", "social.isolation"],
  },
  twinsFamily: {
    pathways: { "families-with-disabled-child": "awaitingKeyWorker" },
    needs: ["disability.child-psychological-therapy", "disability.child-speech-therapy", "disability.school-support", "disability.respite"],
  },
  unemployed14Months: {
    pathways: { "long-term-unemployment": "awaitingAssessment" },
    needs: ["work.unemployed-long", "money.debt"],
  },
  evictionFamily: {
    pathways: { "eviction-risk": "awaitingConsent" },
    needs: ["housing.eviction-risk", "money.debt", "money.income", "money.benefits"],
  },
  mentalHealthRecovery: {
    pathways: { "mental-health-recovery": "awaitingConsent" },
    needs: ["health.mental", "housing.homeless", "work.unemployed-short", "social.isolation"],
  },
  dangerAtHome: {
    pathways: { safeguarding: "emergencyGuidance" },
    needs: ["safety.domestic-abuse", "safety.child-at-risk"],
  },
};

describe.each(Object.keys(personas) as PersonaName[])("persona %s", (name) => {
  it("completes the screening, starts the expected pathways and gets a justified package", async () => {
    const persona = personas[name];
    const screening = createActor(screeningMachine);
    screening.start();
    for (const event of persona.events) {
      expect(screening.getSnapshot().can(event), `${name}: ${event.step}`).toBe(true);
      screening.send(event);
    }
    screening.send({ type: "CONFIRM" });
    expect(screening.getSnapshot().status).toBe("done");
    expect(screening.getSnapshot().context.answers).toEqual(persona.answers);

    // Stored with the questionnaire version that asked the questions, and read back.
    await insertInNewCase(backend, {
      id: `screening-${name}`,
      questionnaireVersion: screeningVersion,
      machineVersion: screeningMachineVersion,
      snapshot: screening.getPersistedSnapshot(),
      answers: screening.getSnapshot().context.answers,
      language: "fi",
      channel: "online",
      status: "complete",
    });
    const stored = (await backend.screenings.load(`screening-${name}`))!;
    expect(stored.questionnaireVersion).toBe(screeningVersion);
    const answers = stored.answers as typeof persona.answers;
    expect(answers).toEqual(persona.answers);

    const needs = deriveNeeds(answers);
    expect(needs.map((need) => need.code)).toEqual(expect.arrayContaining(expected[name].needs));
    const person = deriveProfile(answers);
    const started = await backend.engine.startCase(caseWithId(database.db, `case-${name}`), needs, person, "2026-11-30T08:00:00.000Z", "citizen");

    const states = Object.fromEntries(started.pathways.map((pathway) => [pathway.pathwayId, pathway.state]));
    expect(states).toMatchObject(expected[name].pathways);
    expect(started.pathways[0]!.pathwayId).toBe(Object.keys(expected[name].pathways)[0]);

    if (name === "dangerAtHome") {
      // Safeguarding first: emergency guidance and an alert before anything else.
      expect(started.pathways[0]!.pathwayId).toBe("safeguarding");
      return;
    }
    const servicePackage = started.package!;
    expect(servicePackage.items.length).toBeGreaterThan(0);
    for (const item of servicePackage.items) {
      expect(item.coversInPackage.length, `service ${item.serviceId} covers a need`).toBeGreaterThan(0);
      expect(item.reasons.length, `service ${item.serviceId} says why`).toBeGreaterThan(0);
      for (const code of item.coversInPackage) expect(needs.map((need) => need.code)).toContain(code);
    }
    const serviceIds = servicePackage.items.map((item) => item.serviceId);
    expect(new Set(serviceIds).size).toBe(serviceIds.length);
  });
});
