import { describe, expect, it } from "vitest";
import { drive, leafStateNames, need, someone, stamped } from "../../tests/support/pathway-harness.ts";
import type { PathwayInput, ProposedService } from "../pathway-kit.ts";
import { entersOlderPeopleAtHome, olderPeopleAtHomeMachine } from "./machine.ts";

const older = { ...someone, age: 78, municipality: "rantala" as const, languages: ["sv"] };
const input: PathwayInput = {
  caseId: "case-1",
  person: older,
  needs: [need("daily-living.home-care", "soon"), need("daily-living.meals"), need("social.isolation"), need("money.debt")],
};
const proposal: ProposedService[] = [
  { serviceId: 11, organizationId: 1, needCodes: ["daily-living.home-care", "daily-living.meals"] },
  { serviceId: 12, organizationId: 2, needCodes: ["social.isolation"] },
];

function toAwaitingAcceptance() {
  const run = drive(olderPeopleAtHomeMachine, input);
  run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }));
  run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [11, 12] }, "citizen"));
  run.send(
    stamped({
      type: "REFERRALS_SENT",
      referrals: [
        { referralId: "r-11", serviceId: 11, needCodes: ["daily-living.home-care"], status: "requested" },
        { referralId: "r-12", serviceId: 12, needCodes: ["social.isolation"], status: "requested" },
      ],
    }),
  );
  return run;
}

describe("older people living at home: entry and eligibility", () => {
  it("enters at 65 or over with a daily-living need, and not otherwise", () => {
    expect(entersOlderPeopleAtHome(input.needs, older)).toBe(true);
    expect(entersOlderPeopleAtHome(input.needs, { ...older, age: 64 })).toBe(false);
    expect(entersOlderPeopleAtHome([need("social.isolation")], older)).toBe(false);
  });

  it("keeps only the needs it handles and asks for a match", () => {
    const run = drive(olderPeopleAtHomeMachine, input);
    expect(run.state).toBe("matching");
    expect(run.snapshot.context.needs.map((item) => item.code)).toEqual(["daily-living.home-care", "daily-living.meals", "social.isolation"]);
    expect(run.emitted).toEqual([
      { type: "pathway.match-requested", caseId: "case-1", needCodes: ["daily-living.home-care", "daily-living.meals", "social.isolation"] },
    ]);
  });

  it("is not eligible without a need for help at home itself", () => {
    const run = drive(olderPeopleAtHomeMachine, { ...input, needs: [need("transport.mobility"), need("social.isolation")] });
    expect(run.state).toBe("notEligible");
    expect(run.snapshot.status).toBe("done");
  });
});

describe("older people living at home: the plan", () => {
  it("ends without services when nothing can be proposed", () => {
    const run = drive(olderPeopleAtHomeMachine, input);
    expect(run.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }))).toBe(true);
    expect(run.state).toBe("noServiceAvailable");
  });

  it("refers only with consent to proposed services", () => {
    const run = drive(olderPeopleAtHomeMachine, input);
    run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }));
    expect(run.state).toBe("awaitingConsent");
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [99] }, "citizen"))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [] }, "citizen"))).toBe(false);
    expect(run.state).toBe("awaitingConsent");
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [12, 11, 11] }, "citizen"))).toBe(true);
    expect(run.state).toBe("referring");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.referrals-requested", caseId: "case-1", serviceIds: [11, 12] });
  });

  it("is in service once every referral is answered and one is underway, and closes when all end", () => {
    const run = toAwaitingAcceptance();
    expect(run.state).toBe("awaitingAcceptance");
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-11", status: "accepted" }, "provider:1"));
    expect(run.state).toBe("awaitingAcceptance");
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-12", status: "rejected" }, "provider:2"));
    expect(run.state).toBe("inService");
    expect(run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-unknown", status: "completed" }))).toBe(false);
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-11", status: "completed" }, "provider:1"));
    expect(run.state).toBe("closed");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.closed", caseId: "case-1", reason: "all-referrals-ended" });
  });

  it("closes early only with a reason", () => {
    const run = toAwaitingAcceptance();
    expect(run.send(stamped({ type: "CLOSE", reason: "  " }))).toBe(false);
    expect(run.send(stamped({ type: "CLOSE", reason: "Moved to another region" }))).toBe(true);
    expect(run.snapshot.context.closedReason).toBe("Moved to another region");
  });

  it("reaches every state", () => {
    const reached = new Set<string>();
    for (const run of [drive(olderPeopleAtHomeMachine, { ...input, needs: [need("social.isolation")] }), toAwaitingAcceptance()]) {
      run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-11", status: "in-progress" }));
      run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-12", status: "in-progress" }));
      run.send(stamped({ type: "CLOSE", reason: "done" }));
      for (const state of run.visited) reached.add(state);
    }
    const empty = drive(olderPeopleAtHomeMachine, input);
    empty.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }));
    for (const state of empty.visited) reached.add(state);
    expect([...reached].sort()).toEqual(leafStateNames(olderPeopleAtHomeMachine).filter((name) => name !== "assessingEligibility"));
  });
});
