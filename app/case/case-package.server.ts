import { caseProposedPackage, casePathways } from "#db/case-store.ts";
import { packageOfRows, type PackageService } from "#pathways/case.ts";
import type { NeedSubject } from "#pathways/needs/subject.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonProfile } from "#pathways/person.ts";
import { getDatabase } from "../db.server.ts";

export interface ConsentOptions {
  /** Services whose pathway waits for the person's consent. */
  awaiting: PackageService[];
  /** Services waiting for staff first: a key worker to name (families). */
  keyWorkerFirst: PackageService[];
  /** Services waiting for staff first: an assessment of work ability (long-term unemployment). */
  assessmentFirst: PackageService[];
  helpFor: PersonProfile["helpFor"];
  subjectOf: (code: NeedCode) => NeedSubject;
}

/** The case's stored package: its proposed services, whose words "you" are, whom each need is for; and each service's standing. */
export function casePackage(caseId: string) {
  const stored = caseProposedPackage(getDatabase(), caseId);
  const { proposed, subjects } = packageOfRows(stored?.items ?? []);
  return {
    proposed,
    helpFor: stored?.helpFor ?? ("self" as const),
    subjectOf: (code: NeedCode): NeedSubject => subjects.get(code) ?? "person",
    isClosed: (serviceId: number) => stored?.services.get(serviceId)?.standing === "closed",
  };
}

/**
 * The case's stored package by what each proposed service waits for, from the state of
 * the pathway it was handed to. A service no longer offered is not offered for consent.
 */
export function consentOptions(caseId: string): ConsentOptions {
  const { proposed, helpFor, subjectOf, isClosed } = casePackage(caseId);
  const stateOf = new Map(casePathways(getDatabase(), caseId).map((pathway) => [pathway.id, pathway.state]));
  const waitingIn = (state: string) =>
    proposed.filter((service) => service.pathwayInstanceId !== null && stateOf.get(service.pathwayInstanceId) === state && !isClosed(service.serviceId));
  return {
    awaiting: waitingIn("awaitingConsent"),
    keyWorkerFirst: waitingIn("awaitingKeyWorker"),
    assessmentFirst: waitingIn("awaitingAssessment"),
    helpFor,
    subjectOf,
  };
}
