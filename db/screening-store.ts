import { and, desc, eq, sql } from "drizzle-orm";
import type { LuukkuDatabase } from "./client.ts";
import { screening, screeningEvent } from "./schema.ts";
import { StaleScreening, type NewScreening, type NewScreeningEvent, type ScreeningRecord, type ScreeningStore } from "./stores.ts";

/** The screening store on SQLite: each method one synchronous statement on the connection, answered as a promise (ADR 020). */
export class SqliteScreeningStore implements ScreeningStore {
  readonly #db: LuukkuDatabase;
  readonly #now: () => Date;
  /** Every screening page loads its flow: prepared once rather than built per request. */
  readonly #byId;

  constructor(db: LuukkuDatabase, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
    this.#byId = db.select().from(screening).where(eq(screening.id, sql.placeholder("id"))).prepare();
  }

  async insert(record: NewScreening): Promise<ScreeningRecord> {
    const now = this.#now();
    return this.#db.insert(screening).values({ ...record, createdAt: now, updatedAt: now }).returning().get();
  }

  async recordEvent(event: NewScreeningEvent): Promise<void> {
    this.#db.insert(screeningEvent).values(event).run();
  }

  async lastEvent(id: string) {
    return this.#db.select().from(screeningEvent).where(eq(screeningEvent.screeningId, id)).orderBy(desc(screeningEvent.id)).limit(1).get();
  }

  async events(id: string) {
    return this.#db.select().from(screeningEvent).where(eq(screeningEvent.screeningId, id)).orderBy(screeningEvent.id).all();
  }

  async load(id: string): Promise<ScreeningRecord | undefined> {
    return this.#byId.get({ id });
  }

  async findByResumeCode(resumeCodeHash: string): Promise<ScreeningRecord | undefined> {
    return this.#db
      .select()
      .from(screening)
      .where(and(eq(screening.resumeCodeHash, resumeCodeHash), eq(screening.status, "in-progress")))
      .get();
  }

  async saveForLater(id: string, expectedVersion: number, resumeCodeHash: string): Promise<ScreeningRecord> {
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

  async touch(id: string, at: Date = this.#now()): Promise<void> {
    this.#db.update(screening).set({ updatedAt: at }).where(eq(screening.id, id)).run();
  }

  async update(id: string, expectedVersion: number, changes: Parameters<ScreeningStore["update"]>[2]): Promise<ScreeningRecord> {
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
