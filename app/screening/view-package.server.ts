import { caseProposedPackage } from "#db/case-store.ts";
import { packageOfRows } from "#pathways/case.ts";
import { localize, type Language } from "#pathways/i18n.ts";
import { needs as needDefinitions, type NeedCode } from "#pathways/needs/taxonomy.ts";
import { getCatalogue, getCatalogueRevision, getDatabase } from "../db.server.ts";
import { forWhomWords } from "../for-whom.server.ts";
import { packageCards } from "./package-cards.ts";
import { cardsToShow } from "./package-view.ts";

/**
 * The case's package as the package page draws it, from the one package the engine stored
 * (never matched again here): each proposed service once with the needs it meets and whom
 * each is for, the other options, the needs no service meets, and what has happened to a
 * service since: changed (the card says so) or no longer offered (listed apart, by name).
 */
export function viewPackage({ caseId, language }: { caseId: string; language: Language }) {
  const stored = caseProposedPackage(getDatabase(), caseId);
  const rows = packageOfRows(stored?.items ?? []);
  const person = { helpFor: stored?.helpFor ?? "self" } as const;
  const { cards, unmet } = packageCards(
    rows.needs,
    { items: rows.proposed.map((service) => ({ serviceId: service.serviceId, reasons: service.reasons, coversInPackage: service.needCodes })), alternatives: rows.alternatives, unmetNeeds: rows.unmetNeeds },
    person,
    (code) => rows.subjects.get(code)!,
  );
  const standing = (serviceId: number) => stored?.services.get(serviceId)?.standing ?? "closed";
  const revision = getCatalogueRevision().read();
  const ids = [...new Set(cards.flatMap((card) => [card.serviceId, ...card.alternatives.map((alternative) => alternative.serviceId)]))];
  const summaries = getCatalogue().summaries(ids, language, revision);
  const practical = getCatalogue().practicalFacts(
    cards.map((card) => card.serviceId),
    revision,
  );
  const needNames = Object.fromEntries(rows.needs.map((code) => [code, needDefinitions[code].name[language]])) as Partial<Record<NeedCode, string>>;
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
    noLongerOffered: closed.map((card) => ({ serviceId: card.serviceId, name: localize(stored?.services.get(card.serviceId)?.name, language), covers: card.covers })),
    unmet,
    practical: Object.fromEntries(practical),
    forWhom: forWhomWords(language, [...cards.flatMap((card) => card.covers), ...unmet].map((line) => line.forWhom)),
  };
}
