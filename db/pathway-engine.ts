import { PathwayEngine } from "#pathways/engine.ts";
import type { LuukkuDatabase } from "./client.ts";
import { SqliteCandidateSource } from "./matching-candidates.ts";
import { SqlitePathwayStore } from "./pathway-store.ts";

/**
 * The pathway engine on this database: its store and its catalogue. The one place an
 * engine is put together; a process that already holds a candidate source passes it, so
 * the engine and the pages share one candidate index.
 */
export function createPathwayEngine(db: LuukkuDatabase, candidates: SqliteCandidateSource = new SqliteCandidateSource(db)): PathwayEngine {
  return new PathwayEngine(new SqlitePathwayStore(db), candidates);
}
