import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type LuukkuDatabase } from "#db/client.ts";
import { prepareDatabase } from "#db/prepare.ts";

export interface TestDatabase {
  db: LuukkuDatabase;
  path: string;
  close: () => void;
}

/**
 * A real SQLite file in a fresh temporary folder, migrated (and seeded with the demo
 * catalogue unless told otherwise): each test file gets its own, so tests never share state.
 */
export function createTestDatabase(options: { seedDemo?: boolean } = {}): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), "luukku-test-"));
  const path = join(folder, "test.db");
  const db = openDatabase(path);
  prepareDatabase(db, { seedDemo: options.seedDemo ?? true });
  return {
    db,
    path,
    close: () => {
      db.$client.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
