import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { add, formatAmount, money, parseMoney, prorate, roundDivide, subtract } from "./money";

describe("decimal strings <-> minor units", () => {
  it.each([
    ["12.50", "EUR", 1250, "12.50"],
    ["12.5", "EUR", 1250, "12.50"],
    ["12", "EUR", 1200, "12.00"],
    ["0.01", "USD", 1, "0.01"],
    ["12.500", "EUR", 1250, "12.50"], // trailing zeros are not extra precision
    ["500", "JPY", 500, "500"],
    ["500.0", "JPY", 500, "500"],
    ["1.234", "KWD", 1234, "1.234"],
    ["-3.10", "EUR", -310, "-3.10"],
    ["0", "EUR", 0, "0.00"],
  ])("GIVEN %s %s THEN %i minor units, printed %s", (decimal, currency, minor, printed) => {
    const value = parseMoney(decimal, currency);
    expect(value).toEqual({ minorUnits: minor, currencyCode: currency });
    expect(formatAmount(value)).toBe(printed);
  });

  it.each([
    ["12.345", "EUR", "money.too_precise", '"12.345" has more decimal places than EUR allows (2).'],
    ["1.5", "JPY", "money.too_precise", '"1.5" has more decimal places than JPY allows (0).'],
    ["1e3", "EUR", "money.malformed", '"1e3" is not a decimal amount.'],
    ["12,50", "EUR", "money.malformed", '"12,50" is not a decimal amount.'],
  ])("GIVEN %s %s THEN %s: never rounded silently", (decimal, currency, code, message) => {
    expect(() => parseMoney(decimal, currency)).toThrow(new DomainError("invalid", code, message));
  });

  it("GIVEN different currencies THEN they do not add up", () => {
    expect(() => add(money(1, "EUR"), money(1, "USD"))).toThrow("Cannot combine EUR and USD amounts.");
  });

  it("GIVEN a fractional minor unit THEN it is refused", () => {
    expect(() => money(0.5, "EUR")).toThrow("Money must be a whole number of minor units, got 0.5.");
  });
});

describe("rounding, in one place", () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n], // half away from zero
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [10n, 4n, 3n],
    [9n, 4n, 2n],
  ])("GIVEN %i / %i THEN %i", (n, d, expected) => {
    expect(roundDivide(n, d)).toBe(expected);
  });

  it.each([
    ["10.00", 1, 3, "3.33"],
    ["10.00", 2, 3, "6.67"],
    ["10.00", 3, 3, "10.00"],
    ["0.05", 1, 2, "0.03"],
    ["999", 1, 7, "143"],
  ])("GIVEN %s EUR/JPY, %i of %i units THEN %s", (total, part, whole, expected) => {
    const currency = total.includes(".") ? "EUR" : "JPY";
    expect(formatAmount(prorate(parseMoney(total, currency), part, whole))).toBe(expected);
  });

  it("never strays more than half a minor unit from the exact share, and never exceeds the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(),
        (total, whole, seed) => {
          const part = seed % (whole + 1);
          const share = prorate(money(total, "EUR"), part, whole).minorUnits;
          expect(Math.abs(share * whole - total * part)).toBeLessThanOrEqual(whole / 2);
          expect(share).toBeLessThanOrEqual(total);
          expect(subtract(money(total, "EUR"), money(share, "EUR")).minorUnits).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("parses what it prints, for every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("EUR", "JPY", "KWD"), (minor, currency) => {
        expect(parseMoney(formatAmount(money(minor, currency)), currency)).toEqual(money(minor, currency));
      }),
    );
  });
});
