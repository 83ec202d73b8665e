import type { Statement } from "better-sqlite3";
import type { CandidateSource } from "#pathways/engine.ts";
import type { CandidateService } from "#pathways/matching/candidate.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import type { LuukkuDatabase } from "./client.ts";

interface CandidateRow {
  id: number;
  organizationId: number;
  organizationType: CandidateService["organizationType"];
  status: CandidateService["status"];
  publicationStatus: CandidateService["publicationStatus"];
  acceptsReferrals: number;
  minimumAge: number | null;
  maximumAge: number | null;
  delivery: string;
  typicalWaitDays: number | null;
  capacity: CandidateService["capacity"];
  qualityRating: number | null;
  requiredNeedCodes: string | null;
  needCodes: string | null;
  areas: string | null;
  locationMunicipalities: string | null;
  languages: string | null;
  cost: string | null;
}

const list = (value: string | null) => (value ? value.split(",") : []);

/**
 * Reads matching candidates from the catalogue: services tagged with any of the needs
 * and serving the municipality, published and taking referrals (the cheap hard filters,
 * applied here so the matcher sees few rows; the matcher applies every filter again).
 */
export class SqliteCandidateSource implements CandidateSource {
  readonly #candidates: Statement;
  readonly #terms: Statement;

  constructor(db: LuukkuDatabase) {
    this.#candidates = db.$client.prepare(`
      SELECT s.id, s.organization_id AS organizationId, o.type AS organizationType, s.status,
             s.publication_status AS publicationStatus, s.accepts_referrals AS acceptsReferrals,
             s.minimum_age AS minimumAge, s.maximum_age AS maximumAge, s.delivery,
             s.typical_wait_days AS typicalWaitDays, s.capacity, s.quality_rating AS qualityRating,
             e.required_need_codes AS requiredNeedCodes,
             (SELECT group_concat(taxonomy_term_code) FROM service_attribute WHERE service_id = s.id) AS needCodes,
             (SELECT group_concat(municipality_code) FROM service_area WHERE service_id = s.id) AS areas,
             (SELECT group_concat(DISTINCT a.municipality_code) FROM service_at_location sl
                JOIN address a ON a.location_id = sl.location_id WHERE sl.service_id = s.id) AS locationMunicipalities,
             (SELECT group_concat(code) FROM service_language WHERE service_id = s.id) AS languages,
             (SELECT json_object('kind', c.kind, 'amountCents', c.amount_cents, 'unit', c.unit)
                FROM cost_option c WHERE c.service_id = s.id ORDER BY c.id LIMIT 1) AS cost
      FROM service s
      JOIN organization o ON o.id = s.organization_id
      LEFT JOIN service_eligibility e ON e.service_id = s.id
      WHERE s.id IN (SELECT service_id FROM service_attribute WHERE taxonomy_term_code IN (SELECT value FROM json_each(?)))
        AND s.id IN (SELECT service_id FROM service_area WHERE municipality_code = ?)
        AND s.status = 'active' AND s.publication_status = 'published' AND s.accepts_referrals = 1`);
    this.#terms = db.$client.prepare(`
      SELECT id, organization_id AS organizationId, response_time_working_days AS responseTimeWorkingDays
      FROM service WHERE id IN (SELECT value FROM json_each(?))`);
  }

  candidates(needCodes: readonly NeedCode[], municipality: string): CandidateService[] {
    const rows = this.#candidates.all(JSON.stringify(needCodes), municipality) as CandidateRow[];
    return rows.map((row) => {
      const delivery = JSON.parse(row.delivery) as string[];
      return {
        id: row.id,
        organizationId: row.organizationId,
        organizationType: row.organizationType,
        status: row.status,
        publicationStatus: row.publicationStatus,
        acceptsReferrals: row.acceptsReferrals === 1,
        needCodes: list(row.needCodes) as NeedCode[],
        requiredNeedCodes: (row.requiredNeedCodes ? JSON.parse(row.requiredNeedCodes) : []) as NeedCode[],
        minimumAge: row.minimumAge,
        maximumAge: row.maximumAge,
        areas: list(row.areas),
        locationMunicipalities: list(row.locationMunicipalities),
        comesToThePerson: delivery.some((mode) => mode !== "in_person"),
        languages: list(row.languages),
        cost: row.cost ? (JSON.parse(row.cost) as CandidateService["cost"]) : null,
        typicalWaitDays: row.typicalWaitDays,
        capacity: row.capacity,
        qualityRating: row.qualityRating,
      };
    });
  }

  referralTerms(serviceIds: readonly number[]) {
    const rows = this.#terms.all(JSON.stringify(serviceIds)) as { id: number; organizationId: number; responseTimeWorkingDays: number }[];
    return new Map(rows.map((row) => [row.id, { organizationId: row.organizationId, responseTimeWorkingDays: row.responseTimeWorkingDays }]));
  }
}
