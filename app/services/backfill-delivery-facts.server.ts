import type { PrismaClient } from "@prisma/client";
import { recordDeliveryFacts } from "../db/delivery-facts.server";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchShippedOrdersPage } from "../shopify/shipped-orders.server";

// Fills our delivery records for orders that shipped before the app was installed (the fulfillment
// webhooks only tell us about what happens afterwards), so warranty claims on them keep working
// once Shopify hides the orders (60 days without read_all_orders). Safe to run again: facts are
// recorded idempotently, newer ones win.

interface BackfillOptions {
  /** How far back to look (by order creation); the longest warranty the shop gives is a good choice. */
  sinceDays?: number;
  /** Stops after this many pages (a safety net for very large shops). */
  maxPages?: number;
  /** Orders per page (at most the adapter's cost-safe page size). */
  pageSize?: number;
  onPage?: (progress: BackfillResult) => void;
}

interface BackfillResult {
  pages: number;
  orders: number;
  /** Fulfilled lines seen. */
  lines: number;
  /** Lines written to our records (new, or refreshed from a source at least as new). */
  recorded: number;
  /** True when maxPages stopped it before the last page. */
  truncated: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

export async function backfillDeliveryFacts(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  now: Date,
  options: BackfillOptions = {},
): Promise<BackfillResult> {
  const createdSince = new Date(now.getTime() - (options.sinceDays ?? 730) * DAY);
  const maxPages = options.maxPages ?? 1000;
  const result: BackfillResult = { pages: 0, orders: 0, lines: 0, recorded: 0, truncated: false };
  let after: string | null = null;
  do {
    if (result.pages === maxPages) {
      result.truncated = true;
      break;
    }
    const page = await fetchShippedOrdersPage(graphql, {
      createdSince,
      after,
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    });
    result.pages += 1;
    result.orders += page.orders;
    result.lines += page.lines.length;
    result.recorded += await recordDeliveryFacts(
      db,
      page.lines.map((line) => ({ shop, ...line })),
    );
    options.onPage?.({ ...result });
    after = page.nextCursor;
  } while (after !== null);
  return result;
}
