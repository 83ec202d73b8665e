import { createBackend, type Backend } from "#db/backend.ts";
import type { CatalogueQueries } from "#db/catalogue-search.ts";
import { databaseAnswers } from "#db/client.ts";
import { keyPlainCodeHashes } from "#db/code-hashes.ts";
import type { Stores } from "#db/stores.ts";
import type { WithTransaction } from "#db/unit-of-work.ts";
import type { PathwayEngine } from "#pathways/engine.ts";
import { getEnvironment } from "./env.server.ts";
import { keyedHashPrefix, keyStoredPlainHash } from "./resume-code.server.ts";

/**
 * The process's backend, opened on first use. The database was migrated and seeded by
 * scripts/prepare-db.ts before the server started.
 */
let backend: Backend | undefined;

function connect(): Backend {
  if (!backend) {
    const opened = createBackend({ kind: "sqlite", path: getEnvironment().DATABASE_PATH });
    // Codes saved before hashes were keyed keep working: their plain hashes are keyed
    // now, so no plain hash stays in the database to be searched for the codes.
    keyPlainCodeHashes(opened.db, keyedHashPrefix, {
      resumeCode: (plainHash) => keyStoredPlainHash("resume-code", plainHash),
      accessCode: (plainHash) => keyStoredPlainHash("access-code", plainHash),
    });
    backend = opened;
  }
  return backend;
}

/** A use case's unit of work: `tx` carries the engine and the connection of its transaction. */
export const withTransaction: WithTransaction = (work, joining) => connect().withTransaction(work, joining);

/** The engine outside any use case (each command its own transaction); a use case uses `tx.engine`. */
export function getPathwayEngine(): PathwayEngine {
  return connect().engine;
}

/** The stores outside a unit of work: reads, and writes of one statement; a use case that writes more uses `tx`. */
export function getStores(): Stores {
  return connect();
}

export function getCatalogue(): CatalogueQueries {
  return connect().catalogue;
}

/** For /healthz: the database answers a real query. */
export function checkDatabase(): boolean {
  return databaseAnswers(connect().db);
}
