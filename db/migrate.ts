import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import type { LuukkuDatabase } from "./client.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies the committed drizzle-kit migrations that this database has not seen yet.
 * Foreign keys are off while they run (SQLite's way to rebuild a table: dropping the old
 * one must not cascade to the rows that reference it) and every reference is checked
 * before they are on again; a migration that leaves one dangling fails the start.
 */
export function migrateDatabase(db: LuukkuDatabase): void {
  db.$client.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder });
    const dangling = db.$client.pragma("foreign_key_check") as unknown[];
    if (dangling.length > 0) throw new Error(`Migrations left ${dangling.length} references dangling: ${JSON.stringify(dangling.slice(0, 5))}`);
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}
