import { capacities } from "../catalogue.ts";
import { needCodes } from "../needs/taxonomy.ts";
import type { CandidateService } from "./candidate.ts";

/**
 * Candidate services laid out for the matcher's inner loop: one typed array per fact,
 * compact lists (offsets + values) for needs, and a set of positions per municipality
 * and language for areas, locations and languages, all built once. Matching thousands of
 * candidates is then arithmetic on numbers, not property lookups on objects (see
 * bench/matching.ts). Codes are numbered: needs by their place in the taxonomy,
 * municipalities and languages by first appearance.
 */

export const taxonomyIndex: ReadonlyMap<string, number> = new Map(needCodes.map((code, index) => [code, index]));

/** Typical uses a month for a unit price, to compare a priced service with a monthly budget. */
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

/** Lists of small integers, one per position: values[offsets[i] .. offsets[i + 1]). */
export interface PackedLists {
  offsets: Int32Array;
  values: Int32Array;
}

function pack(lists: readonly (readonly number[])[]): PackedLists {
  const offsets = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, index) => {
    offsets[index] = total;
    total += list.length;
  });
  offsets[lists.length] = total;
  const values = new Int32Array(total);
  lists.forEach((list, index) => values.set(list, offsets[index]!));
  return { offsets, values };
}

/**
 * Positions as bits, one set per municipality or language: "does this service serve the
 * person's municipality" is then one read from a set small enough to stay in cache (a
 * tenth of a megabyte at a million services), not a walk through the service's list.
 */
export type PositionSet = Uint32Array;

export function inSet(set: PositionSet, position: number): boolean {
  return (set[position >>> 5]! & (1 << (position & 31))) !== 0;
}

/** One set per code's number, of the positions whose service has that code. */
function positionSets(
  services: readonly CandidateService[],
  codesOf: (service: CandidateService) => readonly string[],
  numbering: Numbering,
): PositionSet[] {
  const words = Math.ceil(services.length / 32);
  const sets: PositionSet[] = [];
  services.forEach((service, position) => {
    for (const code of codesOf(service)) {
      const set = (sets[numbering.number(code)] ??= new Uint32Array(words));
      set[position >>> 5]! |= 1 << (position & 31);
    }
  });
  return sets;
}

class Numbering {
  readonly #numbers = new Map<string, number>();
  number(code: string): number {
    let value = this.#numbers.get(code);
    if (value === undefined) {
      value = this.#numbers.size;
      this.#numbers.set(code, value);
    }
    return value;
  }
  find(code: string): number {
    return this.#numbers.get(code) ?? -1;
  }
  get size(): number {
    return this.#numbers.size;
  }
}

export const costKindCodes = { free: 0, voucher: 1, income_related: 2, fixed_price: 3 } as const;
/** By cost kind code; a price scores nothing here, as match.ts weighs it against the person's budget. */
const costKindPoints = [10, 6, 6, 0];
/** By capacity code. */
const capacityPoints = [0, -3, -8, -15];

/**
 * The matcher's score points that are the same for every person: cost kind, wait (10
 * less a point per six days, never below 0), capacity, and quality ((rating - 3) × 5).
 */
function steadyPointsOf(costKind: number, waitDays: number, capacity: number, qualityRating: number): number {
  let points = costKindPoints[costKind] ?? 0;
  if (waitDays !== -1) points += Math.max(0, 10 - Math.floor(waitDays / 6));
  points += capacityPoints[capacity] ?? 0;
  if (qualityRating !== -1) points += Math.round((qualityRating - 3) * 5);
  return points;
}

export class CandidateIndex {
  readonly services: readonly CandidateService[];
  readonly id: Int32Array;
  readonly organizationId: Int32Array;
  /** Providers numbered 0..organizationCount-1, so per-provider facts fit in typed arrays. */
  readonly organizationNumber: Int32Array;
  readonly organizationCount: number;
  /** 1 when active and published. */
  readonly published: Uint8Array;
  readonly acceptsReferrals: Uint8Array;
  /** -1 when the service sets no limit. */
  readonly minimumAge: Int32Array;
  readonly maximumAge: Int32Array;
  /** A private provider paid for other than by voucher: not for "public services only". */
  readonly privatelyPaid: Uint8Array;
  readonly organizationType: Uint8Array;
  readonly comesToThePerson: Uint8Array;
  readonly costKind: Uint8Array;
  /** A priced service's monthly cost in cents; -1 when not priced or the amount is unknown. */
  readonly monthlyCents: Float64Array;
  /** -1 when unknown. */
  readonly typicalWaitDays: Int32Array;
  readonly capacity: Uint8Array;
  /** -1 when not measured. */
  readonly qualityRating: Float64Array;
  /**
   * The part of each service's score that is the same for every person, computed once so
   * a match adds only what depends on the person (see scoreOf in match.ts).
   */
  readonly steadyPoints: Float64Array;
  /** 1 when the service names situations it is meant for (CandidateService.situations). */
  readonly namesSituation: Uint8Array;
  /**
   * 1 when the service asks for something the screening does not establish, so it ranks
   * after services without (ADR 021): a situation it names, or a decision, since a service
   * voucher is granted only by the organiser's decision once it has assessed the need.
   */
  readonly conditional: Uint8Array;
  readonly needs: PackedLists;
  readonly requiredNeeds: PackedLists;
  /** Per municipality number: positions of the services serving it, tagged with each taxonomy need, in id order. */
  readonly byAreaAndNeed: readonly (readonly Int32Array[])[];
  readonly #municipalities: Numbering;
  readonly #languages: Numbering;
  /** Per municipality number: the services serving it. */
  readonly #serving: readonly PositionSet[];
  /** Per municipality number: the services with a place to visit there. */
  readonly #locatedIn: readonly PositionSet[];
  /** Per language number: the services given in it. */
  readonly #givenIn: readonly PositionSet[];
  /** What an unknown municipality or language has: no service. */
  readonly #none: PositionSet;

  constructor(services: readonly CandidateService[]) {
    const municipalities = new Numbering();
    const languages = new Numbering();
    this.services = services;
    this.id = Int32Array.from(services, (service) => service.id);
    this.organizationId = Int32Array.from(services, (service) => service.organizationId);
    const organizations = new Numbering();
    this.organizationNumber = Int32Array.from(services, (service) => organizations.number(String(service.organizationId)));
    this.organizationCount = organizations.size;
    this.published = Uint8Array.from(services, (service) => Number(service.status === "active" && service.publicationStatus === "published"));
    this.acceptsReferrals = Uint8Array.from(services, (service) => Number(service.acceptsReferrals));
    this.minimumAge = Int32Array.from(services, (service) => service.minimumAge ?? -1);
    this.maximumAge = Int32Array.from(services, (service) => service.maximumAge ?? -1);
    this.privatelyPaid = Uint8Array.from(services, (service) => Number(service.organizationType === "private" && service.cost?.kind !== "voucher"));
    this.organizationType = Uint8Array.from(services, (service) => ["public", "private", "non_profit"].indexOf(service.organizationType));
    this.comesToThePerson = Uint8Array.from(services, (service) => Number(service.comesToThePerson));
    this.costKind = Uint8Array.from(services, (service) => costKindCodes[service.cost?.kind ?? "free"]);
    this.monthlyCents = Float64Array.from(services, (service) =>
      service.cost?.kind === "fixed_price" && service.cost.amountCents !== null
        ? service.cost.amountCents * (service.cost.unit ? usesPerMonth[service.cost.unit] : 1)
        : -1,
    );
    this.typicalWaitDays = Int32Array.from(services, (service) => service.typicalWaitDays ?? -1);
    this.capacity = Uint8Array.from(services, (service) => capacities.indexOf(service.capacity));
    this.qualityRating = Float64Array.from(services, (service) => service.qualityRating ?? -1);
    this.steadyPoints = Float64Array.from(services.keys(), (position) =>
      steadyPointsOf(this.costKind[position]!, this.typicalWaitDays[position]!, this.capacity[position]!, this.qualityRating[position]!),
    );
    this.namesSituation = Uint8Array.from(services, (service) => Number(service.situations.length > 0));
    this.conditional = Uint8Array.from(services.keys(), (position) => this.namesSituation[position]! | Number(this.costKind[position] === costKindCodes.voucher));
    const needIndexes = (codes: readonly string[]) => codes.flatMap((code) => taxonomyIndex.get(code) ?? []);
    this.needs = pack(services.map((service) => needIndexes(service.needCodes)));
    this.requiredNeeds = pack(services.map((service) => needIndexes(service.requiredNeedCodes)));
    this.#serving = positionSets(services, (service) => service.areas, municipalities);
    this.#locatedIn = positionSets(services, (service) => service.locationMunicipalities, municipalities);
    this.#givenIn = positionSets(services, (service) => service.languages, languages);
    this.#none = new Uint32Array(Math.ceil(services.length / 32));
    const byAreaAndNeed: number[][][] = Array.from({ length: municipalities.size }, () => needCodes.map(() => []));
    const order = [...services.keys()].sort((a, b) => services[a]!.id - services[b]!.id);
    for (const position of order) {
      for (const area of services[position]!.areas) {
        const lists = byAreaAndNeed[municipalities.number(area)]!;
        for (let at = this.needs.offsets[position]!; at < this.needs.offsets[position + 1]!; at += 1) lists[this.needs.values[at]!]!.push(position);
      }
    }
    this.byAreaAndNeed = byAreaAndNeed.map((lists) => lists.map((positions) => Int32Array.from(positions)));
    this.#municipalities = municipalities;
    this.#languages = languages;
  }

  municipalityNumber(code: string): number {
    return this.#municipalities.find(code);
  }

  languageNumber(code: string): number {
    return this.#languages.find(code);
  }

  /** The services serving a municipality, by its number (none for an unknown one). */
  serving(municipality: number): PositionSet {
    return this.#serving[municipality] ?? this.#none;
  }

  /** The services with a place to visit in a municipality, by its number (none for an unknown one). */
  locatedIn(municipality: number): PositionSet {
    return this.#locatedIn[municipality] ?? this.#none;
  }

  /** The services given in a language, by its number (none for an unknown one). */
  givenIn(language: number): PositionSet {
    return this.#givenIn[language] ?? this.#none;
  }
}
