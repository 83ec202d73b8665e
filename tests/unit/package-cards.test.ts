import { describe, expect, it } from "vitest";
import { packageCards } from "#app/screening/package-cards.ts";
import type { PackageItem, ScoredService, ServicePackage } from "#pathways/matching/match.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";

const item = (serviceId: number, coversInPackage: NeedCode[]): PackageItem => ({
  serviceId,
  organizationId: serviceId,
  needCodes: coversInPackage,
  coversInPackage,
  score: 10,
  reasons: ["no-cost"],
});
const option = (serviceId: number): ScoredService => ({ serviceId, organizationId: serviceId, needCodes: [], score: 5, reasons: ["short-wait"] });
const empty: Pick<ServicePackage, "items" | "alternatives" | "unmetNeeds"> = { items: [], alternatives: {}, unmetNeeds: [] };
const parent = { helpFor: "self" } as const;
const carer = { helpFor: "someone-i-care-for" } as const;

describe("packageCards", () => {
  it("shows a service that meets three needs once, listing the three in the page's order", () => {
    const needs: NeedCode[] = ["housing.eviction-risk", "money.income", "money.benefits", "money.debt"];
    const { cards, unmet } = packageCards(needs, { ...empty, items: [item(2, ["money.debt"]), item(1, ["money.benefits", "housing.eviction-risk", "money.income"])] }, parent);
    expect(cards.map((card) => card.serviceId)).toEqual([1, 2]);
    expect(cards[0]!.covers.map((line) => line.code)).toEqual(["housing.eviction-risk", "money.income", "money.benefits"]);
    expect(cards[1]!.covers.map((line) => line.code)).toEqual(["money.debt"]);
    expect(unmet).toEqual([]);
  });

  it("says whom each need is for: the children, the family, the person", () => {
    const needs: NeedCode[] = ["disability.child-speech-therapy", "disability.respite", "family.parenting", "health.mental"];
    const { cards } = packageCards(needs, { ...empty, items: [item(1, ["disability.child-speech-therapy", "disability.respite", "family.parenting"]), item(2, ["health.mental"])] }, parent);
    expect(cards[0]!.covers.map((line) => line.forWhom)).toEqual(["yourChildren", "yourChildren", "yourFamily"]);
    expect(cards[1]!.covers).toEqual([{ code: "health.mental", forWhom: "you" }]);
  });

  it("tells a carer answering for someone which needs are theirs and which the other person's", () => {
    const needs: NeedCode[] = ["health.memory", "caring.carer-support"];
    const { cards, unmet } = packageCards(needs, { ...empty, items: [item(1, ["caring.carer-support"])], unmetNeeds: ["health.memory"] }, carer);
    expect(cards[0]!.covers).toEqual([{ code: "caring.carer-support", forWhom: "youAsCarer" }]);
    expect(unmet).toEqual([{ code: "health.memory", forWhom: "personYouCareFor" }]);
    // Answering for themselves, a carer's own support is for "you".
    expect(packageCards(needs, { ...empty, items: [item(1, ["caring.carer-support"])] }, parent).cards[0]!.covers[0]!.forWhom).toBe("you");
  });

  it("lists the other options for a card's needs under it, each once, with the needs it could meet instead", () => {
    const needs: NeedCode[] = ["disability.child-speech-therapy", "disability.child-occupational-therapy"];
    const { cards } = packageCards(
      needs,
      {
        ...empty,
        items: [item(1, needs)],
        alternatives: { "disability.child-speech-therapy": [option(7), option(8)], "disability.child-occupational-therapy": [option(8), option(9)] },
      },
      parent,
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]!.alternatives.map((alternative) => [alternative.serviceId, alternative.insteadFor])).toEqual([
      [7, ["disability.child-speech-therapy"]],
      [8, ["disability.child-speech-therapy", "disability.child-occupational-therapy"]],
      [9, ["disability.child-occupational-therapy"]],
    ]);
  });

  it("lists the needs no service meets apart, in the page's order", () => {
    const needs: NeedCode[] = ["housing.homeless", "health.mental", "social.isolation"];
    const { cards, unmet } = packageCards(needs, { ...empty, items: [item(1, ["health.mental"])], unmetNeeds: ["social.isolation", "housing.homeless"] }, parent);
    expect(cards.map((card) => card.serviceId)).toEqual([1]);
    expect(unmet.map((line) => line.code)).toEqual(["housing.homeless", "social.isolation"]);
  });
});
