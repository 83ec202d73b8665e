import { openCase } from "#db/case-store.ts";
import { caseRecord } from "#db/schema.ts";
import type { LuukkuDatabase } from "#db/client.ts";
import type { NewScreening, ScreeningStore } from "#db/screening-store.ts";

/** A screening stored directly, as its own new case's (as the app's beginScreening opens one), for tests of the store and retention. */
export function insertInNewCase(db: LuukkuDatabase, store: ScreeningStore, record: Omit<NewScreening, "caseId" | "memberId">) {
  const { caseId, memberId } = openCase(db, record.channel, new Date());
  return store.insert({ ...record, caseId, memberId });
}

/** An empty case with this id, for tests that start a case's pathways directly by a readable id. */
export function caseWithId(db: LuukkuDatabase, id: string): string {
  db.insert(caseRecord).values({ id, channel: "online", createdAt: new Date() }).run();
  return id;
}
