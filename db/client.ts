import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import * as schema from "./schema.ts";

export type LuukkuDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The settings every connection must run with. synchronous=FULL because consent and
 * referral writes must survive power loss; WAL keeps readers from blocking the writer.
 */
const requiredPragmas = {
  journal_mode: "wal",
  foreign_keys: 1,
  synchronous: 2, // FULL
  busy_timeout: 5000,
} as const;

export function openDatabase(path: string): LuukkuDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma(`journal_mode = ${requiredPragmas.journal_mode}`);
  sqlite.pragma(`foreign_keys = ${requiredPragmas.foreign_keys}`);
  sqlite.pragma(`synchronous = ${requiredPragmas.synchronous}`);
  sqlite.pragma(`busy_timeout = ${requiredPragmas.busy_timeout}`);
  verifyPragmas(sqlite, path);
  return drizzle({ client: sqlite, schema });
}

function verifyPragmas(sqlite: Database.Database, path: string): void {
  const memory = path === ":memory:";
  for (const [name, expected] of Object.entries(requiredPragmas)) {
    // An in-memory database cannot use WAL; everything else must hold.
    if (memory && name === "journal_mode") continue;
    const actual = sqlite.pragma(name, { simple: true });
    if (String(actual).toLowerCase() !== String(expected)) {
      sqlite.close();
      throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${String(expected)} (database ${path})`);
    }
  }
}

/** For /healthz: the database answers a real query. */
export function databaseAnswers(db: LuukkuDatabase): boolean {
  try {
    return db.$client.prepare("SELECT count(*) AS n FROM municipality").get() !== undefined;
  } catch {
    return false;
  }
}

/** Closes the connection, first letting SQLite refresh the query planner's statistics it finds stale (PRAGMA optimize). */
export function closeDatabase(db: LuukkuDatabase): void {
  db.$client.pragma("optimize");
  db.$client.close();
}
