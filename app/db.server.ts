import { createBackend, type Backend } from "#db/backend.ts";
import type { CatalogueQueries } from "#db/catalogue-search.ts";
import { databaseAnswers } from "#db/client.ts";
import type { Stores } from "#db/stores.ts";
import type { WithTransaction } from "#db/unit-of-work.ts";
import type { PathwayEngine } from "#pathways/engine.ts";
import { getEnvironment } from "./env.server.ts";

/**
 * The process's backend, opened on first use. The database was migrated and seeded, and
 * its plain code hashes keyed, before the server started (scripts/set-up-database.ts).
 */
let backend: Backend | undefined;

function connect(): Backend {
  backend ??= createBackend({ kind: "sqlite", path: getEnvironment().DATABASE_PATH });
  return backend;
}

/** A use case's unit of work: `tx` carries the engine and the stores of its transaction. */
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
