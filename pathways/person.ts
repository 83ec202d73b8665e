import type { MunicipalityCode } from "./areas.ts";

/**
 * What the pathways and the matcher know about the person who needs help: derived from
 * the screening answers by `deriveProfile`, never more than they need (special-category
 * data stays in the answers and the needs).
 */
export interface PersonProfile {
  /** Whether the person answering is the one who needs help or someone caring for them. */
  helpFor: "self" | "someone-i-care-for";
  /** Age in whole years of the person who needs help. */
  age: number;
  municipality: MunicipalityCode;
  /** ISO 639-1 codes the person can use, preferred first (at least one). */
  languages: string[];
  /** Children under 18 in the household. */
  childrenCount: number;
  /** Of those, how many have a developmental or disability need. */
  childrenWithSupportNeeds: number;
  /** Months out of work, when unemployed; null otherwise (working, studying, retired...). */
  unemployedMonths: number | null;
  preferences: {
    /** Which providers the person is happy to use. */
    providers: "public-only" | "any";
    /** The most the person can pay a month for a service, in euro cents; null: no limit stated. */
    maxMonthlyCostCents: number | null;
    contact: "phone" | "email" | "letter" | "in-person";
  };
}
