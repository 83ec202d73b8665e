import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import type { AlternativeCard, PackageCard } from "./package-cards.ts";

/**
 * The package cards joined with the catalogue's summaries, as the package page draws them.
 * A service the catalogue no longer summarizes (closed since) is left out, card or option.
 */

export interface AlternativeToShow<Summary> extends Omit<AlternativeCard, "insteadFor"> {
  summary: Summary;
  /** The names of the card's needs this option could meet instead; null where the card meets only one, so saying so adds nothing. */
  insteadFor: string[] | null;
}

export interface CardToShow<Summary> extends Omit<PackageCard, "alternatives"> {
  summary: Summary;
  alternatives: AlternativeToShow<Summary>[];
}

export function cardsToShow<Summary>(
  cards: readonly PackageCard[],
  summaries: Readonly<Record<number, Summary | undefined>>,
  needNames: Partial<Record<NeedCode, string>>,
): CardToShow<Summary>[] {
  return cards.flatMap((card) => {
    const summary = summaries[card.serviceId];
    if (!summary) return [];
    const severalNeeds = card.covers.length > 1;
    const alternatives = card.alternatives.flatMap((alternative) => {
      const alternativeSummary = summaries[alternative.serviceId];
      if (!alternativeSummary) return [];
      const insteadFor = severalNeeds ? alternative.insteadFor.map((code) => needNames[code] ?? code) : null;
      return [{ serviceId: alternative.serviceId, reasons: alternative.reasons, summary: alternativeSummary, insteadFor }];
    });
    return [{ serviceId: card.serviceId, reasons: card.reasons, covers: card.covers, summary, alternatives }];
  });
}
