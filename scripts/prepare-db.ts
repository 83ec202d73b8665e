/**
 * Migrates the configured database and seeds the demo catalogue into an empty one.
 * `--no-seed` migrates only. Code hashes saved before hashes were keyed are keyed
 * (scripts/set-up-database.ts). (`npm run serve` does the same before it listens.)
 */
import { environmentOrExit } from "./environment.ts";
import { setUpDatabase } from "./set-up-database.ts";

const environment = environmentOrExit();
const { seededDemo } = await setUpDatabase(environment.DATABASE_PATH, { seedDemo: environment.SEED_DEMO_DATA && !process.argv.includes("--no-seed") });
console.log(`Database ${environment.DATABASE_PATH} is up to date${seededDemo ? "; demo catalogue seeded" : ""}.`);
