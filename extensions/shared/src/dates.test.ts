import { describe, expect, it } from "vitest";
import { formatDeadline, type DateFormatter } from "./dates";

// The host's formatter, as customer accounts give it to a shopper reading English or German.
const formatter = (locale: string): DateFormatter => ({
  formatDate: (date, options) => new Intl.DateTimeFormat(locale, options).format(date),
  translate: (_key, r = {}) => `${r.dateTime} (${r.city})`,
});

describe("formatDeadline", () => {
  it("names the year, so a 12-month warranty does not read as ending today", () => {
    // GIVEN a warranty delivered on 29 November 2026 that ends a year later, in Berlin
    // WHEN its end is shown THEN the weekday, day, month, year, time and the shop's city are there
    expect(formatDeadline(formatter("en"), "2027-11-29T22:59:59.999Z", "Europe/Berlin")).toBe(
      "Monday, November 29, 2027 at 23:59 (Berlin)",
    );
    expect(formatDeadline(formatter("de"), "2027-11-29T22:59:59.999Z", "Europe/Berlin")).toBe(
      "Montag, 29. November 2027 um 23:59 (Berlin)",
    );
  });

  it("takes the day and year in the shop's time zone: 23:59 on 31 December in Berlin is 22:59 UTC", () => {
    expect(formatDeadline(formatter("en"), "2026-12-31T22:59:59.999Z", "Europe/Berlin")).toBe(
      "Thursday, December 31, 2026 at 23:59 (Berlin)",
    );
  });
});
