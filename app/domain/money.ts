import { z } from "zod";
import { DomainError } from "./errors";

/**
 * Money never is a float (docs/decisions/005-money.md): decimal strings at the boundary
 * ("12.50", as Shopify's MoneyV2 sends them), integer minor units inside, the currency beside
 * every amount, and rounding only in `roundDivide` below.
 */

export type Money = { readonly minorUnits: number; readonly currencyCode: string };

export const CurrencyCodeSchema = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : "expected an ISO 4217 currency code like EUR") })
  .regex(/^[A-Z]{3}$/, { error: "expected an ISO 4217 currency code like EUR" });

export const DecimalAmountSchema = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : 'expected a decimal string like "12.50"') })
  .regex(/^\d{1,11}(\.\d{1,4})?$/, { error: 'expected a non-negative decimal string like "12.50"' });

/** Money as it crosses the boundary: `{ "amount": "12.50", "currencyCode": "EUR" }`. */
export const MoneyInputSchema = z
  .strictObject({ amount: DecimalAmountSchema, currencyCode: CurrencyCodeSchema })
  .superRefine((value, ctx) => {
    const fraction = value.amount.split(".")[1] ?? "";
    const digits = minorUnitDigits(value.currencyCode);
    if (fraction.replace(/0+$/, "").length > digits) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: `${value.currencyCode} amounts have at most ${digits} decimal places`,
      });
    }
  });
export type MoneyInput = z.infer<typeof MoneyInputSchema>;

// ISO 4217 exponents that differ from 2. Shopify follows ISO 4217 for shop and presentment money.
const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

function minorUnitDigits(currencyCode: string): number {
  return MINOR_UNIT_DIGITS[currencyCode] ?? 2;
}

function assertSafeMinorUnits(minorUnits: number): void {
  if (!Number.isSafeInteger(minorUnits)) {
    throw new DomainError(
      "invalid",
      "money.not_an_integer",
      `Money must be a whole number of minor units, got ${minorUnits}.`,
    );
  }
}

export function money(minorUnits: number, currencyCode: string): Money {
  assertSafeMinorUnits(minorUnits);
  return { minorUnits, currencyCode };
}

export function zero(currencyCode: string): Money {
  return money(0, currencyCode);
}

/** "12.5" EUR -> 1250 minor units. Rejects more decimal places than the currency has (never rounds here). */
export function parseMoney(amount: string, currencyCode: string): Money {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) {
    throw new DomainError("invalid", "money.malformed", `"${amount}" is not a decimal amount.`);
  }
  const [, sign = "", whole = "0", rawFraction = ""] = match;
  const digits = minorUnitDigits(currencyCode);
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > digits) {
    throw new DomainError(
      "invalid",
      "money.too_precise",
      `"${amount}" has more decimal places than ${currencyCode} allows (${digits}).`,
    );
  }
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  return money(sign === "-" && minor !== 0 ? -minor : minor, currencyCode);
}

export function fromMoneyInput(input: MoneyInput): Money {
  return parseMoney(input.amount, input.currencyCode);
}

/** 1250 minor units EUR -> "12.50"; 500 JPY -> "500". */
export function formatAmount(value: Money): string {
  const digits = minorUnitDigits(value.currencyCode);
  const negative = value.minorUnits < 0;
  const abs = String(Math.abs(value.minorUnits)).padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
}

export function toMoneyInput(value: Money): MoneyInput {
  return { amount: formatAmount(value), currencyCode: value.currencyCode };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currencyCode !== b.currencyCode) {
    throw new DomainError(
      "conflict",
      "money.currency_mismatch",
      `Cannot combine ${a.currencyCode} and ${b.currencyCode} amounts.`,
    );
  }
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.minorUnits + b.minorUnits, a.currencyCode);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.minorUnits - b.minorUnits, a.currencyCode);
}

export function sum(values: readonly Money[], currencyCode: string): Money {
  return values.reduce((total, value) => add(total, value), zero(currencyCode));
}

export function min(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return a.minorUnits <= b.minorUnits ? a : b;
}

export function clampAtZero(value: Money): Money {
  return value.minorUnits < 0 ? zero(value.currencyCode) : value;
}

/**
 * The only rounding in the domain: numerator / denominator rounded half away from zero,
 * computed with BigInt so that large products stay exact.
 */
export function roundDivide(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new DomainError("invalid", "money.division_by_zero", "Cannot divide money by zero.");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** `part / whole` of an amount (e.g. 1 of 3 units of a line), rounded once via `roundDivide`. */
export function prorate(total: Money, part: number, whole: number): Money {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || whole <= 0 || part < 0 || part > whole) {
    throw new DomainError("invalid", "money.bad_ratio", `Cannot take ${part} of ${whole} parts of an amount.`);
  }
  if (part === whole) return total;
  return money(Number(roundDivide(BigInt(total.minorUnits) * BigInt(part), BigInt(whole))), total.currencyCode);
}
