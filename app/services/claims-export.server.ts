import { shippingLocationIds, type NumbersDb } from "../db/claim-numbers.server";
import { CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS } from "../components/claim-labels";
import { claimResponses } from "../domain/numbers/claim-numbers";
import { csvLine } from "../domain/numbers/csv";
import { formatCalendarDate, formatLocalDateTime } from "../domain/numbers/period";
import { formatAmount, money } from "../domain/money";
import { HOUR_MS } from "../domain/time";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchShopProfile } from "../shopify/shop.server";
import {
  periodClaims,
  resolvePeriod,
  warehouseNames,
  type NumbersParams,
  type PeriodClaim,
} from "./claim-numbers.server";

// The claims of a period as CSV, streamed: each pull of the stream reads one page of claims (keyset
// pagination), writes its lines and lets it go, so a year of claims never sits in memory whole.
// Times are the shop's wall-clock time; money stays in the order's currency, beside its code.

const CLAIMS_CSV_HEADER = [
  "Claim",
  "Submitted (shop time)",
  "Type",
  "Status",
  "Order",
  "Customer",
  "Items",
  "Units",
  "Warehouses",
  "Claimed value",
  "Claimed value currency",
  "Refunded",
  "Refund currency",
  "First response (hours)",
  "Responses within promise",
] as const;

interface ClaimsCsv {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

export async function exportClaimsCsv(
  db: NumbersDb,
  graphql: AdminGraphql,
  shop: string,
  params: NumbersParams,
  now: Date,
): Promise<ClaimsCsv> {
  const profile = await fetchShopProfile(graphql);
  const timeZone = profile.ianaTimezone;
  const period = resolvePeriod(params, timeZone, now);
  const warehouse = params.warehouse ?? null;
  const names = new Map(
    (await warehouseNames(graphql, await shippingLocationIds(db, shop))).map((w) => [w.id, w.name]),
  );
  const pages = periodClaims(db, shop, period);
  const encoder = new TextEncoder();

  async function line({ row, claim }: PeriodClaim): Promise<string | null> {
    const locations = claim.items.flatMap((item) => item.units.map((u) => u.locationId));
    if (warehouse !== null && !locations.includes(warehouse)) return null;
    const unknown = locations.filter((id): id is string => id !== null && !names.has(id));
    if (unknown.length > 0) for (const w of await warehouseNames(graphql, unknown)) names.set(w.id, w.name);
    const refunds = claim.items.flatMap((item) => (item.refunded ? [item.refunded] : []));
    const refundCurrency = refunds[0]?.currencyCode ?? null;
    const refunded = refundCurrency
      ? formatAmount(
          money(
            refunds.reduce((n, r) => n + r.minorUnits, 0),
            refundCurrency,
          ),
        )
      : null;
    const responses = claimResponses(claim, now.getTime());
    const first = responses.answered[0];
    const measured = responses.answered.length + (responses.overdue ? 1 : 0);
    return csvLine([
      row.number,
      formatLocalDateTime(claim.submittedAt, timeZone),
      CLAIM_TYPE_LABELS[claim.type],
      CLAIM_STATUS_LABELS[claim.status].label,
      row.orderName,
      row.customerName,
      row.items.map((item) => `${item.title ?? "Item"} × ${item.quantity}`).join("; "),
      row.items.reduce((n, item) => n + item.quantity, 0),
      [...new Set(locations.map((id) => (id === null ? "Unknown" : (names.get(id) ?? id))))].join("; "),
      row.claimedValueAmount,
      row.claimedValueCurrency,
      refunded,
      refundCurrency,
      first ? Math.round(first.ms / (HOUR_MS / 10)) / 10 : null,
      measured === 0 ? null : `${responses.answered.filter((r) => r.withinPromise).length} of ${measured}`,
    ]);
  }

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte order mark, so Excel opens the UTF-8 file with its accents intact.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(CLAIMS_CSV_HEADER)}`));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      const lines = await Promise.all(next.value.map(line));
      controller.enqueue(encoder.encode(lines.filter((l) => l !== null).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const suffix = warehouse ? `-location-${warehouse.split("/").at(-1)}` : "";
  return {
    fileName: `claims-${formatCalendarDate(period.from)}-to-${formatCalendarDate(period.to)}${suffix}.csv`,
    body,
  };
}
