import type { Statement } from "better-sqlite3";
import { fallbackOrder, localize, type Language, type StoredLocalizedText } from "#pathways/i18n.ts";
import { CatalogueRevision } from "./catalogue-revision.ts";
import type { LuukkuDatabase } from "./client.ts";
import type { Capacity, Cost, CostKind, CostUnit, DeliveryMode, LocalizedValue, OrganizationType, PracticalFacts, ServiceSummary } from "#pathways/catalogue.ts";

/**
 * Public catalogue queries. SQLite-specific SQL (FTS5, json_extract) stays in this module
 * behind plain functions, so a PostgreSQL backend can replace it without touching callers.
 * Every query returns a promise, as a pooled PostgreSQL client will (ADR 020), though on
 * SQLite each one runs synchronously underneath.
 */

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

/** The expression the service_public_name_* indexes are built on (see migration 0001). */
function sortNameExpression(language: Language, alias: string): string {
  return `coalesce(${fallbackOrder(language)
    .map((candidate) => `json_extract(${alias}.name, '$.${candidate}')`)
    .join(", ")})`;
}

/** The tokens the filter columns of the search index hold (mirrors migration 0001). */
export function needToken(code: string): string {
  return `n${code.replaceAll(".", "").replaceAll("-", "")}`;
}

export function municipalityToken(code: string): string {
  return `m${code}`;
}

const publicServiceCondition = "s.status = 'active' AND s.publication_status = 'published'";

/**
 * Above this many matches in one relevance tier, the tier is listed by service id
 * instead of by bm25: ranking every one of tens of thousands of matches for a word like
 * "palvelu" costs more than the page may take, and nobody reads that far.
 */
const rankedTierLimit = 5000;

/** bm25 weights: name, summary, description, provider; the filter columns do not rank. */
const rankExpression = (table: string) => `bm25(${table}, 10.0, 4.0, 1.0, 3.0, 0.0, 0.0)`;

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

const all = (parts: string[]) => parts.map((part) => `(${part})`).join(" AND ");

/** Services whose summaries and facts are kept between catalogue changes, at most (a page of results or a package reads a few dozen). */
const rememberedServices = 20_000;

export class CatalogueQueries {
  readonly #db: LuukkuDatabase;
  readonly #statements = new Map<string, Statement>();
  readonly #revision: CatalogueRevision;
  /**
   * Summaries by language and service id, and practical facts by service id (null: not
   * public), for the catalogue revision they were read at. The package page reads the same
   * services on every request; the revision moves when any of it changes in public (a
   * draft's rows are never remembered as anything but null: not public).
   */
  #remembered = { revision: -1, summaries: new Map<string, ServiceSummary | null>(), facts: new Map<number, PracticalFacts | null>() };

  constructor(db: LuukkuDatabase, revision = new CatalogueRevision(db)) {
    this.#db = db;
    this.#revision = revision;
  }

  /** What is remembered for the catalogue as it is now: emptied when it has changed, or grown too large. */
  #current(revision: number) {
    const { summaries, facts } = this.#remembered;
    if (this.#remembered.revision !== revision || summaries.size + facts.size > rememberedServices) {
      this.#remembered = { revision, summaries: new Map(), facts: new Map() };
    }
    return this.#remembered;
  }

  /** Statements are cached by their SQL: the set of query shapes is small and fixed. */
  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.$client.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #count(table: string, match: string): number {
    return (this.#prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(match) as { n: number }).n;
  }

  #matchingIds(table: string, match: string, ranked: boolean, limit: number, offset: number): number[] {
    const order = ranked ? rankExpression(table) : "rowid";
    const rows = this.#prepare(
      `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(match, limit, offset) as { id: number }[];
    return rows.map((row) => row.id);
  }

  /**
   * The public catalogue's revision now. A request reads it once and passes it to
   * `summaries` and `practicalFacts`, so they answer for the same catalogue; they read it
   * through here themselves when not given one.
   */
  async revision(): Promise<number> {
    return this.#revision.read();
  }

  /** Public summaries of these services, in the order given (unpublished ones left out). */
  async summaries(ids: number[], language: Language, revision?: number): Promise<ServiceSummary[]> {
    if (ids.length === 0) return [];
    const remembered = this.#current(revision ?? (await this.revision())).summaries;
    const missing = ids.filter((id) => !remembered.has(`${language}:${id}`));
    if (missing.length > 0) {
      const rows = this.#prepare(
        `SELECT ${summaryColumns} FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE s.id IN (SELECT value FROM json_each(?)) AND ${publicServiceCondition}`,
      ).all(JSON.stringify(missing)) as SummaryRow[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of missing) {
        const row = byId.get(id);
        remembered.set(`${language}:${id}`, row ? toSummary(row, language) : null);
      }
    }
    return ids.flatMap((id) => {
      const summary = remembered.get(`${language}:${id}`);
      return summary ? [summary] : [];
    });
  }

  /**
   * Searches the public catalogue. Text and filters are one FTS5 MATCH, so the index
   * intersects them itself; only the page's services are then read from their tables.
   * Order: services whose name or summary match come first, best first (bm25), then
   * those that match only in the description or provider name. Without text, services
   * are listed by name.
   */
  async search(criteria: SearchCriteria): Promise<SearchResult> {
    const table = `service_search_${criteria.language}`;
    const text = criteria.text ? toFtsQuery(criteria.text) : null;
    const filters: string[] = [];
    if (criteria.needCode) filters.push(`{needs} : "${needToken(criteria.needCode)}"`);
    if (criteria.municipalityCode) filters.push(`{areas} : "${municipalityToken(criteria.municipalityCode)}"`);
    const offset = (criteria.page - 1) * criteria.pageSize;
    const sortName = sortNameExpression(criteria.language, "s");

    if (!text && filters.length === 0) {
      const { total } = this.#prepare(`SELECT count(*) AS total FROM service s WHERE ${publicServiceCondition}`).get() as {
        total: number;
      };
      const rows = this.#prepare(
        `SELECT ${summaryColumns} FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE ${publicServiceCondition} ORDER BY ${sortName}, s.id LIMIT ? OFFSET ?`,
      ).all(criteria.pageSize, offset) as SummaryRow[];
      return { total, services: rows.map((row) => toSummary(row, criteria.language)) };
    }

    const match = all(text ? [text, ...filters] : filters);
    const total = this.#count(table, match);
    if (total === 0 || offset >= total) return { total, services: [] };

    if (!text) {
      const rows = this.#prepare(
        `SELECT ${summaryColumns} FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE s.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?) ORDER BY ${sortName}, s.id LIMIT ? OFFSET ?`,
      ).all(match, criteria.pageSize, offset) as SummaryRow[];
      return { total, services: rows.map((row) => toSummary(row, criteria.language)) };
    }

    const titleMatch = `{name summary} : (${text})`;
    const firstTier = all([titleMatch, ...filters]);
    const secondTier = `(${match}) NOT (${titleMatch})`;
    const firstTierTotal = this.#count(table, firstTier);
    const ids: number[] = [];
    if (offset < firstTierTotal) {
      ids.push(...this.#matchingIds(table, firstTier, firstTierTotal <= rankedTierLimit, criteria.pageSize, offset));
    }
    const remaining = criteria.pageSize - ids.length;
    if (remaining > 0) {
      const secondTierTotal = total - firstTierTotal;
      const secondTierOffset = Math.max(0, offset - firstTierTotal);
      ids.push(...this.#matchingIds(table, secondTier, secondTierTotal <= rankedTierLimit, remaining, secondTierOffset));
    }
    return { total, services: await this.summaries(ids, criteria.language) };
  }

  /**
   * Where, when and how to reach each of these services, in a few set-based queries: what
   * a service package shows for each service it proposes, without a query per service.
   */
  async practicalFacts(ids: number[], revision?: number): Promise<Map<number, PracticalFacts>> {
    const remembered = this.#current(revision ?? (await this.revision())).facts;
    const missing = ids.filter((id) => !remembered.has(id));
    if (missing.length > 0) {
      const read = this.#readPracticalFacts(missing);
      for (const id of missing) remembered.set(id, read.get(id) ?? null);
    }
    const facts = new Map<number, PracticalFacts>();
    for (const id of ids) {
      const found = remembered.get(id);
      if (found) facts.set(id, found);
    }
    return facts;
  }

  #readPracticalFacts(ids: number[]): Map<number, PracticalFacts> {
    const facts = new Map<number, PracticalFacts>();
    const idList = JSON.stringify(ids);
    const rows = this.#prepare(
      `SELECT s.id, s.delivery, s.email, o.phone AS provider_phone, o.email AS provider_email,
              (SELECT number FROM phone p WHERE p.service_id = s.id ORDER BY p.id LIMIT 1) AS phone
       FROM service s JOIN organization o ON o.id = s.organization_id
       WHERE s.id IN (SELECT value FROM json_each(?)) AND ${publicServiceCondition}`,
    ).all(idList) as { id: number; delivery: string; email: string | null; provider_phone: string | null; provider_email: string | null; phone: string | null }[];
    for (const row of rows) {
      facts.set(row.id, {
        delivery: JSON.parse(row.delivery) as DeliveryMode[],
        phone: row.phone ?? row.provider_phone,
        email: row.email ?? row.provider_email,
        addresses: [],
        schedules: [],
      });
    }
    const addresses = this.#prepare(
      `SELECT sl.service_id, a.street, a.postal_code, a.municipality_code
       FROM service_at_location sl JOIN address a ON a.location_id = sl.location_id
       WHERE sl.service_id IN (SELECT value FROM json_each(?)) ORDER BY sl.service_id, sl.location_id`,
    ).all(idList) as { service_id: number; street: string | null; postal_code: string | null; municipality_code: string | null }[];
    for (const address of addresses) {
      facts.get(address.service_id)?.addresses.push({
        street: address.street,
        postalCode: address.postal_code,
        municipalityCode: address.municipality_code,
      });
    }
    const schedules = this.#prepare(
      `SELECT service_id, byday, opens_at, closes_at FROM schedule
       WHERE service_id IN (SELECT value FROM json_each(?)) ORDER BY service_id, id`,
    ).all(idList) as { service_id: number; byday: string; opens_at: string; closes_at: string }[];
    for (const schedule of schedules) {
      facts.get(schedule.service_id)?.schedules.push({ days: schedule.byday.split(","), opensAt: schedule.opens_at, closesAt: schedule.closes_at });
    }
    return facts;
  }

  /** A published, active service with everything its public page shows; null when there is none. */
  async service(id: number, language: Language): Promise<ServiceDetail | null> {
    const row = this.#prepare(
      `SELECT s.*, o.name AS provider_name, o.type AS provider_type, o.website AS provider_website,
              o.phone AS provider_phone, o.email AS provider_email,
              e.residency_required
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

