/**
 * Categories of personal data a provider may need with a referral. A service declares the
 * categories it requires; consent is given per provider and per category, so the list is
 * deliberately coarse enough for a person to understand.
 */
export const personalDataCategories = [
  "name-and-contact",
  "date-of-birth",
  "address",
  "household",
  "needs-summary",
  "health",
  "income-and-debts",
  "work-history",
] as const;

export type PersonalDataCategory = (typeof personalDataCategories)[number];
