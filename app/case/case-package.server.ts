import type { CaseStore, ServiceStanding } from "#db/stores.ts";
import { packageOfRows, type PackageService } from "#pathways/case.ts";
import type { NeedSubject } from "#pathways/needs/subject.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonProfile } from "#pathways/person.ts";

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

/**
 * The case's stored package, read once: its rows as the package they were made from, whose
 * words "you" are, whom each need is for, and where each service stands now (its name kept
 * for one no longer offered, whose summary the catalogue no longer gives). `cases` is the
 * store to read it from: a use case's transaction's, or the process's for a page.
 */
export async function casePackage(cases: CaseStore, caseId: string) {
  const stored = await cases.proposedPackage(caseId);
  const rows = packageOfRows(stored?.items ?? []);
  return {
    ...rows,
    helpFor: stored?.helpFor ?? ("self" as const),
    subjectOf: (code: NeedCode): NeedSubject => rows.subjects.get(code) ?? "person",
    standing: (serviceId: number): ServiceStanding => stored?.services.get(serviceId)?.standing ?? "closed",
    storedName: (serviceId: number) => stored?.services.get(serviceId)?.name ?? null,
  };
}

/**
 * The case's stored package by what each proposed service waits for, from the state of
 * the pathway it was handed to. A service no longer offered is not offered for consent.
 */
export async function consentOptions(cases: CaseStore, caseId: string): Promise<ConsentOptions> {
  const { proposed, helpFor, subjectOf, standing } = await casePackage(cases, caseId);
  const stateOf = new Map((await cases.pathways(caseId)).map((pathway) => [pathway.id, pathway.state]));
  const waitingIn = (state: string) =>
    proposed.filter((service) => service.pathwayInstanceId !== null && stateOf.get(service.pathwayInstanceId) === state && standing(service.serviceId) !== "closed");
  return {
    awaiting: waitingIn("awaitingConsent"),
    keyWorkerFirst: waitingIn("awaitingKeyWorker"),
    assessmentFirst: waitingIn("awaitingAssessment"),
    helpFor,
    subjectOf,
  };
}
