import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, easterSunday, finnishPublicHolidays, isWorkingDay } from "./working-days.ts";

const helsinkiDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki", dateStyle: "short" });
const helsinkiClock = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki", timeStyle: "medium" });

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    // The earliest and latest possible dates, to exercise both ends of the algorithm.
    [2285, "2285-03-22"],
    [2038, "2038-04-25"],
  ])("falls in %i on %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([2024.5, 1582, Number.NaN])("refuses the year %s", (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe("finnishPublicHolidays", () => {
  it("lists the weekday holidays of 2025 in date order", () => {
    const holidays = finnishPublicHolidays(2025);

    expect(holidays).toEqual([
      { date: "2025-01-01", name: "new-years-day" },
      { date: "2025-01-06", name: "epiphany" },
      { date: "2025-04-18", name: "good-friday" },
      { date: "2025-04-21", name: "easter-monday" },
      { date: "2025-05-01", name: "may-day" },
      { date: "2025-05-29", name: "ascension-day" },
      { date: "2025-06-20", name: "midsummer-eve" },
      { date: "2025-06-21", name: "midsummer-day" },
      { date: "2025-11-01", name: "all-saints-day" },
      { date: "2025-12-06", name: "independence-day" },
      { date: "2025-12-24", name: "christmas-eve" },
      { date: "2025-12-25", name: "christmas-day" },
      { date: "2025-12-26", name: "boxing-day" },
    ]);
  });

  it("puts Ascension Day before May Day when Easter is at its earliest", () => {
    const names = finnishPublicHolidays(2285).map((holiday) => holiday.name);

    expect(names.indexOf("ascension-day")).toBeLessThan(names.indexOf("may-day"));
  });

  it.each([
    // Midsummer Eve on the first and last possible Friday; All Saints' Day on the last possible Saturday.
    [2026, "midsummer-eve", "2026-06-19"],
    [2027, "midsummer-eve", "2027-06-25"],
    [2026, "all-saints-day", "2026-10-31"],
    [2027, "all-saints-day", "2027-11-06"],
  ] as const)("in %i puts %s on %s", (year, name, expected) => {
    const holiday = finnishPublicHolidays(year).find((candidate) => candidate.name === name);

    expect(holiday?.date).toBe(expected);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["an ordinary Tuesday", "2025-03-11T10:00:00Z", true],
    ["a Saturday", "2025-03-08T10:00:00Z", false],
    ["a Sunday", "2025-03-09T10:00:00Z", false],
    ["Midsummer Eve", "2025-06-20T10:00:00Z", false],
    ["Christmas Eve", "2025-12-24T10:00:00Z", false],
    ["Ascension Day", "2025-05-29T10:00:00Z", false],
    ["Monday 00:30 in Helsinki, still Sunday in UTC", "2025-03-09T22:30:00Z", true],
    ["Saturday 01:30 in Helsinki, still Friday in UTC", "2025-03-07T23:30:00Z", false],
  ])("is %s → %s", (_description, instant, expected) => {
    expect(isWorkingDay(new Date(instant))).toBe(expected);
  });

  it("refuses an invalid Date", () => {
    expect(() => isWorkingDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it.each([
    // Winter time is UTC+2, summer time UTC+3.
    ["Friday + 1 is Monday at the same clock time", "2025-03-07T08:00:00Z", 1, "2025-03-10T08:00:00Z"],
    ["an ordinary Monday + 2 is Wednesday", "2025-03-10T08:00:00Z", 2, "2025-03-12T08:00:00Z"],
    [
      "the day before Christmas Eve + 1 skips Christmas and the weekend",
      "2025-12-23T08:00:00Z",
      1,
      "2025-12-29T08:00:00Z",
    ],
    [
      "Thursday before Easter + 1 skips Good Friday to Easter Monday",
      "2025-04-17T07:00:00Z",
      1,
      "2025-04-22T07:00:00Z",
    ],
    ["Friday before spring DST + 1 keeps 09:00 local", "2025-03-28T07:00:00Z", 1, "2025-03-31T06:00:00Z"],
    ["Friday before autumn DST + 1 keeps 09:00 local", "2025-10-24T06:00:00Z", 1, "2025-10-27T07:00:00Z"],
    ["a working day + 0 is the same instant", "2025-03-11T12:34:56.789Z", 0, "2025-03-11T12:34:56.789Z"],
    ["Saturday + 0 is Monday 08:00 local", "2025-03-08T12:00:00Z", 0, "2025-03-10T06:00:00Z"],
    ["Saturday + 1 counts from Monday 08:00 local", "2025-03-08T12:00:00Z", 1, "2025-03-11T06:00:00Z"],
    ["Midsummer Eve + 1 counts from Monday 08:00 local", "2025-06-20T09:00:00Z", 1, "2025-06-24T05:00:00Z"],
    [
      "Friday 01:30 local (Thursday in UTC) + 1 is Monday 01:30 local (Sunday in UTC)",
      "2025-03-06T23:30:00Z",
      1,
      "2025-03-09T23:30:00Z",
    ],
    ["a year's end + 1 crosses into the next year", "2025-12-31T08:00:00Z", 1, "2026-01-02T08:00:00Z"],
  ])("%s", (_description, from, days, expected) => {
    const due = addWorkingDays(new Date(from), days);

    expect(due).toEqual(new Date(expected));
  });

  it("does not change the Date it is given", () => {
    const from = new Date("2025-03-07T08:00:00Z");

    addWorkingDays(from, 3);

    expect(from.toISOString()).toBe("2025-03-07T08:00:00.000Z");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s days", (days) => {
    expect(() => addWorkingDays(new Date("2025-03-07T08:00:00Z"), days)).toThrow(RangeError);
  });

  it("refuses an invalid Date", () => {
    expect(() => addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  const instants = fc.date({
    min: new Date("2020-01-01T00:00:00Z"),
    max: new Date("2035-12-31T23:59:59Z"),
    noInvalidDate: true,
  });
  const dayCounts = fc.integer({ min: 0, max: 40 });

  it("always lands on a working day", () => {
    fc.assert(
      fc.property(instants, dayCounts, (from, days) => {
        expect(isWorkingDay(addWorkingDays(from, days))).toBe(true);
      }),
    );
  });

  it("keeps the Helsinki clock time of a working-day start", () => {
    fc.assert(
      fc.property(instants, dayCounts, (from, days) => {
        fc.pre(isWorkingDay(from));

        const due = addWorkingDays(from, days);

        expect(helsinkiClock.format(due)).toBe(helsinkiClock.format(from));
        expect(due.getUTCMilliseconds()).toBe(from.getUTCMilliseconds());
      }),
    );
  });

  it("adds up: m days and then n more is m + n days", () => {
    fc.assert(
      fc.property(instants, dayCounts, dayCounts, (from, first, second) => {
        const inSteps = addWorkingDays(addWorkingDays(from, first), second);

        expect(inSteps.toISOString()).toBe(addWorkingDays(from, first + second).toISOString());
      }),
    );
  });

  it("passes exactly `days` working dates", () => {
    // Oracle: walk the Helsinki dates between start and due one by one; 10:00 UTC is midday in Helsinki.
    const middayOf = (date: string) => new Date(`${date}T10:00:00Z`);
    const dayAfter = (date: string) => new Date(middayOf(date).getTime() + 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(instants, dayCounts, (from, days) => {
        fc.pre(isWorkingDay(from));

        const dueDate = helsinkiDate.format(addWorkingDays(from, days));
        let workingDatesPassed = 0;
        for (let date = helsinkiDate.format(from); date < dueDate;) {
          date = dayAfter(date);
          if (isWorkingDay(middayOf(date))) workingDatesPassed++;
        }

        expect(workingDatesPassed).toBe(days);
      }),
    );
  });
});
