import type { Statement } from "better-sqlite3";
import type { CandidateSource } from "#pathways/engine.ts";
import type { CandidateService } from "#pathways/matching/candidate.ts";
import { CandidateIndex } from "#pathways/matching/candidate-index.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import { CatalogueRevision } from "./catalogue-revision.ts";
import type { LuukkuDatabase } from "./client.ts";

interface ServiceRow {
  id: number;
  organizationId: number;
  organizationType: CandidateService["organizationType"];
  status: CandidateService["status"];
  publicationStatus: CandidateService["publicationStatus"];
  minimumAge: number | null;
  maximumAge: number | null;
  delivery: string;
  typicalWaitDays: number | null;
  capacity: CandidateService["capacity"];
  qualityRating: number | null;
  requiredNeedCodes: string | null;
  situations: string | null;
}

type Pair<T> = { serviceId: number; value: T };

/**
 * The matcher's view of the catalogue, held in memory: every published, active service
 * that takes referrals, as a `CandidateIndex`. A screening's candidates are then a lookup,
 * not thousands of row reads (see bench/matching.ts). The index is rebuilt, with a few
 * set-based queries, whenever the catalogue revision has moved since it was built (it moves
 * only when a change is public: see `CatalogueRevision`).
 */
export class SqliteCandidateSource implements CandidateSource {
  readonly #revision: CatalogueRevision;
  readonly #terms: Statement;
  readonly #queries: Record<"services" | "needs" | "areas" | "languages" | "locations" | "costs", Statement>;
  #index: { revision: number; index: CandidateIndex } | null = null;

  constructor(db: LuukkuDatabase, revision = new CatalogueRevision(db)) {
    const prepare = (sql: string) => db.$client.prepare(sql);
    const referable = "SELECT id FROM service WHERE status = 'active' AND publication_status = 'published' AND accepts_referrals = 1";
    this.#revision = revision;
    this.#terms = prepare(`
      SELECT id, organization_id AS organizationId, response_time_working_days AS responseTimeWorkingDays
      FROM service WHERE id IN (SELECT value FROM json_each(?))`);
    this.#queries = {
      services: prepare(`
        SELECT s.id, s.organization_id AS organizationId, o.type AS organizationType, s.status,
               s.publication_status AS publicationStatus, s.minimum_age AS minimumAge, s.maximum_age AS maximumAge,
               s.delivery, s.typical_wait_days AS typicalWaitDays, s.capacity, s.quality_rating AS qualityRating,
               e.required_need_codes AS requiredNeedCodes, e.situations
        FROM service s JOIN organization o ON o.id = s.organization_id
        LEFT JOIN service_eligibility e ON e.service_id = s.id
        WHERE s.id IN (${referable})`),
      needs: prepare(`SELECT service_id AS serviceId, taxonomy_term_code AS value FROM service_attribute WHERE service_id IN (${referable})`),
      areas: prepare(`SELECT service_id AS serviceId, municipality_code AS value FROM service_area WHERE service_id IN (${referable})`),
      languages: prepare(`SELECT service_id AS serviceId, code AS value FROM service_language WHERE service_id IN (${referable})`),
      locations: prepare(`
        SELECT DISTINCT sl.service_id AS serviceId, a.municipality_code AS value
        FROM service_at_location sl JOIN address a ON a.location_id = sl.location_id
        WHERE sl.service_id IN (${referable})`),
      costs: prepare(`
        SELECT c.service_id AS serviceId, json_object('kind', c.kind, 'amountCents', c.amount_cents, 'unit', c.unit) AS value
        FROM cost_option c
        WHERE c.service_id IN (${referable}) AND c.id = (SELECT min(id) FROM cost_option WHERE service_id = c.service_id)`),
    };
  }

  /** The index for this catalogue revision: a request that has read the revision passes it in. */
  candidateIndex(revision = this.#revision.read()): CandidateIndex {
    if (this.#index?.revision !== revision) this.#index = { revision, index: new CandidateIndex(this.#load()) };
    return this.#index.index;
  }

  referralTerms(serviceIds: readonly number[]) {
    const rows = this.#terms.all(JSON.stringify(serviceIds)) as { id: number; organizationId: number; responseTimeWorkingDays: number }[];
    return new Map(rows.map((row) => [row.id, { organizationId: row.organizationId, responseTimeWorkingDays: row.responseTimeWorkingDays }]));
  }

  #load(): CandidateService[] {
    const grouped = <T>(statement: Statement) => {
      const groups = new Map<number, T[]>();
      for (const { serviceId, value } of statement.all() as Pair<T>[]) {
        const list = groups.get(serviceId);
        if (list) list.push(value);
        else groups.set(serviceId, [value]);
      }
      return groups;
    };
    const needs = grouped<NeedCode>(this.#queries.needs);
    const areas = grouped<string>(this.#queries.areas);
    const languages = grouped<string>(this.#queries.languages);
    const locations = grouped<string>(this.#queries.locations);
    const costs = grouped<string>(this.#queries.costs);

    return (this.#queries.services.all() as ServiceRow[]).map((row) => {
      const delivery = JSON.parse(row.delivery) as string[];
      const cost = costs.get(row.id)?.[0];
      return {
        id: row.id,
        organizationId: row.organizationId,
        organizationType: row.organizationType,
        status: row.status,
        publicationStatus: row.publicationStatus,
        acceptsReferrals: true,
        needCodes: needs.get(row.id) ?? [],
        requiredNeedCodes: (row.requiredNeedCodes ? JSON.parse(row.requiredNeedCodes) : []) as NeedCode[],
        situations: (row.situations ? JSON.parse(row.situations) : []) as CandidateService["situations"],
        minimumAge: row.minimumAge,
        maximumAge: row.maximumAge,
        areas: areas.get(row.id) ?? [],
        locationMunicipalities: locations.get(row.id) ?? [],
        comesToThePerson: delivery.some((mode) => mode !== "in_person"),
        languages: languages.get(row.id) ?? [],
        cost: cost ? (JSON.parse(cost) as CandidateService["cost"]) : null,
        typicalWaitDays: row.typicalWaitDays,
        capacity: row.capacity,
        qualityRating: row.qualityRating,
      };
    });
  }
}
