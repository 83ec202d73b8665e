import { and, eq, isNotNull, notLike } from "drizzle-orm";
import { caseReference, screening } from "./schema.ts";
import type { Backend } from "./backend.ts";

/**
 * Replaces every resume and access code hash not starting with `keyedPrefix` (the plain
 * SHA-256 stored before hashes were keyed) by what `key` makes of it, in one write-locked
 * transaction, a unit of work taking its turn on the connection's queue (ADR 020). Hashes
 * already keyed are left alone, so this can run at every start and in several processes
 * at once. Resolves to how many were replaced.
 */
export function keyPlainCodeHashes(
  { db, withTransaction }: Pick<Backend, "db" | "withTransaction">,
  keyedPrefix: string,
  key: { resumeCode: (plainHash: string) => string; accessCode: (plainHash: string) => string },
): Promise<number> {
  return withTransaction(async () => {
    const resumeCodes = db
      .select({ id: screening.id, hash: screening.resumeCodeHash })
      .from(screening)
      .where(and(isNotNull(screening.resumeCodeHash), notLike(screening.resumeCodeHash, `${keyedPrefix}%`)))
      .all();
    for (const { id, hash } of resumeCodes) {
      // Neither its version nor its last use changes: the person did nothing.
      db.update(screening).set({ resumeCodeHash: key.resumeCode(hash!) }).where(eq(screening.id, id)).run();
    }
    const accessCodes = db
      .select({ caseId: caseReference.caseId, hash: caseReference.accessCodeHash })
      .from(caseReference)
      .where(notLike(caseReference.accessCodeHash, `${keyedPrefix}%`))
      .all();
    for (const { caseId, hash } of accessCodes) {
      db.update(caseReference).set({ accessCodeHash: key.accessCode(hash) }).where(eq(caseReference.caseId, caseId)).run();
    }
    return resumeCodes.length + accessCodes.length;
  });
}
