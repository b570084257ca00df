import {
  addCalendarDays,
  calendarDateAt,
  endOfCalendarDay,
  startOfCalendarDay,
  timeZoneOffsetMs,
  type CalendarDate,
} from "../time";

/**
 * A period of whole calendar days in the shop's timezone, from the first day's midnight to the last
 * day's end, as instants (epoch ms, both inclusive).
 */
export interface Period {
  from: CalendarDate;
  to: CalendarDate;
  startsAt: number;
  endsAt: number;
}

const DEFAULT_PERIOD_DAYS = 30;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatCalendarDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** "2026-03-04" -> {2026, 3, 4}; null when it is not a real date. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatCalendarDate(addCalendarDays(date, 0)) === text ? date : null;
}

export function periodOf(from: CalendarDate, to: CalendarDate, timeZone: string): Period {
  return { from, to, startsAt: startOfCalendarDay(from, timeZone), endsAt: endOfCalendarDay(to, timeZone) };
}

/** The last `days` days up to and including today in the shop's timezone. */
export function recentDays(now: number, timeZone: string, days = DEFAULT_PERIOD_DAYS): Period {
  const today = calendarDateAt(now, timeZone);
  return periodOf(addCalendarDays(today, 1 - days), today, timeZone);
}

/** The wall-clock time in the timezone as "2026-03-04 09:30", for exports a spreadsheet sorts. */
export function formatLocalDateTime(instant: number, timeZone: string): string {
  const wall = new Date(instant + timeZoneOffsetMs(instant, timeZone));
  return wall.toISOString().slice(0, 16).replace("T", " ");
}
