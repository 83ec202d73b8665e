/** `npm run bench`: every benchmark, one after another, in one process. */
import { runHttpBenchmark } from "./http.ts";
import { runPageWeightBenchmark } from "./page-weight.ts";
import { runEngineStepBenchmark, runMatchingBenchmark } from "./matching.ts";
import { runSearchBenchmark } from "./search.ts";

await runSearchBenchmark();
runMatchingBenchmark(Number(process.env.BENCH_MATCH_SERVICES ?? 50_000));
await runEngineStepBenchmark();
await runHttpBenchmark();
await runPageWeightBenchmark();
