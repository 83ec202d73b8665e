import type { LuukkuDatabase } from "./client.ts";
import { feedback } from "./schema.ts";
import type { FeedbackStore } from "./stores.ts";

export class SqliteFeedbackStore implements FeedbackStore {
  readonly #db: LuukkuDatabase;

  constructor(db: LuukkuDatabase) {
    this.#db = db;
  }

  async record(entry: Parameters<FeedbackStore["record"]>[0]): Promise<void> {
    this.#db
      .insert(feedback)
      .values({ rating: entry.rating, comment: entry.comment, language: entry.language, channel: entry.channel, createdAt: entry.at })
      .run();
  }
}
