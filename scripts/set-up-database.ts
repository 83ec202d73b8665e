import { keyedHashPrefix, keyStoredPlainHash } from "#app/resume-code.server.ts";
import { createBackend } from "#db/backend.ts";
import { closeDatabase, openDatabase } from "#db/client.ts";
import { keyPlainCodeHashes } from "#db/code-hashes.ts";
import { prepareDatabase, type PrepareResult } from "#db/prepare.ts";

/**
 * What a process does to the database before it serves or works on it: migrations,
 * reference data and, when asked, the demo catalogue (db/prepare.ts). Then the codes saved
 * before hashes were keyed keep working: their plain hashes are keyed, so no plain hash
 * stays in the database to be searched for the codes; once here rather than on the first
 * request, so no request waits for it and none looks a code up before it is done.
 */
export async function setUpDatabase(path: string, options: { seedDemo: boolean }): Promise<PrepareResult> {
  const db = openDatabase(path);
  const prepared = prepareDatabase(db, options);
  await keyPlainCodeHashes(createBackend({ kind: "sqlite", connection: db }), keyedHashPrefix, {
    resumeCode: (plainHash) => keyStoredPlainHash("resume-code", plainHash),
    accessCode: (plainHash) => keyStoredPlainHash("access-code", plainHash),
  });
  closeDatabase(db);
  return prepared;
}
