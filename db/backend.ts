import { PathwayEngine } from "#pathways/engine.ts";
import { CatalogueRevision } from "./catalogue-revision.ts";
import { CatalogueQueries } from "./catalogue-search.ts";
import { closeDatabase, openDatabase, type LuukkuDatabase } from "./client.ts";
import { SqliteCandidateSource } from "./matching-candidates.ts";
import { SqliteCaseStore } from "./case-store.ts";
import { SqliteEmailLinkStore } from "./email-links.ts";
import { SqliteFeedbackStore } from "./feedback-store.ts";
import { sqliteOutboxDispatch, type OutboxDispatch } from "./outbox-dispatch.ts";
import { SqlitePathwayStore } from "./pathway-store.ts";
import { sqliteRetention, type Retention } from "./retention.ts";
import { SqliteScreeningStore } from "./screening-store.ts";
import type { Stores } from "./stores.ts";
import { sqliteUnitOfWork, type JoinTransaction, type WithTransaction } from "./unit-of-work.ts";

/**
 * Where the data lives. A PostgreSQL backend will be `{ kind: "postgres", url }` (ADR 020).
 * `connection` is for a process that already holds a SQLite connection (tests, scripts).
 */
export type BackendConfig = { kind: "sqlite"; path: string } | { kind: "sqlite"; connection: LuukkuDatabase };

/**
 * The stores and the engine on one database, and the units of work that use cases run in.
 * The stores here are for work outside a unit of work (reads, and writes of one statement);
 * within one, a use case uses the transaction's (`tx.screenings`).
 */
export interface Backend extends Stores {
  /** The process's connection, for the stores still synchronous (ADR 020) and the scripts that migrate and seed it. */
  readonly db: LuukkuDatabase;
  /** Its `revision()` is read once per request and passed to its caches, so they agree on one catalogue. */
  readonly catalogue: CatalogueQueries;
  /** One candidate index per process: the engine and the package page share it, rebuilt only when the public catalogue changes. */
  readonly candidates: SqliteCandidateSource;
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
  const stores: Stores = {
    screenings: new SqliteScreeningStore(db),
    cases: new SqliteCaseStore(db),
    emailLinks: new SqliteEmailLinkStore(db),
    feedback: new SqliteFeedbackStore(db),
  };
  const withTransaction = sqliteUnitOfWork(db, stores, engineIn);
  return {
    ...stores,
    db,
    catalogue: new CatalogueQueries(db, catalogueRevision),
    candidates,
    engine: engineIn((work) => withTransaction(() => work())),
    withTransaction,
    outbox: sqliteOutboxDispatch(db),
    retention: sqliteRetention(db, withTransaction),
    close: () => {
      if ("path" in config) closeDatabase(db);
    },
  };
}
