import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";
import type { AskedCategory, PersonDetails } from "#pathways/personal-data.ts";
import { formValues } from "./form-values.ts";

/**
 * The details a referral needs (issue 13), as the person types them on the details page,
 * checked at the boundary: only the fields of the categories asked for are read. Checked on
 * the server only: the phone check's numbering plans would cost the consent page's
 * JavaScript more than its budget allows (docs/decisions/012-page-weight.md).
 */

export const personDetailsFields = ["fullName", "phone", "email", "dobDay", "dobMonth", "dobYear", "streetAddress", "postcode"] as const;
export type PersonDetailsField = (typeof personDetailsFields)[number];
export type PersonDetailsValues = Record<PersonDetailsField, string>;

/** Where each message is shown: the date of birth's three fields share one message, by the day. */
export type PersonDetailsErrorField = Exclude<PersonDetailsField, "dobDay" | "dobMonth" | "dobYear"> | "dateOfBirth";
export type PersonDetailsErrors = Partial<Record<PersonDetailsErrorField, string>>;

const text = (max: number) => z.string().trim().max(max, "details.errors.tooLong");
const email = z.union([z.literal(""), z.string().regex(z.regexes.email, "details.errors.emailInvalid")]);

/** The values a form sent, kept to show again after an error (capped: never echo a megabyte back). */
export function personDetailsValues(form: FormData): PersonDetailsValues {
  const values = formValues(form, personDetailsFields);
  for (const field of personDetailsFields) values[field] = values[field].slice(0, 300);
  return values;
}

/** A date of birth from its three fields as an ISO date, or why it is not one. */
function dateOfBirth(values: PersonDetailsValues, today: Date, age: number | undefined): { date: string } | { error: string } {
  const parts = [values.dobDay, values.dobMonth, values.dobYear].map((part) => part.trim());
  if (parts.every((part) => part === "")) return { error: "details.errors.dateOfBirthRequired" };
  if (!parts.every((part) => /^\d{1,4}$/.test(part)) || parts[2]!.length !== 4) return { error: "details.errors.dateOfBirthInvalid" };
  const [day, month, year] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return { error: "details.errors.dateOfBirthInvalid" };
  const iso = date.toISOString().slice(0, 10);
  if (iso > today.toISOString().slice(0, 10)) return { error: "details.errors.dateOfBirthFuture" };
  if (age !== undefined && Math.abs(ageOn(iso, today) - age) > 1) return { error: "details.errors.dateOfBirthContradictsAge" };
  return { date: iso };
}

/** Whole years from an ISO date of birth to `today`. */
export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const birthdayPassed = today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
}

/**
 * The details of the categories asked, each checked: a name and a phone number that can be
 * dialled (Finnish or international, kept in E.164) or an email address with a domain, or
 * both; a real date of birth, not in the future and agreeing (within a year) with the age
 * the person gave in the screening; a street address and a five-digit postcode. Answers
 * the details, or the message key for each field found wrong.
 */
export function parsePersonDetails(
  values: PersonDetailsValues,
  ask: readonly AskedCategory[],
  { today, age }: { today: Date; age?: number | undefined },
): { details: PersonDetails } | { errors: PersonDetailsErrors } {
  const errors: PersonDetailsErrors = {};
  const details: PersonDetails = {};
  const read = (field: PersonDetailsField, schema: z.ZodType<string>, required?: string) => {
    const parsed = schema.safeParse(values[field]);
    if (!parsed.success) errors[field as PersonDetailsErrorField] = parsed.error.issues[0]!.message;
    else if (parsed.data === "" && required) errors[field as PersonDetailsErrorField] = required;
    return parsed.success ? parsed.data : "";
  };
  if (ask.includes("name-and-contact")) {
    const fullName = read("fullName", text(200), "details.errors.fullNameRequired");
    const phoneText = read("phone", text(40));
    const emailText = read("email", text(254).pipe(email));
    if (fullName) details.fullName = fullName;
    if (phoneText) {
      const phone = parsePhoneNumberFromString(phoneText, "FI");
      if (phone?.isValid()) details.phone = phone.number;
      else errors.phone = "details.errors.phoneInvalid";
    }
    if (emailText && !errors.email) details.email = emailText.toLowerCase();
    if (!phoneText && !emailText && !errors.phone && !errors.email) errors.phone = "details.errors.contactRequired";
  }
  if (ask.includes("date-of-birth")) {
    const born = dateOfBirth(values, today, age);
    if ("error" in born) errors.dateOfBirth = born.error;
    else details.dateOfBirth = born.date;
  }
  if (ask.includes("address")) {
    const street = read("streetAddress", text(200), "details.errors.streetAddressRequired");
    const postcode = read("postcode", z.union([z.literal(""), z.string().regex(/^\d{5}$/, "details.errors.postcodeInvalid")]), "details.errors.postcodeRequired");
    if (street) details.streetAddress = street;
    if (postcode) details.postcode = postcode;
  }
  return Object.keys(errors).length > 0 ? { errors } : { details };
}

/** The form's values for details already given, to show them filled in when asked again. */
export function valuesOfDetails(details: PersonDetails): PersonDetailsValues {
  const [year = "", month = "", day = ""] = details.dateOfBirth?.split("-") ?? [];
  return {
    fullName: details.fullName ?? "",
    phone: details.phone ?? "",
    email: details.email ?? "",
    dobDay: day.replace(/^0/, ""),
    dobMonth: month.replace(/^0/, ""),
    dobYear: year,
    streetAddress: details.streetAddress ?? "",
    postcode: details.postcode ?? "",
  };
}

