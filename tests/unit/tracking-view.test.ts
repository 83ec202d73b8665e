import { describe, expect, it } from "vitest";
import type { ReferralProgress } from "#db/stores.ts";
import type { PracticalFacts } from "#pathways/catalogue.ts";
import { trackedReferralViews } from "#app/tracking-view.ts";

const sentAt = new Date("2026-12-04T09:00:00Z");
const dueAt = new Date("2026-12-08T09:00:00Z");
const referral = (changes: Partial<ReferralProgress> = {}): ReferralProgress => ({
  id: "r1",
  machineInstanceId: "m1",
  serviceId: 7,
  organizationId: 3,
  status: "requested",
  sentAt,
  statusSince: sentAt,
  responseDueAt: dueAt,
  responseTimeWorkingDays: 2,
  shared: ["name-and-contact", "address"],
  ...changes,
});
const facts = new Map<number, PracticalFacts>([[7, { delivery: [], phone: "+358 3 123 4567", email: "kotihoito@koskela.example.fi", addresses: [], schedules: [] }]]);

describe("a referral as the tracking page shows it", () => {
  it("while an answer is awaited: when it is due and in how many working days, what was shared, how to reach the service", () => {
    expect(trackedReferralViews([referral()], facts, new Date("2026-12-05T12:00:00Z"))).toEqual([
      {
        id: "r1",
        status: "requested",
        serviceId: 7,
        sentAt,
        statusSince: sentAt,
        answerBy: { date: dueAt, workingDays: 2 },
        nextStep: "waitForAnswer",
        shared: ["name-and-contact", "address"],
        contact: { phone: "+358 3 123 4567", email: "kotihoito@koskela.example.fi" },
        canWithdraw: true,
      },
    ]);
  });

  it("says the answer is late once its day has passed, and not a millisecond before", () => {
    expect(trackedReferralViews([referral()], facts, dueAt)[0]!.nextStep).toBe("waitForAnswer");
    expect(trackedReferralViews([referral()], facts, new Date(dueAt.getTime() + 1))[0]!.nextStep).toBe("answerLate");
  });

  it.each([
    ["accepted", "accepted", true],
    ["on-hold", "onHold", true],
    ["in-progress", "inProgress", false],
    ["completed", "completed", false],
    ["rejected", "declined", false],
    ["cancelled", "cancelled", false],
    ["failed", "failed", false],
  ] as const)("once %s: expects no answer, the next step is %s, withdrawal %s", (status, nextStep, canWithdraw) => {
    const [view] = trackedReferralViews([referral({ status })], facts, sentAt);
    expect(view).toMatchObject({ answerBy: null, nextStep, canWithdraw });
  });

  it("gives no contact details for a service the catalogue no longer has", () => {
    expect(trackedReferralViews([referral({ serviceId: 99 })], facts, sentAt)[0]!.contact).toEqual({ phone: null, email: null });
  });
});
