import { openDatabase, type LuukkuDatabase } from "#db/client.ts";
import { CatalogueQueries } from "#db/catalogue-search.ts";
import { getEnvironment } from "./env.server.ts";

/**
 * One connection per server process, opened on first use. The database was migrated
 * and seeded by scripts/prepare-db.ts before the server started.
 */
let database: { db: LuukkuDatabase; catalogue: CatalogueQueries } | undefined;

function connect() {
  if (!database) {
    const db = openDatabase(getEnvironment().DATABASE_PATH);
    database = { db, catalogue: new CatalogueQueries(db) };
  }
  return database;
}

export function getDatabase(): LuukkuDatabase {
  return connect().db;
}

export function getCatalogue(): CatalogueQueries {
  return connect().catalogue;
}

/** For /healthz: the database answers a real query. */
export function checkDatabase(): boolean {
  try {
    return getDatabase().$client.prepare("SELECT count(*) AS n FROM municipality").get() !== undefined;
  } catch {
    return false;
  }
}
