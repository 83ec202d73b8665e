import type { ReasonCode, ScoredService, ServicePackage } from "./matching/match.ts";
import { needSubject, type NeedSubject } from "./needs/subject.ts";
import type { NeedCode } from "./needs/taxonomy.ts";
import type { PersonProfile } from "./person.ts";

/**
 * One case per household (issue 12): the person who needs help, the carer answering for
 * them, the children under 18 who live with them. Screenings, the package, consents and
 * referrals belong to the case, so whoever picks it up (the person online, a receptionist,
 * a key worker) works on one record.
 *
 * Members carry no personal data yet: who they are to the case is all the screening
 * knows. Names and contact details arrive with the referral data the person gives.
 */
export const memberRelations = ["person-screened", "carer", "child"] as const;
export type MemberRelation = (typeof memberRelations)[number];

export interface CaseMember {
  id: string;
  relation: MemberRelation;
}

/** The members a finished screening tells of, besides the person screened: a carer answering for them, and each child. */
export function membersToldOf(person: Pick<PersonProfile, "helpFor" | "childrenCount">): MemberRelation[] {
  return [...(person.helpFor === "someone-i-care-for" ? (["carer"] as const) : []), ...Array.from({ length: person.childrenCount }, () => "child" as const)];
}

/**
 * The member a need is for, when it is for one person (the person screened, or the
 * carer); null when it is for several (the children, the family as a whole).
 */
export function memberFor(subject: NeedSubject, members: readonly CaseMember[]): string | null {
  const relation: MemberRelation | null = subject === "person" ? "person-screened" : subject === "carer" ? "carer" : null;
  return (relation && members.find((member) => member.relation === relation)?.id) ?? null;
}

/**
 * The package the engine proposed, stored once, a row per need and service: the services
 * proposed ("proposed": the package itself, `rank` its order), the other options for each
 * need ("alternative", `rank` their order under the need), and the needs no service
 * meets ("unmet"). Every page that shows the package reads these rows.
 */
export const packageItemKinds = ["proposed", "alternative", "unmet"] as const;
export type PackageItemKind = (typeof packageItemKinds)[number];

export interface PackageItemRow {
  kind: PackageItemKind;
  needCode: NeedCode;
  /** The need's place among the case's needs, most urgent first. */
  needRank: number;
  subject: NeedSubject;
  memberId: string | null;
  serviceId: number | null;
  organizationId: number | null;
  rank: number;
  reasons: ReasonCode[];
  /** The pathway the proposed service was handed to, to wait for consent there; null for services no pathway asked for. */
  pathwayInstanceId: string | null;
}

export interface ProposedPackage {
  caseId: string;
  proposedAt: string;
  helpFor: PersonProfile["helpFor"];
  items: PackageItemRow[];
}

/** The matcher's package as rows to store: `needs` in the page's order, `pathwayOf` the pathway each proposed service went to. */
export function packageItemRows(
  needs: readonly NeedCode[],
  servicePackage: Pick<ServicePackage, "items" | "alternatives" | "unmetNeeds">,
  person: Pick<PersonProfile, "helpFor">,
  members: readonly CaseMember[],
  pathwayOf: (serviceId: number) => string | null,
): PackageItemRow[] {
  const row = (kind: PackageItemKind, needCode: NeedCode, rank: number, service: Pick<ScoredService, "serviceId" | "organizationId" | "reasons"> | null) => {
    const subject = needSubject(needCode, person);
    return {
      kind,
      needCode,
      needRank: needs.indexOf(needCode),
      subject,
      memberId: memberFor(subject, members),
      serviceId: service?.serviceId ?? null,
      organizationId: service?.organizationId ?? null,
      rank,
      reasons: service?.reasons ?? [],
      pathwayInstanceId: kind === "proposed" && service ? pathwayOf(service.serviceId) : null,
    };
  };
  return [
    ...servicePackage.items.flatMap((item, rank) => item.coversInPackage.map((code) => row("proposed", code, rank, item))),
    ...needs.flatMap((code) => (servicePackage.alternatives[code] ?? []).map((alternative, rank) => row("alternative", code, rank, alternative))),
    ...servicePackage.unmetNeeds.map((code, rank) => row("unmet", code, rank, null)),
  ];
}

/** A service proposed in the stored package, with the needs it was proposed for (in the needs' order). */
export interface PackageService {
  serviceId: number;
  organizationId: number;
  reasons: ReasonCode[];
  needCodes: NeedCode[];
  pathwayInstanceId: string | null;
}

/** The stored rows, in any order, as the package they were made from: the needs in order, the proposed services in order, the options, the unmet needs. */
export function packageOfRows(rows: readonly PackageItemRow[]): {
  needs: NeedCode[];
  proposed: PackageService[];
  alternatives: Partial<Record<NeedCode, { serviceId: number; organizationId: number; reasons: ReasonCode[] }[]>>;
  unmetNeeds: NeedCode[];
  subjects: Map<NeedCode, NeedSubject>;
} {
  const byRank = (a: PackageItemRow, b: PackageItemRow) => a.rank - b.rank || a.needRank - b.needRank;
  const needs = [...new Map([...rows].sort((a, b) => a.needRank - b.needRank).map((row) => [row.needCode, row.needRank])).keys()];
  const proposed: PackageService[] = [];
  for (const row of rows.filter((candidate) => candidate.kind === "proposed").sort(byRank)) {
    const service = proposed.find((entry) => entry.serviceId === row.serviceId);
    if (service) service.needCodes.push(row.needCode);
    else proposed.push({ serviceId: row.serviceId!, organizationId: row.organizationId!, reasons: row.reasons, needCodes: [row.needCode], pathwayInstanceId: row.pathwayInstanceId });
  }
  const alternatives: Partial<Record<NeedCode, { serviceId: number; organizationId: number; reasons: ReasonCode[] }[]>> = {};
  for (const row of rows.filter((candidate) => candidate.kind === "alternative").sort(byRank)) {
    (alternatives[row.needCode] ??= []).push({ serviceId: row.serviceId!, organizationId: row.organizationId!, reasons: row.reasons });
  }
  const unmetNeeds = rows.filter((row) => row.kind === "unmet").sort(byRank).map((row) => row.needCode);
  return { needs, proposed, alternatives, unmetNeeds, subjects: new Map(rows.map((row) => [row.needCode, row.subject])) };
}
