import { describe, expect, it } from "vitest";
import { drive, leafStateNames, need, someone, stamped } from "../../tests/support/pathway-harness.ts";
import type { PathwayInput, ProposedService } from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";
import { entersFamiliesWithDisabledChild, familiesWithDisabledChildMachine } from "./machine.ts";

const parent: PersonProfile = { ...someone, age: 38, childrenCount: 2, childrenWithSupportNeeds: 1 };
const input: PathwayInput = {
  caseId: "case-2",
  person: parent,
  needs: [need("disability.child-speech-therapy", "soon"), need("disability.respite"), need("family.parenting"), need("money.debt")],
};
const proposal: ProposedService[] = [
  { serviceId: 21, organizationId: 1, needCodes: ["disability.child-speech-therapy"] },
  { serviceId: 22, organizationId: 2, needCodes: ["disability.respite", "family.parenting"] },
];

function toAwaitingKeyWorker() {
  const run = drive(familiesWithDisabledChildMachine, input);
  run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));
  return run;
}

function toAwaitingConsent() {
  const run = toAwaitingKeyWorker();
  run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "anna" }));
  return run;
}

function toAwaitingAcceptance() {
  const run = toAwaitingConsent();
  run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [21, 22] }, "citizen"));
  run.send(
    stamped(
      {
        type: "REFERRALS_SENT",
        referrals: [
          { referralId: "r-21", serviceId: 21, needCodes: ["disability.child-speech-therapy"], status: "requested" },
          { referralId: "r-22", serviceId: 22, needCodes: ["disability.respite", "family.parenting"], status: "requested" },
        ],
      },
      "system:engine",
    ),
  );
  return run;
}

const keyWorkerChanged = { type: "pathway.alert", caseId: "case-2", alert: "key-worker-changed", urgency: "routine" };

describe("families with a disabled child: entry and eligibility", () => {
  it("enters with a child's developmental or disability need", () => {
    const noChildrenCounted = { ...parent, childrenWithSupportNeeds: 0 };
    expect(entersFamiliesWithDisabledChild([need("disability.school-support")], noChildrenCounted)).toBe(true);
    expect(entersFamiliesWithDisabledChild([need("family.parenting")], noChildrenCounted)).toBe(false);
  });

  it("enters when the household has a child with support needs, whatever the needs asked for", () => {
    expect(entersFamiliesWithDisabledChild([need("family.counselling")], parent)).toBe(true);
    expect(entersFamiliesWithDisabledChild([], { ...parent, childrenWithSupportNeeds: 0 })).toBe(false);
  });

  it("keeps only the needs it handles and asks for a match", () => {
    const run = drive(familiesWithDisabledChildMachine, input);

    expect(run.state).toBe("matching");
    expect(run.emitted).toEqual([
      {
        type: "pathway.match-requested",
        caseId: "case-2",
        needCodes: ["disability.child-speech-therapy", "disability.respite", "family.parenting"],
      },
    ]);
  });

  it("is not eligible outside the region", () => {
    const movedAway = { ...parent, municipality: "helsinki" } as unknown as PersonProfile;

    const run = drive(familiesWithDisabledChildMachine, { ...input, person: movedAway });

    expect(run.state).toBe("notEligible");
    expect(run.snapshot.status).toBe("done");
    expect(run.emitted).toEqual([]);
  });

  it("is not eligible when the family asked for nothing the plan covers", () => {
    const run = drive(familiesWithDisabledChildMachine, { ...input, needs: [need("money.debt")] });

    expect(run.state).toBe("notEligible");
  });
});

describe("families with a disabled child: one plan, one key worker", () => {
  it("ends without services when nothing can be proposed", () => {
    const run = drive(familiesWithDisabledChildMachine, input);

    expect(run.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"))).toBe(true);

    expect(run.state).toBe("noServiceAvailable");
  });

  it("refuses consent, and so referrals, until a key worker is assigned", () => {
    const run = toAwaitingKeyWorker();

    const accepted = run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [21, 22] }, "citizen"));

    expect(accepted).toBe(false);
    expect(run.state).toBe("awaitingKeyWorker");
    expect(run.emitted.map((event) => event.type)).not.toContain("pathway.referrals-requested");
  });

  it("takes a key worker only with a staff id", () => {
    const run = toAwaitingKeyWorker();

    expect(run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: " " }))).toBe(false);
    expect(run.state).toBe("awaitingKeyWorker");
    expect(run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "anna" }))).toBe(true);

    expect(run.state).toBe("awaitingConsent");
    expect(run.snapshot.context.keyWorker).toBe("anna");
    expect(run.emitted.map((event) => event.type)).not.toContain("pathway.alert");
  });

  it("refers with the family's consent once the key worker is there", () => {
    const run = toAwaitingConsent();

    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [99] }, "citizen"))).toBe(false);
    expect(run.state).toBe("awaitingConsent");
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [22, 21] }, "citizen"))).toBe(true);

    expect(run.state).toBe("referring");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.referrals-requested", caseId: "case-2", serviceIds: [21, 22] });
  });

  it.each([
    ["awaitingConsent", toAwaitingConsent],
    ["awaitingAcceptance", toAwaitingAcceptance],
  ])("tells the family when the key worker changes in %s", (state, arrange) => {
    const run = arrange();

    const accepted = run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "bertil" }));

    expect(accepted).toBe(true);
    expect(run.state).toBe(state);
    expect(run.snapshot.context.keyWorker).toBe("bertil");
    expect(run.emitted.at(-1)).toEqual(keyWorkerChanged);
  });

  it("tells the family when the key worker changes while in service", () => {
    const run = toAwaitingAcceptance();
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-21", status: "in-progress" }, "provider:1"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-22", status: "accepted" }, "provider:2"));
    expect(run.state).toBe("inService");

    run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "bertil" }));

    expect(run.snapshot.context.keyWorker).toBe("bertil");
    expect(run.emitted.at(-1)).toEqual(keyWorkerChanged);
  });

  it("does not announce a change when the same key worker is assigned again", () => {
    const run = toAwaitingConsent();
    const emittedBefore = run.emitted.length;

    const accepted = run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "anna" }));

    expect(accepted).toBe(false);
    expect(run.emitted).toHaveLength(emittedBefore);
  });

  it("is in service once every referral is answered and one is underway, and closes when all end", () => {
    const run = toAwaitingAcceptance();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-21", status: "accepted" }, "provider:1"));
    expect(run.state).toBe("awaitingAcceptance");
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-22", status: "rejected" }, "provider:2"));
    expect(run.state).toBe("inService");
    expect(run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-unknown", status: "completed" }))).toBe(false);
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-21", status: "completed" }, "provider:1"));

    expect(run.state).toBe("closed");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.closed", caseId: "case-2", reason: "all-referrals-ended" });
  });

  it("closes when every provider turns the family down", () => {
    const run = toAwaitingAcceptance();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-21", status: "rejected" }, "provider:1"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-22", status: "rejected" }, "provider:2"));

    expect(run.state).toBe("closed");
  });

  it("closes early only with a reason", () => {
    const run = toAwaitingKeyWorker();

    expect(run.send(stamped({ type: "CLOSE", reason: "  " }))).toBe(false);
    expect(run.state).toBe("awaitingKeyWorker");
    expect(run.send(stamped({ type: "CLOSE", reason: "Family moved abroad" }))).toBe(true);

    expect(run.state).toBe("closed");
    expect(run.snapshot.context.closedReason).toBe("Family moved abroad");
  });

  it("refuses events the current state does not handle", () => {
    const run = drive(familiesWithDisabledChildMachine, input);

    expect(run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "anna" }))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [21] }, "citizen"))).toBe(false);
    expect(run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-21", status: "accepted" }))).toBe(false);
    expect(run.send(stamped({ type: "CLOSE", reason: "No longer needed" }))).toBe(false);

    expect(run.state).toBe("matching");
  });

  it("reaches every state", () => {
    const reached = new Set<string>();
    const ineligible = drive(familiesWithDisabledChildMachine, { ...input, needs: [] });
    const nothingProposed = drive(familiesWithDisabledChildMachine, input);
    nothingProposed.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"));
    const served = toAwaitingAcceptance();
    served.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-21", status: "in-progress" }, "provider:1"));
    served.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-22", status: "in-progress" }, "provider:2"));
    served.send(stamped({ type: "CLOSE", reason: "Plan reviewed and ended" }));

    for (const run of [ineligible, nothingProposed, served]) for (const state of run.visited) reached.add(state);

    expect([...reached].sort()).toEqual(
      leafStateNames(familiesWithDisabledChildMachine).filter((name) => name !== "assessingEligibility"),
    );
  });
});
