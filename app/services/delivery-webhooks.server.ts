import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import {
  recordDeliveryFacts,
  recordFulfillmentEvent,
  removeFulfillmentFacts,
  setOrderCustomer,
} from "../db/delivery-facts.server";
import { processWebhookOnce, type Tx, type WebhookDeliveryRef } from "../db/webhook-deliveries.server";

// Keeping the delivery facts the policy needs from Shopify's fulfillment webhooks, so that warranty
// claims work from our records when Shopify no longer shows the order (60 days without
// read_all_orders). Payloads are Shopify's REST shapes; fields we do not use are ignored.

const gid = (resource: string, id: number | string) => `gid://shopify/${resource}/${id}`;
const numericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "expected a date and time");

export const FulfillmentPayloadSchema = z.object({
  id: numericId,
  order_id: numericId,
  status: z.string(),
  created_at: instant,
  updated_at: instant,
  location_id: numericId.nullable().optional(),
  shipment_status: z.string().nullable().optional(),
  line_items: z.array(
    z.object({
      id: numericId,
      quantity: z.number().int().nonnegative(),
      product_id: numericId.nullable().optional(),
      variant_id: numericId.nullable().optional(),
    }),
  ),
});

export const FulfillmentEventPayloadSchema = z.object({
  fulfillment_id: numericId,
  order_id: numericId,
  status: z.string(),
  happened_at: instant,
  estimated_delivery_at: instant.nullable().optional(),
});

const SHIPPED_NOTHING = ["cancelled", "error", "failure"];

type FulfillmentPayload = z.infer<typeof FulfillmentPayloadSchema>;

/** One fulfillment's facts: its lines recorded, or, when it shipped nothing, forgotten. */
async function applyFulfillment(tx: Tx, shop: string, f: FulfillmentPayload, customerId: string | null) {
  const updatedAt = new Date(f.updated_at);
  const fulfillmentId = gid("Fulfillment", f.id);
  if (SHIPPED_NOTHING.includes(f.status.toLowerCase())) {
    await removeFulfillmentFacts(tx, { shop, orderId: gid("Order", f.order_id), fulfillmentId }, updatedAt);
    return;
  }
  const deliveredAt = f.shipment_status?.toLowerCase() === "delivered" ? updatedAt : null;
  await recordDeliveryFacts(
    tx,
    f.line_items
      .filter((line) => line.quantity > 0)
      .map((line) => ({
        shop,
        orderId: gid("Order", f.order_id),
        fulfillmentId,
        lineItemId: gid("LineItem", line.id),
        productId: line.product_id == null ? null : gid("Product", line.product_id),
        variantId: line.variant_id == null ? null : gid("ProductVariant", line.variant_id),
        customerId,
        quantity: line.quantity,
        fulfilledAt: new Date(f.created_at),
        deliveredAt,
        estimatedDeliveryAt: null,
        locationId: f.location_id == null ? null : gid("Location", f.location_id),
        sourceUpdatedAt: updatedAt,
      })),
  );
}

/** fulfillments/create and fulfillments/update */
export async function handleFulfillmentWebhook(db: PrismaClient, delivery: WebhookDeliveryRef, f: FulfillmentPayload) {
  return processWebhookOnce(db, delivery, (tx) => applyFulfillment(tx, delivery.shop, f, null));
}

export const OrderFulfilledPayloadSchema = z.object({
  id: numericId,
  customer: z.object({ id: numericId }).nullable().optional(),
  fulfillments: z.array(FulfillmentPayloadSchema.omit({ order_id: true }).extend({ order_id: numericId.optional() })),
});

/**
 * orders/fulfilled: the whole order shipped. Fulfillment webhooks do not say whose order it is;
 * this one does, so the facts learn their customer (the shopper's claims on orders Shopify no
 * longer shows are checked against it).
 */
export async function handleOrderFulfilledWebhook(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  order: z.infer<typeof OrderFulfilledPayloadSchema>,
) {
  const customerId = order.customer ? gid("Customer", order.customer.id) : null;
  // Sorted as the records lock fulfillments (by id, code unit order), so that writers never deadlock.
  const lockKey = (f: { id: number | string }) => gid("Fulfillment", f.id);
  const fulfillments = [...order.fulfillments].sort((a, b) =>
    lockKey(a) < lockKey(b) ? -1 : lockKey(a) > lockKey(b) ? 1 : 0,
  );
  return processWebhookOnce(db, delivery, async (tx) => {
    for (const f of fulfillments) {
      await applyFulfillment(tx, delivery.shop, { ...f, order_id: f.order_id ?? order.id }, customerId);
    }
    if (customerId) {
      await setOrderCustomer(tx, delivery.shop, gid("Order", order.id), customerId);
    }
  });
}

/** fulfillment_events/create: the carrier's tracking events, among them "delivered". */
export async function handleFulfillmentEventWebhook(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  e: z.infer<typeof FulfillmentEventPayloadSchema>,
) {
  return processWebhookOnce(db, delivery, async (tx) => {
    await recordFulfillmentEvent(tx, {
      shop: delivery.shop,
      orderId: gid("Order", e.order_id),
      fulfillmentId: gid("Fulfillment", e.fulfillment_id),
      status: e.status.toLowerCase(),
      happenedAt: new Date(e.happened_at),
      estimatedDeliveryAt: e.estimated_delivery_at ? new Date(e.estimated_delivery_at) : null,
    });
  });
}
