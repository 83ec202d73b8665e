import type { Channel } from "#pathways/actor.ts";
import type { LuukkuDatabase } from "./client.ts";
import { feedback } from "./schema.ts";

/** Stores one satisfaction answer: anonymous, with no case and no person, for the indicators. */
export function recordFeedback(db: LuukkuDatabase, entry: { rating: number; comment: string | null; language: string; channel: Channel; at: Date }): void {
  db.insert(feedback)
    .values({ rating: entry.rating, comment: entry.comment, language: entry.language, channel: entry.channel, createdAt: entry.at })
    .run();
}
