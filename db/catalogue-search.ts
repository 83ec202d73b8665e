import type { Statement } from "better-sqlite3";
import { fallbackOrder, localize, type Language, type StoredLocalizedText } from "#pathways/i18n.ts";
import type { LuukkuDatabase } from "./client.ts";
import type { capacities, costKinds, costUnits, deliveryModes, organizationTypes } from "./schema.ts";

/**
 * Public catalogue queries. SQLite-specific SQL (FTS5, json_extract) stays in this module
 * behind plain functions, so a PostgreSQL backend can replace it without touching callers.
 */

/** Text in the reader's language or, when missing, the first fallback; `language` says which, for `lang`. */
export interface LocalizedValue {
  text: string;
  language: Language;
}

export type OrganizationType = (typeof organizationTypes)[number];
export type CostKind = (typeof costKinds)[number];
export type CostUnit = (typeof costUnits)[number];

export interface Cost {
  kind: CostKind;
  amountCents: number | null;
  unit: CostUnit | null;
  description: LocalizedValue | null;
}

export interface ServiceSummary {
  id: number;
  name: LocalizedValue;
  summary: LocalizedValue | null;
  provider: { name: LocalizedValue; type: OrganizationType };
  cost: Cost | null;
  municipalityCodes: string[];
  languageCodes: string[];
}

export interface SearchCriteria {
  /** Free text as typed; anything but letters and digits is ignored. */
  text?: string | undefined;
  needCode?: string | undefined;
  municipalityCode?: string | undefined;
  language: Language;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  total: number;
  services: ServiceSummary[];
}

const maxSearchTerms = 12;
const maxTermLength = 40;

/**
 * Turns what a person typed into a safe FTS5 query: each run of letters or digits
 * becomes a quoted prefix term, ANDed. No FTS syntax (quotes, NEAR, column filters,
 * operators) can pass through, so any input is a valid query. Null when nothing is left.
 */
export function toFtsQuery(text: string): string | null {
  const terms = new Set<string>();
  for (const match of text.toLocaleLowerCase("fi").matchAll(/[\p{L}\p{N}]+/gu)) {
    terms.add(match[0].slice(0, maxTermLength));
    if (terms.size === maxSearchTerms) break;
  }
  if (terms.size === 0) return null;
  return [...terms].map((term) => `"${term}"*`).join(" ");
}

/** The expression the service_sort_name_* indexes are built on (see migration 0001). */
function sortNameExpression(language: Language, alias: string): string {
  return `coalesce(${fallbackOrder(language)
    .map((candidate) => `json_extract(${alias}.name, '$.${candidate}')`)
    .join(", ")})`;
}

const publicServiceCondition = "s.status = 'active' AND s.publication_status = 'published'";

const summaryColumns = `
  s.id AS id, s.name AS name, s.summary AS summary,
  o.name AS providerName, o.type AS providerType,
  (SELECT json_object('kind', c.kind, 'amountCents', c.amount_cents, 'unit', c.unit, 'description', json(c.description))
     FROM cost_option c WHERE c.service_id = s.id ORDER BY c.id LIMIT 1) AS cost,
  (SELECT group_concat(municipality_code) FROM service_area WHERE service_id = s.id) AS municipalityCodes,
  (SELECT group_concat(code) FROM service_language WHERE service_id = s.id) AS languageCodes`;

interface SummaryRow {
  id: number;
  name: string;
  summary: string;
  providerName: string;
  providerType: OrganizationType;
  cost: string | null;
  municipalityCodes: string | null;
  languageCodes: string | null;
}

export class CatalogueQueries {
  readonly #db: LuukkuDatabase;
  readonly #statements = new Map<string, Statement>();

  constructor(db: LuukkuDatabase) {
    this.#db = db;
  }

  /** Statements are cached by their SQL: the set of filter combinations is small and fixed. */
  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.$client.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  search(criteria: SearchCriteria): SearchResult {
    const ftsQuery = criteria.text ? toFtsQuery(criteria.text) : null;
    const filters: string[] = [publicServiceCondition];
    const filterParameters: string[] = [];
    if (criteria.needCode) {
      filters.push("EXISTS (SELECT 1 FROM service_attribute a WHERE a.service_id = s.id AND a.taxonomy_term_code = ?)");
      filterParameters.push(criteria.needCode);
    }
    if (criteria.municipalityCode) {
      filters.push("EXISTS (SELECT 1 FROM service_area ar WHERE ar.service_id = s.id AND ar.municipality_code = ?)");
      filterParameters.push(criteria.municipalityCode);
    }
    const where = filters.join(" AND ");
    const offset = (criteria.page - 1) * criteria.pageSize;

    if (ftsQuery) {
      // The full-text match runs first, on its own (MATERIALIZED), and the filters join
      // after: letting the planner mix MATCH with the joined filters can cost orders of
      // magnitude on large catalogues.
      const table = `service_search_${criteria.language}`;
      const hits = `WITH hits AS MATERIALIZED (
          SELECT rowid AS id, bm25(${table}, 10.0, 4.0, 1.0, 3.0) AS rank FROM ${table} WHERE ${table} MATCH ?
        )`;
      const count = this.#prepare(
        `${hits} SELECT count(*) AS total FROM hits JOIN service s ON s.id = hits.id WHERE ${where}`,
      ).get(ftsQuery, ...filterParameters) as { total: number };
      if (count.total === 0) return { total: 0, services: [] };
      const rows = this.#prepare(
        `${hits} SELECT ${summaryColumns}
         FROM hits JOIN service s ON s.id = hits.id JOIN organization o ON o.id = s.organization_id
         WHERE ${where} ORDER BY hits.rank, s.id LIMIT ? OFFSET ?`,
      ).all(ftsQuery, ...filterParameters, criteria.pageSize, offset) as SummaryRow[];
      return { total: count.total, services: rows.map((row) => toSummary(row, criteria.language)) };
    }

    const count = this.#prepare(`SELECT count(*) AS total FROM service s WHERE ${where}`).get(...filterParameters) as {
      total: number;
    };
    if (count.total === 0) return { total: 0, services: [] };
    const rows = this.#prepare(
      `SELECT ${summaryColumns} FROM service s JOIN organization o ON o.id = s.organization_id
       WHERE ${where} ORDER BY ${sortNameExpression(criteria.language, "s")}, s.id LIMIT ? OFFSET ?`,
    ).all(...filterParameters, criteria.pageSize, offset) as SummaryRow[];
    return { total: count.total, services: rows.map((row) => toSummary(row, criteria.language)) };
  }

  /** A published, active service with everything its public page shows; null when there is none. */
  service(id: number, language: Language): ServiceDetail | null {
    const row = this.#prepare(
      `SELECT s.*, o.name AS provider_name, o.type AS provider_type, o.website AS provider_website,
              o.phone AS provider_phone, o.email AS provider_email,
              e.residency_required, e.required_need_codes
       FROM service s JOIN organization o ON o.id = s.organization_id
       LEFT JOIN service_eligibility e ON e.service_id = s.id
       WHERE s.id = ? AND ${publicServiceCondition}`,
    ).get(id) as ServiceRow | undefined;
    if (!row) return null;
    const local = (json: string | null) => localize(parseLocalized(json), language);
    const locations = this.#prepare(
      `SELECT l.id, l.name, l.transportation, l.accessibility, a.street, a.postal_code, a.municipality_code
       FROM service_at_location sl JOIN location l ON l.id = sl.location_id
       LEFT JOIN address a ON a.location_id = l.id
       WHERE sl.service_id = ? ORDER BY l.id`,
    ).all(id) as LocationRow[];
    const schedules = this.#prepare(
      "SELECT byday, opens_at, closes_at, description FROM schedule WHERE service_id = ? ORDER BY id",
    ).all(id) as ScheduleRow[];
    const costs = this.#prepare(
      "SELECT kind, amount_cents, unit, description FROM cost_option WHERE service_id = ? ORDER BY id",
    ).all(id) as CostRow[];
    const phones = this.#prepare("SELECT number FROM phone WHERE service_id = ? ORDER BY id").all(id) as { number: string }[];
    const needCodes = this.#prepare(
      "SELECT taxonomy_term_code AS code FROM service_attribute WHERE service_id = ? ORDER BY taxonomy_term_code",
    ).all(id) as { code: string }[];
    const lists = this.#prepare(
      `SELECT (SELECT group_concat(municipality_code) FROM service_area WHERE service_id = ?) AS municipalityCodes,
              (SELECT group_concat(code) FROM service_language WHERE service_id = ?) AS languageCodes`,
    ).get(id, id) as { municipalityCodes: string | null; languageCodes: string | null };
    return {
      id: row.id,
      name: localizeRequired(parseLocalized(row.name), language),
      summary: local(row.summary),
      description: local(row.description),
      applicationProcess: local(row.application_process),
      eligibility: local(row.eligibility_description),
      minimumAge: row.minimum_age,
      maximumAge: row.maximum_age,
      residencyRequired: row.residency_required === 1,
      delivery: JSON.parse(row.delivery) as DeliveryMode[],
      acceptsReferrals: row.accepts_referrals === 1,
      typicalWaitDays: row.typical_wait_days,
      capacity: row.capacity,
      qualityRating: row.quality_rating,
      accreditations: row.accreditations,
      url: row.url,
      email: row.email,
      phones: phones.map((phone) => phone.number),
      provider: {
        name: localizeRequired(parseLocalized(row.provider_name), language),
        type: row.provider_type,
        website: row.provider_website,
        phone: row.provider_phone,
        email: row.provider_email,
      },
      costs: costs.map((cost) => ({
        kind: cost.kind,
        amountCents: cost.amount_cents,
        unit: cost.unit,
        description: local(cost.description),
      })),
      locations: locations.map((location) => ({
        id: location.id,
        name: localizeRequired(parseLocalized(location.name), language),
        street: location.street,
        postalCode: location.postal_code,
        municipalityCode: location.municipality_code,
        transportation: local(location.transportation),
        accessibility: local(location.accessibility),
      })),
      schedules: schedules.map((schedule) => ({
        days: schedule.byday.split(","),
        opensAt: schedule.opens_at,
        closesAt: schedule.closes_at,
        description: local(schedule.description),
      })),
      needCodes: needCodes.map((need) => need.code),
      municipalityCodes: splitList(lists.municipalityCodes),
      languageCodes: splitList(lists.languageCodes),
    };
  }
}

interface ServiceRow {
  id: number;
  name: string;
  summary: string;
  description: string;
  application_process: string;
  eligibility_description: string;
  url: string | null;
  email: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  delivery: string;
  accepts_referrals: number;
  typical_wait_days: number | null;
  capacity: Capacity;
  quality_rating: number | null;
  accreditations: string | null;
  provider_name: string;
  provider_type: OrganizationType;
  provider_website: string | null;
  provider_phone: string | null;
  provider_email: string | null;
  residency_required: number | null;
}

interface LocationRow {
  id: number;
  name: string;
  transportation: string | null;
  accessibility: string | null;
  street: string | null;
  postal_code: string | null;
  municipality_code: string | null;
}

interface ScheduleRow {
  byday: string;
  opens_at: string;
  closes_at: string;
  description: string | null;
}

interface CostRow {
  kind: CostKind;
  amount_cents: number | null;
  unit: CostUnit | null;
  description: string | null;
}

export interface ServiceDetail {
  id: number;
  name: LocalizedValue;
  summary: LocalizedValue | null;
  description: LocalizedValue | null;
  applicationProcess: LocalizedValue | null;
  eligibility: LocalizedValue | null;
  minimumAge: number | null;
  maximumAge: number | null;
  residencyRequired: boolean;
  delivery: DeliveryMode[];
  acceptsReferrals: boolean;
  typicalWaitDays: number | null;
  capacity: Capacity;
  qualityRating: number | null;
  accreditations: string | null;
  url: string | null;
  email: string | null;
  phones: string[];
  provider: {
    name: LocalizedValue;
    type: OrganizationType;
    website: string | null;
    phone: string | null;
    email: string | null;
  };
  costs: Cost[];
  locations: {
    id: number;
    name: LocalizedValue;
    street: string | null;
    postalCode: string | null;
    municipalityCode: string | null;
    transportation: LocalizedValue | null;
    accessibility: LocalizedValue | null;
  }[];
  schedules: { days: string[]; opensAt: string; closesAt: string; description: LocalizedValue | null }[];
  needCodes: string[];
  municipalityCodes: string[];
  languageCodes: string[];
}

function parseLocalized(json: string | null): StoredLocalizedText | null {
  return json === null ? null : (JSON.parse(json) as StoredLocalizedText);
}

/** Localizes text that the schema requires; an empty object (bad import) reads as a dash rather than failing the page. */
export function localizeRequired(text: StoredLocalizedText | null, language: Language): LocalizedValue {
  return localize(text, language) ?? { text: "–", language };
}

export function splitList(list: string | null): string[] {
  return list ? list.split(",").sort() : [];
}

function toSummary(row: SummaryRow, language: Language): ServiceSummary {
  const cost = row.cost
    ? (JSON.parse(row.cost) as { kind: CostKind; amountCents: number | null; unit: CostUnit | null; description: StoredLocalizedText })
    : null;
  return {
    id: row.id,
    name: localizeRequired(parseLocalized(row.name), language),
    summary: localize(parseLocalized(row.summary), language),
    provider: { name: localizeRequired(parseLocalized(row.providerName), language), type: row.providerType },
    cost: cost && { ...cost, description: localize(cost.description, language) },
    municipalityCodes: splitList(row.municipalityCodes),
    languageCodes: splitList(row.languageCodes),
  };
}

export type Capacity = (typeof capacities)[number];
export type DeliveryMode = (typeof deliveryModes)[number];
