import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

// One query per claim evaluation: everything the policy engine and the money flows need to know
// about an order. The page sizes keep the query under Shopify's 1,000-point single-query cost
// limit (30 lines, 8 fulfillments of 20 lines each, the 5 newest tracking events, 10
// transactions): orders larger than that are beyond what a warranty claim covers today. Shapes are parsed with zod at this edge; enums Shopify may extend any quarter
// are read as strings and mapped with a fallback, never trusted to be one of today's values.

const ORDER_FACTS_QUERY = `#graphql
  query WarrantyDeskOrderFacts($id: ID!) {
    shop {
      ianaTimezone
      currencyCode
    }
    order(id: $id) {
      id
      name
      createdAt
      currencyCode
      presentmentCurrencyCode
      email
      customerLocale
      customer {
        id
        displayName
        defaultEmailAddress {
          emailAddress
        }
      }
      lineItems(first: 30) {
        nodes {
          id
          name
          quantity
          currentQuantity
          refundableQuantity
          product {
            id
          }
          variant {
            id
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
              currencyCode
            }
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
      fulfillments(first: 8) {
        id
        status
        createdAt
        updatedAt
        deliveredAt
        estimatedDeliveryAt
        inTransitAt
        location {
          id
        }
        trackingInfo(first: 3) {
          number
          company
          url
        }
        events(first: 5, sortKey: HAPPENED_AT, reverse: true) {
          nodes {
            status
            happenedAt
          }
        }
        fulfillmentLineItems(first: 20) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
      fulfillmentOrders(first: 5) {
        nodes {
          id
          assignedLocation {
            countryCode
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
      transactions(first: 10) {
        id
        kind
        status
        gateway
        processedAt
        parentTransaction {
          id
        }
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
          presentmentMoney {
            amount
            currencyCode
          }
        }
      }
    }
  }
`;

const Money = z.object({ amount: z.string(), currencyCode: z.string() });
const MoneyBag = z.object({ shopMoney: Money, presentmentMoney: Money });
const Id = z.object({ id: z.string() });

const OrderFactsResponseSchema = z.object({
  shop: z.object({ ianaTimezone: z.string(), currencyCode: z.string() }),
  order: z
    .object({
      id: z.string(),
      name: z.string(),
      createdAt: z.string(),
      currencyCode: z.string(),
      presentmentCurrencyCode: z.string(),
      email: z.string().nullable(),
      customerLocale: z.string().nullable(),
      customer: z
        .object({
          id: z.string(),
          displayName: z.string(),
          defaultEmailAddress: z.object({ emailAddress: z.string() }).nullable(),
        })
        .nullable(),
      lineItems: z.object({
        nodes: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            quantity: z.number().int(),
            currentQuantity: z.number().int(),
            refundableQuantity: z.number().int(),
            product: Id.nullable(),
            variant: Id.nullable(),
            discountedUnitPriceAfterAllDiscountsSet: MoneyBag,
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
          inTransitAt: z.string().nullable(),
          location: Id.nullable(),
          trackingInfo: z.array(
            z.object({ number: z.string().nullable(), company: z.string().nullable(), url: z.string().nullable() }),
          ),
          events: z.object({ nodes: z.array(z.object({ status: z.string(), happenedAt: z.string() })) }),
          fulfillmentLineItems: z.object({
            nodes: z.array(z.object({ id: z.string(), quantity: z.number().int().nullable(), lineItem: Id })),
          }),
        }),
      ),
      fulfillmentOrders: z.object({
        nodes: z.array(
          z.object({
            id: z.string(),
            assignedLocation: z.object({ countryCode: z.string(), location: Id.nullable() }),
            fulfillments: z.object({ nodes: z.array(Id) }),
          }),
        ),
      }),
      transactions: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          status: z.string(),
          gateway: z.string().nullable(),
          processedAt: z.string().nullable(),
          parentTransaction: Id.nullable(),
          amountSet: MoneyBag,
        }),
      ),
    })
    .nullable(),
});
type OrderRow = NonNullable<z.infer<typeof OrderFactsResponseSchema>["order"]>;

export interface MoneyAmount {
  amount: string;
  currencyCode: string;
}

interface FulfilledUnitGroup {
  fulfillmentId: string;
  fulfillmentLineItemId: string;
  quantity: number;
  fulfilledAt: string;
  /** Fulfillment.deliveredAt, else the DELIVERED event's happenedAt. */
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  /** Where it shipped from: the fulfillment's location, else its fulfillment order's assigned one. */
  locationId: string | null;
  tracking: { number: string | null; company: string | null; url: string | null }[];
  updatedAt: string;
}

export interface OrderLineFacts {
  lineItemId: string;
  name: string;
  productId: string | null;
  variantId: string | null;
  quantity: number;
  currentQuantity: number;
  refundableQuantity: number;
  /** What was actually paid per unit, after all discounts. */
  unitPricePaid: { shop: MoneyAmount; presentment: MoneyAmount };
  fulfilled: FulfilledUnitGroup[];
}

const TRANSACTION_KINDS = ["SALE", "CAPTURE", "AUTHORIZATION", "REFUND", "VOID", "CHANGE", "OTHER"] as const;
type TransactionKind = (typeof TRANSACTION_KINDS)[number];

interface PaymentTransaction {
  id: string;
  kind: TransactionKind;
  succeeded: boolean;
  gateway: string | null;
  parentTransactionId: string | null;
  amount: { shop: MoneyAmount; presentment: MoneyAmount };
  processedAt: string | null;
}

export interface OrderFacts {
  shop: { timezone: string; currencyCode: string };
  orderId: string;
  orderName: string;
  createdAt: string;
  customerId: string | null;
  /** The customer's name as Shopify shows it (protected customer data: erased by customers/redact). */
  customerName: string | null;
  /**
   * Where the shopper's claim emails go: the order's contact email, else the customer's default
   * address (protected customer data: erased by customers/redact).
   */
  customerEmail: string | null;
  /** The language the shopper ordered in (e.g. "fr-CA"), when Shopify knows it. */
  customerLocale: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  lines: OrderLineFacts[];
  transactions: PaymentTransaction[];
}

/** Shopify adds enum values every quarter: anything unknown becomes "OTHER". */
export function transactionKindOf(kind: string): TransactionKind {
  return (TRANSACTION_KINDS as readonly string[]).includes(kind) ? (kind as TransactionKind) : "OTHER";
}

export function toOrderFacts(shop: { ianaTimezone: string; currencyCode: string }, order: OrderRow): OrderFacts {
  const assignedLocationByFulfillment = new Map<string, string>();
  for (const fulfillmentOrder of order.fulfillmentOrders.nodes) {
    const locationId = fulfillmentOrder.assignedLocation.location?.id;
    if (!locationId) continue;
    for (const { id } of fulfillmentOrder.fulfillments.nodes) assignedLocationByFulfillment.set(id, locationId);
  }
  // Cancelled and failed fulfillments shipped nothing.
  const counted = order.fulfillments.filter((f) => !["CANCELLED", "ERROR", "FAILURE"].includes(f.status));
  const lines = order.lineItems.nodes.map((line): OrderLineFacts => {
    const fulfilled: FulfilledUnitGroup[] = [];
    for (const fulfillment of counted) {
      // Newest first: the first DELIVERED event is the latest delivery scan.
      const deliveredEvent = fulfillment.events.nodes.find((e) => e.status === "DELIVERED");
      for (const fli of fulfillment.fulfillmentLineItems.nodes) {
        if (fli.lineItem.id !== line.id || !fli.quantity) continue;
        fulfilled.push({
          fulfillmentId: fulfillment.id,
          fulfillmentLineItemId: fli.id,
          quantity: fli.quantity,
          fulfilledAt: fulfillment.createdAt,
          deliveredAt: fulfillment.deliveredAt ?? deliveredEvent?.happenedAt ?? null,
          estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
          locationId: fulfillment.location?.id ?? assignedLocationByFulfillment.get(fulfillment.id) ?? null,
          tracking: fulfillment.trackingInfo,
          updatedAt: fulfillment.updatedAt,
        });
      }
    }
    const price = line.discountedUnitPriceAfterAllDiscountsSet;
    return {
      lineItemId: line.id,
      name: line.name,
      productId: line.product?.id ?? null,
      variantId: line.variant?.id ?? null,
      quantity: line.quantity,
      currentQuantity: line.currentQuantity,
      refundableQuantity: line.refundableQuantity,
      unitPricePaid: { shop: price.shopMoney, presentment: price.presentmentMoney },
      fulfilled,
    };
  });
  return {
    shop: { timezone: shop.ianaTimezone, currencyCode: shop.currencyCode },
    orderId: order.id,
    orderName: order.name,
    createdAt: order.createdAt,
    customerId: order.customer?.id ?? null,
    customerName: order.customer?.displayName ?? null,
    customerEmail: order.email || order.customer?.defaultEmailAddress?.emailAddress || null,
    customerLocale: order.customerLocale || null,
    currencyCode: order.currencyCode,
    presentmentCurrencyCode: order.presentmentCurrencyCode,
    lines,
    transactions: order.transactions.map((t) => ({
      id: t.id,
      kind: transactionKindOf(t.kind),
      succeeded: t.status === "SUCCESS",
      gateway: t.gateway,
      parentTransactionId: t.parentTransaction?.id ?? null,
      amount: { shop: t.amountSet.shopMoney, presentment: t.amountSet.presentmentMoney },
      processedAt: t.processedAt,
    })),
  };
}

/**
 * Reads an order's facts from Shopify. Returns null when Shopify does not show the order (it does
 * not exist, or it is older than 60 days and the app was not granted read_all_orders): the caller
 * then falls back to the delivery facts kept from webhooks.
 */
export async function fetchOrderFacts(graphql: AdminGraphql, orderId: string): Promise<OrderFacts | null> {
  const response = await withShopifyRetries(graphql)(ORDER_FACTS_QUERY, { variables: { id: orderId } });
  const body = await response.json();
  const data = OrderFactsResponseSchema.parse(body.data);
  return data.order ? toOrderFacts(data.shop, data.order) : null;
}
