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

/**
 * The categories a person is asked for before a referral that needs them; the others
 * (household, needs, health, money, work) come from the screening's answers.
 */
export const askedCategories = ["name-and-contact", "date-of-birth", "address"] as const satisfies readonly PersonalDataCategory[];
export type AskedCategory = (typeof askedCategories)[number];

/** What a person gives for a referral, each as checked at the boundary (phone in E.164, date of birth as YYYY-MM-DD). */
export interface PersonDetails {
  fullName?: string;
  phone?: string;
  email?: string;
  dateOfBirth?: string;
  streetAddress?: string;
  postcode?: string;
}

/** The details each asked category consists of. */
export const detailsOf: Record<AskedCategory, readonly (keyof PersonDetails)[]> = {
  "name-and-contact": ["fullName", "phone", "email"],
  "date-of-birth": ["dateOfBirth"],
  address: ["streetAddress", "postcode"],
};

/** Of the categories some services need, those the person is asked for, in the order the form asks them. */
export function categoriesToAsk(needed: Iterable<PersonalDataCategory>): AskedCategory[] {
  const wanted = new Set<PersonalDataCategory>(needed);
  return askedCategories.filter((category) => wanted.has(category));
}

/**
 * Whether `details` are enough for the categories: a name and a way to reach the person
 * (a phone number or an email address, or both) for name and contact, the date for date
 * of birth, street and postcode for the address.
 */
export function detailsComplete(details: PersonDetails, categories: readonly AskedCategory[]): boolean {
  return categories.every((category) => {
    if (category === "name-and-contact") return Boolean(details.fullName) && Boolean(details.phone || details.email);
    return detailsOf[category].every((field) => Boolean(details[field]));
  });
}

/** Exactly the details of the given categories: what a provider consented to receives, and nothing else. */
export function detailsShared(details: PersonDetails, categories: Iterable<PersonalDataCategory>): PersonDetails {
  const shared: PersonDetails = {};
  for (const category of categoriesToAsk(categories)) {
    for (const field of detailsOf[category]) {
      const value = details[field];
      if (value) shared[field] = value;
    }
  }
  return shared;
}

/**
 * The person's details with those of the categories just asked replaced by what was given
 * now (a field left empty there is gone), and the others kept as they were: a referral
 * sent earlier still shares what it was consented to.
 */
export function detailsReplaced(before: PersonDetails, given: PersonDetails, ask: readonly AskedCategory[]): PersonDetails {
  const asked = new Set(ask.flatMap((category) => detailsOf[category]));
  const kept = Object.fromEntries(Object.entries(before).filter(([field]) => !asked.has(field as keyof PersonDetails)));
  return { ...kept, ...detailsShared(given, ask) };
}
