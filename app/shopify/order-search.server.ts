import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

// Orders found by their name (#1001) for the policy tester's order picker: newest first, with
// what tells them apart in a list. Only orders Shopify shows are found (the last 60 days without
// read_all_orders).

const ORDER_SEARCH_QUERY = `#graphql
  query WarrantyDeskOrderSearch($query: String!, $first: Int!) {
    shop {
      ianaTimezone
    }
    orders(first: $first, query: $query, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        name
        processedAt
        displayFulfillmentStatus
        customer {
          displayName
        }
      }
    }
  }
`;

const OrderSearchSchema = z.object({
  shop: z.object({ ianaTimezone: z.string().min(1) }),
  orders: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        processedAt: z.string(),
        // An enum Shopify extends every quarter: read as a string.
        displayFulfillmentStatus: z.string(),
        customer: z.object({ displayName: z.string() }).nullable(),
      }),
    ),
  }),
});

export interface FoundOrder {
  id: string;
  name: string;
  processedAt: string;
  fulfillmentStatus: string;
  /** Protected customer data: shown, never stored. */
  customerName: string | null;
}

/** Shopify's search syntax: a quoted value keeps spaces and dashes together. */
function nameQuery(name: string): string {
  return `name:"${name.replace(/["\\]/g, "")}"`;
}

/** The orders, and the shop's timezone their dates are shown in. */
export async function searchOrdersByName(
  graphql: AdminGraphql,
  name: string,
  first = 10,
): Promise<{ timezone: string; orders: FoundOrder[] }> {
  const response = await withShopifyRetries(graphql)(ORDER_SEARCH_QUERY, {
    variables: { query: nameQuery(name), first },
  });
  const body = await response.json();
  const data = OrderSearchSchema.parse(body.data);
  const orders = data.orders.nodes.map((order) => ({
    id: order.id,
    name: order.name,
    processedAt: order.processedAt,
    fulfillmentStatus: order.displayFulfillmentStatus,
    customerName: order.customer?.displayName ?? null,
  }));
  return { timezone: data.shop.ianaTimezone, orders };
}
