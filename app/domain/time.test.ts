import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonthsClamped,
  calendarDateAt,
  compareCalendarDates,
  endOfCalendarDay,
  formatInstant,
  isValidTimeZone,
  startOfCalendarDay,
  timeZoneOffsetMs,
  type CalendarDate,
} from "./time";

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const at = (iso: string) => Date.parse(iso);

describe("calendarDateAt", () => {
  it.each([
    // GIVEN an instant and a timezone, THEN the local calendar date is:
    ["2026-03-01T22:59:59.999Z", "Europe/Berlin", d(2026, 3, 1)],
    ["2026-03-01T23:00:00.000Z", "Europe/Berlin", d(2026, 3, 2)],
    ["2026-07-01T21:59:59.999Z", "Europe/Berlin", d(2026, 7, 1)],
    ["2026-07-01T22:00:00.000Z", "Europe/Berlin", d(2026, 7, 2)],
    ["2026-03-02T04:59:59.999Z", "America/New_York", d(2026, 3, 1)],
    ["2026-03-02T05:00:00.000Z", "America/New_York", d(2026, 3, 2)],
    ["2026-12-31T23:59:59.999Z", "UTC", d(2026, 12, 31)],
    ["2026-12-31T10:00:00.000Z", "Pacific/Kiritimati", d(2027, 1, 1)],
  ])("%s in %s is %o", (iso, zone, expected) => {
    expect(calendarDateAt(at(iso), zone)).toEqual(expected);
  });
});

describe("endOfCalendarDay", () => {
  it.each([
    // GIVEN a calendar day in a timezone, THEN its last millisecond is:
    [d(2026, 3, 4), "Europe/Berlin", "2026-03-04T22:59:59.999Z"],
    [d(2026, 3, 28), "Europe/Berlin", "2026-03-28T22:59:59.999Z"], // day before spring forward
    [d(2026, 3, 29), "Europe/Berlin", "2026-03-29T21:59:59.999Z"], // 23-hour day
    [d(2026, 10, 24), "Europe/Berlin", "2026-10-24T21:59:59.999Z"],
    [d(2026, 10, 25), "Europe/Berlin", "2026-10-25T22:59:59.999Z"], // 25-hour day
    [d(2026, 3, 7), "America/New_York", "2026-03-08T04:59:59.999Z"],
    [d(2026, 3, 8), "America/New_York", "2026-03-09T03:59:59.999Z"], // spring forward
    [d(2026, 10, 31), "America/New_York", "2026-11-01T03:59:59.999Z"],
    [d(2026, 11, 1), "America/New_York", "2026-11-02T04:59:59.999Z"], // fall back
    [d(2028, 2, 29), "UTC", "2028-02-29T23:59:59.999Z"],
    [d(2026, 12, 31), "Asia/Kolkata", "2026-12-31T18:29:59.999Z"],
    // Santiago skips 00:00 when it springs forward (6 Sep 2026 starts at 01:00 -03).
    [d(2026, 9, 5), "America/Santiago", "2026-09-06T03:59:59.999Z"],
  ])("%o in %s ends at %s", (date, zone, expected) => {
    expect(formatInstant(endOfCalendarDay(date, zone))).toBe(expected);
  });

  it("GIVEN a day whose midnight does not exist WHEN finding its start THEN it starts at the jump", () => {
    const start = startOfCalendarDay(d(2026, 9, 6), "America/Santiago");
    expect(formatInstant(start)).toBe("2026-09-06T04:00:00.000Z");
    expect(calendarDateAt(start, "America/Santiago")).toEqual(d(2026, 9, 6));
    expect(calendarDateAt(start - 1, "America/Santiago")).toEqual(d(2026, 9, 5));
  });
});

describe("addCalendarMonthsClamped", () => {
  it.each([
    [d(2026, 1, 31), 1, d(2026, 2, 28)],
    [d(2028, 1, 31), 1, d(2028, 2, 29)],
    [d(2028, 2, 29), 12, d(2029, 2, 28)],
    [d(2028, 2, 29), 48, d(2032, 2, 29)],
    [d(2026, 3, 31), 1, d(2026, 4, 30)],
    [d(2026, 8, 31), 6, d(2027, 2, 28)],
    [d(2026, 12, 15), 1, d(2027, 1, 15)],
    [d(2026, 3, 1), 24, d(2028, 3, 1)],
    [d(2026, 5, 10), 0, d(2026, 5, 10)],
  ])("%o + %i months = %o", (date, months, expected) => {
    expect(addCalendarMonthsClamped(date, months)).toEqual(expected);
  });
});

describe("addCalendarDays", () => {
  it.each([
    [d(2026, 2, 27), 3, d(2026, 3, 2)],
    [d(2028, 2, 27), 3, d(2028, 3, 1)],
    [d(2026, 12, 30), 3, d(2027, 1, 2)],
    [d(2026, 3, 1), 0, d(2026, 3, 1)],
  ])("%o + %i days = %o", (date, days, expected) => {
    expect(addCalendarDays(date, days)).toEqual(expected);
  });
});

describe("timezones", () => {
  it("GIVEN names THEN only IANA zones are valid", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("GIVEN Berlin in winter and summer THEN the offsets are +1 h and +2 h", () => {
    expect(timeZoneOffsetMs(at("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(3_600_000);
    expect(timeZoneOffsetMs(at("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(7_200_000);
  });
});

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Apia",
];

describe("properties", () => {
  it("the end of a day is its last millisecond: the next millisecond is the next day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          const date = calendarDateAt(instant, zone);
          const end = endOfCalendarDay(date, zone);
          expect(end).toBeGreaterThanOrEqual(instant);
          expect(calendarDateAt(end, zone)).toEqual(date);
          expect(compareCalendarDates(calendarDateAt(end + 1, zone), date)).toBeGreaterThan(0);
          expect(end + 1).toBe(startOfCalendarDay(addCalendarDays(date, 1), zone));
        },
      ),
      { numRuns: 300 },
    );
  });
});
