import type { Need, Urgency } from "../needs/need.ts";
import { needCodes, type NeedCode } from "../needs/taxonomy.ts";
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

/**
 * What about a service is the same for everyone: its needs as bits, its fixed score
 * points and reasons. Computed once per candidate object and cached, so a catalogue held
 * in memory pays for it once, not once per screening.
 */
interface ServiceFacts {
  /** Positions of the service's needs (and required needs) in the taxonomy. */
  needIndexes: number[];
  requiredIndexes: number[];
  fixedPoints: number;
  fixedReasons: ReasonCode[];
  /** Monthly cost of a priced service, for the budget check; null when not priced. */
  pricedMonthlyCents: number | null;
  priced: boolean;
}

const taxonomyIndex = new Map<string, number>(needCodes.map((code, index) => [code, index]));
const indexesOf = (codes: readonly string[]) => codes.flatMap((code) => taxonomyIndex.get(code) ?? []);

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
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

const factsCache = new WeakMap<CandidateService, ServiceFacts>();

function factsOf(service: CandidateService): ServiceFacts {
  const cached = factsCache.get(service);
  if (cached) return cached;
  const reasons: ReasonCode[] = [];
  let points = 0;
  const cost = service.cost;
  let priced = false;
  let pricedMonthlyCents: number | null = null;
  if (!cost || cost.kind === "free") {
    points += 10;
    reasons.push("no-cost");
  } else if (cost.kind === "voucher") {
    points += 6;
    reasons.push("service-voucher");
  } else if (cost.kind === "income_related") {
    points += 6;
    reasons.push("income-related-fee");
  } else {
    priced = true;
    pricedMonthlyCents = cost.amountCents === null ? null : cost.amountCents * (cost.unit ? usesPerMonth[cost.unit] : 1);
  }
  const wait = service.typicalWaitDays;
  if (wait !== null) {
    points += Math.max(0, 10 - Math.floor(wait / 6));
    if (wait === 0) reasons.push("no-wait");
    else if (wait <= 7) reasons.push("short-wait");
    else if (wait > 30) reasons.push("long-wait");
  }
  if (service.capacity === "full") points -= 15;
  if (service.capacity === "waitlist") {
    points -= 8;
    reasons.push("waiting-list");
  }
  if (service.capacity === "limited") points -= 3;
  if (service.qualityRating !== null) {
    points += Math.round((service.qualityRating - 3) * 5);
    if (service.qualityRating >= 4.3) reasons.push("highly-rated");
  }
  if (service.organizationType === "public") reasons.push("public-provider");
  if (service.organizationType === "non_profit") reasons.push("non-profit-provider");
  const facts: ServiceFacts = {
    needIndexes: indexesOf(service.needCodes),
    requiredIndexes: indexesOf(service.requiredNeedCodes),
    fixedPoints: points,
    fixedReasons: reasons,
    pricedMonthlyCents,
    priced,
  };
  factsCache.set(service, facts);
  return facts;
}

/**
 * What about the person the filters and score read, prepared once per screening. The
 * person's needs are bits of one integer (a person has a handful, never 31), so a
 * service's coverage is a few array reads and the set cover compares integers.
 */
interface PersonTerms {
  person: PersonProfile;
  /** The person's needs in order; need i is bit 1 << i. */
  codes: NeedCode[];
  needMask: number;
  /** The person's bit for each taxonomy position (0 when the person lacks that need). */
  bitByTaxonomyIndex: Int32Array;
  /** Score points per bit position, by urgency. */
  pointsByPosition: number[];
}

function termsFor(needs: readonly Pick<Need, "code" | "urgency">[], person: PersonProfile): PersonTerms {
  const bitByTaxonomyIndex = new Int32Array(needCodes.length);
  const codes: NeedCode[] = [];
  const pointsByPosition: number[] = [];
  for (const need of needs) {
    const index = taxonomyIndex.get(need.code);
    if (index === undefined || bitByTaxonomyIndex[index] !== 0 || codes.length === 31) continue;
    bitByTaxonomyIndex[index] = 1 << codes.length;
    codes.push(need.code);
    pointsByPosition.push(30 * urgencyWeight[need.urgency]);
  }
  return { person, codes, needMask: codes.length === 0 ? 0 : 2 ** codes.length - 1, bitByTaxonomyIndex, pointsByPosition };
}

function personalMask(indexes: readonly number[], terms: PersonTerms): number {
  let mask = 0;
  for (const index of indexes) mask |= terms.bitByTaxonomyIndex[index]!;
  return mask;
}

const codesIn = (mask: number, terms: PersonTerms) => terms.codes.filter((_, position) => (mask & (1 << position)) !== 0);

function firstFailedFilter(service: CandidateService, facts: ServiceFacts, terms: PersonTerms): ExclusionReason | null {
  const { person } = terms;
  if (service.status !== "active" || service.publicationStatus !== "published") return "not-published";
  if (!service.acceptsReferrals) return "not-accepting-referrals";
  if (personalMask(facts.needIndexes, terms) === 0) return "no-matching-need";
  if (facts.requiredIndexes.length > 0 && personalMask(facts.requiredIndexes, terms) === 0) return "eligibility-needs";
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

/** The first hard filter the service fails for this person, or null when eligible. */
export function exclusionReason(service: CandidateService, person: PersonProfile, needCodes: ReadonlySet<NeedCode>): ExclusionReason | null {
  const terms = termsFor([...needCodes].map((code) => ({ code, urgency: "routine" as const })), person);
  return firstFailedFilter(service, factsOf(service), terms);
}

/** 12 points when the service speaks the person's first language, 6 for another of theirs. */
function languageMatch(serviceLanguages: readonly string[], personLanguages: readonly string[]): number {
  for (let index = 0; index < personLanguages.length; index += 1) {
    if (serviceLanguages.includes(personLanguages[index]!)) return index === 0 ? 12 : 6;
  }
  return 0;
}

/** The person-dependent points; pushes the reasons too when given a list to push them to. */
function personalPoints(service: CandidateService, facts: ServiceFacts, terms: PersonTerms, reasons: ReasonCode[] | null): number {
  const { person } = terms;
  const covered = personalMask(facts.needIndexes, terms);
  let points = 0;
  for (let position = 0; position < terms.codes.length; position += 1) {
    if ((covered & (1 << position)) !== 0) points += terms.pointsByPosition[position]!;
  }
  if (reasons && bitCount(covered) > 1) reasons.push("covers-several-needs");

  const languagePoints = languageMatch(service.languages, person.languages);
  if (languagePoints > 0) {
    points += languagePoints;
    reasons?.push("speaks-your-language");
  }

  if (service.comesToThePerson) {
    points += 6;
    reasons?.push("comes-to-you");
  } else if (service.locationMunicipalities.includes(person.municipality)) {
    points += 6;
    reasons?.push("in-your-municipality");
  }

  const budget = person.preferences.maxMonthlyCostCents;
  if (facts.priced && budget !== null) {
    if (facts.pricedMonthlyCents !== null && facts.pricedMonthlyCents > budget) {
      points -= 20;
      reasons?.push("over-your-budget");
    } else {
      reasons?.push("within-your-budget");
    }
  }
  return points;
}

function explain(service: CandidateService, facts: ServiceFacts, terms: PersonTerms, score: number): ScoredService {
  const reasons: ReasonCode[] = [];
  personalPoints(service, facts, terms, reasons);
  return {
    serviceId: service.id,
    organizationId: service.organizationId,
    needCodes: codesIn(personalMask(facts.needIndexes, terms), terms),
    score,
    reasons: [...reasons, ...facts.fixedReasons],
  };
}

/** Score and reasons for one service; weights are integers so equal inputs give equal scores. */
export function scoreService(service: CandidateService, person: PersonProfile, needs: readonly Need[]): ScoredService {
  const facts = factsOf(service);
  const terms = termsFor(needs, person);
  return explain(service, facts, terms, facts.fixedPoints + personalPoints(service, facts, terms, null));
}

interface Ranked {
  service: CandidateService;
  facts: ServiceFacts;
  /** The person's needs this service covers, as bits. */
  mask: number;
  score: number;
}

const byScoreThenId = (a: Ranked, b: Ranked) => b.score - a.score || a.service.id - b.service.id;

export function matchServices(needs: readonly Need[], person: PersonProfile, candidates: readonly CandidateService[]): ServicePackage {
  const terms = termsFor(needs, person);
  const excluded: ServicePackage["excluded"] = {};
  const seen = new Set<number>();
  const ranked: Ranked[] = [];
  for (const service of candidates) {
    if (seen.has(service.id)) continue;
    seen.add(service.id);
    const facts = factsOf(service);
    const reason = firstFailedFilter(service, facts, terms);
    if (reason) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    ranked.push({ service, facts, mask: personalMask(facts.needIndexes, terms), score: facts.fixedPoints + personalPoints(service, facts, terms, null) });
  }

  // No global sort: each provider's services are sorted (providers are small), and the
  // alternatives need only the best few per need.
  interface Provider {
    organizationId: number;
    services: Ranked[];
    mask: number;
  }
  const providers = new Map<number, Provider>();
  let coverable = 0;
  for (const entry of ranked) {
    coverable |= entry.mask;
    let provider = providers.get(entry.service.organizationId);
    if (!provider) {
      provider = { organizationId: entry.service.organizationId, services: [], mask: 0 };
      providers.set(entry.service.organizationId, provider);
    }
    provider.services.push(entry);
    provider.mask |= entry.mask;
  }
  for (const provider of providers.values()) if (provider.services.length > 1) provider.services.sort(byScoreThenId);

  const items: PackageItem[] = [];
  let uncovered = coverable;
  while (uncovered !== 0) {
    const provider = bestProvider(providers.values(), uncovered);
    for (const entry of servicesCovering(provider.services, uncovered)) {
      const coversInPackage = codesIn(entry.mask & uncovered, terms);
      uncovered &= ~entry.mask;
      items.push({ ...explain(entry.service, entry.facts, terms, entry.score), coversInPackage });
    }
  }

  const inPackage = new Set(items.map((item) => item.serviceId));
  const best: Ranked[][] = terms.codes.map(() => []);
  for (const entry of ranked) {
    if (inPackage.has(entry.service.id)) continue;
    for (let position = 0; position < terms.codes.length; position += 1) {
      if ((entry.mask & (1 << position)) !== 0) keepBest(best[position]!, entry);
    }
  }
  const alternatives: ServicePackage["alternatives"] = {};
  for (const code of [...terms.codes].sort()) {
    const others = best[terms.codes.indexOf(code)]!;
    if (others.length > 0) alternatives[code] = others.map((entry) => explain(entry.service, entry.facts, terms, entry.score));
  }

  const unmetNeeds = codesIn(terms.needMask & ~coverable, terms).sort();
  return { items, alternatives, unmetNeeds, excluded };
}

/** Keeps `list` as the best `maxAlternativesPerNeed` entries seen, in rank order. */
function keepBest(list: Ranked[], entry: Ranked): void {
  if (list.length === maxAlternativesPerNeed && byScoreThenId(entry, list[list.length - 1]!) >= 0) return;
  let index = list.length;
  while (index > 0 && byScoreThenId(entry, list[index - 1]!) < 0) index -= 1;
  list.splice(index, 0, entry);
  if (list.length > maxAlternativesPerNeed) list.pop();
}

/**
 * The provider covering most uncovered needs; ties go to the one whose best service for
 * them scores higher, then to the lower id. A provider's services are in rank order, so
 * the first that touches the uncovered needs is its best for them.
 */
function bestProvider(providers: Iterable<{ organizationId: number; services: Ranked[]; mask: number }>, uncovered: number) {
  let best: { provider: { organizationId: number; services: Ranked[] }; covers: number; topScore: number } | null = null;
  for (const provider of providers) {
    const covers = bitCount(provider.mask & uncovered);
    if (covers === 0 || (best && covers < best.covers)) continue;
    const topScore = provider.services.find((entry) => (entry.mask & uncovered) !== 0)!.score;
    if (
      !best ||
      covers > best.covers ||
      topScore > best.topScore ||
      (topScore === best.topScore && provider.organizationId < best.provider.organizationId)
    ) {
      best = { provider, covers, topScore };
    }
  }
  return best!.provider;
}

/** Within one provider: the fewest services that cover what it can of `uncovered`, best first. */
function servicesCovering(services: readonly Ranked[], uncovered: number): Ranked[] {
  let remaining = uncovered;
  const chosen: Ranked[] = [];
  for (;;) {
    let best: { entry: Ranked; covers: number } | null = null;
    for (const entry of services) {
      const covers = bitCount(entry.mask & remaining);
      if (covers > 0 && (!best || covers > best.covers)) best = { entry, covers };
    }
    if (!best) return chosen;
    chosen.push(best.entry);
    remaining &= ~best.entry.mask;
  }
}
