/**
 * Matching a six-need person against a generated catalogue (default 50,000 services; set
 * BENCH_MATCH_SERVICES=1000000 for the large figure), next to the bare indexed SELECT of
 * the candidate rows in the same run, and the cost of one engine step (restore a machine
 * from its snapshot, send an event, persist snapshot, event row and timers).
 */
import { SqliteCandidateSource } from "#db/matching-candidates.ts";
import { openDatabase } from "#db/client.ts";
import { matchServices } from "#pathways/matching/match.ts";
import type { Need } from "#pathways/needs/need.ts";
import type { PersonProfile } from "#pathways/person.ts";
import { ensureLargeDatabase } from "./search.ts";
import { measure, ms } from "./stats.ts";

const needs: Need[] = [
  { code: "housing.eviction-risk", urgency: "urgent", because: ["bench"] },
  { code: "money.debt", urgency: "soon", because: ["bench"] },
  { code: "money.income", urgency: "urgent", because: ["bench"] },
  { code: "money.benefits", urgency: "routine", because: ["bench"] },
  { code: "family.parenting", urgency: "routine", because: ["bench"] },
  { code: "health.mental", urgency: "soon", because: ["bench"] },
];
const person: PersonProfile = {
  helpFor: "self",
  age: 34,
  municipality: "koskela",
  languages: ["fi", "en"],
  childrenCount: 2,
  childrenWithSupportNeeds: 0,
  unemployedMonths: null,
  preferences: { providers: "any", maxMonthlyCostCents: 20000, contact: "phone" },
};

export function runMatchingBenchmark(serviceCount: number): void {
  const path = ensureLargeDatabase(serviceCount);
  const db = openDatabase(path);
  const source = new SqliteCandidateSource(db);
  const needCodes = needs.map((need) => need.code);
  // The bare indexed SELECT of the candidates: ids only, from the need and area indexes.
  // CROSS JOIN fixes the order: need index first, then the area check per service.
  const bare = db.$client.prepare(`
    SELECT DISTINCT a.service_id FROM json_each(?) need
    CROSS JOIN service_attribute a ON a.taxonomy_term_code = need.value
    CROSS JOIN service_area ar ON ar.service_id = a.service_id AND ar.municipality_code = ?`);
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const indexed = source.size();
  const buildMilliseconds = performance.now() - buildStarted;
  const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const candidateCount = source.candidates(needCodes, person.municipality).length;
  const bareTiming = measure(() => bare.all(JSON.stringify(needCodes), person.municipality), { warmup: 5, runs: 100 });
  const candidatesTiming = measure(() => source.candidates(needCodes, person.municipality), { warmup: 5, runs: 100 });
  const matchTiming = measure(() => matchServices(needs, person, source.candidates(needCodes, person.municipality)), {
    warmup: 5,
    runs: 100,
  });
  const result = matchServices(needs, person, source.candidates(needCodes, person.municipality));
  console.log(`\nMatching a six-need person over ${serviceCount} services (${candidateCount} candidates; package of ${result.items.length})`);
  console.log(`in-memory candidate index: ${indexed} referable services, built in ${ms(buildMilliseconds)}, about ${heapGrowth.toFixed(0)} MB`);
  console.log("step | p50 | p95 | ratio p95 to bare SELECT");
  console.log(`bare indexed SELECT of candidate ids | ${ms(bareTiming.p50)} | ${ms(bareTiming.p95)} | 1.0×`);
  console.log(`candidates from the index | ${ms(candidatesTiming.p50)} | ${ms(candidatesTiming.p95)} | ${(candidatesTiming.p95 / bareTiming.p95).toFixed(1)}×`);
  console.log(`whole screening match (load + match) | ${ms(matchTiming.p50)} | ${ms(matchTiming.p95)} | ${(matchTiming.p95 / bareTiming.p95).toFixed(1)}×`);
  db.$client.close();
}
