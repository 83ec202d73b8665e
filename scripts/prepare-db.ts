/**
 * Start-up step before the server: validates the environment (one clear line and exit 1
 * when a variable is wrong), migrates the database and seeds the demo catalogue into an
 * empty one. `--no-seed` migrates only.
 */
import { EnvironmentError, getEnvironment } from "#app/env.server.ts";
import { openDatabase } from "#db/client.ts";
import { prepareDatabase } from "#db/prepare.ts";

function main(): void {
  let environment;
  try {
    environment = getEnvironment();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const seedDemo = environment.SEED_DEMO_DATA && !process.argv.includes("--no-seed");
  const db = openDatabase(environment.DATABASE_PATH);
  const { seededDemo } = prepareDatabase(db, { seedDemo });
  db.$client.close();
  console.log(`Database ${environment.DATABASE_PATH} is up to date${seededDemo ? "; demo catalogue seeded" : ""}.`);
}

main();
