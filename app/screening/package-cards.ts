import type { PackageItem, ReasonCode, ScoredService } from "#pathways/matching/match.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import { needSubject, subjectLabelKey, type NeedSubject, type SubjectLabelKey } from "#pathways/needs/subject.ts";
import type { PersonProfile } from "#pathways/person.ts";

/**
 * The package page as cards: each proposed service once, with the needs it is proposed
 * for and whom each is for; the other options for those needs under it, each once; and
 * the needs no service meets, apart. The page draws these as they come.
 */

export interface NeedLine {
  code: NeedCode;
  /** The forWhom namespace's key for whom the need is for ("For your children"). */
  forWhom: SubjectLabelKey;
}

export interface AlternativeCard {
  serviceId: number;
  reasons: ReasonCode[];
  /** Which of the card's needs this service could meet instead. */
  insteadFor: NeedCode[];
}

export interface PackageCard {
  serviceId: number;
  reasons: ReasonCode[];
  covers: NeedLine[];
  alternatives: AlternativeCard[];
}

export interface PackageCards {
  cards: PackageCard[];
  unmet: NeedLine[];
}

/** What the cards are made of: the package's services, the options for each need, the needs no service meets. */
export interface PackageToShow {
  items: readonly Pick<PackageItem, "serviceId" | "reasons" | "coversInPackage">[];
  alternatives: Partial<Record<NeedCode, readonly Pick<ScoredService, "serviceId" | "reasons">[]>>;
  unmetNeeds: readonly NeedCode[];
}

/**
 * `needs` in the order the page lists them (most urgent first): the cards follow the first
 * need each covers, and each card lists its needs in that order. Whom each need is for is
 * `subjectOf` (the stored package's), or else derived from the person's profile.
 */
export function packageCards(
  needs: readonly NeedCode[],
  servicePackage: PackageToShow,
  person: Pick<PersonProfile, "helpFor">,
  subjectOf: (code: NeedCode) => NeedSubject = (code) => needSubject(code, person),
): PackageCards {
  const line = (code: NeedCode): NeedLine => ({ code, forWhom: subjectLabelKey(subjectOf(code), person) });
  const rank = (code: NeedCode) => {
    const at = needs.indexOf(code);
    return at === -1 ? needs.length : at;
  };
  const inOrder = (codes: readonly NeedCode[]) => [...codes].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const cards = servicePackage.items
    .map((item) => {
      const covers = inOrder(item.coversInPackage);
      const alternatives: AlternativeCard[] = [];
      for (const code of covers) {
        for (const alternative of servicePackage.alternatives[code] ?? []) {
          const listed = alternatives.find((entry) => entry.serviceId === alternative.serviceId);
          if (listed) listed.insteadFor.push(code);
          else alternatives.push({ serviceId: alternative.serviceId, reasons: alternative.reasons, insteadFor: [code] });
        }
      }
      return { serviceId: item.serviceId, reasons: item.reasons, covers: covers.map(line), alternatives };
    })
    .sort((a, b) => rank(a.covers[0]!.code) - rank(b.covers[0]!.code));
  return { cards, unmet: inOrder(servicePackage.unmetNeeds).map(line) };
}
