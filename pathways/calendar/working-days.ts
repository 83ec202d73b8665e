/**
 * Finnish working days in the Europe/Helsinki time zone, for deadlines such as a provider's
 * response time to a referral.
 *
 * Plain Date arithmetic: an instant is turned into Helsinki wall-clock parts with
 * Intl.DateTimeFormat, calendar dates are stepped in UTC (where every day has 24 hours), and the
 * result is turned back into an instant with the offset Helsinki has on the result's own date, so
 * a deadline that crosses a daylight saving change keeps its local clock time.
 */

const timeZone = "Europe/Helsinki";

/** When a deadline starts on a day off, it counts from the start of office hours on the next working day. */
const workingDayStartHour = 8;

/** The Gregorian Easter algorithm is only meaningful from the first Gregorian year. */
const firstGregorianYear = 1583;

/** Days the public and most employers in Finland do not work, named for translation. */
export const finnishHolidayNames = [
  "new-years-day",
  "epiphany",
  "good-friday",
  "easter-monday",
  "may-day",
  "ascension-day",
  "midsummer-eve",
  "midsummer-day",
  "all-saints-day",
  "independence-day",
  "christmas-eve",
  "christmas-day",
  "boxing-day",
] as const;
export type FinnishHolidayName = (typeof finnishHolidayNames)[number];

export interface PublicHoliday {
  /** The local date in Finland, YYYY-MM-DD. */
  date: string;
  name: FinnishHolidayName;
}

/** A calendar date with no time zone; month is 1–12. */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const sunday = 0;
const friday = 5;
const saturday = 6;

const helsinkiClock = new Intl.DateTimeFormat("en-GB", {
  timeZone,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  // "h23", not hour12: false, which some engines render as 24:00 at midnight.
  hourCycle: "h23",
});

/**
 * Whether `date` falls on a Finnish working day in Helsinki: Monday to Friday and not one of
 * {@link finnishPublicHolidays}.
 */
export function isWorkingDay(date: Date): boolean {
  return isWorkingDate(toHelsinkiTime(validInstant(date)));
}

/**
 * The instant `days` working days after `from`, at the same Helsinki clock time.
 *
 * When `from` falls on a day that is not a working day, counting starts at 08:00 on the next
 * working day, so a request sent on Saturday with two days to answer is due on Wednesday at
 * 08:00. Only the date decides: an evening on a working day keeps its clock time. Adding 0 days
 * returns `from` itself on a working day and the start of the next working day otherwise.
 *
 * @throws RangeError when `from` is an invalid Date or `days` is not a non-negative integer.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const start = toHelsinkiTime(validInstant(from));
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`Working days to add must be a non-negative integer, got ${days}`);
  }
  const countFrom: LocalDateTime = isWorkingDate(start)
    ? start
    : { ...nextWorkingDate(start), hour: workingDayStartHour, minute: 0, second: 0, millisecond: 0 };
  let date: LocalDate = countFrom;
  for (let counted = 0; counted < days; counted++) {
    date = nextWorkingDate(date);
  }
  return fromHelsinkiTime({ ...countFrom, year: date.year, month: date.month, day: date.day });
}

/**
 * The weekday holidays of `year` in Finland, in date order, by the rules in force today.
 *
 * Midsummer Eve and Christmas Eve are not public holidays in law but are days off in practice,
 * so they are listed. Holidays that always fall on a Sunday (Easter Day, Whit Sunday) are left
 * out, as Sundays are never working days anyway; the Saturday holidays are kept so the list
 * reads like a calendar.
 *
 * @throws RangeError when `year` is not an integer from 1583 on.
 */
export function finnishPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSundayOf(year);
  const holidays: Array<[LocalDate, FinnishHolidayName]> = [
    [{ year, month: 1, day: 1 }, "new-years-day"],
    [{ year, month: 1, day: 6 }, "epiphany"],
    [addDays(easter, -2), "good-friday"],
    [addDays(easter, 1), "easter-monday"],
    [{ year, month: 5, day: 1 }, "may-day"],
    [addDays(easter, 39), "ascension-day"],
    [firstOnOrAfter({ year, month: 6, day: 19 }, friday), "midsummer-eve"],
    [firstOnOrAfter({ year, month: 6, day: 20 }, saturday), "midsummer-day"],
    [firstOnOrAfter({ year, month: 10, day: 31 }, saturday), "all-saints-day"],
    [{ year, month: 12, day: 6 }, "independence-day"],
    [{ year, month: 12, day: 24 }, "christmas-eve"],
    [{ year, month: 12, day: 25 }, "christmas-day"],
    [{ year, month: 12, day: 26 }, "boxing-day"],
  ];
  return holidays.map(([date, name]) => ({ date: isoDate(date), name })).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Western Easter Sunday of `year` as YYYY-MM-DD.
 *
 * @throws RangeError when `year` is not an integer from 1583 on.
 */
export function easterSunday(year: number): string {
  return isoDate(easterSundayOf(year));
}

/** The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSundayOf(year: number): LocalDate {
  if (!Number.isSafeInteger(year) || year < firstGregorianYear) {
    throw new RangeError(`Year must be an integer from ${firstGregorianYear} on, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return { year, month: Math.floor(monthAndDay / 31), day: (monthAndDay % 31) + 1 };
}

function isWorkingDate(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  if (weekday === saturday || weekday === sunday) {
    return false;
  }
  const iso = isoDate(date);
  return !finnishPublicHolidays(date.year).some((holiday) => holiday.date === iso);
}

function nextWorkingDate(date: LocalDate): LocalDate {
  let next = addDays(date, 1);
  while (!isWorkingDate(next)) {
    next = addDays(next, 1);
  }
  return next;
}

function firstOnOrAfter(date: LocalDate, weekday: number): LocalDate {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 is Sunday, as in Date#getUTCDay. */
function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function isoDate(date: LocalDate): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function validInstant(date: Date): Date {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError("Invalid Date");
  }
  return date;
}

function toHelsinkiTime(instant: Date): LocalDateTime {
  const parts = Object.fromEntries(
    helsinkiClock.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  ) as Partial<Record<Intl.DateTimeFormatPartTypes, number>>;
  return {
    year: requiredPart(parts.year),
    month: requiredPart(parts.month),
    day: requiredPart(parts.day),
    hour: requiredPart(parts.hour),
    minute: requiredPart(parts.minute),
    second: requiredPart(parts.second),
    // Helsinki's offset is whole minutes, so milliseconds are the same in every zone.
    millisecond: instant.getUTCMilliseconds(),
  };
}

function requiredPart(value: number | undefined): number {
  if (value === undefined || Number.isNaN(value)) {
    throw new Error(`Intl.DateTimeFormat returned no usable date part for ${timeZone}`);
  }
  return value;
}

/**
 * The instant Helsinki clocks show `local`. The offset is looked up twice because the first
 * guess can land on the other side of a daylight saving change; a clock time that does not exist
 * (the skipped spring hour) resolves to an instant an hour later and a repeated one (autumn) to
 * the later of its two instants. The changes happen on Sunday mornings, so for working days the
 * first guess is already right; the second lookup keeps the conversion right for any day rather
 * than only for the days this module happens to ask about.
 */
function fromHelsinkiTime(local: LocalDateTime): Date {
  const wallClock = wallClockAsUtc(local);
  const firstGuess = wallClock - helsinkiOffsetAt(wallClock);
  return new Date(wallClock - helsinkiOffsetAt(firstGuess));
}

/** Milliseconds Helsinki is ahead of UTC at `epochMilliseconds`. */
function helsinkiOffsetAt(epochMilliseconds: number): number {
  return wallClockAsUtc(toHelsinkiTime(new Date(epochMilliseconds))) - epochMilliseconds;
}

/** The UTC instant whose clock reads like `local`: a way to do arithmetic on clock times. */
function wallClockAsUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}
