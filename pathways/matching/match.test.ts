import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { municipalityCodes } from "../areas.ts";
import { urgencies, type Need } from "../needs/need.ts";
import { needCodes, type NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import type { CandidateService } from "./candidate.ts";
import { exclusionReason, matchServices, maxAlternativesPerNeed } from "./match.ts";

const person: PersonProfile = {
  helpFor: "self",
  age: 44,
  municipality: "koskela",
  languages: ["fi"],
  childrenCount: 0,
  childrenWithSupportNeeds: 0,
  unemployedMonths: null,
  preferences: { providers: "any", maxMonthlyCostCents: null, contact: "phone" },
};

let nextId = 1;
function service(overrides: Partial<CandidateService> = {}): CandidateService {
  const id = overrides.id ?? nextId++;
  return {
    id,
    organizationId: id,
    organizationType: "public",
    status: "active",
    publicationStatus: "published",
    acceptsReferrals: true,
    needCodes: ["money.debt"],
    requiredNeedCodes: [],
    minimumAge: null,
    maximumAge: null,
    areas: ["koskela"],
    locationMunicipalities: ["koskela"],
    comesToThePerson: false,
    languages: ["fi"],
    cost: { kind: "free", amountCents: null, unit: null },
    typicalWaitDays: 5,
    capacity: "available",
    qualityRating: null,
    ...overrides,
  };
}

const need = (code: NeedCode, urgency: Need["urgency"] = "routine"): Need => ({ code, urgency, because: ["test"] });

describe("hard filters", () => {
  const needs = new Set<NeedCode>(["money.debt", "work.unemployed-long"]);

  it.each([
    ["not-published", { publicationStatus: "draft" }],
    ["not-published", { status: "inactive" }],
    ["not-accepting-referrals", { acceptsReferrals: false }],
    ["no-matching-need", { needCodes: ["housing.homeless"] }],
    ["eligibility-needs", { needCodes: ["money.debt"], requiredNeedCodes: ["housing.eviction-risk"] }],
    ["too-young", { minimumAge: 65 }],
    ["too-old", { maximumAge: 29 }],
    ["out-of-area", { areas: ["rantala"] }],
  ] as const)("excludes with %s", (reason, overrides) => {
    expect(exclusionReason(service(overrides as Partial<CandidateService>), person, needs)).toBe(reason);
  });

  it("lets an eligible service through, including one whose required need the person has", () => {
    expect(exclusionReason(service(), person, needs)).toBeNull();
    expect(exclusionReason(service({ requiredNeedCodes: ["work.unemployed-long"] }), person, needs)).toBeNull();
    expect(exclusionReason(service({ minimumAge: 44, maximumAge: 44 }), person, needs)).toBeNull();
  });

  it("keeps to publicly funded providers for a person who wants only public services", () => {
    const publicOnly = { ...person, preferences: { ...person.preferences, providers: "public-only" as const } };
    const privatePriced = service({ organizationType: "private", cost: { kind: "fixed_price", amountCents: 4200, unit: "hour" } });
    const privateVoucher = service({ organizationType: "private", cost: { kind: "voucher", amountCents: null, unit: null } });
    expect(exclusionReason(privatePriced, publicOnly, needs)).toBe("not-publicly-funded");
    expect(exclusionReason(privateVoucher, publicOnly, needs)).toBeNull();
    expect(exclusionReason(privatePriced, person, needs)).toBeNull();
  });
});

describe("package", () => {
  it("prefers one provider covering several needs to several covering one each", () => {
    const debtOnly = service({ organizationId: 100, needCodes: ["money.debt"], qualityRating: 5 });
    const benefitsOnly = service({ organizationId: 101, needCodes: ["money.benefits"], qualityRating: 5 });
    const both = service({ organizationId: 102, needCodes: ["money.debt", "money.benefits"] });
    const result = matchServices([need("money.debt"), need("money.benefits")], person, [debtOnly, benefitsOnly, both]);
    expect(result.items.map((item) => item.serviceId)).toEqual([both.id]);
    expect(result.items[0]!.reasons).toContain("covers-several-needs");
    expect(result.items[0]!.coversInPackage.sort()).toEqual(["money.benefits", "money.debt"]);
    expect(result.alternatives["money.debt"]!.map((alternative) => alternative.serviceId)).toEqual([debtOnly.id]);
  });

  it("reports needs nothing covers as unmet", () => {
    const result = matchServices([need("money.debt"), need("transport.mobility")], person, [service()]);
    expect(result.unmetNeeds).toEqual(["transport.mobility"]);
    expect(result.items).toHaveLength(1);
  });

  it("ranks the better service first and explains why", () => {
    const swedishOnly = service({ languages: ["sv"], typicalWaitDays: 40, capacity: "waitlist" });
    const finnish = service({ languages: ["fi", "sv"], typicalWaitDays: 0, qualityRating: 4.6 });
    const result = matchServices([need("money.debt")], person, [swedishOnly, finnish]);
    expect(result.items[0]!.serviceId).toBe(finnish.id);
    expect(result.items[0]!.reasons).toEqual(expect.arrayContaining(["speaks-your-language", "no-wait", "highly-rated", "no-cost"]));
    expect(result.alternatives["money.debt"]![0]!.reasons).toEqual(expect.arrayContaining(["long-wait", "waiting-list"]));
  });

  it("marks a priced service over the person's budget", () => {
    const budget = { ...person, preferences: { ...person.preferences, maxMonthlyCostCents: 5000 } };
    const pricey = service({ organizationType: "private", cost: { kind: "fixed_price", amountCents: 4200, unit: "hour" } });
    const cheap = service({ organizationType: "private", cost: { kind: "fixed_price", amountCents: 500, unit: "visit" } });
    const result = matchServices([need("money.debt")], budget, [pricey, cheap]);
    expect(result.items[0]!.serviceId).toBe(cheap.id);
    expect(result.items[0]!.reasons).toContain("within-your-budget");
    expect(result.alternatives["money.debt"]![0]!.reasons).toContain("over-your-budget");
  });

  it("counts what each filter excluded", () => {
    const result = matchServices([need("money.debt")], person, [service({ areas: ["rantala"] }), service({ acceptsReferrals: false }), service()]);
    expect(result.excluded).toEqual({ "out-of-area": 1, "not-accepting-referrals": 1 });
  });

  it("weighs urgent needs above routine ones", () => {
    const forUrgent = service({ needCodes: ["housing.eviction-risk"] });
    const forRoutine = service({ needCodes: ["social.isolation"] });
    const result = matchServices([need("social.isolation"), need("housing.eviction-risk", "urgent")], person, [forRoutine, forUrgent]);
    expect(result.items.find((item) => item.serviceId === forUrgent.id)!.score).toBeGreaterThan(
      result.items.find((item) => item.serviceId === forRoutine.id)!.score,
    );
  });
});

// Property tests: random catalogues, people and needs.
const needArbitrary = fc.constantFrom(...needCodes.slice(0, 8));
const candidateArbitrary = fc.record({
  id: fc.integer({ min: 1, max: 400 }),
  organizationId: fc.integer({ min: 1, max: 40 }),
  organizationType: fc.constantFrom("public", "private", "non_profit"),
  status: fc.constantFrom("active", "active", "active", "inactive"),
  publicationStatus: fc.constantFrom("published", "published", "published", "draft", "in_review"),
  acceptsReferrals: fc.boolean(),
  needCodes: fc.uniqueArray(needArbitrary, { minLength: 1, maxLength: 3 }),
  requiredNeedCodes: fc.oneof(fc.constant([]), fc.uniqueArray(needArbitrary, { maxLength: 2 })),
  minimumAge: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null }),
  maximumAge: fc.option(fc.integer({ min: 20, max: 120 }), { nil: null }),
  areas: fc.uniqueArray(fc.constantFrom(...municipalityCodes), { minLength: 1, maxLength: 4 }),
  locationMunicipalities: fc.uniqueArray(fc.constantFrom(...municipalityCodes), { maxLength: 2 }),
  comesToThePerson: fc.boolean(),
  languages: fc.uniqueArray(fc.constantFrom("fi", "sv", "en", "ru"), { minLength: 1, maxLength: 3 }),
  cost: fc.option(
    fc.record({
      kind: fc.constantFrom("free", "fixed_price", "voucher", "income_related"),
      amountCents: fc.option(fc.integer({ min: 100, max: 20000 }), { nil: null }),
      unit: fc.option(fc.constantFrom("hour", "visit", "month", "meal"), { nil: null }),
    }),
    { nil: null },
  ),
  typicalWaitDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  capacity: fc.constantFrom("available", "limited", "waitlist", "full"),
  qualityRating: fc.option(fc.integer({ min: 10, max: 50 }).map((tenths) => tenths / 10), { nil: null }),
}) as fc.Arbitrary<CandidateService>;

const personArbitrary = fc.record({
  helpFor: fc.constantFrom("self", "someone-i-care-for"),
  age: fc.integer({ min: 0, max: 100 }),
  municipality: fc.constantFrom(...municipalityCodes),
  languages: fc.uniqueArray(fc.constantFrom("fi", "sv", "en", "ar"), { minLength: 1, maxLength: 2 }),
  childrenCount: fc.integer({ min: 0, max: 4 }),
  childrenWithSupportNeeds: fc.constant(0),
  unemployedMonths: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  preferences: fc.record({
    providers: fc.constantFrom("public-only", "any"),
    maxMonthlyCostCents: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
    contact: fc.constantFrom("phone", "email", "letter", "in-person"),
  }),
}) as fc.Arbitrary<PersonProfile>;

const needsArbitrary = fc
  .uniqueArray(fc.record({ code: needArbitrary, urgency: fc.constantFrom(...urgencies) }), {
    minLength: 1,
    maxLength: 6,
    selector: (item) => item.code,
  })
  .map((items) => items.map((item) => ({ ...item, because: ["property"] })));

// Unique ids: a catalogue never holds two rows with one id.
const catalogueArbitrary = fc.uniqueArray(candidateArbitrary, { maxLength: 60, selector: (candidate) => candidate.id });

describe("package properties", () => {
  it("never proposes an ineligible, unpublished or out-of-area service", () => {
    fc.assert(
      fc.property(needsArbitrary, personArbitrary, catalogueArbitrary, (needs, someone, catalogue) => {
        const result = matchServices(needs, someone, catalogue);
        const needSet = new Set(needs.map((item) => item.code));
        const proposed = [...result.items, ...Object.values(result.alternatives).flat()];
        for (const proposal of proposed) {
          const candidate = catalogue.find((entry) => entry.id === proposal.serviceId)!;
          expect(exclusionReason(candidate, someone, needSet)).toBeNull();
          expect(candidate.publicationStatus).toBe("published");
          expect(candidate.areas).toContain(someone.municipality);
        }
      }),
    );
  });

  it("never proposes a service twice", () => {
    fc.assert(
      fc.property(needsArbitrary, personArbitrary, catalogueArbitrary, (needs, someone, catalogue) => {
        const result = matchServices(needs, someone, catalogue);
        const itemIds = result.items.map((item) => item.serviceId);
        expect(new Set(itemIds).size).toBe(itemIds.length);
        for (const alternatives of Object.values(result.alternatives)) {
          const ids = alternatives.map((alternative) => alternative.serviceId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBeLessThanOrEqual(maxAlternativesPerNeed);
          for (const id of ids) expect(itemIds).not.toContain(id);
        }
      }),
    );
  });

  it("covers every need that some eligible service covers, and calls the rest unmet", () => {
    fc.assert(
      fc.property(needsArbitrary, personArbitrary, catalogueArbitrary, (needs, someone, catalogue) => {
        const result = matchServices(needs, someone, catalogue);
        const needSet = new Set(needs.map((item) => item.code));
        const coverable = needs
          .map((item) => item.code)
          .filter((code) => catalogue.some((entry) => entry.needCodes.includes(code) && exclusionReason(entry, someone, needSet) === null));
        const covered = new Set(result.items.flatMap((item) => item.coversInPackage));
        expect([...covered].sort()).toEqual([...coverable].sort());
        expect(result.unmetNeeds).toEqual(needs.map((item) => item.code).filter((code) => !coverable.includes(code)).sort());
      }),
    );
  });

  it("is identical for identical input, whatever the order of the catalogue", () => {
    fc.assert(
      fc.property(needsArbitrary, personArbitrary, catalogueArbitrary, fc.integer(), (needs, someone, catalogue, seed) => {
        const shuffled = [...catalogue].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(matchServices(needs, someone, shuffled)).toEqual(matchServices(needs, someone, catalogue));
      }),
    );
  });
});
