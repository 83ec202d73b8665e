import { describe, expect, it } from "vitest";
import { memberFor, membersToldOf, packageItemRows, packageOfRows, type CaseMember } from "./case.ts";
import type { PackageItem, ScoredService, ServicePackage } from "./matching/match.ts";
import type { NeedCode } from "./needs/taxonomy.ts";

const item = (serviceId: number, coversInPackage: NeedCode[], reasons: PackageItem["reasons"] = ["no-cost"]): PackageItem => ({
  serviceId,
  organizationId: serviceId * 10,
  needCodes: coversInPackage,
  coversInPackage,
  score: 10,
  reasons,
});
const option = (serviceId: number, reasons: ScoredService["reasons"] = ["short-wait"]): ScoredService => ({ serviceId, organizationId: serviceId * 10, needCodes: [], score: 5, reasons });

const household: CaseMember[] = [
  { id: "m-parent", relation: "person-screened" },
  { id: "m-child-1", relation: "child" },
  { id: "m-child-2", relation: "child" },
];

describe("the household a screening tells of", () => {
  it("is the carer answering for someone, and one member per child", () => {
    expect(membersToldOf({ helpFor: "someone-i-care-for", childrenCount: 0 })).toEqual(["carer"]);
    expect(membersToldOf({ helpFor: "self", childrenCount: 2 })).toEqual(["child", "child"]);
    expect(membersToldOf({ helpFor: "self", childrenCount: 0 })).toEqual([]);
  });

  it("names the member a need is for when it is one person's, and none when it is the children's or the family's", () => {
    const withCarer: CaseMember[] = [...household, { id: "m-carer", relation: "carer" }];
    expect(memberFor("person", withCarer)).toBe("m-parent");
    expect(memberFor("carer", withCarer)).toBe("m-carer");
    expect(memberFor("children", withCarer)).toBeNull();
    expect(memberFor("family", withCarer)).toBeNull();
    expect(memberFor("carer", household)).toBeNull();
  });
});

describe("a package as rows and back", () => {
  const needs: NeedCode[] = ["disability.child-speech-therapy", "family.parenting", "money.debt", "health.mental"];
  const servicePackage: Pick<ServicePackage, "items" | "alternatives" | "unmetNeeds"> = {
    items: [item(7, ["money.debt"], ["short-wait"]), item(3, ["family.parenting", "disability.child-speech-therapy"])],
    alternatives: { "money.debt": [option(8), option(9, ["no-cost"])], "disability.child-speech-therapy": [option(11)] },
    unmetNeeds: ["health.mental"],
  };
  const pathwayOf = (serviceId: number) => (serviceId === 3 ? "pathway-family" : null);
  const rows = packageItemRows(needs, servicePackage, { helpFor: "self" }, household, pathwayOf);

  it("keeps a row per need and service, with whom each need is for, the member where it is one person's, and the pathway it went to", () => {
    expect(rows.filter((row) => row.kind === "proposed")).toEqual([
      { kind: "proposed", needCode: "money.debt", needRank: 2, subject: "person", memberId: "m-parent", serviceId: 7, organizationId: 70, rank: 0, reasons: ["short-wait"], pathwayInstanceId: null },
      { kind: "proposed", needCode: "family.parenting", needRank: 1, subject: "family", memberId: null, serviceId: 3, organizationId: 30, rank: 1, reasons: ["no-cost"], pathwayInstanceId: "pathway-family" },
      { kind: "proposed", needCode: "disability.child-speech-therapy", needRank: 0, subject: "children", memberId: null, serviceId: 3, organizationId: 30, rank: 1, reasons: ["no-cost"], pathwayInstanceId: "pathway-family" },
    ]);
    expect(rows.filter((row) => row.kind === "unmet")).toEqual([
      { kind: "unmet", needCode: "health.mental", needRank: 3, subject: "person", memberId: "m-parent", serviceId: null, organizationId: null, rank: 0, reasons: [], pathwayInstanceId: null },
    ]);
  });

  it("gives back the package it was made from: the needs in order, the services in order with their needs (in the needs' order), the options, the unmet needs", () => {
    // Stored rows come back in any order.
    const back = packageOfRows([...rows].reverse());
    expect(back.needs).toEqual(needs);
    expect(back.proposed).toEqual([
      { serviceId: 7, organizationId: 70, reasons: ["short-wait"], needCodes: ["money.debt"], pathwayInstanceId: null },
      { serviceId: 3, organizationId: 30, reasons: ["no-cost"], needCodes: ["disability.child-speech-therapy", "family.parenting"], pathwayInstanceId: "pathway-family" },
    ]);
    expect(back.alternatives).toEqual({
      "money.debt": [
        { serviceId: 8, organizationId: 80, reasons: ["short-wait"] },
        { serviceId: 9, organizationId: 90, reasons: ["no-cost"] },
      ],
      "disability.child-speech-therapy": [{ serviceId: 11, organizationId: 110, reasons: ["short-wait"] }],
    });
    expect(back.unmetNeeds).toEqual(["health.mental"]);
    expect(back.subjects.get("family.parenting")).toBe("family");
  });

  it("is empty for no rows", () => {
    expect(packageOfRows([])).toEqual({ needs: [], proposed: [], alternatives: {}, unmetNeeds: [], subjects: new Map() });
  });
});
