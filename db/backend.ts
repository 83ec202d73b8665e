import { PathwayEngine } from "#pathways/engine.ts";
import { CatalogueRevision } from "./catalogue-revision.ts";
import { CatalogueQueries } from "./catalogue-search.ts";
import { closeDatabase, openDatabase, type LuukkuDatabase } from "./client.ts";
import { SqliteCandidateSource } from "./matching-candidates.ts";
import { sqliteOutboxDispatch, type OutboxDispatch } from "./outbox-dispatch.ts";
import { SqlitePathwayStore } from "./pathway-store.ts";
import { sqliteRetention, type Retention } from "./retention.ts";
import { ScreeningStore } from "./screening-store.ts";
import { sqliteUnitOfWork, type JoinTransaction, type WithTransaction } from "./unit-of-work.ts";

/**
 * Where the data lives. A PostgreSQL backend will be `{ kind: "postgres", url }` (ADR 020).
 * `connection` is for a process that already holds a SQLite connection (tests, scripts).
 */
export type BackendConfig = { kind: "sqlite"; path: string } | { kind: "sqlite"; connection: LuukkuDatabase };

/** The stores and the engine on one database, and the units of work that use cases run in. */
export interface Backend {
  /**
   * The process's connection, for the stores that are still synchronous (ADR 020) and read
   * outside a unit of work; within one, a use case uses `tx.db`.
   */
  readonly db: LuukkuDatabase;
  /** Read once per request and passed to the catalogue's caches, so they agree on one catalogue. */
  readonly catalogueRevision: CatalogueRevision;
  readonly catalogue: CatalogueQueries;
  /** One candidate index per process: the engine and the package page share it, rebuilt only when the public catalogue changes. */
  readonly candidates: SqliteCandidateSource;
  readonly screenings: ScreeningStore;
  /** The engine outside any use case, each command a transaction of its own (the scheduler's timers); a use case uses `tx.engine`. */
  readonly engine: PathwayEngine;
  readonly withTransaction: WithTransaction;
  /** The outbox dispatcher's claims and outcomes, for the workers (ADR 017). */
  readonly outbox: OutboxDispatch;
  /** What is past its retention, deleted by the workers' retention job. */
  readonly retention: Retention;
  /** Closes the connection if this backend opened it. */
  close(): void;
}

/** Everything on one database, wired in one place: the only place a pathway engine is put together. */
export function createBackend(config: BackendConfig, { newId }: { newId?: () => string } = {}): Backend {
  const db = "path" in config ? openDatabase(config.path) : config.connection;
  const catalogueRevision = new CatalogueRevision(db);
  const candidates = new SqliteCandidateSource(db, catalogueRevision);
  const engineIn = (inTransaction: JoinTransaction) => new PathwayEngine(new SqlitePathwayStore(db, inTransaction), candidates, newId);
  const withTransaction = sqliteUnitOfWork(db, engineIn);
  return {
    db,
    catalogueRevision,
    catalogue: new CatalogueQueries(db, catalogueRevision),
    candidates,
    screenings: new ScreeningStore(db),
    engine: engineIn((work) => withTransaction(() => work())),
    withTransaction,
    outbox: sqliteOutboxDispatch(db),
    retention: sqliteRetention(withTransaction),
    close: () => {
      if ("path" in config) closeDatabase(db);
    },
  };
}
