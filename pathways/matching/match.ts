import type { Need, Urgency } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import type { CandidateService } from "./candidate.ts";

/**
 * Matching: needs × person × catalogue → a service package. Deterministic (the same input
 * gives the same package, whatever the order of the candidates) and explainable (every
 * proposal carries reason codes the UI translates; every exclusion has a named filter).
 *
 * 1. Hard filters decide eligibility.
 * 2. A score ranks eligible services.
 * 3. The package covers every need that some eligible service covers, with as few
 *    providers as a greedy set cover finds: the provider covering most uncovered needs
 *    first, so one provider covering several needs beats several covering one each.
 * 4. Up to three alternatives per need, best first, none already in the package.
 */

export const matchingVersion = 1;

export const exclusionReasons = [
  "not-published",
  "not-accepting-referrals",
  "no-matching-need",
  "eligibility-needs",
  "too-young",
  "too-old",
  "out-of-area",
  "not-publicly-funded",
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

export const reasonCodes = [
  "covers-several-needs",
  "speaks-your-language",
  "in-your-municipality",
  "comes-to-you",
  "no-cost",
  "service-voucher",
  "income-related-fee",
  "within-your-budget",
  "over-your-budget",
  "no-wait",
  "short-wait",
  "long-wait",
  "waiting-list",
  "highly-rated",
  "public-provider",
  "non-profit-provider",
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface ScoredService {
  serviceId: number;
  organizationId: number;
  /** The person's needs this service covers. */
  needCodes: NeedCode[];
  score: number;
  reasons: ReasonCode[];
}

export interface PackageItem extends ScoredService {
  /** The needs this item is in the package for (a subset of needCodes). */
  coversInPackage: NeedCode[];
}

export interface ServicePackage {
  items: PackageItem[];
  alternatives: Partial<Record<NeedCode, ScoredService[]>>;
  /** Needs no eligible service covers: the commissioners' gap report. */
  unmetNeeds: NeedCode[];
  /** How many candidates each hard filter excluded (the first filter that failed). */
  excluded: Partial<Record<ExclusionReason, number>>;
}

export const maxAlternativesPerNeed = 3;

/** The first hard filter the service fails for this person, or null when eligible. */
export function exclusionReason(service: CandidateService, person: PersonProfile, needCodes: ReadonlySet<NeedCode>): ExclusionReason | null {
  if (service.status !== "active" || service.publicationStatus !== "published") return "not-published";
  if (!service.acceptsReferrals) return "not-accepting-referrals";
  if (!service.needCodes.some((code) => needCodes.has(code))) return "no-matching-need";
  if (service.requiredNeedCodes.length > 0 && !service.requiredNeedCodes.some((code) => needCodes.has(code))) {
    return "eligibility-needs";
  }
  if (service.minimumAge !== null && person.age < service.minimumAge) return "too-young";
  if (service.maximumAge !== null && person.age > service.maximumAge) return "too-old";
  if (!service.areas.includes(person.municipality)) return "out-of-area";
  // "Public services only" means publicly organised or funded: public and non-profit
  // providers, and private providers only through a service voucher.
  if (person.preferences.providers === "public-only" && service.organizationType === "private" && service.cost?.kind !== "voucher") {
    return "not-publicly-funded";
  }
  return null;
}

const urgencyWeight: Record<Urgency, number> = { routine: 1, soon: 2, urgent: 3, emergency: 4 };

/** Typical uses a month for a unit price, to compare with a monthly budget. */
const usesPerMonth: Record<NonNullable<NonNullable<CandidateService["cost"]>["unit"]>, number> = {
  hour: 8,
  visit: 4,
  session: 4,
  day: 4,
  month: 1,
  meal: 20,
  trip: 8,
  course: 1,
};

function monthlyCostCents(cost: NonNullable<CandidateService["cost"]>): number | null {
  if (cost.amountCents === null) return null;
  return cost.amountCents * (cost.unit ? usesPerMonth[cost.unit] : 1);
}

/** Score and reasons; weights are integers so equal inputs give exactly equal scores. */
export function scoreService(service: CandidateService, person: PersonProfile, needs: readonly Need[]): ScoredService {
  const reasons: ReasonCode[] = [];
  const covered = needs.filter((need) => service.needCodes.includes(need.code));
  let score = covered.reduce((sum, need) => sum + 30 * urgencyWeight[need.urgency], 0);
  if (covered.length > 1) reasons.push("covers-several-needs");

  const [firstLanguage] = person.languages;
  if (firstLanguage && service.languages.includes(firstLanguage)) {
    score += 12;
    reasons.push("speaks-your-language");
  } else if (person.languages.some((language) => service.languages.includes(language))) {
    score += 6;
    reasons.push("speaks-your-language");
  }

  if (service.comesToThePerson) {
    score += 6;
    reasons.push("comes-to-you");
  } else if (service.locationMunicipalities.includes(person.municipality)) {
    score += 6;
    reasons.push("in-your-municipality");
  }

  const cost = service.cost;
  if (!cost || cost.kind === "free") {
    score += 10;
    reasons.push("no-cost");
  } else if (cost.kind === "voucher") {
    score += 6;
    reasons.push("service-voucher");
  } else if (cost.kind === "income_related") {
    score += 6;
    reasons.push("income-related-fee");
  } else {
    const monthly = monthlyCostCents(cost);
    const budget = person.preferences.maxMonthlyCostCents;
    if (budget !== null && monthly !== null && monthly > budget) {
      score -= 20;
      reasons.push("over-your-budget");
    } else if (budget !== null) {
      reasons.push("within-your-budget");
    }
  }

  const wait = service.typicalWaitDays;
  if (wait !== null) {
    score += Math.max(0, 10 - Math.floor(wait / 6));
    if (wait === 0) reasons.push("no-wait");
    else if (wait <= 7) reasons.push("short-wait");
    else if (wait > 30) reasons.push("long-wait");
  }
  if (service.capacity === "full") score -= 15;
  if (service.capacity === "waitlist") {
    score -= 8;
    reasons.push("waiting-list");
  }
  if (service.capacity === "limited") score -= 3;

  if (service.qualityRating !== null) {
    score += Math.round((service.qualityRating - 3) * 5);
    if (service.qualityRating >= 4.3) reasons.push("highly-rated");
  }
  if (service.organizationType === "public") reasons.push("public-provider");
  if (service.organizationType === "non_profit") reasons.push("non-profit-provider");

  return {
    serviceId: service.id,
    organizationId: service.organizationId,
    needCodes: covered.map((need) => need.code),
    score,
    reasons,
  };
}

const byScoreThenId = (a: ScoredService, b: ScoredService) => b.score - a.score || a.serviceId - b.serviceId;

export function matchServices(needs: readonly Need[], person: PersonProfile, candidates: readonly CandidateService[]): ServicePackage {
  const needCodes = new Set(needs.map((need) => need.code));
  const excluded: ServicePackage["excluded"] = {};
  const eligible = new Map<number, ScoredService>();
  for (const service of candidates) {
    if (eligible.has(service.id)) continue;
    const reason = exclusionReason(service, person, needCodes);
    if (reason) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    eligible.set(service.id, scoreService(service, person, needs));
  }
  const ranked = [...eligible.values()].sort(byScoreThenId);

  const items: PackageItem[] = [];
  const uncovered = new Set([...needCodes].filter((code) => ranked.some((service) => service.needCodes.includes(code))));
  const unmetNeeds = [...needCodes].filter((code) => !uncovered.has(code)).sort();

  const byOrganization = new Map<number, ScoredService[]>();
  for (const service of ranked) {
    const services = byOrganization.get(service.organizationId) ?? [];
    services.push(service);
    byOrganization.set(service.organizationId, services);
  }

  while (uncovered.size > 0) {
    const organization = bestOrganization(byOrganization, uncovered);
    for (const service of servicesCovering(byOrganization.get(organization)!, uncovered)) {
      const coversInPackage = service.needCodes.filter((code) => uncovered.has(code));
      for (const code of coversInPackage) uncovered.delete(code);
      items.push({ ...service, coversInPackage });
    }
  }

  const inPackage = new Set(items.map((item) => item.serviceId));
  const alternatives: ServicePackage["alternatives"] = {};
  for (const code of [...needCodes].sort()) {
    const others = ranked.filter((service) => !inPackage.has(service.serviceId) && service.needCodes.includes(code));
    if (others.length > 0) alternatives[code] = others.slice(0, maxAlternativesPerNeed);
  }

  return { items, alternatives, unmetNeeds, excluded };
}

/** The provider covering most uncovered needs; ties go to the better best score, then the lower id. */
function bestOrganization(byOrganization: Map<number, ScoredService[]>, uncovered: ReadonlySet<NeedCode>): number {
  let best: { organizationId: number; covers: number; topScore: number } | null = null;
  for (const [organizationId, services] of byOrganization) {
    const covers = new Set(services.flatMap((service) => service.needCodes.filter((code) => uncovered.has(code)))).size;
    if (covers === 0) continue;
    const topScore = Math.max(...services.filter((service) => service.needCodes.some((code) => uncovered.has(code))).map((s) => s.score));
    if (
      !best ||
      covers > best.covers ||
      (covers === best.covers && topScore > best.topScore) ||
      (covers === best.covers && topScore === best.topScore && organizationId < best.organizationId)
    ) {
      best = { organizationId, covers, topScore };
    }
  }
  return best!.organizationId;
}

/** Within one provider: the fewest services that cover what it can of `uncovered`, best first. */
function servicesCovering(services: readonly ScoredService[], uncovered: ReadonlySet<NeedCode>): ScoredService[] {
  const remaining = new Set(uncovered);
  const chosen: ScoredService[] = [];
  for (;;) {
    let best: { service: ScoredService; covers: number } | null = null;
    for (const service of services) {
      const covers = service.needCodes.filter((code) => remaining.has(code)).length;
      if (covers > 0 && (!best || covers > best.covers)) best = { service, covers };
    }
    if (!best) return chosen;
    chosen.push(best.service);
    for (const code of best.service.needCodes) remaining.delete(code);
  }
}
