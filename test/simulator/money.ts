// Money in the simulator is held in integer minor units (cents) and crosses the API as decimal
// strings, the way Shopify's Decimal scalar does ("10.0", "12.5", "29.99"). No float arithmetic.

const ZERO_DECIMAL_CURRENCIES = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX", "XAF", "XOF"]);

export function currencyDigits(currencyCode: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currencyCode) ? 0 : 2;
}

/** Parses a decimal string (or a number from a loosely typed client) into minor units. */
export function parseMoney(value: unknown, currencyCode: string): number {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`Invalid decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole = "0", rawFraction = ""] = match;
  const digits = currencyDigits(currencyCode);
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > digits) throw new Error(`Amount ${text} has more decimals than ${currencyCode} allows`);
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) throw new Error(`Amount ${text} is out of range`);
  return sign ? -minor : minor;
}

/** Formats minor units as Shopify prints a Decimal: at least one decimal, no trailing zeros beyond it. */
export function formatMoney(minor: number, currencyCode: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Not an integer amount of minor units: ${minor}`);
  const digits = currencyDigits(currencyCode);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction =
    digits === 0
      ? ""
      : String(abs % 10 ** digits)
          .padStart(digits, "0")
          .replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}.${fraction || "0"}`;
}

/** Splits an amount across weights without losing a cent (largest remainder first). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0 && i < shares.length; i++, rest--) shares[i] = (shares[i] ?? 0) + 1;
  return shares;
}
