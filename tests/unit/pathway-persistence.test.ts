import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createActor, type AnyMachineSnapshot } from "xstate";
import { pathwayCatalogue, type PathwayId } from "#pathways/pathways.ts";
import type { PathwayEvent } from "#pathways/pathway-kit.ts";
import { need, someone } from "../support/pathway-harness.ts";

/**
 * A run persisted and restored at random points ends where an uninterrupted run ends:
 * the engine restores every machine from its stored snapshot for each event, so any
 * state a snapshot cannot carry would show up here.
 */
const needs = [
  need("housing.eviction-risk", "urgent"),
  need("money.debt", "soon"),
  need("health.mental", "soon"),
  need("housing.homeless", "urgent"),
  need("work.unemployed-long", "soon"),
  need("disability.child-speech-therapy"),
  need("daily-living.home-care", "soon"),
  need("safety.domestic-abuse", "emergency"),
];
const person = { ...someone, age: 70, unemployedMonths: 14, childrenCount: 1, childrenWithSupportNeeds: 1 };
const services = [
  { serviceId: 1, organizationId: 1, needCodes: ["housing.eviction-risk", "housing.homeless"] },
  { serviceId: 2, organizationId: 2, needCodes: ["health.mental"] },
  { serviceId: 3, organizationId: 3, needCodes: ["work.unemployed-long"] },
] as const;
const statuses = ["accepted", "in-progress", "completed", "rejected"] as const;

const eventArbitrary: fc.Arbitrary<Omit<PathwayEvent, "at" | "by">> = fc.oneof(
  fc.constant({ type: "PACKAGE_PROPOSED" as const, services: services.map((service) => ({ ...service, needCodes: [...service.needCodes] })) }),
  fc.subarray([1, 2, 3], { minLength: 1 }).map((serviceIds) => ({ type: "CONSENT_GIVEN" as const, serviceIds })),
  fc.constant({
    type: "REFERRALS_SENT" as const,
    referrals: services.map((service) => ({
      referralId: `r-${service.serviceId}`,
      serviceId: service.serviceId,
      needCodes: [...service.needCodes],
      status: "requested" as const,
    })),
  }),
  fc.record({
    type: fc.constant("REFERRAL_UPDATED" as const),
    referralId: fc.constantFrom("r-1", "r-2", "r-3"),
    status: fc.constantFrom(...statuses),
  }),
  fc.constant({ type: "KEY_WORKER_ASSIGNED" as const, staffId: "staff:5" }),
  fc.constant({ type: "ASSESSMENT_RECORDED" as const, workCapacity: "partial" as const, summary: "Part-time after rehabilitation." }),
  fc.constant({ type: "TIMER_DUE" as const, timer: "ACCEPTANCE_OVERDUE" }),
  fc.constant({ type: "ALERT_ACKNOWLEDGED" as const }),
  fc.constant({ type: "CLOSE" as const, reason: "Finished" }),
);

describe.each(Object.keys(pathwayCatalogue) as PathwayId[])("%s persisted at random points", (pathwayId) => {
  const { machine } = pathwayCatalogue[pathwayId];
  const input = { caseId: "property", needs, person };

  it("ends in the same state and context as an uninterrupted run", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArbitrary, fc.boolean()), { maxLength: 25 }), (steps) => {
        const stamped = steps.map(([event, persistAfter], index) => ({
          event: { ...event, at: new Date(Date.UTC(2026, 10, 30, 8) + index * 86_400_000).toISOString(), by: "staff:1" } as PathwayEvent,
          persistAfter,
        }));

        const uninterrupted = createActor(machine, { input });
        uninterrupted.start();
        for (const { event } of stamped) {
          if ((uninterrupted.getSnapshot() as AnyMachineSnapshot).can(event)) uninterrupted.send(event);
        }

        let actor = createActor(machine, { input });
        actor.start();
        for (const { event, persistAfter } of stamped) {
          if ((actor.getSnapshot() as AnyMachineSnapshot).can(event)) actor.send(event);
          if (persistAfter) {
            const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
            actor.stop();
            actor = createActor(machine, { input, snapshot: stored as never });
            actor.start();
          }
        }

        const expected = uninterrupted.getSnapshot() as AnyMachineSnapshot;
        const actual = actor.getSnapshot() as AnyMachineSnapshot;
        expect(actual.value).toEqual(expected.value);
        expect(actual.context).toEqual(expected.context);
        expect(actual.status).toBe(expected.status);
      }),
      { numRuns: 150 },
    );
  });
});
