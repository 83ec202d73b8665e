import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Channel } from "#pathways/actor.ts";
import type { CaseMember, MemberRelation, PackageItemRow, ProposedPackage } from "#pathways/case.ts";
import type { StoredLocalizedText } from "#pathways/i18n.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import type { LuukkuDatabase } from "./client.ts";
import type { Transaction } from "./unit-of-work.ts";
import { caseMember, caseRecord, caseReference, consent, packageItem, pathwayInstance, person, proposedPackage, referral, service } from "./schema.ts";

/** A new case with the person it is opened for; answers the case and that person's membership. */
export function openCase(db: LuukkuDatabase, channel: Channel, at: Date): { caseId: string; memberId: string } {
  const caseId = randomUUID();
  db.insert(caseRecord).values({ id: caseId, channel, createdAt: at }).run();
  const [member] = addCaseMembers(db, caseId, ["person-screened"], at);
  return { caseId, memberId: member!.id };
}

/** New people in the case's household, one per relation given. */
export function addCaseMembers(db: LuukkuDatabase, caseId: string, relations: readonly MemberRelation[], at: Date): CaseMember[] {
  return relations.map((relation) => {
    const personId = randomUUID();
    const member = { id: randomUUID(), relation };
    db.insert(person).values({ id: personId, createdAt: at }).run();
    db.insert(caseMember).values({ ...member, caseId, personId }).run();
    return member;
  });
}

export function caseMembers(db: LuukkuDatabase, caseId: string): CaseMember[] {
  return db.select({ id: caseMember.id, relation: caseMember.relation }).from(caseMember).where(eq(caseMember.caseId, caseId)).all();
}

/** Stores a package the engine proposed, with each service's version as it stands, at the catalogue revision it was made from. */
export function saveProposedPackage(db: LuukkuDatabase, proposal: ProposedPackage): void {
  const { revision } = db.get<{ revision: number }>(sql`SELECT revision FROM catalogue_revision WHERE id = 1`);
  const { id } = db
    .insert(proposedPackage)
    .values({ caseId: proposal.caseId, helpFor: proposal.helpFor, proposedAt: proposal.proposedAt, catalogueRevision: revision })
    .returning({ id: proposedPackage.id })
    .get();
  const serviceIds = [...new Set(proposal.items.flatMap((item) => (item.serviceId === null ? [] : [item.serviceId])))];
  const versions = new Map(
    serviceIds.length === 0 ? [] : db.select({ id: service.id, version: service.version }).from(service).where(inArray(service.id, serviceIds)).all().map((row) => [row.id, row.version]),
  );
  if (proposal.items.length === 0) return;
  db.insert(packageItem)
    .values(proposal.items.map((item) => ({ ...item, packageId: id, serviceVersion: item.serviceId === null ? null : (versions.get(item.serviceId) ?? null) })))
    .run();
}

/** Where a service of a stored package stands now: changed since (a newer version), or no longer offered (unpublished, closed, gone). */
export type ServiceStanding = "unchanged" | "changed" | "closed";

export interface StoredPackage extends ProposedPackage {
  /** Each service's standing now, and its name (which a closed service's summary no longer gives), by service id. */
  services: Map<number, { standing: ServiceStanding; name: StoredLocalizedText | null }>;
}

function preparePackageQueries(db: LuukkuDatabase) {
  return {
    newest: db
      .select()
      .from(proposedPackage)
      .where(eq(proposedPackage.caseId, sql.placeholder("caseId")))
      .orderBy(desc(proposedPackage.id))
      .limit(1)
      .prepare(),
    items: db
      .select({
        item: packageItem,
        currentVersion: service.version,
        name: service.name,
        status: service.status,
        publicationStatus: service.publicationStatus,
      })
      .from(packageItem)
      .leftJoin(service, eq(service.id, packageItem.serviceId))
      .where(eq(packageItem.packageId, sql.placeholder("packageId")))
      .orderBy(packageItem.id)
      .prepare(),
  };
}

/** The package queries of each connection, prepared once: every package, consent and tracking page reads the package. */
const packageQueries = new WeakMap<LuukkuDatabase, ReturnType<typeof preparePackageQueries>>();

/** The case's package: the newest the engine proposed, item by item, with where each service stands now. */
export function caseProposedPackage(db: LuukkuDatabase, caseId: string): StoredPackage | undefined {
  let queries = packageQueries.get(db);
  if (!queries) packageQueries.set(db, (queries = preparePackageQueries(db)));
  const proposal = queries.newest.get({ caseId });
  if (!proposal) return undefined;
  const rows = queries.items.all({ packageId: proposal.id });
  const services: StoredPackage["services"] = new Map();
  for (const { item, currentVersion, name, status, publicationStatus } of rows) {
    if (item.serviceId === null) continue;
    const open = status === "active" && publicationStatus === "published";
    services.set(item.serviceId, { standing: !open ? "closed" : currentVersion !== item.serviceVersion ? "changed" : "unchanged", name });
  }
  const items: PackageItemRow[] = rows.map(({ item }) => ({
    kind: item.kind,
    needCode: item.needCode as PackageItemRow["needCode"],
    needRank: item.needRank,
    subject: item.subject,
    memberId: item.memberId,
    serviceId: item.serviceId,
    organizationId: item.organizationId,
    rank: item.rank,
    reasons: item.reasons,
    pathwayInstanceId: item.pathwayInstanceId,
  }));
  return { caseId, proposedAt: proposal.proposedAt, helpFor: proposal.helpFor, items, services };
}

export interface CasePathway {
  id: string;
  machineId: string;
  state: string;
}

/** A case's pathways (not its referral machines), with the state each is in. */
export function casePathways(db: LuukkuDatabase, caseId: string): CasePathway[] {
  return db
    .select({ id: pathwayInstance.id, machineId: pathwayInstance.machineId, state: pathwayInstance.state })
    .from(pathwayInstance)
    .where(and(eq(pathwayInstance.caseId, caseId), ne(pathwayInstance.machineId, "referral")))
    .all();
}

/** What each service's referral would carry, for the consent wording. */
export function referralDataOf(db: LuukkuDatabase, serviceIds: number[]): Map<number, PersonalDataCategory[]> {
  if (serviceIds.length === 0) return new Map();
  const rows = db.select({ id: service.id, referralData: service.referralData }).from(service).where(inArray(service.id, serviceIds)).all();
  return new Map(rows.map((row) => [row.id, row.referralData]));
}

export function recordConsent(
  db: LuukkuDatabase,
  entry: {
    caseId: string;
    serviceId: number;
    organizationId: number;
    dataCategories: PersonalDataCategory[];
    textVersion: string;
    recordedBy: string;
    channel: Channel;
    givenAt: Date;
  },
): void {
  db.insert(consent)
    .values({ ...entry, purpose: "referral" })
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
 * Withdraws the consent a referral was sent under, in the transaction `tx`, so all or
 * nothing with it: the referral machine cancels the referral (and the engine its messages
 * not yet sent, telling the provider only if one had been), and the consent keeps when and
 * by whom it was withdrawn.
 * Throws the engine's `EventRefused` when the referral has gone too far to be withdrawn.
 */
export async function withdrawReferralConsent(
  tx: Transaction,
  target: Pick<CaseReferral, "machineInstanceId" | "serviceId"> & { caseId: string },
  at: Date,
  by: string,
  channel: Channel,
): Promise<void> {
  await tx.engine.send(target.machineInstanceId, { type: "WITHDRAW_CONSENT", at: at.toISOString(), by, channel });
  tx.db.update(consent)
    .set({ withdrawnAt: at, withdrawnBy: by })
    .where(and(eq(consent.caseId, target.caseId), eq(consent.serviceId, target.serviceId), isNull(consent.withdrawnAt)))
    .run();
}
