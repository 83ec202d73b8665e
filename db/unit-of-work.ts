import type { PathwayEngine } from "#pathways/engine.ts";
import type { LuukkuDatabase } from "./client.ts";
import type { Stores } from "./stores.ts";

/**
 * What a use case is handed by `withTransaction` and passes on: whatever is written through
 * it belongs to one transaction. Shaped for a backend that gives each transaction its own
 * pooled client (PostgreSQL, ADR 020): everything that writes is reached through `tx`.
 */
export interface Transaction extends Stores {
  /** The pathway engine, writing in this transaction. */
  readonly engine: PathwayEngine;
}

/**
 * Runs `work` in one transaction: all of its writes or none. Given the transaction the
 * caller is part of (`joining`), `work` runs in that one, as a savepoint, instead of waiting
 * for it to end (which it never would: a deadlock).
 */
export type WithTransaction = <T>(work: (tx: Transaction) => Promise<T>, joining?: Transaction) => Promise<T>;

/** Runs `work` within a transaction: the one a store is bound to, or one of its own. */
export type JoinTransaction = <T>(work: () => Promise<T>) => Promise<T>;

type Connection = LuukkuDatabase["$client"];

/**
 * The end of the last unit of work queued on each connection. A process has one
 * better-sqlite3 connection, and a transaction belongs to the connection, not to the code
 * that began it. An asynchronous unit of work lets other code run at each `await` between
 * its BEGIN and its COMMIT: had another request's unit of work begun there, its statements
 * would run inside this transaction, be committed or rolled back with work that is not
 * theirs, and see what this one has not committed. So the units of work on a connection
 * take turns, each beginning once the one before it has ended.
 */
const lastOn = new WeakMap<Connection, Promise<unknown>>();

/** The transactions still open, each with how many savepoints it has begun (to name the next). */
const open = new WeakMap<Transaction, { savepoints: number }>();

export class TransactionEnded extends Error {
  constructor() {
    super("This transaction has ended: work joining it must be awaited inside withTransaction");
  }
}

/**
 * The units of work on one SQLite connection. `engineIn` builds the engine a transaction
 * hands out, given how that engine's store joins the transaction; `stores` are the
 * connection's, which on SQLite every transaction shares (there is one connection).
 */
export function sqliteUnitOfWork(db: LuukkuDatabase, stores: Stores, engineIn: (inTransaction: JoinTransaction) => PathwayEngine): WithTransaction {
  const connection = db.$client;

  const withTransaction: WithTransaction = (work, joining) => {
    if (joining) return savepoint(joining, () => work(joining));
    const turn = (lastOn.get(connection) ?? Promise.resolve()).then(() => begin(work));
    lastOn.set(connection, turn.catch(() => undefined));
    return turn;
  };

  /**
   * IMMEDIATE: the work reads and then writes, and other connections (the workers', another
   * process's) write too. A deferred transaction that has read cannot wait for the write
   * lock, it fails at once with SQLITE_BUSY; an immediate one takes the lock first and waits
   * its turn (busy_timeout).
   */
  async function begin<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    connection.exec("BEGIN IMMEDIATE");
    const tx: Transaction = { ...stores, engine: engineIn((part) => withTransaction(() => part(), tx)) };
    open.set(tx, { savepoints: 0 });
    try {
      const result = await work(tx);
      connection.exec("COMMIT");
      return result;
    } catch (error) {
      // After some errors (a full disk, say) SQLite has rolled back already.
      if (connection.inTransaction) connection.exec("ROLLBACK");
      throw error;
    } finally {
      open.delete(tx);
    }
  }

  async function savepoint<T>(tx: Transaction, work: () => Promise<T>): Promise<T> {
    const state = open.get(tx);
    if (!state) throw new TransactionEnded();
    const name = `unit_of_work_${++state.savepoints}`;
    connection.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      connection.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (connection.inTransaction) connection.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }

  return withTransaction;
}
