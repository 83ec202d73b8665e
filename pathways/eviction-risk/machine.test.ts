import { describe, expect, it } from "vitest";
import { drive, leafStateNames, need, someone, stamped } from "../../tests/support/pathway-harness.ts";
import type { PathwayInput, ProposedService, TrackedReferral } from "../pathway-kit.ts";
import { entersEvictionRisk, evictionRiskMachine } from "./machine.ts";

const tenant = { ...someone, childrenCount: 2 };
const input: PathwayInput = {
  caseId: "case-4",
  person: tenant,
  needs: [
    need("housing.eviction-risk", "soon"),
    need("money.debt"),
    need("money.income", "emergency"),
    need("family.parenting"),
    need("health.mental"),
  ],
};
const proposal: ProposedService[] = [
  { serviceId: 41, organizationId: 1, needCodes: ["housing.eviction-risk", "money.debt"] },
  { serviceId: 42, organizationId: 2, needCodes: ["money.income"] },
  { serviceId: 43, organizationId: 3, needCodes: ["family.parenting"] },
];
const referrals: TrackedReferral[] = [
  { referralId: "r-41", serviceId: 41, needCodes: ["housing.eviction-risk", "money.debt"], status: "requested" },
  { referralId: "r-42", serviceId: 42, needCodes: ["money.income"], status: "requested" },
];
/** Wednesday 23 December 2026, 14:00 in Helsinki: Christmas Eve to Boxing Day and a Sunday follow. */
const sentBeforeChristmas = "2026-12-23T12:00:00.000Z";
const dueAfterChristmas = "2026-12-28T12:00:00.000Z";
const noProviderAccepted = { type: "pathway.alert", caseId: "case-4", alert: "no-provider-accepted", urgency: "urgent" };

const timerDue = (at: string, timer = "ACCEPTANCE_OVERDUE") => ({ type: "TIMER_DUE" as const, timer, at, by: "system:scheduler" });

function toReferring() {
  const run = drive(evictionRiskMachine, input);
  run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));
  run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [41, 42] }, "citizen"));
  return run;
}

function toAwaitingAcceptance() {
  const run = toReferring();
  run.send({ type: "REFERRALS_SENT", referrals, at: sentBeforeChristmas, by: "system:engine" });
  return run;
}

function toEscalated() {
  const run = toAwaitingAcceptance();
  run.send(timerDue(dueAfterChristmas));
  return run;
}

describe("eviction risk: entry and eligibility", () => {
  it("enters with a risk of eviction, and not with other housing needs", () => {
    expect(entersEvictionRisk([need("housing.eviction-risk")], tenant)).toBe(true);
    expect(entersEvictionRisk([need("housing.advice"), need("money.debt")], tenant)).toBe(false);
  });

  it("keeps only the needs it handles, marks them urgent and asks for a match", () => {
    const run = drive(evictionRiskMachine, input);

    expect(run.state).toBe("matching");
    expect(run.snapshot.context.needs.map((item) => [item.code, item.urgency])).toEqual([
      ["housing.eviction-risk", "urgent"],
      ["money.debt", "urgent"],
      ["money.income", "emergency"],
      ["family.parenting", "urgent"],
    ]);
    expect(run.emitted).toEqual([
      {
        type: "pathway.match-requested",
        caseId: "case-4",
        needCodes: ["housing.eviction-risk", "money.debt", "money.income", "family.parenting"],
      },
    ]);
  });

  it("is not eligible without a risk of eviction, and leaves the needs' urgency as screened", () => {
    const run = drive(evictionRiskMachine, { ...input, needs: [need("housing.advice"), need("money.debt", "soon")] });

    expect(run.state).toBe("notEligible");
    expect(run.snapshot.status).toBe("done");
    expect(run.snapshot.context.needs.map((item) => item.urgency)).toEqual(["routine", "soon"]);
  });
});

describe("eviction risk: the plan", () => {
  it("ends without services when nothing can be proposed", () => {
    const run = drive(evictionRiskMachine, input);

    expect(run.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"))).toBe(true);

    expect(run.state).toBe("noServiceAvailable");
  });

  it("refers only with consent to proposed services", () => {
    const run = drive(evictionRiskMachine, input);
    run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));

    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [41, 99] }, "citizen"))).toBe(false);
    expect(run.state).toBe("awaitingConsent");
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [43, 41, 42] }, "citizen"))).toBe(true);

    expect(run.state).toBe("referring");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.referrals-requested", caseId: "case-4", serviceIds: [41, 42, 43] });
  });

  it("closes early only with a reason", () => {
    const run = drive(evictionRiskMachine, input);
    run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));

    expect(run.send(stamped({ type: "CLOSE", reason: " " }))).toBe(false);
    expect(run.send(stamped({ type: "CLOSE", reason: "Rent paid by a relative" }))).toBe(true);

    expect(run.state).toBe("closed");
    expect(run.snapshot.context.closedReason).toBe("Rent paid by a relative");
  });
});

describe("eviction risk: escalation after one working day", () => {
  it("sets the acceptance deadline one working day after the referrals are sent", () => {
    const run = toReferring();

    run.send({ type: "REFERRALS_SENT", referrals, at: "2026-12-04T10:00:00.000Z", by: "system:engine" });

    expect(run.state).toBe("awaitingAcceptance");
    expect(run.snapshot.context.timer).toEqual({ event: "ACCEPTANCE_OVERDUE", dueAt: "2026-12-07T10:00:00.000Z" });
  });

  it("counts Finnish working days: referrals sent before Christmas are due after Boxing Day and the weekend", () => {
    const run = toAwaitingAcceptance();

    expect(run.snapshot.context.timer).toEqual({ event: "ACCEPTANCE_OVERDUE", dueAt: dueAfterChristmas });
  });

  it("does not escalate before the deadline, nor on another timer", () => {
    const run = toAwaitingAcceptance();

    expect(run.send(timerDue("2026-12-28T11:59:59.999Z"))).toBe(false);
    expect(run.send(timerDue(dueAfterChristmas, "RESPONSE_OVERDUE"))).toBe(false);

    expect(run.state).toBe("awaitingAcceptance");
    expect(run.emitted.map((event) => event.type)).not.toContain("pathway.alert");
  });

  it("escalates when the deadline passes with no provider's acceptance, alerting staff", () => {
    const run = toAwaitingAcceptance();

    const accepted = run.send(timerDue(dueAfterChristmas));

    expect(accepted).toBe(true);
    expect(run.state).toBe("escalated");
    expect(run.emitted.at(-1)).toEqual(noProviderAccepted);
    expect(run.snapshot.context.timer).toBeNull();
  });

  it("compares the deadline as instants, whatever offset the scheduler writes", () => {
    const run = toAwaitingAcceptance();

    expect(run.send(timerDue("2026-12-28T13:59:59+02:00"))).toBe(false);
    expect(run.send(timerDue("2026-12-28T14:00:00+02:00"))).toBe(true);

    expect(run.state).toBe("escalated");
  });

  it("escalates at once when every provider turns the family down", () => {
    const run = toAwaitingAcceptance();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-41", status: "rejected" }, "provider:1"));
    expect(run.state).toBe("awaitingAcceptance");
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-42", status: "rejected" }, "provider:2"));

    expect(run.state).toBe("escalated");
    expect(run.emitted.at(-1)).toEqual(noProviderAccepted);
  });

  it("moves on to service on an acceptance and clears the deadline, without alerting anyone", () => {
    const run = toAwaitingAcceptance();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-42", status: "accepted" }, "provider:2"));

    expect(run.state).toBe("inService");
    expect(run.snapshot.context.timer).toBeNull();
    expect(run.emitted.map((event) => event.type)).not.toContain("pathway.alert");
    expect(run.send(timerDue(dueAfterChristmas))).toBe(false);
  });

  it("moves on to service from escalation when a provider takes the family on late", () => {
    const run = toEscalated();
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-41", status: "rejected" }, "provider:1"));
    expect(run.state).toBe("escalated");

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-42", status: "in-progress" }, "provider:2"));

    expect(run.state).toBe("inService");
  });

  it("clears the deadline when the case is closed while waiting", () => {
    const run = toAwaitingAcceptance();

    run.send(stamped({ type: "CLOSE", reason: "Eviction withdrawn" }));

    expect(run.state).toBe("closed");
    expect(run.snapshot.context.timer).toBeNull();
  });

  it("closes when every service in place has ended", () => {
    const run = toAwaitingAcceptance();
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-41", status: "in-progress" }, "provider:1"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-42", status: "rejected" }, "provider:2"));
    expect(run.state).toBe("inService");

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-41", status: "completed" }, "provider:1"));

    expect(run.state).toBe("closed");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.closed", caseId: "case-4", reason: "all-referrals-ended" });
  });

  it("refuses events the current state does not handle", () => {
    const run = toEscalated();

    expect(run.send(timerDue(dueAfterChristmas))).toBe(false);
    expect(run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-unknown", status: "accepted" }))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [41] }, "citizen"))).toBe(false);

    expect(run.state).toBe("escalated");
  });

  it("reaches every state", () => {
    const reached = new Set<string>();
    const ineligible = drive(evictionRiskMachine, { ...input, needs: [need("housing.advice")] });
    const nothingProposed = drive(evictionRiskMachine, input);
    nothingProposed.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"));
    const served = toEscalated();
    served.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-41", status: "accepted" }, "provider:1"));
    served.send(stamped({ type: "CLOSE", reason: "Moved in with family" }));

    for (const run of [ineligible, nothingProposed, served]) for (const state of run.visited) reached.add(state);

    expect([...reached].sort()).toEqual(leafStateNames(evictionRiskMachine).filter((name) => name !== "assessingEligibility"));
  });
});
