/**
 * Migrates the configured database and seeds the demo catalogue into an empty one.
 * `--no-seed` migrates only. (`npm run serve` does the same before it listens.)
 */
import { closeDatabase, openDatabase } from "#db/client.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { environmentOrExit } from "./environment.ts";

const environment = environmentOrExit();
const db = openDatabase(environment.DATABASE_PATH);
const { seededDemo } = prepareDatabase(db, { seedDemo: environment.SEED_DEMO_DATA && !process.argv.includes("--no-seed") });
closeDatabase(db);
console.log(`Database ${environment.DATABASE_PATH} is up to date${seededDemo ? "; demo catalogue seeded" : ""}.`);
