import type { TFunction } from "i18next";
import { isMunicipalityCode, municipalities } from "#pathways/areas.ts";
import type { Language } from "#pathways/i18n.ts";
import { intlLocales } from "./i18n/config.ts";

/**
 * Money, numbers and dates through Intl, in the reader's conventions. Building an Intl
 * formatter costs far more than using one, and a page may format dozens of prices, so
 * each formatter is built once per language and style and then shared.
 */
function shared<Formatter>(create: (locale: string, style: string) => Formatter): (language: Language, style?: string) => Formatter {
  const made = new Map<string, Formatter>();
  return (language, style = "") => {
    const key = `${language}|${style}`;
    let formatter = made.get(key);
    if (!formatter) {
      formatter = create(intlLocales[language], style);
      made.set(key, formatter);
    }
    return formatter;
  };
}

const euroFormat = shared(
  (locale, fractionDigits) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: Number(fractionDigits) }),
);
const numberFormat = shared((locale, fractionDigits) => new Intl.NumberFormat(locale, { maximumFractionDigits: Number(fractionDigits) }));
const dateFormat = shared((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Helsinki" }));
const weekdayFormat = shared((locale) => new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }));
const languageNames = shared((locale) => new Intl.DisplayNames([locale], { type: "language" }));
const listFormat = shared((locale) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }));
const collator = shared((locale) => new Intl.Collator(locale));

export function formatEuros(cents: number, language: Language): string {
  return euroFormat(language, cents % 100 === 0 ? "0" : "2").format(cents / 100);
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return numberFormat(language, String(maximumFractionDigits)).format(value);
}

export function formatDate(date: Date, language: Language): string {
  return dateFormat(language).format(date);
}

/**
 * Answers that depend only on the language and a code from a small set (weekdays,
 * language codes), worked out by Intl once each: DisplayNames and a date format cost
 * microseconds a call, and a service package asks for dozens.
 */
function remembered(compute: (code: string, language: Language) => string): (code: string, language: Language) => string {
  const answers = new Map<string, string>();
  return (code, language) => {
    const key = `${language}:${code}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(code, language);
      answers.set(key, answer);
    }
    return answer;
  };
}

/** RFC 5545 day codes in the order of the week, Monday first as in Finland. */
const dayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** "Monday", "maanantai", "måndag" for RFC 5545 day codes. */
export const formatWeekday = remembered((dayCode, language) => {
  const index = dayCodes.indexOf(dayCode);
  if (index === -1) return dayCode;
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + index, 12));
  return weekdayFormat(language).format(date);
});

/**
 * Opening days as people say them: all seven as "Every day", three or more days in a row
 * as a range ("Monday to Friday"), the rest one by one ("Monday to Wednesday, Friday and
 * Sunday"). Days come in the order of the week whatever order the catalogue gave them in;
 * a code that is no day (an import's "1MO") is shown as it is, last.
 */
export function formatDays(days: readonly string[], language: Language, t: TFunction<"catalogue">): string {
  const known = dayCodes.filter((code) => days.includes(code));
  const unknown = days.filter((code) => !dayCodes.includes(code));
  if (known.length === dayCodes.length) return formatList([t("service.everyDay"), ...unknown], language);
  const runs: string[][] = [];
  for (const code of known) {
    const run = runs.at(-1);
    if (run && dayCodes.indexOf(run.at(-1)!) + 1 === dayCodes.indexOf(code)) run.push(code);
    else runs.push([code]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [t("service.dayRange", { first: formatWeekday(run[0]!, language), last: formatWeekday(run.at(-1)!, language) })]
      : run.map((code) => formatWeekday(code, language)),
  );
  return formatList([...parts, ...unknown], language);
}

/** Language names in the reader's language ("Finnish", "suomi", "finska"). */
export const formatLanguageName = remembered((code, language) => languageNames(language).of(code) ?? code);

/** A list joined the way the reader's language joins lists ("A, B and C"). */
export function formatList(items: string[], language: Language): string {
  return listFormat(language).format(items);
}

/** Municipality names in the reader's language, in its alphabetical order, as a list ("Forsby och Granvik"). */
export function formatMunicipalities(codes: string[], language: Language): string {
  const names = codes.map((code) => (isMunicipalityCode(code) ? municipalities[code].name[language] : code));
  names.sort(collator(language).compare);
  return formatList(names, language);
}
