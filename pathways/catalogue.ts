import type { Language } from "./i18n.ts";

/**
 * The catalogue as the rest of the system sees it: the codes a service is described by
 * and the views pages draw. The database stores these (db/schema.ts uses the same lists);
 * pages and the matcher take them from here, never from db/.
 */

export const organizationTypes = ["public", "private", "non_profit"] as const;
export type OrganizationType = (typeof organizationTypes)[number];
export const costKinds = ["free", "fixed_price", "voucher", "income_related"] as const;
export type CostKind = (typeof costKinds)[number];
export const costUnits = ["hour", "visit", "session", "day", "month", "meal", "trip", "course"] as const;
export type CostUnit = (typeof costUnits)[number];
export const capacities = ["available", "limited", "waitlist", "full"] as const;
export type Capacity = (typeof capacities)[number];
export const deliveryModes = ["in_person", "at_home", "phone", "online"] as const;
export type DeliveryMode = (typeof deliveryModes)[number];
/**
 * Situations a service is meant for beyond needs, age and area, which the screening does
 * not ask about: the person may be in one, but nothing they told us says so, so such a
 * service ranks after those they can go to on what they told us (ADR 021).
 * - `sudden-decline`: the ability to cope at home has suddenly got worse, after a hospital
 *   stay, an operation, an illness or a fall.
 * - `used-violence`: the person has used violence in a close relationship, or fears they might.
 */
export const serviceSituations = ["sudden-decline", "used-violence"] as const;
export type ServiceSituation = (typeof serviceSituations)[number];

/** Text in the reader's language or, when missing, the first fallback; `language` says which, for `lang`. */
export interface LocalizedValue {
  text: string;
  language: Language;
}

export interface Cost {
  kind: CostKind;
  amountCents: number | null;
  unit: CostUnit | null;
  description: LocalizedValue | null;
}

export interface ServiceSummary {
  id: number;
  name: LocalizedValue;
  summary: LocalizedValue | null;
  provider: { name: LocalizedValue; type: OrganizationType };
  cost: Cost | null;
  municipalityCodes: string[];
  languageCodes: string[];
}

/** How to reach a service: the practical part of a service package's card. */
export interface PracticalFacts {
  delivery: DeliveryMode[];
  /** The service's own, else its provider's. */
  phone: string | null;
  email: string | null;
  addresses: { street: string | null; postalCode: string | null; municipalityCode: string | null }[];
  schedules: { days: string[]; opensAt: string; closesAt: string }[];
}
