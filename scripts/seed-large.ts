/**
 * Builds a large generated catalogue for benchmarks in its own SQLite file:
 *   npm run db:seed:large -- --services 50000 [--database data/large-50000.db]
 * The file is created anew; the demo database is never touched.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, openDatabase } from "#db/client.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { generateLargeCatalogue, largeDatabasePath } from "#db/seed/large-catalogue.ts";
import { loadCatalogue } from "#db/seed/load-catalogue.ts";

const argumentsSchema = z.object({
  services: z.coerce.number().int().min(1).max(5_000_000),
  database: z.string().min(1).optional(),
});

function main(): void {
  const { values } = parseArgs({ options: { services: { type: "string", default: "50000" }, database: { type: "string" } } });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`Invalid argument --${String(parsed.error.issues[0]?.path[0])}: ${parsed.error.issues[0]?.message}`);
    process.exit(1);
  }
  const { services } = parsed.data;
  const path = parsed.data.database ?? largeDatabasePath(services);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  const started = performance.now();
  const db = openDatabase(path);
  prepareDatabase(db, { seedDemo: false });
  const catalogue = generateLargeCatalogue(services);
  loadCatalogue(db, catalogue, {
    progressEvery: 10_000,
    onProgress: (loaded) => process.stdout.write(`  ${loaded} / ${services} services\n`),
  });
  closeDatabase(db);
  console.log(`Generated ${services} services in ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main();
