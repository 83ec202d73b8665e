import type { Statement } from "better-sqlite3";
import type { LuukkuDatabase } from "./client.ts";

/**
 * The public catalogue's revision: moved by triggers only when something the public can
 * see changes (migration 0013, ADR 011). The caches of the catalogue (candidate index,
 * summaries, practical facts) compare it with the one they were built at; a request reads
 * it once (`CatalogueQueries.revision()`) and hands it to each of them, so they all answer
 * for the same catalogue. `read()` is synchronous for the candidate index, which stays
 * synchronous (ADR 020); only db/ holds this class.
 */
export class CatalogueRevision {
  readonly #statement: Statement;

  constructor(db: LuukkuDatabase) {
    this.#statement = db.$client.prepare("SELECT revision FROM catalogue_revision WHERE id = 1").pluck();
  }

  read(): number {
    return this.#statement.get() as number;
  }
}
