import { keyCodesSavedBeforeKeying } from "#app/resume-code.server.ts";
import { createBackend } from "#db/backend.ts";
import { closeDatabase, openDatabase } from "#db/client.ts";
import { prepareDatabase, type PrepareResult } from "#db/prepare.ts";

/**
 * What a process does to the database before it serves or works on it: migrations,
 * reference data and, when asked, the demo catalogue (db/prepare.ts); then the codes saved
 * before hashes were keyed are keyed, once here rather than on the first request, so no
 * request waits for it and none looks a code up before it is done.
 */
export async function setUpDatabase(path: string, options: { seedDemo: boolean }): Promise<PrepareResult> {
  const db = openDatabase(path);
  const prepared = prepareDatabase(db, options);
  await keyCodesSavedBeforeKeying(createBackend({ kind: "sqlite", connection: db }));
  closeDatabase(db);
  return prepared;
}
