import type { Statement } from "better-sqlite3";
import { fallbackOrder, localize, supportedLanguages, type Language, type StoredLocalizedText } from "#pathways/i18n.ts";
import { CatalogueRevision } from "./catalogue-revision.ts";
import type { LuukkuDatabase } from "./client.ts";
import { costKinds, organizationTypes, type Capacity, type Cost, type CostKind, type CostUnit, type DeliveryMode, type LocalizedValue, type OrganizationType, type PracticalFacts, type ServiceSummary } from "#pathways/catalogue.ts";

/**
 * Public catalogue queries. SQLite-specific SQL (FTS5, json_extract) stays in this module
 * behind plain functions, so a PostgreSQL backend can replace it without touching callers.
 * Every query returns a promise, as a pooled PostgreSQL client will (ADR 020), though on
 * SQLite each one runs synchronously underneath.
 */

export interface SearchCriteria {
  /** Free text as typed, in any of the languages; anything but letters and digits is ignored. */
  text?: string | undefined;
  needCode?: string | undefined;
  municipalityCode?: string | undefined;
  /** Services of any of these kinds of provider; none or all: no filter. */
  providerTypes?: readonly OrganizationType[] | undefined;
  /** Services with any of these ways to pay; none or all: no filter. */
  costKinds?: readonly CostKind[] | undefined;
  /** The language results are shown in; the text is matched in every language. */
  language: Language;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  total: number;
  services: ServiceSummary[];
  /**
   * Where on this page the services that match only some of the words begin (they come
   * after every service that matches them all); the page's length when none do.
   */
  someWordsFrom: number;
}

const maxSearchTerms = 12;
const maxTermLength = 40;

/**
 * The words of what a person typed: each run of letters or digits, lower-cased, each
 * once, at most 12 of at most 40 characters. Nothing else (quotes, NEAR, column filters,
 * operators) passes through, so any query built from them is valid FTS5.
 */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.toLocaleLowerCase("fi").matchAll(/[\p{L}\p{N}]+/gu)) {
    words.add(match[0].slice(0, maxTermLength));
    if (words.size === maxSearchTerms) break;
  }
  return [...words];
}

/** A word as a quoted prefix term (`"velka"*`), so Finnish compounds match (`velkaneuvonta`). */
const prefixTerm = (word: string) => `"${word}"*`;

/** The FTS5 query for all of the words typed, as prefix terms; null when nothing searchable is left. */
export function toFtsQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length === 0 ? null : words.map(prefixTerm).join(" ");
}

/** The expression the service_public_name_* indexes are built on (see migration 0001). */
function sortNameExpression(language: Language, alias: string): string {
  return `coalesce(${fallbackOrder(language)
    .map((candidate) => `json_extract(${alias}.name, '$.${candidate}')`)
    .join(", ")})`;
}

/**
 * The search index (migration 0017): each text field once per language, in this order,
 * with its bm25 weight, so a name or a need's name counts for more than a description;
 * then the exact names and the filter columns, which do not rank.
 */
const textFieldWeights = [
  ["name", 10],
  ["needs", 6],
  ["summary", 4],
  ["description", 1],
  ["provider", 3],
] as const;
type TextField = (typeof textFieldWeights)[number][0];
const unrankedColumnCount = 5;
const searchTable = "service_search";

const columnsOf = (fields: readonly TextField[]) =>
  `{${fields.flatMap((field) => supportedLanguages.map((language) => `${field}_${language}`)).join(" ")}}`;
const nameColumns = columnsOf(["name"]);
/** Where a service says what it is: its name, the needs it meets, its summary. */
const titleColumns = columnsOf(["name", "needs", "summary"]);
const rankExpression = `bm25(${searchTable}, ${[
  ...textFieldWeights.flatMap(([, weight]) => supportedLanguages.map(() => weight.toFixed(1))),
  ...Array.from({ length: unrankedColumnCount }, () => "0.0"),
].join(", ")})`;

interface RelevanceTier {
  match: string;
  /** False for the last tier of several words: the services that match only some of them. */
  allWords: boolean;
  /** A wider match, quick to count: when it finds nothing, neither does the tier. */
  emptyUnless?: string;
}

/**
 * The text's relevance tiers, each containing the one before: a name that is exactly the
 * words (in any language, spaces and punctuation aside; the words also a phrase in the
 * name, so the tier lies inside the next); the words as a phrase in a name, need or
 * summary; all the words there; all the words anywhere; any of the words anywhere. With
 * one word some tiers are the same and count once. bm25 orders within a tier (a name
 * weighs most), but it measures a service's whole row, every language and every
 * municipality token, so it cannot tell that "Home care" is closer to "home care" than
 * "Home care with a service voucher" is: the exact-name tier does.
 */
function relevanceTiers(words: string[]): RelevanceTier[] {
  const terms = words.map(prefixTerm);
  const phrase = terms.join(" + ");
  const allWords = terms.join(" ");
  const exactName = `{exact_names} : "_${words.join("")}"`;
  const tiers: RelevanceTier[] = [
    { match: `${exactName} AND ${nameColumns} : (${phrase})`, allWords: true, emptyUnless: exactName },
    { match: `${titleColumns} : (${phrase})`, allWords: true },
    { match: `${titleColumns} : (${allWords})`, allWords: true },
    // Anywhere: every column, as no word typed can match the exact names or the filters.
    { match: allWords, allWords: true },
    { match: terms.join(" OR "), allWords: words.length === 1 },
  ];
  return tiers.filter((tier, index) => tiers.findIndex((other) => other.match === tier.match) === index);
}

/**
 * The tokens the filter columns of the search index hold (mirrors migration 0017): "_"
 * and a letter before the value without punctuation. No searched word holds "_", so none
 * matches them.
 */
function filterToken(prefix: "n" | "m" | "t" | "c", value: string): string {
  return `"_${prefix}${value.replace(/[^\p{L}\p{N}]/gu, "")}"`;
}

/** A filter on one of the columns: any of the values; null when it lets everything through. */
function filterMatch(column: string, prefix: "n" | "m" | "t" | "c", values: readonly string[], allValues?: readonly string[]): string | null {
  const chosen = [...new Set(values)];
  if (chosen.length === 0 || (allValues && allValues.every((value) => chosen.includes(value)))) return null;
  return `{${column}} : (${chosen.map((value) => filterToken(prefix, value)).join(" OR ")})`;
}

const publicServiceCondition = "s.status = 'active' AND s.publication_status = 'published'";

/**
 * Above this many matches in one relevance tier, the tier is listed by service id
 * instead of by bm25: ranking every one of thousands of matches for a word like
 * "palvelu" costs more than the page may take (bm25 reads each match's row size; about
 * 2 µs a match over the 20 columns of the index), and nobody reads that far.
 */
const rankedTierLimit = 2000;

/**
 * Listing filtered services by name: up to this many matches, sorting them is quickest;
 * above it, walking the name index in order and skipping the services that do not match
 * is (at 50,000 services, 12,000 matches: under 1 ms instead of 40).
 */
const sortedMatchLimit = 500;

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

  #count(match: string): number {
    return (this.#prepare(`SELECT count(*) AS n FROM ${searchTable} WHERE ${searchTable} MATCH ?`).get(match) as { n: number }).n;
  }

  #matchingIds(match: string, ranked: boolean, limit: number, offset: number): number[] {
    const order = ranked ? rankExpression : "rowid";
    const rows = this.#prepare(
      `SELECT rowid AS id FROM ${searchTable} WHERE ${searchTable} MATCH ? ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(match, limit, offset) as { id: number }[];
    return rows.map((row) => row.id);
  }

  /**
   * A page of these services in name order: the public services read from the name index
   * one by one, in order, until the page is full, skipping those not wanted.
   */
  #walkByName(wanted: Set<number>, language: Language, offset: number, limit: number): number[] {
    const ids: number[] = [];
    let skipped = 0;
    const inNameOrder = this.#prepare(
      `SELECT s.id FROM service s INDEXED BY service_public_name_${language} WHERE ${publicServiceCondition}
       ORDER BY ${sortNameExpression(language, "s")}, s.id`,
    ).pluck();
    for (const id of inNameOrder.iterate() as IterableIterator<number>) {
      if (!wanted.has(id)) continue;
      if (skipped < offset) skipped += 1;
      else if (ids.push(id) === limit) break;
    }
    return ids;
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
   * The text is matched in every language and the services are shown in `language`.
   * Order: the relevance tiers (`relevanceTiers`) one after the other, each best first
   * (bm25; by id with a provider type or cost filter, or above 2,000 matches). A tier's
   * count is read only while the page is not yet full; the last (every match) gives the
   * total. Without text, services are listed by name.
   */
  async search(criteria: SearchCriteria): Promise<SearchResult> {
    const words = criteria.text ? searchWords(criteria.text) : [];
    const broadFilters = [
      filterMatch("provider_type", "t", criteria.providerTypes ?? [], organizationTypes),
      filterMatch("cost_kinds", "c", criteria.costKinds ?? [], costKinds),
    ].filter((filter) => filter !== null);
    const filters = [
      criteria.needCode ? filterMatch("need_codes", "n", [criteria.needCode]) : null,
      criteria.municipalityCode ? filterMatch("areas", "m", [criteria.municipalityCode]) : null,
      ...broadFilters,
    ].filter((filter) => filter !== null);
    // bm25 first counts the services holding each token of the query, and a provider type
    // or a cost kind is held by a third of the catalogue or more: with one of those filters
    // that counting took longer than the rest of the search (50,000 services), so the
    // tiers alone order the results.
    const ranked = broadFilters.length === 0;
    const offset = (criteria.page - 1) * criteria.pageSize;
    const sortName = sortNameExpression(criteria.language, "s");

    if (words.length === 0 && filters.length === 0) {
      const { total } = this.#prepare(`SELECT count(*) AS total FROM service s WHERE ${publicServiceCondition}`).get() as {
        total: number;
      };
      const rows = this.#prepare(
        `SELECT ${summaryColumns} FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE ${publicServiceCondition} ORDER BY ${sortName}, s.id LIMIT ? OFFSET ?`,
      ).all(criteria.pageSize, offset) as SummaryRow[];
      return { total, services: rows.map((row) => toSummary(row, criteria.language)), someWordsFrom: rows.length };
    }

    if (words.length === 0) {
      const matching = this.#prepare(`SELECT rowid FROM ${searchTable} WHERE ${searchTable} MATCH ?`).pluck().all(all(filters)) as number[];
      const total = matching.length;
      if (total === 0 || offset >= total) return { total, services: [], someWordsFrom: 0 };
      const ids = total > sortedMatchLimit ? this.#walkByName(new Set(matching), criteria.language, offset, criteria.pageSize) : this.#prepare(
        `SELECT s.id FROM service s WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY ${sortName}, s.id LIMIT ? OFFSET ?`,
      ).pluck().all(JSON.stringify(matching), criteria.pageSize, offset) as number[];
      return { total, services: await this.summaries(ids, criteria.language), someWordsFrom: ids.length };
    }

    const tiers = relevanceTiers(words);
    const ids: number[] = [];
    let someWordsFrom: number | null = null;
    let listedBefore = 0;
    for (const [index, tier] of tiers.entries()) {
      const isLast = index === tiers.length - 1;
      if (ids.length === criteria.pageSize && !isLast) continue;
      const match = all([tier.match, ...filters]);
      const isEmpty = tier.emptyUnless !== undefined && this.#count(tier.emptyUnless) === 0;
      const listedUpTo = isEmpty ? listedBefore : this.#count(match);
      const ownCount = listedUpTo - listedBefore;
      if (ids.length < criteria.pageSize && offset < listedUpTo && ownCount > 0) {
        // The tier without the ones before it; nothing to take away when they were empty.
        const own = listedBefore === 0 ? match : `(${match}) NOT (${tiers[index - 1]!.match})`;
        if (!tier.allWords) someWordsFrom = ids.length;
        ids.push(...this.#matchingIds(own, ranked && ownCount <= rankedTierLimit, criteria.pageSize - ids.length, Math.max(0, offset - listedBefore)));
      }
      listedBefore = listedUpTo;
    }
    const services = await this.summaries(ids, criteria.language);
    return { total: listedBefore, services, someWordsFrom: someWordsFrom ?? services.length };
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

