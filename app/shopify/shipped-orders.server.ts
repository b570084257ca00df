import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

// Orders that shipped something, a page at a time, with what the delivery facts keep per fulfilled
// line (when it shipped, from where, when it arrived, whose order it is): used to fill our records
// for orders placed before the app was installed. Each page's requested cost stays well under the
// 1,000-point single-query limit (about 103 points an order: 8 × 103 + 2 = 826).

const ORDERS_PER_PAGE = 8;

const SHIPPED_ORDERS_QUERY = `#graphql
  query WarrantyDeskShippedOrders($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        customer {
          id
        }
        fulfillmentOrders(first: 5) {
          nodes {
            assignedLocation {
              location {
                id
              }
            }
            fulfillments(first: 5) {
              nodes {
                id
              }
            }
          }
        }
        fulfillments(first: 5) {
          id
          status
          createdAt
          updatedAt
          deliveredAt
          estimatedDeliveryAt
          location {
            id
          }
          events(first: 3, sortKey: HAPPENED_AT, reverse: true) {
            nodes {
              status
              happenedAt
            }
          }
          fulfillmentLineItems(first: 10) {
            nodes {
              quantity
              lineItem {
                id
                product {
                  id
                }
                variant {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

const Id = z.object({ id: z.string() });
const PageSchema = z.object({
  orders: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    nodes: z.array(
      z.object({
        id: z.string(),
        customer: Id.nullable(),
        fulfillmentOrders: z.object({
          nodes: z.array(
            z.object({
              assignedLocation: z.object({ location: Id.nullable() }),
              fulfillments: z.object({ nodes: z.array(Id) }),
            }),
          ),
        }),
        fulfillments: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            createdAt: z.string(),
            updatedAt: z.string(),
            deliveredAt: z.string().nullable(),
            estimatedDeliveryAt: z.string().nullable(),
            location: Id.nullable(),
            events: z.object({ nodes: z.array(z.object({ status: z.string(), happenedAt: z.string() })) }),
            fulfillmentLineItems: z.object({
              nodes: z.array(
                z.object({
                  quantity: z.number().int().nullable(),
                  lineItem: z.object({ id: z.string(), product: Id.nullable(), variant: Id.nullable() }),
                }),
              ),
            }),
          }),
        ),
      }),
    ),
  }),
});

interface ShippedLine {
  orderId: string;
  customerId: string | null;
  fulfillmentId: string;
  lineItemId: string;
  productId: string | null;
  variantId: string | null;
  quantity: number;
  fulfilledAt: Date;
  deliveredAt: Date | null;
  estimatedDeliveryAt: Date | null;
  locationId: string | null;
  /** The fulfillment's updatedAt: newer facts win over older ones in our records. */
  sourceUpdatedAt: Date;
}

interface ShippedOrdersPage {
  orders: number;
  lines: ShippedLine[];
  nextCursor: string | null;
}

const date = (value: string | null) => (value === null ? null : new Date(value));

/** One page of orders created since `createdSince` that shipped at least something, newest first. */
export async function fetchShippedOrdersPage(
  graphql: AdminGraphql,
  options: { createdSince: Date; after: string | null; pageSize?: number },
): Promise<ShippedOrdersPage> {
  const query = `-fulfillment_status:unshipped created_at:>='${options.createdSince.toISOString()}'`;
  const response = await withShopifyRetries(graphql)(SHIPPED_ORDERS_QUERY, {
    variables: { first: Math.min(options.pageSize ?? ORDERS_PER_PAGE, ORDERS_PER_PAGE), after: options.after, query },
  });
  const { orders } = PageSchema.parse((await response.json()).data);
  const lines: ShippedLine[] = [];
  for (const order of orders.nodes) {
    const assigned = new Map<string, string>();
    for (const fulfillmentOrder of order.fulfillmentOrders.nodes) {
      const locationId = fulfillmentOrder.assignedLocation.location?.id;
      if (locationId) for (const { id } of fulfillmentOrder.fulfillments.nodes) assigned.set(id, locationId);
    }
    // Cancelled and failed fulfillments shipped nothing.
    for (const fulfillment of order.fulfillments.filter((f) => !["CANCELLED", "ERROR", "FAILURE"].includes(f.status))) {
      const delivered = fulfillment.events.nodes.find((e) => e.status === "DELIVERED");
      for (const item of fulfillment.fulfillmentLineItems.nodes) {
        if (!item.quantity) continue;
        lines.push({
          orderId: order.id,
          customerId: order.customer?.id ?? null,
          fulfillmentId: fulfillment.id,
          lineItemId: item.lineItem.id,
          productId: item.lineItem.product?.id ?? null,
          variantId: item.lineItem.variant?.id ?? null,
          quantity: item.quantity,
          fulfilledAt: new Date(fulfillment.createdAt),
          deliveredAt: date(fulfillment.deliveredAt ?? delivered?.happenedAt ?? null),
          estimatedDeliveryAt: date(fulfillment.estimatedDeliveryAt),
          locationId: fulfillment.location?.id ?? assigned.get(fulfillment.id) ?? null,
          sourceUpdatedAt: new Date(fulfillment.updatedAt),
        });
      }
    }
  }
  return {
    orders: orders.nodes.length,
    lines,
    nextCursor: orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null,
  };
}
