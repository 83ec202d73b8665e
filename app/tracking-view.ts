import type { ReferralProgress } from "#db/stores.ts";
import type { PracticalFacts } from "#pathways/catalogue.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import type { ReferralStatus } from "#pathways/referral/machine.ts";

/** What the person can do now, by where the referral has got to (followUp's track.next.*). */
export const nextSteps = ["notSent", "waitForAnswer", "answerLate", "accepted", "onHold", "inProgress", "completed", "declined", "cancelled", "failed"] as const;
export type NextStep = (typeof nextSteps)[number];

/** Statuses in which the person may still withdraw consent: the provider has not started. */
const withdrawable = new Set<string>(["draft", "requested", "accepted", "on-hold"]);

const nextStepOf: Record<Exclude<ReferralStatus, "requested">, NextStep> = {
  draft: "notSent",
  accepted: "accepted",
  "on-hold": "onHold",
  "in-progress": "inProgress",
  completed: "completed",
  rejected: "declined",
  cancelled: "cancelled",
  failed: "failed",
};

export interface TrackedReferralView {
  id: string;
  status: ReferralStatus;
  serviceId: number;
  sentAt: Date;
  statusSince: Date;
  /** When an answer is expected, while one is awaited; with the working days it was given. */
  answerBy: { date: Date; workingDays: number | null } | null;
  nextStep: NextStep;
  shared: PersonalDataCategory[];
  contact: { phone: string | null; email: string | null };
  canWithdraw: boolean;
}

/**
 * Each referral as the tracking page shows it: when it was sent and what it shared, its
 * status and since when, when an answer is expected while one is awaited (late once that
 * has passed), how to reach the service, and what the person can do now.
 */
export function trackedReferralViews(referrals: readonly ReferralProgress[], facts: ReadonlyMap<number, PracticalFacts>, now: Date): TrackedReferralView[] {
  return referrals.map((referral) => {
    const status = referral.status as ReferralStatus;
    const awaited = status === "requested" && referral.responseDueAt !== null;
    const late = awaited && now.getTime() > referral.responseDueAt!.getTime();
    const practical = facts.get(referral.serviceId);
    return {
      id: referral.id,
      status,
      serviceId: referral.serviceId,
      sentAt: referral.sentAt,
      statusSince: referral.statusSince,
      answerBy: awaited ? { date: referral.responseDueAt!, workingDays: referral.responseTimeWorkingDays } : null,
      nextStep: status === "requested" ? (late ? "answerLate" : "waitForAnswer") : nextStepOf[status],
      shared: referral.shared,
      contact: { phone: practical?.phone ?? null, email: practical?.email ?? null },
      canWithdraw: withdrawable.has(status),
    };
  });
}

