import { PathwayEngine } from "#pathways/engine.ts";
import type { LuukkuDatabase } from "./client.ts";
import { SqliteCandidateSource } from "./matching-candidates.ts";
import { SqlitePathwayStore } from "./pathway-store.ts";

/** The pathway engine on this database: its store and its catalogue. */
export function createPathwayEngine(db: LuukkuDatabase): PathwayEngine {
  return new PathwayEngine(new SqlitePathwayStore(db), new SqliteCandidateSource(db));
}
