/**
 * Calendar arithmetic in an IANA timezone, using only the built-in Intl API.
 * Instants are epoch milliseconds; calendar dates are plain {year, month, day} (month 1-12).
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `instant` in `timeZone`, expressed as if it were UTC (whole seconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const era = parts.find((p) => p.type === "era")?.value;
  const yearOfEra = field("year");
  const year = era === "BC" || era === "B" ? 1 - yearOfEra : yearOfEra;
  const utc = new Date(0);
  utc.setUTCFullYear(year, field("month") - 1, field("day"));
  utc.setUTCHours(field("hour"), field("minute"), field("second"), 0);
  return utc.getTime();
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Berlin in winter: +3 600 000). */
export function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
}

export function calendarDateAt(instant: number, timeZone: string): CalendarDate {
  const wall = new Date(wallClockAsUtc(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function dateToUtcMidnight(date: CalendarDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return utc.getTime();
}

function utcMidnightToDate(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return utcMidnightToDate(dateToUtcMidnight(date) + days * DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, 0);
  return utc.getUTCDate();
}

/** The same day of the month `months` later, clamped to that month's last day (31 Jan + 1 = 28/29 Feb). */
export function addCalendarMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.month - 1 + months;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * The first instant whose calendar date in `timeZone` is `date`. Offsets may change around
 * midnight (some zones skip 00:00 entirely), so the offsets in force a day either side are tried
 * and the candidate that really is the boundary wins; a binary search covers anything stranger.
 */
export function startOfCalendarDay(date: CalendarDate, timeZone: string): number {
  const wall = dateToUtcMidnight(date);
  const isBoundary = (t: number) =>
    compareCalendarDates(calendarDateAt(t, timeZone), date) >= 0 &&
    compareCalendarDates(calendarDateAt(t - 1, timeZone), date) < 0;
  const candidates = [wall - DAY_MS, wall, wall + DAY_MS]
    .map((probe) => wall - timeZoneOffsetMs(probe, timeZone))
    .sort((a, b) => a - b);
  const exact = candidates.find(isBoundary);
  if (exact !== undefined) return exact;
  let low = wall - 2 * DAY_MS; // date is certainly still before `date` here
  let high = wall + 2 * DAY_MS; // and certainly reached here
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (compareCalendarDates(calendarDateAt(mid, timeZone), date) >= 0) high = mid;
    else low = mid;
  }
  return high;
}

/** The last millisecond of `date` in `timeZone`. */
export function endOfCalendarDay(date: CalendarDate, timeZone: string): number {
  return startOfCalendarDay(addCalendarDays(date, 1), timeZone) - 1;
}

export function parseInstant(iso: string): number {
  return Date.parse(iso);
}

/** ISO 8601 in UTC with milliseconds, e.g. "2026-03-04T22:59:59.999Z". */
export function formatInstant(instant: number): string {
  return new Date(instant).toISOString();
}
