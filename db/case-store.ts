import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Channel } from "#pathways/actor.ts";
import type { CaseMember, MemberRelation, PackageItemRow, ProposedPackage } from "#pathways/case.ts";
import { detailsShared, type PersonalDataCategory, type PersonDetails } from "#pathways/personal-data.ts";
import type { LuukkuDatabase } from "./client.ts";
import { caseMember, caseRecord, caseReference, consent, packageItem, pathwayEvent, pathwayInstance, person, proposedPackage, referral, service } from "./schema.ts";
import type { CasePathway, CaseReference, CaseReferral, CaseStore, NewConsent, ReferralProgress, StoredPackage } from "./stores.ts";

/** New people in the case's household, one per relation given. */
function addCaseMembers(db: LuukkuDatabase, caseId: string, relations: readonly MemberRelation[], at: Date): CaseMember[] {
  return relations.map((relation) => {
    const personId = randomUUID();
    const member = { id: randomUUID(), relation };
    db.insert(person).values({ id: personId, createdAt: at }).run();
    db.insert(caseMember).values({ ...member, caseId, personId }).run();
    return member;
  });
}

/** The case's members; the engine's store reads them too (db/pathway-store.ts). */
export function caseMembers(db: LuukkuDatabase, caseId: string): CaseMember[] {
  return db.select({ id: caseMember.id, relation: caseMember.relation }).from(caseMember).where(eq(caseMember.caseId, caseId)).all();
}

/**
 * Stores a package the engine proposed (db/pathway-store.ts), with each service's version
 * as it stands, at the catalogue revision it was made from.
 */
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

/** The case store on SQLite: synchronous statements on the connection, answered as promises (ADR 020). */
export class SqliteCaseStore implements CaseStore {
  readonly #db: LuukkuDatabase;
  /** Every package, consent and tracking page reads the package: prepared once. */
  readonly #newestPackage;
  readonly #packageItems;

  constructor(db: LuukkuDatabase) {
    this.#db = db;
    this.#newestPackage = db
      .select()
      .from(proposedPackage)
      .where(eq(proposedPackage.caseId, sql.placeholder("caseId")))
      .orderBy(desc(proposedPackage.id))
      .limit(1)
      .prepare();
    this.#packageItems = db
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
      .prepare();
  }

  async openCase(channel: Channel, at: Date): Promise<{ caseId: string; memberId: string }> {
    const caseId = randomUUID();
    this.#db.insert(caseRecord).values({ id: caseId, channel, createdAt: at }).run();
    const [member] = addCaseMembers(this.#db, caseId, ["person-screened"], at);
    return { caseId, memberId: member!.id };
  }

  async addMembers(caseId: string, relations: readonly MemberRelation[], at: Date): Promise<CaseMember[]> {
    return addCaseMembers(this.#db, caseId, relations, at);
  }

  async proposedPackage(caseId: string): Promise<StoredPackage | undefined> {
    const proposal = this.#newestPackage.get({ caseId });
    if (!proposal) return undefined;
    const rows = this.#packageItems.all({ packageId: proposal.id });
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

  async pathways(caseId: string): Promise<CasePathway[]> {
    return this.#db
      .select({ id: pathwayInstance.id, machineId: pathwayInstance.machineId, state: pathwayInstance.state })
      .from(pathwayInstance)
      .where(and(eq(pathwayInstance.caseId, caseId), ne(pathwayInstance.machineId, "referral")))
      .all();
  }

  async referrals(caseId: string): Promise<CaseReferral[]> {
    return this.#db
      .select({ id: referral.id, machineInstanceId: referral.machineInstanceId, serviceId: referral.serviceId, status: pathwayInstance.state })
      .from(referral)
      .innerJoin(pathwayInstance, eq(pathwayInstance.id, referral.machineInstanceId))
      .where(eq(referral.caseId, caseId))
      .orderBy(referral.createdAt, referral.serviceId)
      .all();
  }

  async referralProgress(caseId: string): Promise<ReferralProgress[]> {
    const rows = this.#db
      .select({
        id: referral.id,
        machineInstanceId: referral.machineInstanceId,
        serviceId: referral.serviceId,
        organizationId: referral.organizationId,
        status: pathwayInstance.state,
        sentAt: referral.createdAt,
        // The last event that moved the referral: a deadline passing (RESPONSE_OVERDUE) leaves the status as it was.
        statusSince: sql<string>`(SELECT max(${pathwayEvent.occurredAt}) FROM ${pathwayEvent} WHERE ${pathwayEvent.instanceId} = ${referral.machineInstanceId} AND ${pathwayEvent.type} <> 'RESPONSE_OVERDUE')`,
        // The referral machine keeps its deadline in its context (pathways/referral/machine.ts).
        responseDueAt: sql<string | null>`json_extract(${pathwayInstance.snapshot}, '$.context.responseDueAt')`,
        responseTimeWorkingDays: sql<number | null>`json_extract(${pathwayInstance.snapshot}, '$.context.responseTimeWorkingDays')`,
        shared: consent.dataCategories,
      })
      .from(referral)
      .innerJoin(pathwayInstance, eq(pathwayInstance.id, referral.machineInstanceId))
      .leftJoin(consent, and(eq(consent.caseId, referral.caseId), eq(consent.serviceId, referral.serviceId), isNull(consent.withdrawnAt)))
      .where(eq(referral.caseId, caseId))
      .orderBy(referral.createdAt, referral.serviceId)
      .all();
    return rows.map((row) => ({
      ...row,
      statusSince: new Date(row.statusSince),
      responseDueAt: row.responseDueAt === null ? null : new Date(row.responseDueAt),
      shared: row.shared ?? [],
    }));
  }

  async referralData(serviceIds: readonly number[]): Promise<Map<number, PersonalDataCategory[]>> {
    if (serviceIds.length === 0) return new Map();
    const rows = this.#db.select({ id: service.id, referralData: service.referralData }).from(service).where(inArray(service.id, [...serviceIds])).all();
    return new Map(rows.map((row) => [row.id, row.referralData]));
  }

  async recordConsent(entry: NewConsent): Promise<void> {
    this.#db
      .insert(consent)
      .values({ ...entry, purpose: "referral" })
      .onConflictDoNothing()
      .run();
  }

  async withdrawConsent({ caseId, serviceId }: { caseId: string; serviceId: number }, at: Date, by: string): Promise<void> {
    this.#db
      .update(consent)
      .set({ withdrawnAt: at, withdrawnBy: by })
      .where(and(eq(consent.caseId, caseId), eq(consent.serviceId, serviceId), isNull(consent.withdrawnAt)))
      .run();
  }

  async personDetails(caseId: string): Promise<PersonDetails> {
    const row = this.#db
      .select({
        fullName: person.fullName,
        phone: person.phone,
        email: person.email,
        dateOfBirth: person.dateOfBirth,
        streetAddress: person.streetAddress,
        postcode: person.postcode,
      })
      .from(person)
      .innerJoin(caseMember, eq(caseMember.personId, person.id))
      .where(and(eq(caseMember.caseId, caseId), eq(caseMember.relation, "person-screened")))
      .get();
    return Object.fromEntries(Object.entries(row ?? {}).filter(([, value]) => value !== null)) as PersonDetails;
  }

  async savePersonDetails(caseId: string, details: PersonDetails, at: Date, by: string): Promise<void> {
    const screened = this.#db
      .select({ personId: caseMember.personId })
      .from(caseMember)
      .where(and(eq(caseMember.caseId, caseId), eq(caseMember.relation, "person-screened")));
    this.#db
      .update(person)
      .set({
        fullName: details.fullName ?? null,
        phone: details.phone ?? null,
        email: details.email ?? null,
        dateOfBirth: details.dateOfBirth ?? null,
        streetAddress: details.streetAddress ?? null,
        postcode: details.postcode ?? null,
        detailsGivenAt: at,
        detailsGivenBy: by,
      })
      .where(inArray(person.id, screened))
      .run();
  }

  async erasePersonDetailsWithoutConsent(caseId: string): Promise<boolean> {
    const standing = this.#db
      .select({ id: consent.id })
      .from(consent)
      .where(and(eq(consent.caseId, caseId), isNull(consent.withdrawnAt)))
      .limit(1)
      .get();
    if (standing) return false;
    const members = this.#db.select({ personId: caseMember.personId }).from(caseMember).where(eq(caseMember.caseId, caseId));
    const erased = this.#db
      .update(person)
      .set({ fullName: null, phone: null, email: null, dateOfBirth: null, streetAddress: null, postcode: null, detailsGivenAt: null, detailsGivenBy: null })
      .where(and(inArray(person.id, members), isNotNull(person.detailsGivenAt)))
      .run();
    return erased.changes > 0;
  }

  async referralShare(referralId: string): Promise<{ categories: PersonalDataCategory[]; details: PersonDetails } | undefined> {
    const consented = this.#db
      .select({ caseId: referral.caseId, categories: consent.dataCategories })
      .from(referral)
      .innerJoin(consent, and(eq(consent.caseId, referral.caseId), eq(consent.serviceId, referral.serviceId), isNull(consent.withdrawnAt)))
      .where(eq(referral.id, referralId))
      .get();
    if (!consented) return undefined;
    return { categories: consented.categories, details: detailsShared(await this.personDetails(consented.caseId), consented.categories) };
  }

  async findReference(caseId: string): Promise<CaseReference | undefined> {
    return this.#db.select().from(caseReference).where(eq(caseReference.caseId, caseId)).get();
  }

  async findByReference(reference: string): Promise<CaseReference | undefined> {
    return this.#db.select().from(caseReference).where(eq(caseReference.reference, reference)).get();
  }

  async saveReference(caseId: string, reference: string, accessCodeHash: string): Promise<string> {
    const existing = await this.findReference(caseId);
    if (existing) {
      this.#db.update(caseReference).set({ accessCodeHash }).where(eq(caseReference.caseId, caseId)).run();
      return existing.reference;
    }
    this.#db.insert(caseReference).values({ caseId, reference, accessCodeHash, createdAt: new Date() }).run();
    return reference;
  }
}
