import type { MunicipalityCode } from "#pathways/areas.ts";
import type { ServiceSituation } from "#pathways/catalogue.ts";
import type { LocalizedText } from "#pathways/i18n.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";

/**
 * The shape of the hand-written demo catalogue. Every entry has a stable `key` (used to
 * derive stable HSDS ids and to link entries); text is written in all three languages.
 */

export type OrganizationType = "public" | "private" | "non_profit";

export interface SeedOrganization {
  key: string;
  type: OrganizationType;
  name: LocalizedText;
  description: LocalizedText;
  website?: string;
  email?: string;
  phone: string;
  /** The municipality whose register the organisation is in (public bodies: the one they belong to). */
  municipality: MunicipalityCode;
}

export interface SeedLocation {
  key: string;
  organization: string;
  name: LocalizedText;
  street: string;
  postalCode: string;
  municipality: MunicipalityCode;
  latitude: number;
  longitude: number;
  /** How to get there (bus lines, parking, entrance); optional. */
  transportation?: LocalizedText;
  /** Step-free access, hearing loop, accessible toilet...; optional. */
  accessibility?: LocalizedText;
}

/** HSDS cost_option.option, narrowed to the kinds Finnish services use. */
export type CostKind = "free" | "fixed_price" | "voucher" | "income_related";
export type CostUnit = "hour" | "visit" | "session" | "day" | "month" | "meal" | "trip" | "course";

export interface SeedCost {
  kind: CostKind;
  /** Euros; required for fixed_price, the typical client share for voucher and income_related if known. */
  amount?: number;
  unit?: CostUnit;
  description: LocalizedText;
}

export interface SeedSchedule {
  /** RFC 5545 BYDAY list, e.g. "MO,TU,WE,TH,FR". */
  byday: string;
  opensAt: string; // "08:00"
  closesAt: string; // "16:00"
  description?: LocalizedText;
}

export type Capacity = "available" | "limited" | "waitlist" | "full";

export interface SeedService {
  key: string;
  organization: string;
  name: LocalizedText;
  /** One sentence for result lists. */
  summary: LocalizedText;
  /** What the service is and does, 2 to 4 sentences. */
  description: LocalizedText;
  /** How to get the service: referral, application, just come... */
  applicationProcess: LocalizedText;
  /** Who it is for, in words (the structured rules are below). */
  eligibility: LocalizedText;
  needs: NeedCode[];
  /** Structured eligibility: the person must have at least one of these needs (defaults to `needs`). */
  requiredNeeds?: NeedCode[];
  /** Situations it is meant for that the screening does not ask about, e.g. after a hospital stay (ADR 021); none by default. */
  situations?: ServiceSituation[];
  minimumAge?: number;
  maximumAge?: number;
  /** The municipalities whose residents the service serves. */
  areas: MunicipalityCode[];
  /** True when only residents of `areas` may use it (municipal services); false when anyone in them may. */
  residencyRequired: boolean;
  cost: SeedCost;
  /** ISO 639-1 codes of the languages the service is given in. */
  languages: string[];
  /** Keys of SeedLocation; empty for services given at home, by phone or online. */
  locations: string[];
  /** How the service is delivered. */
  delivery: ("in_person" | "at_home" | "phone" | "online")[];
  schedules: SeedSchedule[];
  phone?: string;
  email?: string;
  url?: string;
  acceptsReferrals: boolean;
  /** What a referral to this service must carry; empty when it accepts none. */
  referralData: PersonalDataCategory[];
  /** Working days within which the provider answers a referral; defaults to 2. */
  responseTimeWorkingDays?: number;
  typicalWaitDays: number;
  capacity: Capacity;
  /** Client satisfaction 1.0–5.0 from the latest survey, if measured. */
  qualityRating?: number;
  /** Quality certificates or accreditations, if any (proper names, not translated). */
  accreditations?: string;
}

export interface DemoCatalogue {
  organizations: SeedOrganization[];
  locations: SeedLocation[];
  services: SeedService[];
}
