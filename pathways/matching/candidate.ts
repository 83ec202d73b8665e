import type { Capacity, ServiceSituation } from "../catalogue.ts";
import type { NeedCode } from "../needs/taxonomy.ts";

/**
 * What the matcher knows about a service: the catalogue row reduced to the facts its
 * filters and score read. The database layer builds these; the matcher never queries.
 */
export interface CandidateService {
  id: number;
  organizationId: number;
  organizationType: "public" | "private" | "non_profit";
  status: "active" | "inactive" | "defunct" | "temporarily closed";
  publicationStatus: "draft" | "in_review" | "published";
  acceptsReferrals: boolean;
  needCodes: NeedCode[];
  /** Structured eligibility: the person must have one of these needs; empty means none required. */
  requiredNeedCodes: NeedCode[];
  /** Situations it is meant for that the screening does not ask about: it ranks after services without (ADR 021). */
  situations: ServiceSituation[];
  minimumAge: number | null;
  maximumAge: number | null;
  /** Municipality codes the service serves. */
  areas: string[];
  /** Municipalities where it has a place to visit. */
  locationMunicipalities: string[];
  /** Given at home, by phone or online: distance does not matter. */
  comesToThePerson: boolean;
  languages: string[];
  cost: {
    kind: "free" | "fixed_price" | "voucher" | "income_related";
    amountCents: number | null;
    unit: "hour" | "visit" | "session" | "day" | "month" | "meal" | "trip" | "course" | null;
  } | null;
  typicalWaitDays: number | null;
  capacity: Capacity;
  /** 1.0–5.0 client satisfaction, if measured. */
  qualityRating: number | null;
}
