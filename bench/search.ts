/**
 * Catalogue search over a generated catalogue (default 50,000 services): typical searches,
 * rare and common terms, with and without filters, in each language. Each is reported
 * next to the bare index lookup of the same candidates in the same run (count(*) of the
 * FTS5 MATCH of the text, or of the need's rows in its index), so the ratio says what
 * ranking, filtering, paging and reading the page's services cost on top of the index.
 */
import { existsSync } from "node:fs";
import { CatalogueQueries, toFtsQuery, type SearchCriteria } from "#db/catalogue-search.ts";
import type { LuukkuDatabase } from "#db/client.ts";
import { openDatabase } from "#db/client.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { generateLargeCatalogue, largeDatabasePath } from "#db/seed/large-catalogue.ts";
import { loadCatalogue } from "#db/seed/load-catalogue.ts";
import { measure, measureAsync, ms } from "./stats.ts";

const serviceCount = Number(process.env.BENCH_SERVICES ?? 50_000);

/** The generated catalogue's file: made once, and brought up to the current migrations when it was made before them. */
export function ensureLargeDatabase(count: number): string {
  const path = largeDatabasePath(count);
  const exists = existsSync(path);
  if (!exists) console.log(`Generating ${count} services into ${path} (once)…`);
  const db = openDatabase(path);
  prepareDatabase(db, { seedDemo: false });
  if (!exists) loadCatalogue(db, generateLargeCatalogue(count));
  db.$client.pragma("optimize");
  db.$client.close();
  return path;
}

const cases: { label: string; criteria: Omit<SearchCriteria, "page" | "pageSize"> }[] = [
  { label: "common term (fi: palvelu)", criteria: { text: "palvelu", language: "fi" } },
  { label: "common term + need + municipality", criteria: { text: "apua", needCode: "money.debt", municipalityCode: "koskela", language: "fi" } },
  { label: "two terms (en: home care)", criteria: { text: "home care", language: "en" } },
  { label: "another language's word (en page: kotihoito)", criteria: { text: "kotihoito", language: "en" } },
  { label: "two terms + provider type + cost (sv: hemvård stöd)", criteria: { text: "hemvård stöd", providerTypes: ["public", "non_profit"], costKinds: ["free"], language: "sv" } },
  { label: "four terms (fi: apua arjen askareisiin kotona)", criteria: { text: "apua arjen askareisiin kotona", language: "fi" } },
  { label: "rare term (sv: skuldsanering)", criteria: { text: "skuldsanering", language: "sv" } },
  { label: "rare provider name (fi: kalti)", criteria: { text: "kalti", language: "fi" } },
  { label: "prefix of a compound (fi: velka)", criteria: { text: "velka", language: "fi" } },
  { label: "no text, need filter", criteria: { needCode: "housing.eviction-risk", language: "fi" } },
  { label: "no text, need + municipality", criteria: { needCode: "daily-living.home-care", municipalityCode: "rantala", language: "sv" } },
  { label: "no text, provider type + cost", criteria: { providerTypes: ["non_profit"], costKinds: ["free", "income_related"], language: "fi" } },
  { label: "no text, no filter (browse)", criteria: { language: "en" } },
  { label: "no match", criteria: { text: "qqqzzzxxx", language: "en" } },
];

/** The index lookup alone: the MATCH of all the text's words, else the need's (or municipality's) index rows. */
function bareCandidateLookup(db: LuukkuDatabase, criteria: Omit<SearchCriteria, "page" | "pageSize">): (() => unknown) | null {
  const ftsQuery = criteria.text ? toFtsQuery(criteria.text) : null;
  if (ftsQuery) {
    const statement = db.$client.prepare("SELECT count(*) FROM service_search WHERE service_search MATCH ?");
    return () => statement.get(ftsQuery);
  }
  if (criteria.needCode) {
    const statement = db.$client.prepare("SELECT count(*) FROM service_attribute WHERE taxonomy_term_code = ?");
    return () => statement.get(criteria.needCode);
  }
  if (criteria.municipalityCode) {
    const statement = db.$client.prepare("SELECT count(*) FROM service_area WHERE municipality_code = ?");
    return () => statement.get(criteria.municipalityCode);
  }
  const statement = db.$client.prepare("SELECT count(*) FROM service");
  return () => statement.get();
}

export async function runSearchBenchmark(): Promise<void> {
  const path = ensureLargeDatabase(serviceCount);
  const db = openDatabase(path);
  const queries = new CatalogueQueries(db);
  const total = (db.$client.prepare("SELECT count(*) AS n FROM service").get() as { n: number }).n;
  console.log(`\nCatalogue search over ${total} services (${path}), 300 runs each after warm-up, page 1 of 20 results`);
  console.log("case | matches | p50 | p95 | bare index lookup p95 | ratio p95");
  let worstP95 = 0;
  for (const { label, criteria } of cases) {
    const result = await queries.search({ ...criteria, page: 1, pageSize: 20 });
    const timing = await measureAsync(() => queries.search({ ...criteria, page: 1, pageSize: 20 }));
    const bareLookup = bareCandidateLookup(db, criteria);
    let bare = "–";
    let ratio = "–";
    if (bareLookup) {
      const bareTiming = measure(bareLookup);
      bare = ms(bareTiming.p95);
      ratio = `${(timing.p95 / bareTiming.p95).toFixed(1)}×`;
    }
    worstP95 = Math.max(worstP95, timing.p95);
    console.log(`${label} | ${result.total} | ${ms(timing.p50)} | ${ms(timing.p95)} | ${bare} | ${ratio}`);
  }
  console.log(`worst p95: ${ms(worstP95)} (goal: under 10 ms)`);
  db.$client.close();
}
