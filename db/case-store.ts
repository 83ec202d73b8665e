import { and, eq, inArray, isNull } from "drizzle-orm";
import type { PathwayEngine } from "#pathways/engine.ts";
import { isNeedCode, type NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonProfile } from "#pathways/person.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import { inWriteTransaction, type LuukkuDatabase } from "./client.ts";
import { caseReference, consent, pathwayInstance, referral, service } from "./schema.ts";

export interface CasePathway {
  id: string;
  machineId: string;
  state: string;
  /** The services the pathway proposed and now waits for consent to (or staff to act on). */
  proposal: { serviceId: number; organizationId: number; needCodes: string[] }[];
}

/** A case's pathways (not its referral machines), as the consent page needs them. */
export function casePathways(db: LuukkuDatabase, caseId: string): CasePathway[] {
  return db
    .select({ id: pathwayInstance.id, machineId: pathwayInstance.machineId, state: pathwayInstance.state, snapshot: pathwayInstance.snapshot })
    .from(pathwayInstance)
    .where(eq(pathwayInstance.caseId, caseId))
    .all()
    .filter((row) => row.machineId !== "referral")
    .map((row) => ({
      id: row.id,
      machineId: row.machineId,
      state: row.state,
      proposal: ((row.snapshot as { context?: { proposal?: CasePathway["proposal"] } }).context?.proposal ?? []),
    }));
}

/** What each service's referral would carry, for the consent wording. */
export function referralDataOf(db: LuukkuDatabase, serviceIds: number[]): Map<number, PersonalDataCategory[]> {
  if (serviceIds.length === 0) return new Map();
  const rows = db.select({ id: service.id, referralData: service.referralData }).from(service).where(inArray(service.id, serviceIds)).all();
  return new Map(rows.map((row) => [row.id, row.referralData]));
}

export function recordConsent(
  db: LuukkuDatabase,
  entry: { caseId: string; serviceId: number; organizationId: number; dataCategories: PersonalDataCategory[]; textVersion: string; recordedBy: string },
): void {
  db.insert(consent)
    .values({ ...entry, purpose: "referral", givenAt: new Date() })
    .onConflictDoNothing()
    .run();
}

export function findCaseReference(db: LuukkuDatabase, caseId: string) {
  return db.select().from(caseReference).where(eq(caseReference.caseId, caseId)).get();
}

/** Stores the reference, or (a repeated submission) gives the existing one a new access code. */
export function saveCaseReference(db: LuukkuDatabase, caseId: string, reference: string, accessCodeHash: string): string {
  const existing = findCaseReference(db, caseId);
  if (existing) {
    db.update(caseReference).set({ accessCodeHash }).where(eq(caseReference.caseId, caseId)).run();
    return existing.reference;
  }
  db.insert(caseReference).values({ caseId, reference, accessCodeHash, createdAt: new Date() }).run();
  return reference;
}

export function caseByReference(db: LuukkuDatabase, reference: string) {
  return db.select().from(caseReference).where(eq(caseReference.reference, reference)).get();
}

export interface CaseReferral {
  id: string;
  machineInstanceId: string;
  serviceId: number;
  status: string;
}

/** The referrals of a case with the status their machines are in. */
export function caseReferrals(db: LuukkuDatabase, caseId: string): CaseReferral[] {
  return db
    .select({ id: referral.id, machineInstanceId: referral.machineInstanceId, serviceId: referral.serviceId, status: pathwayInstance.state })
    .from(referral)
    .innerJoin(pathwayInstance, eq(pathwayInstance.id, referral.machineInstanceId))
    .where(eq(referral.caseId, caseId))
    .orderBy(referral.createdAt, referral.serviceId)
    .all();
}

/**
 * Withdraws the consent a referral was sent under, all or nothing: the referral machine
 * cancels the referral (and the engine its messages not yet sent, telling the provider
 * only if one had been), and the consent keeps when and by whom it was withdrawn.
 * Throws the engine's `EventRefused` when the referral has gone too far to be withdrawn.
 */
export function withdrawReferralConsent(
  db: LuukkuDatabase,
  engine: PathwayEngine,
  target: Pick<CaseReferral, "machineInstanceId" | "serviceId"> & { caseId: string },
  at: Date,
  by: string,
): void {
  inWriteTransaction(db, () => {
    engine.send(target.machineInstanceId, { type: "WITHDRAW_CONSENT", at: at.toISOString(), by });
    db.update(consent)
      .set({ withdrawnAt: at, withdrawnBy: by })
      .where(and(eq(consent.caseId, target.caseId), eq(consent.serviceId, target.serviceId), isNull(consent.withdrawnAt)))
      .run();
  });
}

/**
 * Whom a case's referrals are for: the needs each referral is for, and whether the
 * person answered for someone they care for (from the person its pathway was started for).
 */
export function referralsForWhom(db: LuukkuDatabase, caseId: string): { helpFor: PersonProfile["helpFor"]; needCodes: Map<string, NeedCode[]> } {
  const rows = db
    .select({ id: referral.id, needCodes: referral.needCodes, snapshot: pathwayInstance.snapshot })
    .from(referral)
    .innerJoin(pathwayInstance, eq(pathwayInstance.id, referral.pathwayInstanceId))
    .where(eq(referral.caseId, caseId))
    .all();
  const person = (rows[0]?.snapshot as { context?: { person?: Pick<PersonProfile, "helpFor"> } } | undefined)?.context?.person;
  return { helpFor: person?.helpFor ?? "self", needCodes: new Map(rows.map((row) => [row.id, row.needCodes.filter(isNeedCode)])) };
}
