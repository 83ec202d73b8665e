import { and, desc, eq, sql } from "drizzle-orm";
import type { LuukkuDatabase } from "./client.ts";
import { screening, screeningEvent } from "./schema.ts";

export type ScreeningRecord = typeof screening.$inferSelect;
export type ScreeningEventRecord = typeof screeningEvent.$inferSelect;
export type NewScreeningEvent = Omit<typeof screeningEvent.$inferInsert, "id">;
export type NewScreening = Omit<typeof screening.$inferInsert, "version" | "createdAt" | "updatedAt">;

export class StaleScreening extends Error {
  constructor(id: string) {
    super(`Screening ${id} was changed elsewhere; reload it`);
  }
}

/** Screenings with their answers, flow snapshot and questionnaire version. */
export class ScreeningStore {
  readonly #db: LuukkuDatabase;
  readonly #now: () => Date;
  /** Every screening page loads its flow: prepared once rather than built per request. */
  readonly #byId;

  constructor(db: LuukkuDatabase, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
    this.#byId = db.select().from(screening).where(eq(screening.id, sql.placeholder("id"))).prepare();
  }

  insert(record: NewScreening): ScreeningRecord {
    const now = this.#now();
    return this.#db.insert(screening).values({ ...record, createdAt: now, updatedAt: now }).returning().get();
  }

  /** Appends to the screening's event log; the caller writes it in the transaction of the change it records. */
  recordEvent(event: NewScreeningEvent): void {
    this.#db.insert(screeningEvent).values(event).run();
  }

  /** The newest event in the screening's log. */
  lastEvent(id: string): ScreeningEventRecord | undefined {
    return this.#db.select().from(screeningEvent).where(eq(screeningEvent.screeningId, id)).orderBy(desc(screeningEvent.id)).limit(1).get();
  }

  /** The screening's event log, oldest first. */
  events(id: string): ScreeningEventRecord[] {
    return this.#db.select().from(screeningEvent).where(eq(screeningEvent.screeningId, id)).orderBy(screeningEvent.id).all();
  }

  load(id: string): ScreeningRecord | undefined {
    return this.#byId.get({ id });
  }

  /** The screening a resume code was given for, if it is still in progress. */
  findByResumeCode(resumeCodeHash: string): ScreeningRecord | undefined {
    return this.#db
      .select()
      .from(screening)
      .where(and(eq(screening.resumeCodeHash, resumeCodeHash), eq(screening.status, "in-progress")))
      .get();
  }

  /** Marks the screening saved for later under a new resume code (replacing any earlier one). */
  saveForLater(id: string, expectedVersion: number, resumeCodeHash: string): ScreeningRecord {
    const now = this.#now();
    const updated = this.#db
      .update(screening)
      .set({ resumeCodeHash, savedAt: now, updatedAt: now, version: expectedVersion + 1 })
      .where(and(eq(screening.id, id), eq(screening.version, expectedVersion)))
      .returning()
      .get();
    if (!updated) throw new StaleScreening(id);
    return updated;
  }

  /** Marks the screening as last used now (the person is still there), or at `at`, without changing its version. */
  touch(id: string, at: Date = this.#now()): void {
    this.#db.update(screening).set({ updatedAt: at }).where(eq(screening.id, id)).run();
  }

  /** Saves a new snapshot and answers if nobody else has since `expectedVersion`; otherwise throws. */
  update(
    id: string,
    expectedVersion: number,
    changes: Pick<ScreeningRecord, "snapshot" | "answers" | "status"> & Partial<Pick<ScreeningRecord, "savedAt" | "language">>,
  ): ScreeningRecord {
    const updated = this.#db
      .update(screening)
      .set({ ...changes, updatedAt: this.#now(), version: expectedVersion + 1 })
      .where(and(eq(screening.id, id), eq(screening.version, expectedVersion)))
      .returning()
      .get();
    if (!updated) throw new StaleScreening(id);
    return updated;
  }
}
