import type { Need, Urgency } from "../needs/need.ts";
import { adultAgeRange, childAgeRange, needSubject } from "../needs/subject.ts";
import type { NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import type { CandidateService } from "./candidate.ts";
import { CandidateIndex, costKindCodes, inSet, taxonomyIndex, type PositionSet } from "./candidate-index.ts";

/**
 * Matching: needs × person × catalogue → a service package. Deterministic (the same input
 * gives the same package, whatever the order of the candidates) and explainable (every
 * proposal carries reason codes the UI translates; every exclusion has a named filter).
 *
 * 1. Hard filters decide eligibility, per need where it depends on whom the need is for
 *    (ADR 015): a service's age limits are checked against the age of the need's subject,
 *    so it can be eligible for a child's needs and not for the parent's.
 * 2. A score ranks eligible services, after one rank above it: a service that asks for
 *    something the screening does not establish (a situation such as a recent hospital
 *    stay, or a service voucher, which only a decision grants) comes after those the
 *    person can go to on what they told us, whatever their scores (ADR 021).
 * 3. The package covers every need that some eligible service covers, with the fewest
 *    providers: the provider covering most uncovered needs first, so one provider covering
 *    several needs beats several covering one each, and where that greedy choice would end
 *    with more providers than needed, the best choice that still allows the fewest.
 *    Within a provider, its services that ask for nothing more come first.
 * 4. Up to three alternatives per need, best first, none already in the package.
 */

/**
 * Bumped when the same input gives another package: 2 checks ages per need's subject and
 * finds the fewest providers; 3 ranks a service asking for what the screening did not
 * establish (a situation, a voucher decision) after those that do not (ADR 021).
 */
export const matchingVersion = 3;

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
  "needs-a-decision-first",
  "only-in-some-situations",
  "highly-rated",
  "public-provider",
  "non-profit-provider",
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface ScoredService {
  serviceId: number;
  organizationId: number;
  /** The person's needs this service covers and is eligible for (whoever each is for). */
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

const lowestBit = (mask: number) => 31 - Math.clz32(mask & -mask);

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
  /** The needs by whom they are for (see needSubject): the bits of each. */
  personNeeds: number;
  childrensNeeds: number;
  familyNeeds: number;
  carersNeeds: number;
  municipality: number;
  servingMunicipality: PositionSet;
  locatedInMunicipality: PositionSet;
  /** The services given in each of the person's languages, preferred first. */
  givenInLanguages: PositionSet[];
}

function termsFor(needs: readonly Pick<Need, "code" | "urgency">[], person: PersonProfile, index: CandidateIndex): PersonTerms {
  const bitByTaxonomyIndex = new Int32Array(taxonomyIndex.size);
  const codes: NeedCode[] = [];
  const pointsByPosition: number[] = [];
  const subjectBits = { person: 0, children: 0, family: 0, carer: 0 };
  for (const need of needs) {
    const position = taxonomyIndex.get(need.code);
    if (position === undefined || bitByTaxonomyIndex[position] !== 0 || codes.length === 31) continue;
    const bit = 1 << codes.length;
    bitByTaxonomyIndex[position] = bit;
    codes.push(need.code);
    pointsByPosition.push(30 * urgencyWeight[need.urgency]);
    subjectBits[needSubject(need.code, person)] |= bit;
  }
  const municipality = index.municipalityNumber(person.municipality);
  return {
    person,
    codes,
    needMask: codes.length === 0 ? 0 : 2 ** codes.length - 1,
    bitByTaxonomyIndex,
    pointsByPosition,
    personNeeds: subjectBits.person,
    childrensNeeds: subjectBits.children,
    familyNeeds: subjectBits.family,
    carersNeeds: subjectBits.carer,
    municipality,
    servingMunicipality: index.serving(municipality),
    locatedInMunicipality: index.locatedIn(municipality),
    givenInLanguages: person.languages.map((code) => index.givenIn(index.languageNumber(code))),
  };
}

function needMaskOf(lists: CandidateIndex["needs"], position: number, terms: PersonTerms): number {
  let mask = 0;
  for (let at = lists.offsets[position]!; at < lists.offsets[position + 1]!; at += 1) mask |= terms.bitByTaxonomyIndex[lists.values[at]!]!;
  return mask;
}

const codesIn = (mask: number, terms: PersonTerms) => terms.codes.filter((_, position) => (mask & (1 << position)) !== 0);

/**
 * Of the needs in `mask`, those whose subject's age the service's limits admit: the
 * person's own age; children under 18 (any of those ages will do: the provider checks the
 * child's age at intake); a family when they admit the parent or the children; a carer
 * as an adult.
 */
function admittedByAge(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): number {
  const minimumAge = index.minimumAge[position]!;
  const maximumAge = index.maximumAge[position]!;
  if (minimumAge === -1 && maximumAge === -1) return mask;
  // No minimum is -1 and no maximum -1 too: the comparisons below let each through.
  const age = terms.person.age;
  const person = age >= minimumAge && (maximumAge === -1 || age <= maximumAge);
  const children = childAgeRange.highest >= minimumAge && (maximumAge === -1 || childAgeRange.lowest <= maximumAge);
  let admitted = 0;
  if (person) admitted |= terms.personNeeds;
  if (children) admitted |= terms.childrensNeeds;
  if (person || children) admitted |= terms.familyNeeds;
  if (maximumAge === -1 || adultAgeRange.lowest <= maximumAge) admitted |= terms.carersNeeds;
  return mask & admitted;
}

/** Why no need in `mask` is admitted: too young when whoever one of them is for is under the minimum age. */
function tooYoungOrOld(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): "too-young" | "too-old" {
  const minimumAge = index.minimumAge[position]!;
  if (minimumAge === -1) return "too-old";
  const age = terms.person.age;
  let young = 0;
  if (age < minimumAge) young |= terms.personNeeds;
  if (childAgeRange.highest < minimumAge) young |= terms.childrensNeeds;
  if (Math.max(age, childAgeRange.highest) < minimumAge) young |= terms.familyNeeds;
  return (mask & young) !== 0 ? "too-young" : "too-old";
}

/** `admitted`: the needs in `mask` whose subject's age the service admits (admittedByAge). */
function firstFailedFilter(index: CandidateIndex, position: number, terms: PersonTerms, mask: number, admitted: number): ExclusionReason | null {
  const { person } = terms;
  if (index.published[position] === 0) return "not-published";
  if (index.acceptsReferrals[position] === 0) return "not-accepting-referrals";
  if (mask === 0) return "no-matching-need";
  const required = index.requiredNeeds;
  if (required.offsets[position + 1]! > required.offsets[position]! && needMaskOf(required, position, terms) === 0) {
    return "eligibility-needs";
  }
  if (admitted === 0) return tooYoungOrOld(index, position, terms, mask);
  if (!inSet(terms.servingMunicipality, position)) return "out-of-area";
  // "Public services only" means publicly organised or funded: public and non-profit
  // providers, and private providers only through a service voucher.
  if (person.preferences.providers === "public-only" && index.privatelyPaid[position] === 1) return "not-publicly-funded";
  return null;
}

/** Which of the person's languages the service is given in first (0: the preferred one), or -1. */
function languageSpoken(position: number, terms: PersonTerms): number {
  for (let preference = 0; preference < terms.givenInLanguages.length; preference += 1) {
    if (inSet(terms.givenInLanguages[preference]!, position)) return preference;
  }
  return -1;
}

function placeReason(index: CandidateIndex, position: number, terms: PersonTerms): "comes-to-you" | "in-your-municipality" | null {
  if (index.comesToThePerson[position] === 1) return "comes-to-you";
  return inSet(terms.locatedInMunicipality, position) ? "in-your-municipality" : null;
}

/** Only for a priced service and a person who gave a budget. */
function budgetReason(index: CandidateIndex, position: number, terms: PersonTerms): "over-your-budget" | "within-your-budget" | null {
  const budget = terms.person.preferences.maxMonthlyCostCents;
  if (budget === null || index.costKind[position] !== costKindCodes.fixed_price) return null;
  const monthly = index.monthlyCents[position]!;
  return monthly !== -1 && monthly > budget ? "over-your-budget" : "within-your-budget";
}

/**
 * The score of one service for one person, with integer weights so equal inputs give
 * exactly equal scores: points for each need it covers by urgency, for the person's
 * preferred language (or another of theirs), for coming to them or being in their
 * municipality, less for a price over their budget, plus the index's steady points (cost
 * kind, wait, capacity, quality), which are the same for everyone.
 */
function scoreOf(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): number {
  let points = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) points += terms.pointsByPosition[lowestBit(rest)]!;
  const language = languageSpoken(position, terms);
  if (language !== -1) points += language === 0 ? 12 : 6;
  if (placeReason(index, position, terms) !== null) points += 6;
  if (budgetReason(index, position, terms) === "over-your-budget") points -= 20;
  return points + index.steadyPoints[position]!;
}

/** What the score rewards or counts against, in the order the UI lists them. */
function reasonsFor(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  if (bitCount(mask) > 1) reasons.push("covers-several-needs");
  if (languageSpoken(position, terms) !== -1) reasons.push("speaks-your-language");
  const place = placeReason(index, position, terms);
  if (place) reasons.push(place);
  const costKind = index.costKind[position];
  if (costKind === costKindCodes.free) reasons.push("no-cost");
  else if (costKind === costKindCodes.voucher) reasons.push("service-voucher");
  else if (costKind === costKindCodes.income_related) reasons.push("income-related-fee");
  else {
    const budget = budgetReason(index, position, terms);
    if (budget) reasons.push(budget);
  }
  const wait = index.typicalWaitDays[position]!;
  if (wait === 0) reasons.push("no-wait");
  else if (wait !== -1 && wait <= 7) reasons.push("short-wait");
  else if (wait > 30) reasons.push("long-wait");
  if (index.capacity[position] === 2) reasons.push("waiting-list");
  if (costKind === costKindCodes.voucher) reasons.push("needs-a-decision-first");
  if (index.namesSituation[position] === 1) reasons.push("only-in-some-situations");
  if (index.qualityRating[position]! >= 4.3) reasons.push("highly-rated");
  if (index.organizationType[position] === 0) reasons.push("public-provider");
  if (index.organizationType[position] === 2) reasons.push("non-profit-provider");
  return reasons;
}

function explain(index: CandidateIndex, position: number, terms: PersonTerms, mask: number): ScoredService {
  return {
    serviceId: index.id[position]!,
    organizationId: index.organizationId[position]!,
    needCodes: codesIn(mask, terms),
    score: scoreOf(index, position, terms, mask),
    reasons: reasonsFor(index, position, terms, mask),
  };
}

/** The first hard filter the service fails for this person, or null when eligible. */
export function exclusionReason(service: CandidateService, person: PersonProfile, needCodes: ReadonlySet<NeedCode>): ExclusionReason | null {
  const index = new CandidateIndex([service]);
  const terms = termsFor([...needCodes].map((code) => ({ code, urgency: "routine" as const })), person, index);
  const mask = needMaskOf(index.needs, 0, terms);
  return firstFailedFilter(index, 0, terms, mask, admittedByAge(index, 0, terms, mask));
}

/** Score and reasons for one service. */
export function scoreService(service: CandidateService, person: PersonProfile, needs: readonly Need[]): ScoredService {
  const index = new CandidateIndex([service]);
  const terms = termsFor(needs, person, index);
  return explain(index, 0, terms, admittedByAge(index, 0, terms, needMaskOf(index.needs, 0, terms)));
}

/** Matches over any list of candidates (each id counted once). */
export function matchServices(needs: readonly Need[], person: PersonProfile, candidates: readonly CandidateService[]): ServicePackage {
  const unique = [...new Map(candidates.map((service) => [service.id, service])).values()];
  const index = new CandidateIndex(unique);
  return matchIndexed(needs, person, index, unique.keys());
}

/** The candidates to consider and, for each, the bits of the person's needs it covers. */
interface Candidates {
  positions: Int32Array;
  masks: Int32Array;
  /**
   * Whether candidate a (an index into positions) comes before candidate b in the order
   * the candidates were asked for, which orders the exclusion counts (see matchIndexed).
   */
  askedBefore: (a: number, b: number) => boolean;
}

/** Marks a listed service even when none of its needs has a bit (needs past the 31st). */
const listedMark = 1 << 31;

/**
 * The services serving the municipality and tagged with any of the needs, each once, in
 * position order: reading their facts in the order they lie in memory takes a third of
 * the time of reading them need list by need list. Each need's list ORs its bit into a
 * mark per service, so a service's need bits come from the lists it is in, not from its
 * own list. As asked, they still come in the lists' order (need by need, then by id),
 * which orders the exclusion counts.
 */
function candidatesForNeeds(index: CandidateIndex, needs: readonly Pick<Need, "code">[], terms: PersonTerms): Candidates {
  const lists = index.byAreaAndNeed[terms.municipality];
  const marks = new Int32Array(lists ? index.services.length : 0);
  /** Per taxonomy position: where the need first comes in `needs`. */
  const needOrder = new Int32Array(taxonomyIndex.size).fill(needs.length);
  let listed = 0;
  needs.forEach((need, at) => {
    const taxonomyPosition = taxonomyIndex.get(need.code) ?? -1;
    const list = lists?.[taxonomyPosition];
    if (!list) return;
    needOrder[taxonomyPosition] = Math.min(needOrder[taxonomyPosition]!, at);
    listed += list.length;
    markAll(marks, list, terms.bitByTaxonomyIndex[taxonomyPosition]! | listedMark);
  });
  const positions = new Int32Array(listed);
  const masks = new Int32Array(listed);
  const count = collectMarked(marks, terms.needMask, positions, masks);
  // The lists go need by need, so a service's first list is that of its lowest need bit;
  // one listed only under needs past the 31st (no bit) comes after those, by its first such need.
  const firstList = (candidate: number) => {
    const mask = masks[candidate]!;
    if (mask !== 0) return lowestBit(mask);
    const position = positions[candidate]!;
    let first = needs.length;
    for (let at = index.needs.offsets[position]!; at < index.needs.offsets[position + 1]!; at += 1) {
      first = Math.min(first, needOrder[index.needs.values[at]!]!);
    }
    return 31 + first;
  };
  const askedBefore = (a: number, b: number) => {
    const listA = firstList(a);
    const listB = firstList(b);
    if (listA !== listB) return listA < listB;
    const idA = index.id[positions[a]!]!;
    const idB = index.id[positions[b]!]!;
    return idA !== idB ? idA < idB : positions[a]! < positions[b]!;
  };
  return { positions: positions.subarray(0, count), masks: masks.subarray(0, count), askedBefore };
}

/**
 * ORs a need's mark into each of its listed services' marks. This loop and collectMarked's
 * each have a function with nothing after the loop: V8 compiles a long loop while it runs
 * (on-stack replacement), before the code after it has ever run, and reused that compiled
 * loop at every match only to abandon it where that code begins.
 */
function markAll(marks: Int32Array, list: Int32Array, mark: number): void {
  for (let entry = 0; entry < list.length; entry += 1) marks[list[entry]!]! |= mark;
}

/** Each marked position and its need bits, in position order; returns how many. */
function collectMarked(marks: Int32Array, needMask: number, positions: Int32Array, masks: Int32Array): number {
  let count = 0;
  for (let position = 0; position < marks.length; position += 1) {
    const mark = marks[position]!;
    if (mark === 0) continue;
    positions[count] = position;
    masks[count] = mark & needMask;
    count += 1;
  }
  return count;
}

/** Up to this many needs, the fewest providers for each set of them is worked out exactly (a table of 2^needs bytes). */
const maxNeedsForFewestProviders = 12;

/**
 * For each set of the person's needs (as bits), the fewest of the providers (by number)
 * that together cover it, from each provider's need bits; 255 when they cannot. Null for more needs than
 * maxNeedsForFewestProviders, where the package is left to the greedy choice. A set's
 * lowest need must come from some provider, so its count is one more than the fewest for
 * what that provider leaves, which is a smaller number and already counted.
 */
function fewestProviders(needCount: number, providerMask: Int32Array, providers: readonly number[]): Uint8Array | null {
  if (needCount > maxNeedsForFewestProviders) return null;
  const size = 1 << needCount;
  // Thousands of providers, a few dozen sets of needs among them: each set once.
  const seen = new Uint8Array(size);
  const masks: number[] = [];
  for (const provider of providers) {
    const mask = providerMask[provider]!;
    if (seen[mask] === 0) {
      seen[mask] = 1;
      masks.push(mask);
    }
  }
  const fewest = new Uint8Array(size).fill(255);
  fewest[0] = 0;
  for (let needs = 1; needs < size; needs += 1) {
    const lowest = needs & -needs;
    let best = 255;
    for (const mask of masks) {
      if ((mask & lowest) !== 0) best = Math.min(best, fewest[needs & ~mask]! + 1);
    }
    fewest[needs] = best;
  }
  return fewest;
}

function candidatesAmong(index: CandidateIndex, positions: Iterable<number>, terms: PersonTerms): Candidates {
  const listed = Int32Array.from(positions);
  return { positions: listed, masks: listed.map((position) => needMaskOf(index.needs, position, terms)), askedBefore: (a, b) => a < b };
}

/**
 * Matches over a prepared index. `positions` are the candidates to consider; by default
 * the services serving the person's municipality and tagged with any of the needs (so
 * none is excluded for lacking a need or for the area).
 *
 * The eligible services live in three parallel typed arrays (position, need bits, score)
 * and providers in typed arrays too (need bits, and their services as linked lists, so
 * the set cover finds a chosen provider's services without another pass): at a million
 * services a screening meets hundreds of thousands of candidates, and an object each
 * would cost more than the work.
 */
export function matchIndexed(
  needs: readonly Need[],
  person: PersonProfile,
  index: CandidateIndex,
  positions?: Iterable<number>,
): ServicePackage {
  const terms = termsFor(needs, person, index);
  const candidates = positions === undefined ? candidatesForNeeds(index, needs, terms) : candidatesAmong(index, positions, terms);
  const candidateCount = candidates.positions.length;
  /** Per filter: how many candidates it excluded, and the first of them in the order asked. */
  const exclusions = new Map<ExclusionReason, { count: number; first: number }>();
  const rankedPosition = new Int32Array(candidateCount);
  const rankedMask = new Int32Array(candidateCount);
  const rankedScore = new Float64Array(candidateCount);
  const providerMask = new Int32Array(index.organizationCount);
  /** Each provider's services as a linked list of ranked entries, the latest first; -1 ends it. */
  const providerLatest = new Int32Array(index.organizationCount).fill(-1);
  const previousOfProvider = new Int32Array(candidateCount);
  /** Each provider with an eligible service, once. */
  const providersEligible: number[] = [];
  let count = 0;
  let coverable = 0;
  for (let candidate = 0; candidate < candidateCount; candidate += 1) {
    const position = candidates.positions[candidate]!;
    const listedMask = candidates.masks[candidate]!;
    const mask = admittedByAge(index, position, terms, listedMask);
    const reason = firstFailedFilter(index, position, terms, listedMask, mask);
    if (reason) {
      const exclusion = exclusions.get(reason);
      if (!exclusion) exclusions.set(reason, { count: 1, first: candidate });
      else {
        exclusion.count += 1;
        if (candidates.askedBefore(candidate, exclusion.first)) exclusion.first = candidate;
      }
      continue;
    }
    rankedPosition[count] = position;
    rankedMask[count] = mask;
    rankedScore[count] = scoreOf(index, position, terms, mask);
    const provider = index.organizationNumber[position]!;
    providerMask[provider]! |= mask;
    if (providerLatest[provider] === -1) providersEligible.push(provider);
    previousOfProvider[count] = providerLatest[provider]!;
    providerLatest[provider] = count;
    coverable |= mask;
    count += 1;
  }
  const conditional = (entry: number) => index.conditional[rankedPosition[entry]!]!;
  /** Rank order: a service asking for nothing more first, then higher score, then lower service id. */
  const before = (a: number, b: number) =>
    conditional(a) < conditional(b) ||
    (conditional(a) === conditional(b) &&
      (rankedScore[a]! > rankedScore[b]! || (rankedScore[a] === rankedScore[b] && index.id[rankedPosition[a]!]! < index.id[rankedPosition[b]!]!)));

  const items: PackageItem[] = [];
  const inPackage = new Set<number>();
  const fewest = fewestProviders(terms.codes.length, providerMask, providersEligible);
  let uncovered = coverable;
  while (uncovered !== 0) {
    // The provider covering most uncovered needs; ties go to the one whose best service
    // for them ranks higher (asks for nothing more, then scores higher), then to the lower
    // provider id. Greedy alone can end with a
    // provider too many (one covering the most needs first, when two others together
    // cover them all): where the fewest are known, a provider that would leave needs only
    // more providers can cover is passed over.
    let chosen = -1;
    let chosenCovers = 0;
    for (let entry = 0; entry < count; entry += 1) {
      if ((rankedMask[entry]! & uncovered) === 0) continue;
      const organization = index.organizationNumber[rankedPosition[entry]!]!;
      const covers = bitCount(providerMask[organization]! & uncovered);
      if (fewest && fewest[uncovered & ~providerMask[organization]!]! !== fewest[uncovered]! - 1) continue;
      if (
        chosen === -1 ||
        covers > chosenCovers ||
        (covers === chosenCovers &&
          (conditional(entry) < conditional(chosen) ||
            (conditional(entry) === conditional(chosen) &&
              (rankedScore[entry]! > rankedScore[chosen]! ||
                (rankedScore[entry] === rankedScore[chosen] &&
                  index.organizationId[rankedPosition[entry]!]! < index.organizationId[rankedPosition[chosen]!]!)))))
      ) {
        chosen = entry;
        chosenCovers = covers;
      }
    }
    const services: number[] = [];
    for (let entry = providerLatest[index.organizationNumber[rankedPosition[chosen]!]!]!; entry !== -1; entry = previousOfProvider[entry]!) {
      if ((rankedMask[entry]! & uncovered) !== 0) services.push(entry);
    }
    services.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    // Within the provider: the fewest services that cover what it can, best first; a
    // service asking for nothing more before one that does, even if that one covers more
    // (home care for personal care, not home rehabilitation after a hospital stay that
    // would cover the physical health need too), so it takes only what the others leave.
    for (;;) {
      let best = -1;
      let bestCovers = 0;
      for (const entry of services) {
        const covers = bitCount(rankedMask[entry]! & uncovered);
        if (covers === 0) continue;
        if (best === -1 || conditional(entry) < conditional(best) || (conditional(entry) === conditional(best) && covers > bestCovers)) {
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

  // Per need bit, its best entries so far in rank order, in maxAlternativesPerNeed slots of
  // one typed array: with an array of arrays, V8 kept abandoning this loop's compiled code.
  const best = new Int32Array(terms.codes.length * maxAlternativesPerNeed);
  const bestCount = new Int32Array(terms.codes.length);
  for (let entry = 0; entry < count; entry += 1) {
    for (let rest = rankedMask[entry]!; rest !== 0; rest &= rest - 1) {
      const bit = lowestBit(rest);
      const first = bit * maxAlternativesPerNeed;
      const listed = bestCount[bit]!;
      if (listed === maxAlternativesPerNeed && !before(entry, best[first + listed - 1]!)) continue;
      // Asked only of the few that would make a list: most fail the test above.
      if (inPackage.has(index.id[rankedPosition[entry]!]!)) break;
      let at = listed;
      while (at > 0 && before(entry, best[first + at - 1]!)) at -= 1;
      best.copyWithin(first + at + 1, first + at, first + Math.min(listed, maxAlternativesPerNeed - 1));
      best[first + at] = entry;
      bestCount[bit] = Math.min(listed + 1, maxAlternativesPerNeed);
    }
  }
  const alternatives: ServicePackage["alternatives"] = {};
  for (const code of [...terms.codes].sort()) {
    const bit = terms.codes.indexOf(code);
    const others = best.subarray(bit * maxAlternativesPerNeed, bit * maxAlternativesPerNeed + bestCount[bit]!);
    if (others.length > 0) {
      alternatives[code] = Array.from(others, (entry) => explain(index, rankedPosition[entry]!, terms, rankedMask[entry]!));
    }
  }

  const unmetNeeds = codesIn(terms.needMask & ~coverable, terms).sort();
  // Keys in the order the candidates, as asked, first meet each filter rather than the
  // order the pass read them in, so a stored or displayed package keeps its form.
  const excluded: ServicePackage["excluded"] = Object.fromEntries(
    [...exclusions]
      .sort(([, a], [, b]) => (candidates.askedBefore(a.first, b.first) ? -1 : candidates.askedBefore(b.first, a.first) ? 1 : 0))
      .map(([reason, { count }]) => [reason, count]),
  );
  return { items, alternatives, unmetNeeds, excluded };
}
