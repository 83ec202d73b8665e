import { needCodes } from "../needs/taxonomy.ts";
import type { CandidateService } from "./candidate.ts";

/**
 * Candidate services laid out for the matcher's inner loop: one typed array per fact
 * and compact lists (offsets + values) for needs, areas, languages and locations, all
 * built once. Matching thousands of candidates is then arithmetic on numbers, not
 * property lookups on objects (see bench/matching.ts). Codes are numbered: needs by their
 * place in the taxonomy, municipalities and languages by first appearance.
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

export function listContains(lists: PackedLists, position: number, value: number): boolean {
  for (let at = lists.offsets[position]!; at < lists.offsets[position + 1]!; at += 1) if (lists.values[at] === value) return true;
  return false;
}

/** Where a value first appears in a list, or -1. */
export function listPosition(lists: PackedLists, position: number, value: number): number {
  for (let at = lists.offsets[position]!; at < lists.offsets[position + 1]!; at += 1) {
    if (lists.values[at] === value) return at - lists.offsets[position]!;
  }
  return -1;
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
  readonly needs: PackedLists;
  readonly requiredNeeds: PackedLists;
  readonly areas: PackedLists;
  readonly languages: PackedLists;
  readonly locations: PackedLists;
  /** Per municipality number: positions of the services serving it, tagged with each taxonomy need, in id order. */
  readonly byAreaAndNeed: readonly (readonly Int32Array[])[];
  readonly #municipalities: Numbering;
  readonly #languages: Numbering;

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
    this.capacity = Uint8Array.from(services, (service) => ["available", "limited", "waitlist", "full"].indexOf(service.capacity));
    this.qualityRating = Float64Array.from(services, (service) => service.qualityRating ?? -1);
    const needIndexes = (codes: readonly string[]) => codes.flatMap((code) => taxonomyIndex.get(code) ?? []);
    this.needs = pack(services.map((service) => needIndexes(service.needCodes)));
    this.requiredNeeds = pack(services.map((service) => needIndexes(service.requiredNeedCodes)));
    this.areas = pack(services.map((service) => service.areas.map((code) => municipalities.number(code))));
    this.languages = pack(services.map((service) => service.languages.map((code) => languages.number(code))));
    this.locations = pack(services.map((service) => service.locationMunicipalities.map((code) => municipalities.number(code))));
    const byAreaAndNeed: number[][][] = Array.from({ length: municipalities.size }, () => needCodes.map(() => []));
    const order = [...services.keys()].sort((a, b) => services[a]!.id - services[b]!.id);
    for (const position of order) {
      for (let area = this.areas.offsets[position]!; area < this.areas.offsets[position + 1]!; area += 1) {
        const lists = byAreaAndNeed[this.areas.values[area]!]!;
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
}
