import { describe, expect, it } from "vitest";
import { drive, leafStateNames, need, someone, stamped } from "../../tests/support/pathway-harness.ts";
import type { PathwayInput, ProposedService, TrackedReferral } from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";
import { entersMentalHealthRecovery, mentalHealthRecoveryMachine } from "./machine.ts";

const adult: PersonProfile = { ...someone, age: 29 };
const input: PathwayInput = {
  caseId: "case-5",
  person: adult,
  needs: [
    need("health.mental", "soon"),
    need("housing.homeless", "urgent"),
    need("social.isolation"),
    need("work.rehabilitative"),
    need("money.debt"),
  ],
};
const housing = 51;
const counselling = 52;
const dayCentre = 53;
const employmentSupport = 54;
const proposal: ProposedService[] = [
  { serviceId: housing, organizationId: 1, needCodes: ["housing.homeless"] },
  { serviceId: counselling, organizationId: 2, needCodes: ["health.mental"] },
  // Work practice in a day centre: it also meets loneliness, so it belongs to stage 1.
  { serviceId: dayCentre, organizationId: 3, needCodes: ["social.isolation", "work.rehabilitative"] },
  { serviceId: employmentSupport, organizationId: 4, needCodes: ["work.rehabilitative"] },
];
const stageOneReferrals: TrackedReferral[] = [
  { referralId: "r-housing", serviceId: housing, needCodes: ["housing.homeless"], status: "requested" },
  { referralId: "r-counselling", serviceId: counselling, needCodes: ["health.mental"], status: "requested" },
  { referralId: "r-day-centre", serviceId: dayCentre, needCodes: ["social.isolation", "work.rehabilitative"], status: "requested" },
];
const employmentSupportReferral: TrackedReferral = {
  referralId: "r-employment",
  serviceId: employmentSupport,
  needCodes: ["work.rehabilitative"],
  status: "requested",
};

const referralRequests = (emitted: { type: string }[]) => emitted.filter((event) => event.type === "pathway.referrals-requested");

function toAwaitingConsent() {
  const run = drive(mentalHealthRecoveryMachine, input);
  run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));
  return run;
}

function toStabilising(consented = [housing, counselling, dayCentre, employmentSupport]) {
  const run = toAwaitingConsent();
  run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: consented }, "citizen"));
  run.send(
    stamped(
      { type: "REFERRALS_SENT", referrals: stageOneReferrals.filter((referral) => consented.includes(referral.serviceId)) },
      "system:engine",
    ),
  );
  return run;
}

function housingAndCounsellingInProgress(run: ReturnType<typeof toStabilising>) {
  run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-housing", status: "in-progress" }, "provider:1"));
  run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-counselling", status: "in-progress" }, "provider:2"));
}

function toInRecovery() {
  const run = toStabilising();
  housingAndCounsellingInProgress(run);
  run.send(stamped({ type: "REFERRALS_SENT", referrals: [employmentSupportReferral] }, "system:engine"));
  return run;
}

describe("mental health recovery: entry and eligibility", () => {
  it("enters with a mental health need, and not without one", () => {
    expect(entersMentalHealthRecovery([need("health.mental")], adult)).toBe(true);
    expect(entersMentalHealthRecovery([need("health.substance-use"), need("housing.homeless")], adult)).toBe(false);
  });

  it("keeps only the needs it handles and asks for a match", () => {
    const run = drive(mentalHealthRecoveryMachine, input);

    expect(run.state).toBe("matching");
    expect(run.emitted).toEqual([
      {
        type: "pathway.match-requested",
        caseId: "case-5",
        needCodes: ["health.mental", "housing.homeless", "social.isolation", "work.rehabilitative"],
      },
    ]);
  });

  it("is not eligible under 18", () => {
    const run = drive(mentalHealthRecoveryMachine, { ...input, person: { ...adult, age: 17 } });

    expect(run.state).toBe("notEligible");
    expect(run.snapshot.status).toBe("done");
  });

  it("is not eligible outside the region", () => {
    const movedAway = { ...adult, municipality: "helsinki" } as unknown as PersonProfile;

    const run = drive(mentalHealthRecoveryMachine, { ...input, person: movedAway });

    expect(run.state).toBe("notEligible");
  });
});

describe("mental health recovery: housing and counselling before employment support", () => {
  it("ends without services when nothing can be proposed", () => {
    const run = drive(mentalHealthRecoveryMachine, input);

    expect(run.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"))).toBe(true);

    expect(run.state).toBe("noServiceAvailable");
  });

  it("refers only with consent to proposed services", () => {
    const run = toAwaitingConsent();

    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [housing, 99] }, "citizen"))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [] }, "citizen"))).toBe(false);

    expect(run.state).toBe("awaitingConsent");
  });

  it("requests stage 1 only: housing, counselling and what else stabilises, not employment support", () => {
    const run = toAwaitingConsent();

    run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [employmentSupport, dayCentre, counselling, housing] }, "citizen"));

    expect(run.state).toBe("referringStabilisation");
    expect(referralRequests(run.emitted)).toEqual([
      { type: "pathway.referrals-requested", caseId: "case-5", serviceIds: [housing, counselling, dayCentre] },
    ]);
  });

  it.each([
    ["counselling", "r-housing", "r-counselling"],
    ["housing", "r-counselling", "r-housing"],
  ])("requests no employment support while %s is only accepted, not yet in place", (_, inProgress, onlyAccepted) => {
    const run = toStabilising();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: inProgress, status: "in-progress" }, "provider:1"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: onlyAccepted, status: "accepted" }, "provider:2"));

    expect(run.state).toBe("stabilising");
    expect(referralRequests(run.emitted)).toHaveLength(1);
  });

  it("requests employment support once housing and counselling are in progress, whatever else is pending", () => {
    const run = toStabilising();

    housingAndCounsellingInProgress(run);

    expect(run.state).toBe("referringEmploymentSupport");
    expect(run.snapshot.context.referrals.find((referral) => referral.referralId === "r-day-centre")?.status).toBe("requested");
    expect(referralRequests(run.emitted)).toEqual([
      { type: "pathway.referrals-requested", caseId: "case-5", serviceIds: [housing, counselling, dayCentre] },
      { type: "pathway.referrals-requested", caseId: "case-5", serviceIds: [employmentSupport] },
    ]);
  });

  it("counts counselling delivered in full as in place", () => {
    const run = toStabilising();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-counselling", status: "completed" }, "provider:2"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-housing", status: "in-progress" }, "provider:1"));

    expect(run.state).toBe("referringEmploymentSupport");
  });

  it("is in recovery with both stages referred, and closes when every service has ended", () => {
    const run = toInRecovery();

    expect(run.state).toBe("inRecovery");
    expect(run.snapshot.context.referrals.map((referral) => referral.referralId)).toEqual([
      "r-housing",
      "r-counselling",
      "r-day-centre",
      "r-employment",
    ]);
    for (const referralId of ["r-housing", "r-counselling", "r-day-centre"]) {
      run.send(stamped({ type: "REFERRAL_UPDATED", referralId, status: "completed" }, "provider:1"));
    }
    expect(run.state).toBe("inRecovery");
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-employment", status: "rejected" }, "provider:4"));

    expect(run.state).toBe("closed");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.closed", caseId: "case-5", reason: "all-referrals-ended" });
  });

  it("skips stage 2 when no employment support was consented", () => {
    const run = toStabilising([housing, counselling]);

    housingAndCounsellingInProgress(run);

    expect(run.state).toBe("inRecovery");
    expect(referralRequests(run.emitted)).toHaveLength(1);
  });

  it("refers straight to employment support when that is all the person consented to", () => {
    const run = toAwaitingConsent();

    run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [employmentSupport] }, "citizen"));

    expect(run.state).toBe("referringEmploymentSupport");
    expect(referralRequests(run.emitted)).toEqual([
      { type: "pathway.referrals-requested", caseId: "case-5", serviceIds: [employmentSupport] },
    ]);
  });

  it("closes when every stage-1 provider turns the person down", () => {
    const run = toStabilising();

    for (const referralId of ["r-housing", "r-counselling", "r-day-centre"]) {
      run.send(stamped({ type: "REFERRAL_UPDATED", referralId, status: "rejected" }, "provider:1"));
    }

    expect(run.state).toBe("closed");
    expect(referralRequests(run.emitted)).toHaveLength(1);
  });

  it("closes early only with a reason", () => {
    const run = toStabilising();

    expect(run.send(stamped({ type: "CLOSE", reason: "\t" }))).toBe(false);
    expect(run.send(stamped({ type: "CLOSE", reason: "Moved to another region" }))).toBe(true);

    expect(run.state).toBe("closed");
    expect(run.snapshot.context.closedReason).toBe("Moved to another region");
  });

  it("refuses events the current state does not handle", () => {
    const run = toStabilising();

    expect(run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-unknown", status: "in-progress" }))).toBe(false);
    expect(run.send(stamped({ type: "REFERRALS_SENT", referrals: [employmentSupportReferral] }, "system:engine"))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [employmentSupport] }, "citizen"))).toBe(false);

    expect(run.state).toBe("stabilising");
    expect(referralRequests(run.emitted)).toHaveLength(1);
  });

  it("reaches every state", () => {
    const reached = new Set<string>();
    const ineligible = drive(mentalHealthRecoveryMachine, { ...input, person: { ...adult, age: 16 } });
    const nothingProposed = drive(mentalHealthRecoveryMachine, input);
    nothingProposed.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"));
    const recovering = toInRecovery();
    recovering.send(stamped({ type: "CLOSE", reason: "Recovered" }));

    for (const run of [ineligible, nothingProposed, recovering]) for (const state of run.visited) reached.add(state);

    expect([...reached].sort()).toEqual(leafStateNames(mentalHealthRecoveryMachine).filter((name) => name !== "assessingEligibility"));
  });
});
