import type { Need, Urgency } from "../needs/need.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import type { CandidateService } from "./candidate.ts";
import { CandidateIndex, costKindCodes, listContains, listPosition, taxonomyIndex } from "./candidate-index.ts";

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

const urgencyWeight: Record<Urgency, number> = { routine: 1, soon: 2, urgent: 3, emergency: 4 };

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
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
  municipality: number;
  languages: number[];
}

function termsFor(needs: readonly Pick<Need, "code" | "urgency">[], person: PersonProfile, index: CandidateIndex): PersonTerms {
  const bitByTaxonomyIndex = new Int32Array(taxonomyIndex.size);
  const codes: NeedCode[] = [];
  const pointsByPosition: number[] = [];
  for (const need of needs) {
    const position = taxonomyIndex.get(need.code);
    if (position === undefined || bitByTaxonomyIndex[position] !== 0 || codes.length === 31) continue;
    bitByTaxonomyIndex[position] = 1 << codes.length;
    codes.push(need.code);
    pointsByPosition.push(30 * urgencyWeight[need.urgency]);
  }
  return {
    person,
    codes,
    needMask: codes.length === 0 ? 0 : 2 ** codes.length - 1,
    bitByTaxonomyIndex,
    pointsByPosition,
    municipality: index.municipalityNumber(person.municipality),
    languages: person.languages.map((code) => index.languageNumber(code)),
  };
}

function needMaskOf(lists: CandidateIndex["needs"], position: number, terms: PersonTerms): number {
  let mask = 0;
  for (let at = lists.offsets[position]!; at < lists.offsets[position + 1]!; at += 1) mask |= terms.bitByTaxonomyIndex[lists.values[at]!]!;
  return mask;
}

const codesIn = (mask: number, terms: PersonTerms) => terms.codes.filter((_, position) => (mask & (1 << position)) !== 0);

function firstFailedFilter(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): ExclusionReason | null {
  const { person } = terms;
  if (index.published[position] === 0) return "not-published";
  if (index.acceptsReferrals[position] === 0) return "not-accepting-referrals";
  if (mask === 0) return "no-matching-need";
  const required = index.requiredNeeds;
  if (required.offsets[position + 1]! > required.offsets[position]! && needMaskOf(required, position, terms) === 0) {
    return "eligibility-needs";
  }
  const minimumAge = index.minimumAge[position]!;
  if (minimumAge !== -1 && person.age < minimumAge) return "too-young";
  const maximumAge = index.maximumAge[position]!;
  if (maximumAge !== -1 && person.age > maximumAge) return "too-old";
  if (!listContains(index.areas, position, terms.municipality)) return "out-of-area";
  // "Public services only" means publicly organised or funded: public and non-profit
  // providers, and private providers only through a service voucher.
  if (person.preferences.providers === "public-only" && index.privatelyPaid[position] === 1) return "not-publicly-funded";
  return null;
}

/**
 * The score of one service for one person, with integer weights so equal inputs give
 * exactly equal scores; pushes the reasons too when given a list to push them to.
 */
function scoreOf(index: CandidateIndex, position: number, terms: PersonTerms, mask: number, reasons: ReasonCode[] | null): number {
  let points = 0;
  for (let bit = 0; bit < terms.codes.length; bit += 1) if ((mask & (1 << bit)) !== 0) points += terms.pointsByPosition[bit]!;
  if (reasons && bitCount(mask) > 1) reasons.push("covers-several-needs");

  for (let preference = 0; preference < terms.languages.length; preference += 1) {
    if (listContains(index.languages, position, terms.languages[preference]!)) {
      points += preference === 0 ? 12 : 6;
      reasons?.push("speaks-your-language");
      break;
    }
  }

  if (index.comesToThePerson[position] === 1) {
    points += 6;
    reasons?.push("comes-to-you");
  } else if (listPosition(index.locations, position, terms.municipality) !== -1) {
    points += 6;
    reasons?.push("in-your-municipality");
  }

  const costKind = index.costKind[position];
  if (costKind === costKindCodes.free) {
    points += 10;
    reasons?.push("no-cost");
  } else if (costKind === costKindCodes.voucher) {
    points += 6;
    reasons?.push("service-voucher");
  } else if (costKind === costKindCodes.income_related) {
    points += 6;
    reasons?.push("income-related-fee");
  } else {
    const budget = terms.person.preferences.maxMonthlyCostCents;
    const monthly = index.monthlyCents[position]!;
    if (budget !== null && monthly !== -1 && monthly > budget) {
      points -= 20;
      reasons?.push("over-your-budget");
    } else if (budget !== null) {
      reasons?.push("within-your-budget");
    }
  }

  const wait = index.typicalWaitDays[position]!;
  if (wait !== -1) {
    points += Math.max(0, 10 - Math.floor(wait / 6));
    if (wait === 0) reasons?.push("no-wait");
    else if (wait <= 7) reasons?.push("short-wait");
    else if (wait > 30) reasons?.push("long-wait");
  }
  const capacity = index.capacity[position];
  if (capacity === 3) points -= 15;
  if (capacity === 2) {
    points -= 8;
    reasons?.push("waiting-list");
  }
  if (capacity === 1) points -= 3;

  const rating = index.qualityRating[position]!;
  if (rating !== -1) {
    points += Math.round((rating - 3) * 5);
    if (rating >= 4.3) reasons?.push("highly-rated");
  }
  if (index.organizationType[position] === 0) reasons?.push("public-provider");
  if (index.organizationType[position] === 2) reasons?.push("non-profit-provider");
  return points;
}

function explain(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): ScoredService {
  const reasons: ReasonCode[] = [];
  const score = scoreOf(index, position, terms, mask, reasons);
  return { serviceId: index.id[position]!, organizationId: index.organizationId[position]!, needCodes: codesIn(mask, terms), score, reasons };
}

/** The first hard filter the service fails for this person, or null when eligible. */
export function exclusionReason(service: CandidateService, person: PersonProfile, needCodes: ReadonlySet<NeedCode>): ExclusionReason | null {
  const index = new CandidateIndex([service]);
  const terms = termsFor([...needCodes].map((code) => ({ code, urgency: "routine" as const })), person, index);
  return firstFailedFilter(index, 0, terms, needMaskOf(index.needs, 0, terms));
}

/** Score and reasons for one service. */
export function scoreService(service: CandidateService, person: PersonProfile, needs: readonly Need[]): ScoredService {
  const index = new CandidateIndex([service]);
  const terms = termsFor(needs, person, index);
  return explain(index, 0, terms, needMaskOf(index.needs, 0, terms));
}

/** Matches over any list of candidates (each id counted once). */
export function matchServices(needs: readonly Need[], person: PersonProfile, candidates: readonly CandidateService[]): ServicePackage {
  const unique = [...new Map(candidates.map((service) => [service.id, service])).values()];
  const index = new CandidateIndex(unique);
  return matchIndexed(needs, person, index, unique.keys());
}

/**
 * Matches over a prepared index. `positions` are the candidates to consider; by default
 * the services serving the person's municipality and tagged with any of the needs (so
 * none is excluded for lacking a need or for the area).
 *
 * The eligible services live in three parallel typed arrays (position, need bits, score)
 * and providers in one array of need bits: at a million services a screening meets
 * hundreds of thousands of candidates, and an object each would cost more than the work.
 */
export function matchIndexed(
  needs: readonly Need[],
  person: PersonProfile,
  index: CandidateIndex,
  positions: Iterable<number> = positionsForNeeds(index, needs, person.municipality),
): ServicePackage {
  const terms = termsFor(needs, person, index);
  const excluded: ServicePackage["excluded"] = {};
  const candidates = Array.isArray(positions) ? (positions as number[]) : [...positions];
  const rankedPosition = new Int32Array(candidates.length);
  const rankedMask = new Int32Array(candidates.length);
  const rankedScore = new Float64Array(candidates.length);
  const providerMask = new Int32Array(index.organizationCount);
  let count = 0;
  let coverable = 0;
  for (const position of candidates) {
    const mask = needMaskOf(index.needs, position, terms);
    const reason = firstFailedFilter(index, position, terms, mask);
    if (reason) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    rankedPosition[count] = position;
    rankedMask[count] = mask;
    rankedScore[count] = scoreOf(index, position, terms, mask, null);
    providerMask[index.organizationNumber[position]!]! |= mask;
    coverable |= mask;
    count += 1;
  }
  /** Rank order: higher score first, then lower service id. */
  const before = (a: number, b: number) =>
    rankedScore[a]! > rankedScore[b]! || (rankedScore[a] === rankedScore[b] && index.id[rankedPosition[a]!]! < index.id[rankedPosition[b]!]!);

  const items: PackageItem[] = [];
  const inPackage = new Set<number>();
  let uncovered = coverable;
  while (uncovered !== 0) {
    // The provider covering most uncovered needs; ties go to the one whose best service
    // for them scores higher, then to the lower provider id.
    let chosen = -1;
    let chosenCovers = 0;
    for (let entry = 0; entry < count; entry += 1) {
      if ((rankedMask[entry]! & uncovered) === 0) continue;
      const organization = index.organizationNumber[rankedPosition[entry]!]!;
      const covers = bitCount(providerMask[organization]! & uncovered);
      if (
        chosen === -1 ||
        covers > chosenCovers ||
        (covers === chosenCovers &&
          (rankedScore[entry]! > rankedScore[chosen]! ||
            (rankedScore[entry] === rankedScore[chosen] &&
              index.organizationId[rankedPosition[entry]!]! < index.organizationId[rankedPosition[chosen]!]!)))
      ) {
        chosen = entry;
        chosenCovers = covers;
      }
    }
    const organization = index.organizationNumber[rankedPosition[chosen]!]!;
    const services: number[] = [];
    for (let entry = 0; entry < count; entry += 1) {
      if (index.organizationNumber[rankedPosition[entry]!] === organization && (rankedMask[entry]! & uncovered) !== 0) services.push(entry);
    }
    services.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    // Within the provider: the fewest services that cover what it can, best first.
    for (;;) {
      let best = -1;
      let bestCovers = 0;
      for (const entry of services) {
        const covers = bitCount(rankedMask[entry]! & uncovered);
        if (covers > bestCovers) {
          best = entry;
          bestCovers = covers;
        }
      }
      if (best === -1) break;
      const position = rankedPosition[best]!;
      const coversInPackage = codesIn(rankedMask[best]! & uncovered, terms);
      uncovered &= ~rankedMask[best]!;
      inPackage.add(index.id[position]!);
      items.push({ ...explain(index, position, terms, rankedMask[best]!), coversInPackage });
    }
  }

  const best: number[][] = terms.codes.map(() => []);
  for (let entry = 0; entry < count; entry += 1) {
    if (inPackage.has(index.id[rankedPosition[entry]!]!)) continue;
    for (let bit = 0; bit < terms.codes.length; bit += 1) {
      if ((rankedMask[entry]! & (1 << bit)) === 0) continue;
      const list = best[bit]!;
      if (list.length === maxAlternativesPerNeed && !before(entry, list[list.length - 1]!)) continue;
      let at = list.length;
      while (at > 0 && before(entry, list[at - 1]!)) at -= 1;
      list.splice(at, 0, entry);
      if (list.length > maxAlternativesPerNeed) list.pop();
    }
  }
  const alternatives: ServicePackage["alternatives"] = {};
  for (const code of [...terms.codes].sort()) {
    const others = best[terms.codes.indexOf(code)]!;
    if (others.length > 0) {
      alternatives[code] = others.map((entry) => explain(index, rankedPosition[entry]!, terms, rankedMask[entry]!));
    }
  }

  const unmetNeeds = codesIn(terms.needMask & ~coverable, terms).sort();
  return { items, alternatives, unmetNeeds, excluded };
}

/** The services serving the municipality and tagged with any of the needs, each once. */
function positionsForNeeds(index: CandidateIndex, needs: readonly Pick<Need, "code">[], municipality: string): number[] {
  const lists = index.byAreaAndNeed[index.municipalityNumber(municipality)];
  if (!lists) return [];
  const seen = new Uint8Array(index.services.length);
  const positions: number[] = [];
  for (const need of needs) {
    const list = lists[taxonomyIndex.get(need.code) ?? -1];
    if (!list) continue;
    for (const position of list) {
      if (seen[position] === 1) continue;
      seen[position] = 1;
      positions.push(position);
    }
  }
  return positions;
}
