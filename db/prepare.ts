import type { LuukkuDatabase } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { demoCatalogue } from "./seed/demo/index.ts";
import { isCatalogueEmpty, loadCatalogue, loadReferenceData } from "./seed/load-catalogue.ts";

export interface PrepareResult {
  seededDemo: boolean;
}

/**
 * Brings a database up to date: migrations, reference data (municipalities, needs
 * taxonomy) and, for an empty catalogue when asked, the demo catalogue.
 */
export function prepareDatabase(db: LuukkuDatabase, options: { seedDemo: boolean }): PrepareResult {
  migrateDatabase(db);
  loadReferenceData(db);
  if (options.seedDemo && isCatalogueEmpty(db)) {
    loadCatalogue(db, demoCatalogue);
    return { seededDemo: true };
  }
  return { seededDemo: false };
}
