/**
 * `npm run worker`: the background workers (engine timers, retention, outbox dispatcher)
 * as a process of their own, beside web processes started with RUN_WORKERS=false (ADR 017).
 */
import { environmentOrExit } from "./environment.ts";
import { setUpDatabase } from "./set-up-database.ts";
import { startWorkers } from "./workers.ts";

const environment = environmentOrExit();
await setUpDatabase(environment.DATABASE_PATH, { seedDemo: false });

const workers = startWorkers(environment);
// The timers are unref'd: this keeps the process alive until a signal stops it.
const keepAlive = setInterval(() => {}, 60 * 60_000);
console.log(`Luukku workers are running on ${environment.DATABASE_PATH}.`);

async function shutDown(signal: string) {
  console.log(`${signal}: finishing the delivery under way, then stopping.`);
  clearInterval(keepAlive);
  await workers.stop();
  process.exit(0);
}
process.once("SIGTERM", () => void shutDown("SIGTERM"));
process.once("SIGINT", () => void shutDown("SIGINT"));
