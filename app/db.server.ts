import { databaseAnswers, openDatabase, type LuukkuDatabase } from "#db/client.ts";
import { CatalogueRevision } from "#db/catalogue-revision.ts";
import { CatalogueQueries } from "#db/catalogue-search.ts";
import { keyPlainCodeHashes } from "#db/code-hashes.ts";
import { SqliteCandidateSource } from "#db/matching-candidates.ts";
import { createPathwayEngine } from "#db/pathway-engine.ts";
import { ScreeningStore } from "#db/screening-store.ts";
import type { PathwayEngine } from "#pathways/engine.ts";
import { getEnvironment } from "./env.server.ts";
import { keyedHashPrefix, keyStoredPlainHash } from "./resume-code.server.ts";

/**
 * One connection per server process, opened on first use. The database was migrated
 * and seeded by scripts/prepare-db.ts before the server started.
 */
let database:
  | {
      db: LuukkuDatabase;
      catalogueRevision: CatalogueRevision;
      catalogue: CatalogueQueries;
      candidates: SqliteCandidateSource;
      engine: PathwayEngine;
      screenings: ScreeningStore;
    }
  | undefined;

function connect() {
  if (!database) {
    const db = openDatabase(getEnvironment().DATABASE_PATH);
    // Codes saved before hashes were keyed keep working: their plain hashes are keyed
    // now, so no plain hash stays in the database to be searched for the codes.
    keyPlainCodeHashes(db, keyedHashPrefix, {
      resumeCode: (plainHash) => keyStoredPlainHash("resume-code", plainHash),
      accessCode: (plainHash) => keyStoredPlainHash("access-code", plainHash),
    });
    // One candidate index per process: the engine and the package page share it, and it
    // is rebuilt only when the public catalogue changes.
    const catalogueRevision = new CatalogueRevision(db);
    const candidates = new SqliteCandidateSource(db, catalogueRevision);
    database = {
      db,
      catalogueRevision,
      catalogue: new CatalogueQueries(db, catalogueRevision),
      candidates,
      engine: createPathwayEngine(db, candidates),
      screenings: new ScreeningStore(db),
    };
  }
  return database;
}

export function getPathwayEngine(): PathwayEngine {
  return connect().engine;
}

export function getCandidateSource(): SqliteCandidateSource {
  return connect().candidates;
}

export function getScreeningStore(): ScreeningStore {
  return connect().screenings;
}

export function getDatabase(): LuukkuDatabase {
  return connect().db;
}

/** Read once per request and passed to the catalogue's caches, so they agree on one catalogue. */
export function getCatalogueRevision(): CatalogueRevision {
  return connect().catalogueRevision;
}

export function getCatalogue(): CatalogueQueries {
  return connect().catalogue;
}

/** For /healthz: the database answers a real query. */
export function checkDatabase(): boolean {
  return databaseAnswers(getDatabase());
}
