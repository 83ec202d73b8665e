import type { Actor, Channel } from "#pathways/actor.ts";
import type { CaseMember, MemberRelation, ProposedPackage } from "#pathways/case.ts";
import type { LinkPurpose } from "#pathways/email-links.ts";
import type { Language, StoredLocalizedText } from "#pathways/i18n.ts";
import type { PersonalDataCategory, PersonDetails } from "#pathways/personal-data.ts";

/**
 * The storage ports the use cases in app/ work through (ADR 020). Every method returns a
 * promise, so a backend whose driver is asynchronous and pooled (PostgreSQL) implements
 * them as the SQLite one does; the types here are plain, not inferred from either schema.
 * Inside a unit of work the stores come with the transaction (`tx.screenings`), bound to
 * its connection; outside one, each call is a statement of its own.
 */

export type ScreeningStatus = "in-progress" | "complete";

export interface ScreeningRecord {
  id: string;
  caseId: string;
  /** The member the screening is about: answered by them, or for them by a carer or staff. */
  memberId: string;
  questionnaireVersion: string;
  machineVersion: number;
  snapshot: unknown;
  answers: unknown;
  language: string;
  channel: Channel;
  status: ScreeningStatus;
  savedAt: Date | null;
  resumeCodeHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: each change is written over the version it was read at. */
  version: number;
}

export type NewScreening = Omit<ScreeningRecord, "version" | "createdAt" | "updatedAt" | "savedAt" | "resumeCodeHash">;

export const screeningEventTypes = ["started", "answered", "changing", "confirmed", "saved", "resumed", "exited", "timed-out"] as const;
export type ScreeningEventType = (typeof screeningEventTypes)[number];

export interface ScreeningEventRecord {
  id: number;
  screeningId: string;
  type: ScreeningEventType;
  /** The question answered or opened to change; null for the others. */
  step: string | null;
  actor: Actor;
  channel: Channel;
  at: Date;
}

export type NewScreeningEvent = Omit<ScreeningEventRecord, "id">;

export class StaleScreening extends Error {
  constructor(id: string) {
    super(`Screening ${id} was changed elsewhere; reload it`);
  }
}

/** Screenings with their answers, flow snapshot and questionnaire version, and their event log. */
export interface ScreeningStore {
  insert(record: NewScreening): Promise<ScreeningRecord>;
  /** Appends to the screening's event log; the caller writes it in the transaction of the change it records. */
  recordEvent(event: NewScreeningEvent): Promise<void>;
  /** The newest event in the screening's log. */
  lastEvent(id: string): Promise<ScreeningEventRecord | undefined>;
  /** The screening's event log, oldest first. */
  events(id: string): Promise<ScreeningEventRecord[]>;
  load(id: string): Promise<ScreeningRecord | undefined>;
  /** The screening a resume code was given for, if it is still in progress. */
  findByResumeCode(resumeCodeHash: string): Promise<ScreeningRecord | undefined>;
  /** Marks the screening saved for later under a new resume code (replacing any earlier one); throws `StaleScreening` if it changed since `expectedVersion`. */
  saveForLater(id: string, expectedVersion: number, resumeCodeHash: string): Promise<ScreeningRecord>;
  /** Marks the screening as last used now (the person is still there), or at `at`, without changing its version. */
  touch(id: string, at?: Date): Promise<void>;
  /** Saves a new snapshot and answers if nobody else has since `expectedVersion`; otherwise throws `StaleScreening`. */
  update(
    id: string,
    expectedVersion: number,
    changes: Pick<ScreeningRecord, "snapshot" | "answers" | "status"> & Partial<Pick<ScreeningRecord, "savedAt" | "language">>,
  ): Promise<ScreeningRecord>;
}

/** Where a service of a stored package stands now: changed since (a newer version), or no longer offered (unpublished, closed, gone). */
export type ServiceStanding = "unchanged" | "changed" | "closed";

export interface StoredPackage extends ProposedPackage {
  /** Each service's standing now, and its name (which a closed service's summary no longer gives), by service id. */
  services: Map<number, { standing: ServiceStanding; name: StoredLocalizedText | null }>;
}

export interface CasePathway {
  id: string;
  machineId: string;
  state: string;
}

export interface CaseReferral {
  id: string;
  machineInstanceId: string;
  serviceId: number;
  status: string;
}

/** A referral as the person following their case sees it (the tracking page). */
export interface ReferralProgress extends CaseReferral {
  organizationId: number;
  sentAt: Date;
  /** When the referral came to the status it is in. */
  statusSince: Date;
  /** When an answer is due (working days from sending); null before it was sent. */
  responseDueAt: Date | null;
  responseTimeWorkingDays: number | null;
  /** The categories of personal data the consent it was sent under names (empty for a consent since withdrawn). */
  shared: PersonalDataCategory[];
}

export interface CaseReference {
  caseId: string;
  reference: string;
  /** Keyed hash of the access code given with the reference; the code itself is never stored. */
  accessCodeHash: string;
  createdAt: Date;
}

export interface NewConsent {
  caseId: string;
  serviceId: number;
  organizationId: number;
  dataCategories: PersonalDataCategory[];
  textVersion: string;
  recordedBy: string;
  channel: Channel;
  givenAt: Date;
}

/** A case (a household), its members, the package proposed to it, its consents, referrals and reference number. */
export interface CaseStore {
  /** A new case with the person it is opened for; answers the case and that person's membership. */
  openCase(channel: Channel, at: Date): Promise<{ caseId: string; memberId: string }>;
  /** New people in the case's household, one per relation given. */
  addMembers(caseId: string, relations: readonly MemberRelation[], at: Date): Promise<CaseMember[]>;
  /** The case's package: the newest the engine proposed, item by item, with where each service stands now. */
  proposedPackage(caseId: string): Promise<StoredPackage | undefined>;
  /** A case's pathways (not its referral machines), with the state each is in. */
  pathways(caseId: string): Promise<CasePathway[]>;
  /** The referrals of a case with the status their machines are in, oldest first. */
  referrals(caseId: string): Promise<CaseReferral[]>;
  /** The referrals of a case, oldest first, with when each was sent and came to its status, when an answer is due and what it shared. */
  referralProgress(caseId: string): Promise<ReferralProgress[]>;
  /** What each service's referral would carry, for the consent wording. */
  referralData(serviceIds: readonly number[]): Promise<Map<number, PersonalDataCategory[]>>;
  /** Records consent to refer to one provider's service; consent already recorded for it stays as it was. */
  recordConsent(entry: NewConsent): Promise<void>;
  /** The consent to refer to the service, while not withdrawn, records when and by whom it was withdrawn. */
  withdrawConsent(target: { caseId: string; serviceId: number }, at: Date, by: string): Promise<void>;
  /** The details the person the case was opened for has given for referrals (empty when none). */
  personDetails(caseId: string): Promise<PersonDetails>;
  /**
   * Erases the details given for referrals from the case's people when no consent of the
   * case stands any more (each withdrawn): nothing is left they were kept for. Answers
   * whether any were erased.
   */
  erasePersonDetailsWithoutConsent(caseId: string): Promise<boolean>;
  /** Keeps the details given for referrals on the person the case was opened for, replacing those given before. */
  savePersonDetails(caseId: string, details: PersonDetails, at: Date, by: string): Promise<void>;
  /**
   * What a referral shares with its provider: the categories its consent names, while not
   * withdrawn, and of the person's details exactly those of these categories.
   */
  referralShare(referralId: string): Promise<{ categories: PersonalDataCategory[]; details: PersonDetails } | undefined>;
  findReference(caseId: string): Promise<CaseReference | undefined>;
  findByReference(reference: string): Promise<CaseReference | undefined>;
  /** Stores the reference, or (a repeated submission) gives the existing one a new access code; answers the reference kept. */
  saveReference(caseId: string, reference: string, accessCodeHash: string): Promise<string>;
}

/** The outbox payload of an email link: all the delivery worker needs, and all it scrubs after sending. */
export interface EmailLinkPayload {
  to: string;
  language: Language;
  kind: LinkPurpose;
  link: string;
}

export type StoreEmailLinkOutcome = "stored" | "tooManyForTarget" | "tooManyForAddress";

/** Where the newest email asked for a screening or case has got to, as the person is told. */
export const emailDeliveryStates = ["sending", "delayed", "sent", "failed"] as const;
export type EmailDeliveryState = (typeof emailDeliveryStates)[number];

/** Emailed links that open a saved screening or a case once, and the emails that carry them (ADR 013). */
export interface EmailLinkStore {
  /**
   * Stores a link's token hash and the email that carries it together: there is no link
   * without its email, and no email for a link that was not stored. The new link spends
   * the earlier ones for the same screening or case, so only the newest works. Stores
   * nothing when the screening or case, or the address (by its keyed hash), has had its
   * day's emails.
   */
  store(
    link: { tokenHash: string; purpose: LinkPurpose; targetId: string; expiresAt: Date },
    message: EmailLinkPayload,
    addressHash: string,
    now: Date,
  ): Promise<StoreEmailLinkOutcome>;
  /**
   * What an unspent, unexpired link would open, by its token's hash, without spending it.
   * Looked up by the hash rather than compared, so how long it takes says nothing about
   * the tokens that exist.
   */
  find(tokenHash: string, purpose: LinkPurpose, now: Date): Promise<string | undefined>;
  /** Spends a link and gives what it opens, at once: of two requests with the same link, only one gets it. */
  spend(tokenHash: string, purpose: LinkPurpose, now: Date): Promise<string | undefined>;
  /** Spends every link still open for a screening or case: a newer link, or a newer save, replaces them. */
  retire(purpose: LinkPurpose, targetId: string, now: Date): Promise<void>;
  delivery(purpose: LinkPurpose, targetId: string): Promise<EmailDeliveryState | undefined>;
}

/** Satisfaction answers: anonymous, with no case and no person, for the indicators. */
export interface FeedbackStore {
  record(entry: { rating: number; comment: string | null; language: string; channel: Channel; at: Date }): Promise<void>;
}

/** The stores a use case writes through: inside a unit of work, bound to its transaction. */
export interface Stores {
  readonly screenings: ScreeningStore;
  readonly cases: CaseStore;
  readonly emailLinks: EmailLinkStore;
  readonly feedback: FeedbackStore;
}
