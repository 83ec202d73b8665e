/** `npm run bench`: every benchmark, one after another, in one process. */
import { runSearchBenchmark } from "./search.ts";

runSearchBenchmark();
