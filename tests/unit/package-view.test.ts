import { describe, expect, it } from "vitest";
import type { PackageCard } from "#app/screening/package-cards.ts";
import { cardsToShow } from "#app/screening/package-view.ts";

const card = (serviceId: number, covers: PackageCard["covers"], alternatives: PackageCard["alternatives"] = []): PackageCard => ({
  serviceId,
  reasons: ["no-cost"],
  covers,
  alternatives,
});
const speech = { code: "disability.child-speech-therapy", forWhom: "yourChildren" } as const;
const occupational = { code: "disability.child-occupational-therapy", forWhom: "yourChildren" } as const;
const needNames = { "disability.child-speech-therapy": "Speech therapy for a child", "disability.child-occupational-therapy": "Occupational therapy for a child" };
const summaries = { 1: { name: "Therapy centre" }, 2: { name: "Speech clinic" }, 7: { name: "Private speech therapist" }, 8: { name: "Rehabilitation unit" } };

describe("cardsToShow", () => {
  it("puts each card's and each option's summary beside it, keeping the cards' order, needs and reasons", () => {
    const shown = cardsToShow([card(2, [speech]), card(1, [occupational])], summaries, needNames);
    expect(shown).toEqual([
      { serviceId: 2, reasons: ["no-cost"], covers: [speech], summary: { name: "Speech clinic" }, alternatives: [] },
      { serviceId: 1, reasons: ["no-cost"], covers: [occupational], summary: { name: "Therapy centre" }, alternatives: [] },
    ]);
  });

  it("leaves out a card or an option the catalogue has no summary for", () => {
    const shown = cardsToShow(
      [card(99, [speech]), card(1, [occupational], [{ serviceId: 98, reasons: [], insteadFor: [occupational.code] }, { serviceId: 8, reasons: ["short-wait"], insteadFor: [occupational.code] }])],
      summaries,
      needNames,
    );
    expect(shown.map((shownCard) => shownCard.serviceId)).toEqual([1]);
    expect(shown[0]!.alternatives).toEqual([{ serviceId: 8, reasons: ["short-wait"], summary: { name: "Rehabilitation unit" }, insteadFor: null }]);
  });

  it("names the needs an option could meet instead only where the card meets several, by name or else by code", () => {
    const alternatives = [
      { serviceId: 7, reasons: [], insteadFor: [speech.code] },
      { serviceId: 8, reasons: [], insteadFor: [speech.code, occupational.code] },
    ];
    const [several] = cardsToShow([card(1, [speech, occupational], alternatives)], summaries, needNames);
    expect(several!.alternatives.map((alternative) => alternative.insteadFor)).toEqual([
      ["Speech therapy for a child"],
      ["Speech therapy for a child", "Occupational therapy for a child"],
    ]);
    const [one] = cardsToShow([card(1, [speech], alternatives)], summaries, needNames);
    expect(one!.alternatives.map((alternative) => alternative.insteadFor)).toEqual([null, null]);
    const [unnamed] = cardsToShow([card(1, [speech, occupational], alternatives)], summaries, {});
    expect(unnamed!.alternatives[1]!.insteadFor).toEqual([speech.code, occupational.code]);
  });
});
