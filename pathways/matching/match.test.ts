import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { municipalityCodes } from "../areas.ts";
import type { ServiceSituation } from "../catalogue.ts";
import { urgencies, type Need } from "../needs/need.ts";
import { needCodes, type NeedCode } from "../needs/taxonomy.ts";
import type { PersonProfile } from "../person.ts";
import type { CandidateService } from "./candidate.ts";
import { CandidateIndex } from "./candidate-index.ts";
import { exclusionReason, matchIndexed, matchServices, maxAlternativesPerNeed, type ServicePackage } from "./match.ts";

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
    situations: [],
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

describe("what the screening does not establish (ADR 021)", () => {
  const older: PersonProfile = { ...person, age: 78 };
  const homeCare = need("daily-living.home-care");

  it("ranks a service for a situation the person did not report after the general one, whatever the scores", () => {
    const afterHospital = service({ organizationId: 1, needCodes: ["daily-living.home-care"], situations: ["sudden-decline"], qualityRating: 5, typicalWaitDays: 0 });
    const general = service({ organizationId: 2, needCodes: ["daily-living.home-care"], capacity: "limited", typicalWaitDays: 30 });
    const result = matchServices([homeCare], older, [afterHospital, general]);
    expect(result.items.map((item) => item.serviceId)).toEqual([general.id]);
    const [alternative] = result.alternatives["daily-living.home-care"]!;
    expect(alternative!.serviceId).toBe(afterHospital.id);
    expect(alternative!.score).toBeGreaterThan(result.items[0]!.score);
    expect(alternative!.reasons).toContain("only-in-some-situations");
    expect(result.items[0]!.reasons).not.toContain("only-in-some-situations");
  });

  it("ranks a service voucher, which only a decision grants, after a service the person can apply to", () => {
    const voucher = service({ organizationId: 1, organizationType: "private", needCodes: ["daily-living.home-care"], cost: { kind: "voucher", amountCents: null, unit: null }, qualityRating: 5 });
    const direct = service({ organizationId: 2, needCodes: ["daily-living.home-care"], cost: { kind: "income_related", amountCents: null, unit: null } });
    const result = matchServices([homeCare], older, [voucher, direct]);
    expect(result.items.map((item) => item.serviceId)).toEqual([direct.id]);
    expect(result.alternatives["daily-living.home-care"]![0]!.reasons).toEqual(expect.arrayContaining(["service-voucher", "needs-a-decision-first"]));
  });

  it("covers a provider's needs with its services that ask for nothing more, even when one that does covers more", () => {
    const homeRehabilitation = service({ organizationId: 7, needCodes: ["daily-living.home-care", "health.physical"], situations: ["sudden-decline"] });
    const homeCareService = service({ organizationId: 7, needCodes: ["daily-living.home-care"] });
    const physiotherapy = service({ organizationId: 7, needCodes: ["health.physical"] });
    const result = matchServices([homeCare, need("health.physical")], older, [homeRehabilitation, homeCareService, physiotherapy]);
    expect(result.items.map((item) => item.serviceId).sort()).toEqual([homeCareService.id, physiotherapy.id].sort());
  });

  it("still proposes such a service for a need nothing else covers", () => {
    const afterHospital = service({ needCodes: ["daily-living.home-care"], situations: ["sudden-decline"] });
    const result = matchServices([homeCare], older, [afterHospital]);
    expect(result.items.map((item) => item.serviceId)).toEqual([afterHospital.id]);
    expect(result.unmetNeeds).toEqual([]);
  });
});

describe("whom a need is for", () => {
  const parent: PersonProfile = { ...person, age: 38, childrenCount: 2, childrenWithSupportNeeds: 2 };
  const childrensNeeds = [need("disability.child-speech-therapy"), need("disability.respite")];

  it("matches a child's need against a child's age, not the parent's", () => {
    const forChildren = service({ needCodes: ["disability.child-speech-therapy", "disability.respite"], maximumAge: 17 });
    const result = matchServices(childrensNeeds, parent, [forChildren]);
    expect(result.unmetNeeds).toEqual([]);
    expect(result.items.map((item) => item.serviceId)).toEqual([forChildren.id]);
    expect(exclusionReason(forChildren, parent, new Set(["disability.child-speech-therapy"]))).toBeNull();
  });

  it("keeps an adult's need from a children's service and a child's need from an adults' service", () => {
    const forChildren = service({ needCodes: ["disability.child-speech-therapy", "health.mental"], maximumAge: 17 });
    const forAdults = service({ needCodes: ["disability.child-speech-therapy", "health.mental"], minimumAge: 18 });
    const result = matchServices([need("disability.child-speech-therapy"), need("health.mental")], parent, [forChildren, forAdults]);
    const covering = Object.fromEntries(result.items.flatMap((item) => item.coversInPackage.map((code) => [code, item.serviceId])));
    expect(covering).toEqual({ "disability.child-speech-therapy": forChildren.id, "health.mental": forAdults.id });
    for (const item of result.items) expect(item.needCodes).toHaveLength(1);
    expect(exclusionReason(forChildren, parent, new Set(["health.mental"]))).toBe("too-old");
    expect(exclusionReason(forAdults, parent, new Set(["disability.child-speech-therapy"]))).toBe("too-young");
  });

  it("takes a family service whose age limit fits the parent or the children", () => {
    const parentGroup = service({ needCodes: ["family.parenting"], minimumAge: 18 });
    const childWelfare = service({ needCodes: ["family.parenting"], maximumAge: 17 });
    const forPensioners = service({ needCodes: ["family.parenting"], minimumAge: 65 });
    const needs = new Set<NeedCode>(["family.parenting"]);
    expect(exclusionReason(parentGroup, parent, needs)).toBeNull();
    expect(exclusionReason(childWelfare, parent, needs)).toBeNull();
    expect(exclusionReason(forPensioners, parent, needs)).toBe("too-young");
  });

  it("matches support for a carer answering for someone against an adult, and that person's needs against their age", () => {
    const carer: PersonProfile = { ...person, helpFor: "someone-i-care-for", age: 12 };
    const carersGroup = service({ needCodes: ["caring.carer-support", "health.physical"], minimumAge: 18 });
    const result = matchServices([need("caring.carer-support"), need("health.physical")], carer, [carersGroup]);
    expect(result.items[0]!.coversInPackage).toEqual(["caring.carer-support"]);
    expect(result.unmetNeeds).toEqual(["health.physical"]);
    // Answering for themselves, carer support is for the person, at their age.
    expect(exclusionReason(carersGroup, { ...carer, helpFor: "self" }, new Set(["caring.carer-support"]))).toBe("too-young");
  });
});

describe("fewest providers", () => {
  it("finds two providers where the greedy choice of the one covering most would take three", () => {
    // Most needs at one provider (four), but the other two cover all six between them.
    const most = service({ organizationId: 500, needCodes: ["money.debt", "money.benefits", "housing.advice", "housing.eviction-risk"], qualityRating: 5 });
    const first = service({ organizationId: 501, needCodes: ["money.debt", "money.benefits", "money.income"] });
    const second = service({ organizationId: 502, needCodes: ["housing.advice", "housing.eviction-risk", "social.isolation"] });
    const codes: NeedCode[] = ["money.debt", "money.benefits", "money.income", "housing.advice", "housing.eviction-risk", "social.isolation"];
    const result = matchServices(codes.map((code) => need(code)), person, [most, first, second]);
    expect(result.items.map((item) => item.serviceId).sort()).toEqual([first.id, second.id].sort());
  });
});

// Property tests: random households, needs and catalogues, against a reference written
// apart from the matcher: plain loops over plain objects, no CandidateIndex, no bits.

/** Whom each need is for, stated here from the taxonomy's words rather than taken from needSubject. */
const childrensNeedCodes: readonly NeedCode[] = [
  "disability.child-speech-therapy",
  "disability.child-occupational-therapy",
  "disability.child-psychological-therapy",
  "disability.school-support",
  "disability.respite",
  "safety.child-at-risk",
];
const familyNeedCodes: readonly NeedCode[] = ["family.parenting", "family.counselling"];
const underEighteen = Array.from({ length: 18 }, (_, age) => age);
const adult = Array.from({ length: 103 }, (_, years) => 18 + years);

/**
 * The ages whoever a need is for may have. The children's ages are not asked (ADR 015):
 * any age under 18. A carer answering for someone is an adult of any age.
 */
function possibleAges(code: NeedCode, household: PersonProfile): number[] {
  if (childrensNeedCodes.includes(code)) return underEighteen;
  if (familyNeedCodes.includes(code)) return [household.age, ...underEighteen];
  if (code === "caring.carer-support" && household.helpFor === "someone-i-care-for") return adult;
  return [household.age];
}

/** Whether the service may be proposed for this need of this household, every rule written out. */
function eligibleFor(candidate: CandidateService, code: NeedCode, needs: readonly NeedCode[], household: PersonProfile): boolean {
  const admitsAge = (age: number) => (candidate.minimumAge === null || age >= candidate.minimumAge) && (candidate.maximumAge === null || age <= candidate.maximumAge);
  return (
    candidate.status === "active" &&
    candidate.publicationStatus === "published" &&
    candidate.acceptsReferrals &&
    candidate.needCodes.includes(code) &&
    (candidate.requiredNeedCodes.length === 0 || candidate.requiredNeedCodes.some((required) => needs.includes(required))) &&
    possibleAges(code, household).some(admitsAge) &&
    candidate.areas.includes(household.municipality) &&
    !(household.preferences.providers === "public-only" && candidate.organizationType === "private" && candidate.cost?.kind !== "voucher")
  );
}

/** What production calls: the index over the catalogue, the candidates it finds itself. */
const matchCatalogue = (needs: readonly Need[], household: PersonProfile, catalogue: readonly CandidateService[]): ServicePackage =>
  matchIndexed(needs, household, new CandidateIndex(catalogue));

const needArbitrary = fc.constantFrom<NeedCode>(
  "disability.child-speech-therapy",
  "disability.respite",
  "safety.child-at-risk",
  "family.parenting",
  "caring.carer-support",
  "health.mental",
  "money.debt",
  "work.youth",
  "daily-living.home-care",
);
const ageLimitArbitrary = (low: number, high: number) =>
  fc.oneof(fc.constant(null), fc.constantFrom(6, 17, 18, 30, 65).filter((age) => age >= low && age <= high), fc.integer({ min: low, max: high }));
const candidateArbitrary = (organizations: number) =>
  fc.record({
    id: fc.integer({ min: 1, max: 400 }),
    organizationId: fc.integer({ min: 1, max: organizations }),
    organizationType: fc.constantFrom("public", "private", "non_profit"),
    status: fc.constantFrom("active", "active", "active", "inactive"),
    publicationStatus: fc.constantFrom("published", "published", "published", "draft", "in_review"),
    acceptsReferrals: fc.constantFrom(true, true, true, false),
    needCodes: fc.uniqueArray(needArbitrary, { minLength: 1, maxLength: 3 }),
    requiredNeedCodes: fc.oneof(fc.constant([]), fc.constant([]), fc.uniqueArray(needArbitrary, { maxLength: 2 })),
    situations: fc.oneof(fc.constant<ServiceSituation[]>([]), fc.constant<ServiceSituation[]>([]), fc.constant<ServiceSituation[]>(["sudden-decline"])),
    minimumAge: ageLimitArbitrary(0, 70),
    maximumAge: ageLimitArbitrary(5, 120),
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
  })
    // The catalogue's check constraint: never a minimum age above the maximum.
    .filter((candidate) => candidate.minimumAge === null || candidate.maximumAge === null || candidate.minimumAge <= candidate.maximumAge) as fc.Arbitrary<CandidateService>;

const preferencesArbitrary = fc.record({
  providers: fc.constantFrom("public-only", "any"),
  maxMonthlyCostCents: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
  contact: fc.constantFrom("phone", "email", "letter", "in-person"),
}) as fc.Arbitrary<PersonProfile["preferences"]>;

/**
 * A household: someone answering for themselves, a parent with children or not, of any
 * age, or a carer answering for someone they care for (a child, an adult, an old person).
 */
const householdArbitrary = fc.record({
  helpFor: fc.constantFrom("self", "self", "someone-i-care-for"),
  age: fc.oneof(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 18, max: 64 }), fc.integer({ min: 65, max: 100 })),
  municipality: fc.constantFrom(...municipalityCodes),
  languages: fc.uniqueArray(fc.constantFrom("fi", "sv", "en", "ar"), { minLength: 1, maxLength: 2 }),
  childrenCount: fc.integer({ min: 0, max: 4 }),
  childrenWithSupportNeeds: fc.integer({ min: 0, max: 4 }),
  unemployedMonths: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  preferences: preferencesArbitrary,
}).map((household) => ({ ...household, childrenWithSupportNeeds: Math.min(household.childrenWithSupportNeeds, household.childrenCount) })) as fc.Arbitrary<PersonProfile>;

const needsArbitrary = fc
  .uniqueArray(fc.record({ code: needArbitrary, urgency: fc.constantFrom(...urgencies) }), {
    minLength: 1,
    maxLength: 6,
    selector: (item) => item.code,
  })
  .map((items) => items.map((item) => ({ ...item, because: ["property"] })));

// Unique ids: a catalogue never holds two rows with one id.
const catalogueArbitrary = fc.uniqueArray(candidateArbitrary(40), { maxLength: 60, selector: (candidate) => candidate.id });
/** Few providers, so every subset of them can be tried. */
const smallCatalogueArbitrary = fc.uniqueArray(candidateArbitrary(7), { maxLength: 14, selector: (candidate) => candidate.id });

const proposalsOf = (result: ServicePackage) => [
  ...result.items.map((item) => ({ ...item, forNeed: null as NeedCode | null })),
  ...Object.entries(result.alternatives).flatMap(([code, list]) => list.map((alternative) => ({ ...alternative, forNeed: code as NeedCode }))),
];

describe("package properties", () => {
  it("proposes a service for exactly the needs it is eligible for, whoever each need is for", () => {
    fc.assert(
      fc.property(needsArbitrary, householdArbitrary, catalogueArbitrary, (needs, household, catalogue) => {
        const codes = needs.map((item) => item.code);
        const result = matchCatalogue(needs, household, catalogue);
        for (const proposal of proposalsOf(result)) {
          const candidate = catalogue.find((entry) => entry.id === proposal.serviceId)!;
          const eligibleNeeds = codes.filter((code) => eligibleFor(candidate, code, codes, household));
          expect(eligibleNeeds.length, `service ${candidate.id} is eligible for some need`).toBeGreaterThan(0);
          expect([...proposal.needCodes].sort()).toEqual([...eligibleNeeds].sort());
          if (proposal.forNeed) expect(eligibleNeeds).toContain(proposal.forNeed);
        }
        for (const item of result.items) {
          for (const code of item.coversInPackage) expect(item.needCodes).toContain(code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("covers, once each, every need some service is eligible for, and calls the rest unmet", () => {
    fc.assert(
      fc.property(needsArbitrary, householdArbitrary, catalogueArbitrary, (needs, household, catalogue) => {
        const codes = needs.map((item) => item.code);
        const result = matchCatalogue(needs, household, catalogue);
        const coverable = codes.filter((code) => catalogue.some((entry) => eligibleFor(entry, code, codes, household)));
        const covered = result.items.flatMap((item) => item.coversInPackage);
        expect([...covered].sort()).toEqual([...coverable].sort());
        expect(result.unmetNeeds).toEqual(codes.filter((code) => !coverable.includes(code)).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("uses no more providers than the fewest that cover what can be covered", () => {
    fc.assert(
      fc.property(needsArbitrary, householdArbitrary, smallCatalogueArbitrary, (needs, household, catalogue) => {
        const codes = needs.map((item) => item.code);
        const result = matchCatalogue(needs, household, catalogue);
        const providers = [...new Set(catalogue.map((entry) => entry.organizationId))];
        const coversOf = (organizationId: number) =>
          codes.filter((code) => catalogue.some((entry) => entry.organizationId === organizationId && eligibleFor(entry, code, codes, household)));
        const coverable = new Set(providers.flatMap(coversOf));
        let fewest = Number.POSITIVE_INFINITY;
        for (let subset = 0; subset < 2 ** providers.length; subset += 1) {
          const chosen = providers.filter((_, at) => (subset & (1 << at)) !== 0);
          const covered = new Set(chosen.flatMap(coversOf));
          if (covered.size === coverable.size) fewest = Math.min(fewest, chosen.length);
        }
        expect(new Set(result.items.map((item) => item.organizationId)).size).toBe(fewest);
      }),
      { numRuns: 500 },
    );
  });

  it("never proposes a service twice", () => {
    fc.assert(
      fc.property(needsArbitrary, householdArbitrary, catalogueArbitrary, (needs, household, catalogue) => {
        const result = matchCatalogue(needs, household, catalogue);
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

  it("is identical for identical input, whatever the order of the catalogue", () => {
    fc.assert(
      fc.property(needsArbitrary, householdArbitrary, catalogueArbitrary, fc.integer(), (needs, household, catalogue, seed) => {
        const shuffled = [...catalogue].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(matchCatalogue(needs, household, shuffled)).toEqual(matchCatalogue(needs, household, catalogue));
      }),
    );
  });
});
