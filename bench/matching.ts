/**
 * Matching a six-need person against a generated catalogue (default 50,000 services; set
 * BENCH_MATCH_SERVICES=1000000 for the large figure), next to the bare indexed SELECT of
 * the candidate rows in the same run, and the cost of one engine step (restore a pathway
 * machine from its snapshot, send an event, persist snapshot, event row and timers in one
 * transaction) as a share of the whole.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createBackend } from "#db/backend.ts";
import { openDatabase } from "#db/client.ts";
import { SqliteCandidateSource } from "#db/matching-candidates.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { matchIndexed } from "#pathways/matching/match.ts";
import type { Need } from "#pathways/needs/need.ts";
import type { PersonProfile } from "#pathways/person.ts";
import { ensureLargeDatabase } from "./search.ts";
import { measure, measureAsync, ms } from "./stats.ts";

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

/**
 * A full garbage collection, so the resident memory measured is what the index keeps
 * rather than what loading it left for the collector: without it, the figure at a million
 * services swung by hundreds of megabytes with when the collector happened to run.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

export function runMatchingBenchmark(serviceCount: number): void {
  const path = ensureLargeDatabase(serviceCount);
  const db = openDatabase(path);
  const source = new SqliteCandidateSource(db);
  const needCodes = needs.map((need) => need.code);
  // The bare indexed SELECT of the candidates: ids from the need index, checked against
  // the area index (CROSS JOIN keeps that order).
  const bare = db.$client.prepare(`
    SELECT DISTINCT a.service_id FROM json_each(?) need
    CROSS JOIN service_attribute a ON a.taxonomy_term_code = need.value
    CROSS JOIN service_area ar ON ar.service_id = a.service_id AND ar.municipality_code = ?`);
  collectGarbage();
  const memoryBefore = process.memoryUsage().rss;
  const buildStarted = performance.now();
  const index = source.candidateIndex();
  const buildMilliseconds = performance.now() - buildStarted;
  collectGarbage();
  const memoryAfter = process.memoryUsage().rss;
  const memoryGrowth = (memoryAfter - memoryBefore) / 1024 / 1024;
  const candidateCount = (bare.all(JSON.stringify(needCodes), person.municipality) as unknown[]).length;

  const bareTiming = measure(() => bare.all(JSON.stringify(needCodes), person.municipality), { warmup: 5, runs: 100 });
  const matchTiming = measure(() => matchIndexed(needs, person, source.candidateIndex()), { warmup: 20, runs: 200 });
  const result = matchIndexed(needs, person, index);
  console.log(`\nMatching a six-need person over ${serviceCount} services (${candidateCount} candidates in the area; package of ${result.items.length})`);
  console.log(`in-memory candidate index: ${index.services.length} referable services, built in ${ms(buildMilliseconds)}, about ${memoryGrowth.toFixed(0)} MB more resident memory once garbage is collected (${(memoryAfter / 1024 / 1024).toFixed(0)} MB in all)`);
  console.log("step | p50 | p95 | ratio p95 to bare SELECT");
  console.log(`bare indexed SELECT of candidate ids | ${ms(bareTiming.p50)} | ${ms(bareTiming.p95)} | 1.0×`);
  console.log(`whole screening match (revision check + filters + score + package) | ${ms(matchTiming.p50)} | ${ms(matchTiming.p95)} | ${(matchTiming.p95 / bareTiming.p95).toFixed(2)}×`);
  db.$client.close();
}

/** One engine step on the demo catalogue, next to what the request around it costs. */
export async function runEngineStepBenchmark(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "luukku-bench-"));
  const db = openDatabase(join(folder, "engine.db"));
  prepareDatabase(db, { seedDemo: true });
  const { engine, cases } = createBackend({ kind: "sqlite", connection: db });
  const at = "2026-11-30T08:00:00.000Z";
  // The cases are opened beforehand: the step measured is the engine's alone.
  const caseIds = await Promise.all(Array.from({ length: 210 }, async () => (await cases.openCase("online", new Date())).caseId));
  const startTiming = await measureAsync(
    () => engine.startCase(caseIds.pop()!, needs, person, at, "citizen"),
    { warmup: 10, runs: 200 },
  );
  // A step that changes nothing outside the machine: restore, CLOSE with a reason, persist.
  const open = db.$client
    .prepare("SELECT id FROM pathway_instance WHERE machine_id = 'eviction-risk' AND state = 'awaitingConsent'")
    .pluck()
    .all() as string[];
  let next = 0;
  const stepTiming = await measureAsync(() => engine.send(open[next++]!, { type: "CLOSE", reason: "bench", at, by: "staff:1" }), {
    warmup: 10,
    runs: Math.min(150, open.length - 10),
  });
  console.log(`\nEngine on the demo catalogue (SQLite file, synchronous=FULL)`);
  console.log("operation | p50 | p95");
  console.log(`start a case: pathways, one package, events, timers | ${ms(startTiming.p50)} | ${ms(startTiming.p95)}`);
  console.log(`one step: restore snapshot, send, persist snapshot + event + timers | ${ms(stepTiming.p50)} | ${ms(stepTiming.p95)}`);
  db.$client.close();
  rmSync(folder, { recursive: true, force: true });
}

// `npx tsx bench/matching.ts`: the matching figures alone, without the HTTP and browser benchmarks.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMatchingBenchmark(Number(process.env.BENCH_MATCH_SERVICES ?? 50_000));
}
