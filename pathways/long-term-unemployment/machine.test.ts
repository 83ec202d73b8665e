import { describe, expect, it } from "vitest";
import { drive, leafStateNames, need, someone, stamped } from "../../tests/support/pathway-harness.ts";
import type { PathwayInput, ProposedService } from "../pathway-kit.ts";
import type { PersonProfile } from "../person.ts";
import {
  entersLongTermUnemployment,
  longTermUnemploymentMachine,
  longTermUnemploymentNeeds,
  maxAssessmentSummaryLength,
} from "./machine.ts";

const jobseeker: PersonProfile = { ...someone, age: 52, unemployedMonths: 18 };
const input: PathwayInput = {
  caseId: "case-3",
  person: jobseeker,
  needs: [need("work.unemployed-long"), need("money.debt", "soon"), need("health.substance-use"), need("social.isolation")],
};
const proposal: ProposedService[] = [
  { serviceId: 31, organizationId: 1, needCodes: ["work.unemployed-long"] },
  { serviceId: 32, organizationId: 2, needCodes: ["money.debt"] },
  { serviceId: 33, organizationId: 3, needCodes: ["health.substance-use"] },
];
const assessment = {
  type: "ASSESSMENT_RECORDED",
  workCapacity: "partial",
  summary: "  Can work part-time; debt collection letters and drinking keep him from job search.  ",
} as const;

function toAwaitingAssessment() {
  const run = drive(longTermUnemploymentMachine, input);
  run.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));
  return run;
}

function toAwaitingAcceptance() {
  const run = toAwaitingAssessment();
  run.send(stamped(assessment, "staff:7"));
  run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [31, 32, 33] }, "citizen"));
  run.send(
    stamped(
      {
        type: "REFERRALS_SENT",
        referrals: [
          { referralId: "r-31", serviceId: 31, needCodes: ["work.unemployed-long"], status: "requested" },
          { referralId: "r-32", serviceId: 32, needCodes: ["money.debt"], status: "requested" },
          { referralId: "r-33", serviceId: 33, needCodes: ["health.substance-use"], status: "requested" },
        ],
      },
      "system:engine",
    ),
  );
  return run;
}

describe("long-term unemployment: entry and eligibility", () => {
  it("enters after 12 months out of work, and not before", () => {
    expect(entersLongTermUnemployment([need("money.debt")], { ...jobseeker, unemployedMonths: 12 })).toBe(true);
    expect(entersLongTermUnemployment([need("money.debt")], { ...jobseeker, unemployedMonths: 11 })).toBe(false);
    expect(entersLongTermUnemployment([need("money.debt")], { ...jobseeker, unemployedMonths: null })).toBe(false);
  });

  it("enters on the long-term unemployment need alone", () => {
    expect(entersLongTermUnemployment([need("work.unemployed-long")], { ...jobseeker, unemployedMonths: null })).toBe(true);
    expect(entersLongTermUnemployment([need("work.unemployed-short")], { ...jobseeker, unemployedMonths: null })).toBe(false);
  });

  it("handles every work and money need, and mental health and substance use", () => {
    expect(longTermUnemploymentNeeds).toEqual(expect.arrayContaining(["work.youth", "work.education", "money.income", "money.benefits"]));
    expect(longTermUnemploymentNeeds).toEqual(expect.arrayContaining(["health.mental", "health.substance-use"]));
    expect(longTermUnemploymentNeeds).not.toContain("social.isolation");
  });

  it("keeps only the needs it handles and asks for a match", () => {
    const run = drive(longTermUnemploymentMachine, input);

    expect(run.state).toBe("matching");
    expect(run.emitted).toEqual([
      { type: "pathway.match-requested", caseId: "case-3", needCodes: ["work.unemployed-long", "money.debt", "health.substance-use"] },
    ]);
  });

  it("is not eligible from pension age", () => {
    const run = drive(longTermUnemploymentMachine, { ...input, person: { ...jobseeker, age: 65 } });

    expect(run.state).toBe("notEligible");
    expect(run.snapshot.status).toBe("done");
  });

  it("is not eligible outside the region", () => {
    const movedAway = { ...jobseeker, municipality: "helsinki" } as unknown as PersonProfile;

    const run = drive(longTermUnemploymentMachine, { ...input, person: movedAway });

    expect(run.state).toBe("notEligible");
  });
});

describe("long-term unemployment: assessment before referral", () => {
  it("ends without services when nothing can be proposed", () => {
    const run = drive(longTermUnemploymentMachine, input);

    expect(run.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"))).toBe(true);

    expect(run.state).toBe("noServiceAvailable");
  });

  it("refuses consent, and so referrals, until the assessment is recorded", () => {
    const run = toAwaitingAssessment();

    const accepted = run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [31, 32, 33] }, "citizen"));

    expect(accepted).toBe(false);
    expect(run.state).toBe("awaitingAssessment");
    expect(run.emitted.map((event) => event.type)).not.toContain("pathway.referrals-requested");
  });

  it("records the assessment, trimmed, with who made it and when", () => {
    const run = toAwaitingAssessment();
    const recorded = stamped(assessment, "staff:7");

    expect(run.send(recorded)).toBe(true);

    expect(run.state).toBe("awaitingConsent");
    expect(run.snapshot.context.assessment).toEqual({
      workCapacity: "partial",
      summary: "Can work part-time; debt collection letters and drinking keep him from job search.",
      recordedAt: recorded.at,
      recordedBy: "staff:7",
    });
  });

  it("refuses an assessment with an empty summary", () => {
    const run = toAwaitingAssessment();

    expect(run.send(stamped({ ...assessment, summary: " \n " }, "staff:7"))).toBe(false);

    expect(run.state).toBe("awaitingAssessment");
    expect(run.snapshot.context.assessment).toBeUndefined();
  });

  it("takes a summary of up to 2000 characters and refuses a longer one", () => {
    const longest = drive(longTermUnemploymentMachine, input);
    longest.send(stamped({ type: "PACKAGE_PROPOSED", services: proposal }, "system:matcher"));
    const tooLong = toAwaitingAssessment();

    const longestAccepted = longest.send(stamped({ ...assessment, summary: "a".repeat(maxAssessmentSummaryLength) }, "staff:7"));
    const tooLongAccepted = tooLong.send(stamped({ ...assessment, summary: "a".repeat(maxAssessmentSummaryLength + 1) }, "staff:7"));

    expect(maxAssessmentSummaryLength).toBe(2000);
    expect(longestAccepted).toBe(true);
    expect(tooLongAccepted).toBe(false);
    expect(tooLong.state).toBe("awaitingAssessment");
  });

  it("makes the multi-agency referral with consent once assessed", () => {
    const run = toAwaitingAssessment();
    run.send(stamped(assessment, "staff:7"));

    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [99] }, "citizen"))).toBe(false);
    expect(run.send(stamped({ type: "CONSENT_GIVEN", serviceIds: [33, 31, 32] }, "citizen"))).toBe(true);

    expect(run.state).toBe("referring");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.referrals-requested", caseId: "case-3", serviceIds: [31, 32, 33] });
  });

  it("is in service once every referral is answered and one is underway, and closes when all end", () => {
    const run = toAwaitingAcceptance();

    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-31", status: "accepted" }, "provider:1"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-32", status: "in-progress" }, "provider:2"));
    expect(run.state).toBe("awaitingAcceptance");
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-33", status: "rejected" }, "provider:3"));
    expect(run.state).toBe("inService");
    expect(run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-unknown", status: "completed" }))).toBe(false);
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-31", status: "completed" }, "provider:1"));
    run.send(stamped({ type: "REFERRAL_UPDATED", referralId: "r-32", status: "completed" }, "provider:2"));

    expect(run.state).toBe("closed");
    expect(run.emitted.at(-1)).toEqual({ type: "pathway.closed", caseId: "case-3", reason: "all-referrals-ended" });
  });

  it("closes early only with a reason", () => {
    const run = toAwaitingAssessment();

    expect(run.send(stamped({ type: "CLOSE", reason: "" }))).toBe(false);
    expect(run.send(stamped({ type: "CLOSE", reason: "Found work" }))).toBe(true);

    expect(run.state).toBe("closed");
    expect(run.snapshot.context.closedReason).toBe("Found work");
  });

  it("refuses events the current state does not handle", () => {
    const run = drive(longTermUnemploymentMachine, input);

    expect(run.send(stamped(assessment, "staff:7"))).toBe(false);
    expect(run.send(stamped({ type: "KEY_WORKER_ASSIGNED", staffId: "anna" }))).toBe(false);
    expect(run.state).toBe("matching");

    const assessed = toAwaitingAssessment();
    assessed.send(stamped(assessment, "staff:7"));
    expect(assessed.send(stamped({ ...assessment, workCapacity: "full" }, "staff:7"))).toBe(false);
    expect(assessed.state).toBe("awaitingConsent");
    expect(assessed.snapshot.context.assessment?.workCapacity).toBe("partial");
  });

  it("reaches every state", () => {
    const reached = new Set<string>();
    const ineligible = drive(longTermUnemploymentMachine, { ...input, person: { ...jobseeker, age: 66 } });
    const nothingProposed = drive(longTermUnemploymentMachine, input);
    nothingProposed.send(stamped({ type: "PACKAGE_PROPOSED", services: [] }, "system:matcher"));
    const served = toAwaitingAcceptance();
    for (const referralId of ["r-31", "r-32", "r-33"]) {
      served.send(stamped({ type: "REFERRAL_UPDATED", referralId, status: "in-progress" }, "provider:1"));
    }
    served.send(stamped({ type: "CLOSE", reason: "Moved to another region" }));

    for (const run of [ineligible, nothingProposed, served]) for (const state of run.visited) reached.add(state);

    expect([...reached].sort()).toEqual(leafStateNames(longTermUnemploymentMachine).filter((name) => name !== "assessingEligibility"));
  });
});
