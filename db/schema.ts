import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { StoredLocalizedText } from "#pathways/i18n.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import { capacities, costKinds, costUnits, deliveryModes, organizationTypes, type ServiceSituation } from "#pathways/catalogue.ts";
import { linkPurposes } from "#pathways/email-links.ts";
import { channels, type Actor } from "#pathways/actor.ts";
import { memberRelations, packageItemKinds } from "#pathways/case.ts";
import { needSubjects } from "#pathways/needs/subject.ts";
import type { ReasonCode } from "#pathways/matching/match.ts";
import { screeningEventTypes } from "./stores.ts";

/**
 * The provider catalogue, aligned with Open Referral HSDS 3.0. Differences, on purpose:
 * - integer primary keys (fast joins; FTS rowids), with the HSDS uuid kept in `hsds_id`;
 * - user-facing text is a JSON object per language ({"fi": …, "sv": …, "en": …}),
 *   read with a fallback order, so a missing translation never hides a service;
 * - structured eligibility, quality and capacity fields that HSDS lacks;
 * - every editable row has `version` for optimistic concurrency.
 * See docs/decisions/004-catalogue-schema.md.
 */

const localized = (name: string) => text(name, { mode: "json" }).$type<StoredLocalizedText>();
const version = () => integer("version").notNull().default(1);
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const serviceStatuses = ["active", "inactive", "defunct", "temporarily closed"] as const;
export const publicationStatuses = ["draft", "in_review", "published"] as const;

export const municipality = sqliteTable("municipality", {
  code: text("code").primaryKey(),
  name: localized("name").notNull(),
  version: version(),
});

export const organization = sqliteTable(
  "organization",
  {
    id: integer("id").primaryKey(),
    hsdsId: text("hsds_id").notNull(),
    type: text("type", { enum: organizationTypes }).notNull(),
    name: localized("name").notNull(),
    description: localized("description").notNull(),
    email: text("email"),
    website: text("website"),
    phone: text("phone"),
    municipalityCode: text("municipality_code").references(() => municipality.code),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("organization_hsds_id").on(table.hsdsId)],
);

export const service = sqliteTable(
  "service",
  {
    id: integer("id").primaryKey(),
    hsdsId: text("hsds_id").notNull(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organization.id),
    name: localized("name").notNull(),
    summary: localized("summary").notNull(),
    description: localized("description").notNull(),
    applicationProcess: localized("application_process").notNull(),
    eligibilityDescription: localized("eligibility_description").notNull(),
    feesDescription: localized("fees_description"),
    url: text("url"),
    email: text("email"),
    status: text("status", { enum: serviceStatuses }).notNull().default("active"),
    publicationStatus: text("publication_status", { enum: publicationStatuses }).notNull().default("draft"),
    minimumAge: integer("minimum_age"),
    maximumAge: integer("maximum_age"),
    delivery: text("delivery", { mode: "json" }).$type<(typeof deliveryModes)[number][]>().notNull(),
    acceptsReferrals: integer("accepts_referrals", { mode: "boolean" }).notNull().default(false),
    referralData: text("referral_data", { mode: "json" }).$type<PersonalDataCategory[]>().notNull(),
    responseTimeWorkingDays: integer("response_time_working_days").notNull().default(2),
    typicalWaitDays: integer("typical_wait_days"),
    capacity: text("capacity", { enum: capacities }).notNull().default("available"),
    qualityRating: real("quality_rating"),
    accreditations: text("accreditations"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("service_hsds_id").on(table.hsdsId),
    index("service_organization").on(table.organizationId),
    check("service_age_range", sql`${table.minimumAge} IS NULL OR ${table.maximumAge} IS NULL OR ${table.minimumAge} <= ${table.maximumAge}`),
    check("service_quality_range", sql`${table.qualityRating} IS NULL OR (${table.qualityRating} BETWEEN 1 AND 5)`),
  ],
);

/** Ours, not HSDS: structured rules the matcher applies. Exported to HSDS as eligibility_description and attributes. */
export const serviceEligibility = sqliteTable("service_eligibility", {
  serviceId: integer("service_id")
    .primaryKey()
    .references(() => service.id, { onDelete: "cascade" }),
  /** Only residents of the service's areas may use it. */
  residencyRequired: integer("residency_required", { mode: "boolean" }).notNull(),
  /** The person must have at least one of these needs; empty means any need the service covers. */
  requiredNeedCodes: text("required_need_codes", { mode: "json" }).$type<string[]>().notNull(),
  /** Situations the service is meant for that the screening does not ask about (ADR 021); empty for most. */
  situations: text("situations", { mode: "json" }).$type<ServiceSituation[]>().notNull().default([]),
  version: version(),
});

export const location = sqliteTable(
  "location",
  {
    id: integer("id").primaryKey(),
    hsdsId: text("hsds_id").notNull(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organization.id),
    name: localized("name").notNull(),
    transportation: localized("transportation"),
    accessibility: localized("accessibility"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    version: version(),
  },
  (table) => [uniqueIndex("location_hsds_id").on(table.hsdsId), index("location_organization").on(table.organizationId)],
);

export const address = sqliteTable(
  "address",
  {
    id: integer("id").primaryKey(),
    locationId: integer("location_id")
      .notNull()
      .references(() => location.id, { onDelete: "cascade" }),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipality.code),
    country: text("country").notNull().default("FI"),
    version: version(),
  },
  (table) => [index("address_location").on(table.locationId)],
);

export const serviceAtLocation = sqliteTable(
  "service_at_location",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    locationId: integer("location_id")
      .notNull()
      .references(() => location.id, { onDelete: "cascade" }),
    version: version(),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.locationId] }), index("service_at_location_location").on(table.locationId)],
);

export const phone = sqliteTable(
  "phone",
  {
    id: integer("id").primaryKey(),
    organizationId: integer("organization_id").references(() => organization.id, { onDelete: "cascade" }),
    serviceId: integer("service_id").references(() => service.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    description: localized("description"),
    version: version(),
  },
  (table) => [index("phone_service").on(table.serviceId), index("phone_organization").on(table.organizationId)],
);

/** HSDS schedule, kept to the weekly RRULE subset our services use. */
export const schedule = sqliteTable(
  "schedule",
  {
    id: integer("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    freq: text("freq").notNull().default("WEEKLY"),
    byday: text("byday").notNull(),
    opensAt: text("opens_at").notNull(),
    closesAt: text("closes_at").notNull(),
    description: localized("description"),
    version: version(),
  },
  (table) => [index("schedule_service").on(table.serviceId)],
);

export const costOption = sqliteTable(
  "cost_option",
  {
    id: integer("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: costKinds }).notNull(),
    /** Euro cents, so sums and comparisons are exact. */
    amountCents: integer("amount_cents"),
    currency: text("currency").notNull().default("EUR"),
    unit: text("unit", { enum: costUnits }),
    description: localized("description").notNull(),
    version: version(),
  },
  (table) => [
    index("cost_option_service").on(table.serviceId),
    check("cost_option_price_needs_amount", sql`${table.kind} <> 'fixed_price' OR ${table.amountCents} IS NOT NULL`),
  ],
);

export const serviceLanguage = sqliteTable(
  "service_language",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    /** ISO 639-1. */
    code: text("code").notNull(),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.code] }), index("service_language_code").on(table.code, table.serviceId)],
);

export const serviceArea = sqliteTable(
  "service_area",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipality.code),
    version: version(),
  },
  (table) => [
    primaryKey({ columns: [table.serviceId, table.municipalityCode] }),
    index("service_area_municipality").on(table.municipalityCode, table.serviceId),
  ],
);

export const taxonomy = sqliteTable("taxonomy", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  version: text("version").notNull(),
  uri: text("uri"),
});

export const taxonomyTerm = sqliteTable(
  "taxonomy_term",
  {
    /** The need code, e.g. "housing.eviction-risk"; categories have codes like "housing". */
    code: text("code").primaryKey(),
    taxonomyId: text("taxonomy_id")
      .notNull()
      .references(() => taxonomy.id),
    parentCode: text("parent_code"),
    name: localized("name").notNull(),
    description: localized("description"),
    /** Closest Open Eligibility term, for exchange with catalogues that use it. */
    openEligibilityName: text("open_eligibility_name"),
    version: version(),
  },
  (table) => [index("taxonomy_term_parent").on(table.parentCode)],
);

/** HSDS attribute, narrowed to service ↔ need term (the only link our matcher reads). */
export const serviceAttribute = sqliteTable(
  "service_attribute",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    taxonomyTermCode: text("taxonomy_term_code")
      .notNull()
      .references(() => taxonomyTerm.code),
  },
  (table) => [
    primaryKey({ columns: [table.serviceId, table.taxonomyTermCode] }),
    index("service_attribute_term").on(table.taxonomyTermCode, table.serviceId),
  ],
);

/*
 * The pathway engine's state. Every machine actor (pathway, referral) is a row in
 * `pathway_instance` holding its persisted XState snapshot and the machine version that
 * wrote it; every event it accepted is a row in the append-only `pathway_event`, written
 * in the same transaction as the new snapshot. See docs/decisions/010-pathway-engine.md.
 */
export const pathwayInstance = sqliteTable(
  "pathway_instance",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id").notNull(),
    /** The machine's id, e.g. "eviction-risk" or "referral". */
    machineId: text("machine_id").notNull(),
    machineVersion: integer("machine_version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    /** The active state, for queries ("which cases are escalated?"); the snapshot is the truth. */
    state: text("state").notNull(),
    status: text("status", { enum: ["active", "done", "error", "stopped"] }).notNull(),
    /** Sequence number of the last event; the next event must carry this plus one. */
    lastSequence: integer("last_sequence").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("pathway_instance_case").on(table.caseId), index("pathway_instance_machine_state").on(table.machineId, table.state)],
);

export const pathwayEvent = sqliteTable(
  "pathway_event",
  {
    instanceId: text("instance_id")
      .notNull()
      .references(() => pathwayInstance.id, { onDelete: "cascade" }),
    sequence: integer("sequence").notNull(),
    type: text("type").notNull(),
    payload: text("payload", { mode: "json" }).notNull(),
    /** Who caused it: "citizen", "staff:<id>", "provider:<id>", "system:<name>". */
    actor: text("actor").notNull(),
    /**
     * How the person was being served when it happened; null for what the system did on its
     * own (timers, matching), and for events recorded before migration 0014 (the log is not rewritten).
     */
    channel: text("channel", { enum: channels }),
    /** When it happened (from the event); `recorded_at` is when it was stored. */
    occurredAt: text("occurred_at").notNull(),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    machineVersion: integer("machine_version").notNull(),
  },
  (table) => [primaryKey({ columns: [table.instanceId, table.sequence] })],
);

/** Due times of machine timers (escalations), so they fire after a restart too. */
export const pathwayTimer = sqliteTable(
  "pathway_timer",
  {
    instanceId: text("instance_id")
      .notNull()
      .references(() => pathwayInstance.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    dueAt: text("due_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.instanceId, table.event] }), index("pathway_timer_due").on(table.dueAt)],
);

/** Side effects that leave the system, written with the state change and delivered by a worker. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey(),
    type: text("type").notNull(),
    payload: text("payload", { mode: "json" }).notNull(),
    /** The instance whose transition produced it. */
    instanceId: text("instance_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    availableAt: integer("available_at", { mode: "timestamp_ms" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    /**
     * Set instead of delivering: the message must not leave any more (its referral was
     * cancelled before it went). A worker takes only rows with neither time set.
     */
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    /** Given up: refused for good by the receiving server, or its last try failed. It will not be sent. */
    failedAt: integer("failed_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("outbox_pending").on(table.deliveredAt, table.availableAt)],
);

/** A referral to a service: business data beside its referral machine instance. */
export const referral = sqliteTable(
  "referral",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id").notNull(),
    pathwayInstanceId: text("pathway_instance_id")
      .notNull()
      .references(() => pathwayInstance.id),
    machineInstanceId: text("machine_instance_id")
      .notNull()
      .references(() => pathwayInstance.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organization.id),
    /** One referral per case, pathway and service, however often the request is repeated. */
    idempotencyKey: text("idempotency_key").notNull(),
    needCodes: text("need_codes", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("referral_idempotency_key").on(table.idempotencyKey), index("referral_case").on(table.caseId)],
);

/** Needs no eligible service covered: the commissioners' gap report. */
export const unmetNeed = sqliteTable(
  "unmet_need",
  {
    caseId: text("case_id").notNull(),
    needCode: text("need_code")
      .notNull()
      .references(() => taxonomyTerm.code),
    municipalityCode: text("municipality_code"),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.needCode] }), index("unmet_need_code").on(table.needCode)],
);

/**
 * A case: one household, however many people in it need help and however they came
 * (online, at the counter, on the phone). Screenings, the package, consents and referrals
 * belong to it; `case_id` elsewhere names a row here (rows from before migration 0014 took
 * the id of their screening, which kept its name).
 */
export const caseRecord = sqliteTable("case_record", {
  id: text("id").primaryKey(),
  /** How the person first reached Luukku for this case. */
  channel: text("channel", { enum: channels }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** A person known to Luukku. Nothing that names them yet: the screening does not ask (issue 13 adds what a referral needs). */
/**
 * A person in a case's household. The details a referral needs are asked for only when the
 * person consents to a referral to a service that needs them (issue 13), so most people
 * have none; they are shared with a provider only as far as its consent record says.
 */
export const person = sqliteTable("person", {
  id: text("id").primaryKey(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  fullName: text("full_name"),
  /** ISO date (YYYY-MM-DD). */
  dateOfBirth: text("date_of_birth"),
  streetAddress: text("street_address"),
  postcode: text("postcode"),
  /** E.164 (+358401234567), as parsed and checked at the boundary. */
  phone: text("phone"),
  email: text("email"),
  /** When the details were last given, and by whom (an actor's name). */
  detailsGivenAt: integer("details_given_at", { mode: "timestamp_ms" }),
  detailsGivenBy: text("details_given_by"),
});

/** Who belongs to a case's household, and who they are to it. */
export const caseMember = sqliteTable(
  "case_member",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => caseRecord.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    relation: text("relation", { enum: memberRelations }).notNull(),
  },
  (table) => [index("case_member_case").on(table.caseId), uniqueIndex("case_member_person").on(table.caseId, table.personId)],
);

/** A package the engine proposed for a case, when, at which catalogue; the newest is the case's package. */
export const proposedPackage = sqliteTable(
  "proposed_package",
  {
    id: integer("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => caseRecord.id, { onDelete: "cascade" }),
    /** Whether the person screened answered for themselves or a carer for them: whose words "you" are. */
    helpFor: text("help_for", { enum: ["self", "someone-i-care-for"] }).notNull(),
    proposedAt: text("proposed_at").notNull(),
    catalogueRevision: integer("catalogue_revision").notNull(),
  },
  (table) => [index("proposed_package_case").on(table.caseId, table.id)],
);

/** The package item by item: a row per need and service, as `PackageItemRow` in pathways/case.ts describes. */
export const packageItem = sqliteTable(
  "package_item",
  {
    id: integer("id").primaryKey(),
    packageId: integer("package_id")
      .notNull()
      .references(() => proposedPackage.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: packageItemKinds }).notNull(),
    needCode: text("need_code").notNull(),
    needRank: integer("need_rank").notNull(),
    subject: text("subject", { enum: needSubjects }).notNull(),
    memberId: text("member_id").references(() => caseMember.id, { onDelete: "set null" }),
    serviceId: integer("service_id").references(() => service.id),
    organizationId: integer("organization_id").references(() => organization.id),
    /** The service's `version` when proposed: a higher one now means it has changed since. */
    serviceVersion: integer("service_version"),
    rank: integer("rank").notNull(),
    reasons: text("reasons", { mode: "json" }).$type<ReasonCode[]>().notNull(),
    pathwayInstanceId: text("pathway_instance_id").references(() => pathwayInstance.id),
  },
  (table) => [
    index("package_item_package").on(table.packageId),
    check("package_item_service", sql`(${table.kind} = 'unmet') = (${table.serviceId} IS NULL)`),
  ],
);

/**
 * A needs screening: the flow's persisted machine snapshot and the answers, stored with
 * the questionnaire version that asked them, so answers are always read against the
 * questions they answered.
 */
export const screening = sqliteTable(
  "screening",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => caseRecord.id, { onDelete: "cascade" }),
    /** The member the screening is about: answered by them, or for them by a carer or staff. */
    memberId: text("member_id")
      .notNull()
      .references(() => caseMember.id),
    questionnaireVersion: text("questionnaire_version").notNull(),
    machineVersion: integer("machine_version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    answers: text("answers", { mode: "json" }).notNull(),
    language: text("language").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    status: text("status", { enum: ["in-progress", "complete"] }).notNull(),
    /** When the person asked to come back later (longer retention than an abandoned flow). */
    savedAt: integer("saved_at", { mode: "timestamp_ms" }),
    /** Keyed hash of the resume code given to the person (app/resume-code.server.ts); the code itself is never stored. */
    resumeCodeHash: text("resume_code_hash"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    version: version(),
  },
  (table) => [
    index("screening_updated").on(table.status, table.updatedAt),
    uniqueIndex("screening_resume_code").on(table.resumeCodeHash),
    index("screening_case").on(table.caseId),
  ],
);

/**
 * Every answer, change, save, resume, exit, time-out and confirmation of a screening, with who did
 * it, on which channel and when; append-only. Deleted with its screening (retention).
 */
export const screeningEvent = sqliteTable(
  "screening_event",
  {
    id: integer("id").primaryKey(),
    screeningId: text("screening_id")
      .notNull()
      .references(() => screening.id, { onDelete: "cascade" }),
    type: text("type", { enum: screeningEventTypes }).notNull(),
    /** The question answered or opened to change; null for the others. */
    step: text("step"),
    actor: text("actor", { mode: "json" }).$type<Actor>().notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("screening_event_screening").on(table.screeningId, table.id)],
);

/**
 * Consent a person gave to send a referral to one provider's service, with which
 * categories of personal data and under which wording; withdrawn consent keeps its row.
 */
export const consent = sqliteTable(
  "consent",
  {
    id: integer("id").primaryKey(),
    caseId: text("case_id").notNull(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organization.id),
    dataCategories: text("data_categories", { mode: "json" }).$type<PersonalDataCategory[]>().notNull(),
    purpose: text("purpose").notNull(),
    /** Version of the consent wording the person saw. */
    textVersion: text("text_version").notNull(),
    givenAt: integer("given_at", { mode: "timestamp_ms" }).notNull(),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    recordedBy: text("recorded_by").notNull(),
    /** Where the person gave it: online, at the counter, on the phone. */
    channel: text("channel", { enum: channels }).notNull(),
    /** Who withdrew it: "citizen", or staff on the person's behalf ("staff:<id>"). */
    withdrawnBy: text("withdrawn_by"),
  },
  (table) => [uniqueIndex("consent_case_service").on(table.caseId, table.serviceId)],
);

/** The reference number a person follows their referrals by, with the keyed hash of their access code. */
export const caseReference = sqliteTable("case_reference", {
  caseId: text("case_id").primaryKey(),
  reference: text("reference").notNull().unique(),
  accessCodeHash: text("access_code_hash").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** Satisfaction after a screening: anonymous (no case, no person), for the indicators. */
export const feedback = sqliteTable("feedback", {
  id: integer("id").primaryKey(),
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  rating: integer("rating").notNull(),
  comment: text("comment"),
  language: text("language").notNull(),
  channel: text("channel", { enum: channels }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
}, (table) => [check("feedback_rating_range", sql`${table.rating} BETWEEN 1 AND 5`)]);

/**
 * Links a person asked to be emailed: one to resume a saved screening, one to follow a
 * case. Only the SHA-256 of the link's token is kept, so the database cannot open them.
 * A link works once: opening it, a newer link for the same screening or case, or saving
 * the screening again spends it; retention deletes it when it expires (ADR 013).
 */
export const emailLink = sqliteTable(
  "email_link",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: linkPurposes }).notNull(),
    /** What the link opens: the screening's id (resume) or the case's id (track). */
    targetId: text("target_id").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** The outbox row of the email that carries it, for telling the person whether it has gone. */
    outboxId: integer("outbox_id"),
    /** When it was used or replaced; a spent link opens nothing. */
    spentAt: integer("spent_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("email_link_target").on(table.purpose, table.targetId), index("email_link_expires").on(table.expiresAt)],
);

/**
 * One row per email asked for, by a keyed hash of the address (never the address), so
 * that one mailbox gets only a few links a day however many screenings ask; rows go once
 * their day is over.
 */
export const emailAddressUse = sqliteTable(
  "email_address_use",
  {
    addressHash: text("address_hash").notNull(),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("email_address_use_address").on(table.addressHash, table.requestedAt)],
);
