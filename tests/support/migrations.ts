import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase, type LuukkuDatabase } from "#db/client.ts";

/**
 * A database on a real file as it stood before the migration `tag` (e.g. "0014"): the
 * committed migrations up to it, applied. A test puts data in it, then migrates it the way
 * the app does and checks what became of the data. `close` removes the folder.
 */
export function databaseBefore(tag: string): { db: LuukkuDatabase; close: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "luukku-migration-"));
  const migrations = fileURLToPath(new URL("../../db/migrations", import.meta.url));
  const before = join(folder, "migrations");
  cpSync(migrations, before, { recursive: true });
  const journalPath = join(before, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  const db = openDatabase(join(folder, "old.db"));
  migrate(db, { migrationsFolder: before });
  return {
    db,
    close: () => {
      if (db.$client.open) db.$client.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** One municipality, organisation and service (id 1), in the columns every migration since 0009 has: what consents and referrals point at. */
export const oneService = `
  INSERT INTO municipality (code, name) VALUES ('koskela', '{"fi":"Koskela"}');
  INSERT INTO organization (id, hsds_id, type, name, description) VALUES (1, 'o', 'public', '{}', '{}');
  INSERT INTO service (id, hsds_id, organization_id, name, summary, description, application_process, eligibility_description, delivery, referral_data)
    VALUES (1, 's', 1, '{}', '{}', '{}', '{}', '{}', '[]', '[]');
`;
