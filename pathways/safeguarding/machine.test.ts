import { describe, expect, it } from "vitest";
import { drive, leafStateNames, need, someone, stamped } from "../../tests/support/pathway-harness.ts";
import type { PathwayInput } from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";
import { entersSafeguarding, safeguardingMachine } from "./machine.ts";

const input: PathwayInput = {
  caseId: "case-6",
  person: { ...someone, childrenCount: 1 },
  needs: [need("safety.domestic-abuse", "soon"), need("housing.homeless", "urgent"), need("health.mental")],
};
const safeguardingAlert = { type: "pathway.alert", caseId: "case-6", alert: "safeguarding", urgency: "emergency" };

function toWithStaff() {
  const run = drive(safeguardingMachine, input);
  run.send(stamped({ type: "ALERT_ACKNOWLEDGED" }, "staff:12"));
  return run;
}

describe("safeguarding: entry and eligibility", () => {
  it("enters with violence at home or a child at risk, whatever their urgency", () => {
    expect(entersSafeguarding([need("safety.domestic-abuse", "routine")], someone)).toBe(true);
    expect(entersSafeguarding([need("safety.child-at-risk", "soon")], someone)).toBe(true);
    expect(entersSafeguarding([need("housing.homeless", "emergency"), need("family.counselling")], someone)).toBe(false);
  });

  it("shows emergency guidance at once and alerts staff, with nothing to match or refer", () => {
    const run = drive(safeguardingMachine, input);

    expect(run.state).toBe("emergencyGuidance");
    expect(run.snapshot.context.needs.map((item) => item.code)).toEqual(["safety.domestic-abuse"]);
    expect(run.emitted).toEqual([safeguardingAlert]);
  });

  it("turns no one away for where they live", () => {
    const movedAway = { ...someone, municipality: "helsinki" } as unknown as PersonProfile;

    const run = drive(safeguardingMachine, { ...input, person: movedAway });

    expect(run.state).toBe("emergencyGuidance");
  });

  it("is not eligible without a safeguarding concern", () => {
    const run = drive(safeguardingMachine, { ...input, needs: [need("housing.homeless", "emergency")] });

    expect(run.state).toBe("notEligible");
    expect(run.snapshot.status).toBe("done");
    expect(run.emitted).toEqual([]);
  });
});

describe("safeguarding: with staff", () => {
  it("is taken by staff only when a member of staff acknowledges the alert", () => {
    const run = drive(safeguardingMachine, input);

    expect(run.send(stamped({ type: "ALERT_ACKNOWLEDGED" }, "citizen"))).toBe(false);
    expect(run.send(stamped({ type: "ALERT_ACKNOWLEDGED" }, "system:scheduler"))).toBe(false);
    expect(run.state).toBe("emergencyGuidance");
    expect(run.send(stamped({ type: "ALERT_ACKNOWLEDGED" }, "staff:12"))).toBe(true);

    expect(run.state).toBe("withStaff");
  });

  it("cannot be closed before staff have the case", () => {
    const run = drive(safeguardingMachine, input);

    expect(run.send(stamped({ type: "CLOSE", reason: "Safe now" }, "staff:12"))).toBe(false);

    expect(run.state).toBe("emergencyGuidance");
  });

  it("is closed by staff with a reason", () => {
    const run = toWithStaff();

    expect(run.send(stamped({ type: "CLOSE", reason: "  " }, "staff:12"))).toBe(false);
    expect(run.send(stamped({ type: "CLOSE", reason: "Safe now, please close" }, "citizen"))).toBe(false);
    expect(run.state).toBe("withStaff");
    expect(run.send(stamped({ type: "CLOSE", reason: "Moved to a shelter; shelter staff follow up" }, "staff:12"))).toBe(true);

    expect(run.state).toBe("closed");
    expect(run.snapshot.context.closedReason).toBe("Moved to a shelter; shelter staff follow up");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.closed", caseId: "case-6", reason: "Moved to a shelter; shelter staff follow up" });
  });

  it("never asks for a match or a referral", () => {
    const run = toWithStaff();
    run.send(stamped({ type: "CLOSE", reason: "Police and child welfare involved" }, "staff:12"));

    const types = run.emitted.map((event) => event.type);

    expect(types).toEqual(["pathway.alert", "pathway.closed"]);
    expect(types).not.toContain("pathway.match-requested");
    expect(types).not.toContain("pathway.referrals-requested");
  });

  it("refuses the package events of other pathways", () => {
    const run = drive(safeguardingMachine, input);

    const shelter = { serviceId: 1, organizationId: 1, needCodes: ["safety.domestic-abuse" as const] };
    expect(run.send(stamped({ type: "PACKAGE_PROPOSED", services: [shelter] }, "system:matcher"))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [1] }, "citizen"))).toBe(false);
    expect(run.state).toBe("emergencyGuidance");

    const taken = toWithStaff();
    expect(taken.send(stamped({ type: "ALERT_ACKNOWLEDGED" }, "staff:13"))).toBe(false);
    expect(taken.state).toBe("withStaff");
  });

  it("reaches every state", () => {
    const reached = new Set<string>();
    const ineligible = drive(safeguardingMachine, { ...input, needs: [] });
    const closed = toWithStaff();
    closed.send(stamped({ type: "CLOSE", reason: "Referred to child welfare" }, "staff:12"));

    for (const run of [ineligible, closed]) for (const state of run.visited) reached.add(state);

    expect([...reached].sort()).toEqual(leafStateNames(safeguardingMachine).filter((name) => name !== "assessingEligibility"));
  });
});
