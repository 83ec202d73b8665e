import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import type { LuukkuDatabase } from "./client.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies the committed drizzle-kit migrations that this database has not seen yet. */
export function migrateDatabase(db: LuukkuDatabase): void {
  migrate(db, { migrationsFolder });
}
