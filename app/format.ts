import { isMunicipalityCode, municipalities } from "#pathways/areas.ts";
import type { Language } from "#pathways/i18n.ts";
import { intlLocales } from "./i18n/config.ts";

/** Money, numbers and dates through Intl, in the reader's conventions. */
export function formatEuros(cents: number, language: Language): string {
  return new Intl.NumberFormat(intlLocales[language], {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocales[language], { maximumFractionDigits }).format(value);
}

export function formatDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(intlLocales[language], { dateStyle: "long", timeZone: "Europe/Helsinki" }).format(date);
}

/** "Monday", "maanantai", "måndag" for RFC 5545 day codes. */
export function formatWeekday(dayCode: string, language: Language): string {
  const index = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].indexOf(dayCode);
  if (index === -1) return dayCode;
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + index, 12));
  return new Intl.DateTimeFormat(intlLocales[language], { weekday: "long", timeZone: "UTC" }).format(date);
}

/** Language names in the reader's language ("Finnish", "suomi", "finska"). */
export function formatLanguageName(code: string, language: Language): string {
  return new Intl.DisplayNames([intlLocales[language]], { type: "language" }).of(code) ?? code;
}

/** A list joined the way the reader's language joins lists ("A, B and C"). */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(intlLocales[language], { style: "long", type: "conjunction" }).format(items);
}

/** Municipality names in the reader's language, in its alphabetical order, as a list ("Forsby och Granvik"). */
export function formatMunicipalities(codes: string[], language: Language): string {
  const names = codes.map((code) => (isMunicipalityCode(code) ? municipalities[code].name[language] : code));
  names.sort(new Intl.Collator(intlLocales[language]).compare);
  return formatList(names, language);
}
