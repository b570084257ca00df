// Display only: dates in the shop's timezone, money in the order's currency. Amounts stay decimal
// strings everywhere they are computed with.

export type When = (iso: string) => string;

export function formatter(timezone: string): When {
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
  return (iso: string) => format.format(new Date(iso));
}

export function formatMoney({ amount, currencyCode }: { amount: string; currencyCode: string }) {
  // Display only: the amount stays a decimal string everywhere it is computed with.
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currencyCode }).format(Number(amount));
}
