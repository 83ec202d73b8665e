import { localize, type Language } from "#pathways/i18n.ts";
import { needs as needDefinitions, type NeedCode } from "#pathways/needs/taxonomy.ts";
import { casePackage } from "../case/case-package.server.ts";
import { getCatalogue, getStores } from "../db.server.ts";
import { forWhomWords } from "../for-whom.server.ts";
import { packageCards } from "./package-cards.ts";
import { cardsToShow } from "./package-view.ts";

/**
 * The case's package as the package page draws it, from the one package the engine stored
 * (never matched again here): each proposed service once with the needs it meets and whom
 * each is for, the other options, the needs no service meets, and what has happened to a
 * service since: changed (the card says so) or no longer offered (listed apart, by name).
 */
export async function viewPackage({ caseId, language }: { caseId: string; language: Language }) {
  const stored = await casePackage(getStores().cases, caseId);
  const { cards, unmet } = packageCards(
    stored.needs,
    {
      items: stored.proposed.map((service) => ({ serviceId: service.serviceId, reasons: service.reasons, coversInPackage: service.needCodes })),
      alternatives: stored.alternatives,
      unmetNeeds: stored.unmetNeeds,
    },
    { helpFor: stored.helpFor },
    stored.subjectOf,
  );
  const { standing } = stored;
  const revision = await getCatalogue().revision();
  const ids = [...new Set(cards.flatMap((card) => [card.serviceId, ...card.alternatives.map((alternative) => alternative.serviceId)]))];
  const summaries = await getCatalogue().summaries(ids, language, revision);
  const practical = await getCatalogue().practicalFacts(
    cards.map((card) => card.serviceId),
    revision,
  );
  const needNames = Object.fromEntries(stored.needs.map((code) => [code, needDefinitions[code].name[language]])) as Partial<Record<NeedCode, string>>;
  // Loader data is written into the page a second time for the browser: only what the
  // package draws goes in (no scores, descriptions or exclusion counts).
  const shownSummaries = Object.fromEntries(
    summaries.map(({ id, name, provider, cost, municipalityCodes, languageCodes }) => [
      id,
      { name, provider, cost: cost && { kind: cost.kind, amountCents: cost.amountCents, unit: cost.unit }, municipalityCodes, languageCodes },
    ]),
  );
  const closed = cards.filter((card) => standing(card.serviceId) === "closed");
  return {
    needNames,
    cards: cardsToShow(
      cards.filter((card) => standing(card.serviceId) !== "closed"),
      shownSummaries,
      needNames,
    ),
    changedSince: cards.filter((card) => standing(card.serviceId) === "changed").map((card) => card.serviceId),
    noLongerOffered: closed.map((card) => ({ serviceId: card.serviceId, name: localize(stored.storedName(card.serviceId), language), covers: card.covers })),
    unmet,
    practical: Object.fromEntries(practical),
    forWhom: forWhomWords(language, [...cards.flatMap((card) => card.covers), ...unmet].map((line) => line.forWhom)),
  };
}
