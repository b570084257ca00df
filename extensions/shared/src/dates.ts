// Dates as the shopper reads them, through the host's formatter (shopify.i18n.formatDate) so they
// follow the shopper's locale. Deadlines are the shop's: they name the day, the time and the time
// zone ("Tuesday 1 December 2026, 23:59 Berlin time"); promises to the shopper are in their own time.

export interface DateFormatter {
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
  translate(key: string, replacements?: Record<string, string | number>): string;
}

const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** "Europe/Berlin" → "Berlin", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(timezone: string): string {
  return (timezone.split("/").pop() ?? timezone).replace(/_/g, " ");
}

/**
 * The last moment of a window, in the shop's time zone, naming that zone and the year (a warranty
 * can end a year or two from now: "29 November" alone reads as this year's).
 */
export function formatDeadline(i18n: DateFormatter, iso: string, timezone: string): string {
  const dateTime = i18n.formatDate(new Date(iso), { ...DAY_AND_TIME, year: "numeric", timeZone: timezone });
  return i18n.translate("dates.inZone", { dateTime, city: zoneCity(timezone) });
}

/** A moment in the shopper's own time zone ("Thursday 3 December, 14:00"), a few days ahead. */
export function formatMoment(i18n: DateFormatter, iso: string): string {
  return i18n.formatDate(new Date(iso), DAY_AND_TIME);
}

/** A day, for timelines ("3 December 2026"). */
export function formatDay(i18n: DateFormatter, iso: string): string {
  return i18n.formatDate(new Date(iso), { day: "numeric", month: "long", year: "numeric" });
}
