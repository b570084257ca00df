import type { Prisma, PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "./errors.server";

// What the policy needs to know about each fulfilled line (when it shipped, from where, when it
// arrived), kept from Shopify's fulfillment webhooks so that warranty claims keep working after
// Shopify hides an order (60 days without read_all_orders). No customer PII beyond the id.

type Db = PrismaClient | Prisma.TransactionClient;

export interface DeliveryFactInput {
  shop: string;
  orderId: string;
  fulfillmentId: string;
  lineItemId: string;
  productId: string | null;
  variantId: string | null;
  customerId: string | null;
  quantity: number;
  fulfilledAt: Date;
  deliveredAt: Date | null;
  estimatedDeliveryAt: Date | null;
  locationId: string | null;
  /** The source's own time (fulfillment updated_at, event happened_at): newer facts win. */
  sourceUpdatedAt: Date;
}

export type DeliveryFact = DeliveryFactInput;

/**
 * Records facts, tolerating repeats and out-of-order delivery: a fact older than the stored one
 * changes nothing, and a delivery date once known is kept when a newer source has none.
 * Returns how many facts changed the record.
 */
export async function recordDeliveryFacts(db: Db, facts: DeliveryFactInput[]): Promise<number> {
  let changed = 0;
  const cancelled = await db.fulfillmentDelivery.findMany({
    where: { fulfillmentId: { in: [...new Set(facts.map((f) => f.fulfillmentId))] }, cancelledAt: { not: null } },
  });
  for (const fact of facts) {
    const cancellation = cancelled.find((c) => c.fulfillmentId === fact.fulfillmentId)?.cancelledAt;
    if (cancellation && cancellation >= fact.sourceUpdatedAt) continue;
    const key = { fulfillmentId: fact.fulfillmentId, lineItemId: fact.lineItemId };
    const { deliveredAt, ...rest } = fact;
    const update = async () => {
      const withDelivery = await db.deliveryFact.updateMany({
        where: { ...key, shop: fact.shop, sourceUpdatedAt: { lte: fact.sourceUpdatedAt } },
        data: deliveredAt ? { ...rest, deliveredAt } : rest,
      });
      return withDelivery.count;
    };
    const updated = await update();
    if (updated > 0) {
      changed += 1;
      continue;
    }
    const existing = await db.deliveryFact.findUnique({ where: { fulfillmentId_lineItemId: key } });
    if (existing) {
      // A newer fact is stored; an older one may still tell a delivery date we did not have.
      if (existing.deliveredAt === null && deliveredAt !== null) {
        await db.deliveryFact.update({ where: { id: existing.id }, data: { deliveredAt } });
        changed += 1;
      }
      continue;
    }
    try {
      await db.deliveryFact.create({ data: fact });
      changed += 1;
    } catch (err) {
      // The same fact arrived twice at once: the other copy created it; apply ours as an update.
      if (!isUniqueViolation(err)) throw err;
      changed += (await update()) > 0 ? 1 : 0;
    }
  }
  return changed;
}

/**
 * A fulfillment was cancelled or failed: it shipped nothing. Its facts go, and the cancellation is
 * remembered so that an older update arriving late cannot bring them back.
 */
export async function removeFulfillmentFacts(
  db: Db,
  ref: { shop: string; orderId: string; fulfillmentId: string },
  asOf: Date,
): Promise<number> {
  const { count } = await db.deliveryFact.deleteMany({
    where: { shop: ref.shop, fulfillmentId: ref.fulfillmentId, sourceUpdatedAt: { lte: asOf } },
  });
  await db.fulfillmentDelivery.upsert({
    where: { fulfillmentId: ref.fulfillmentId },
    create: { ...ref, lastEventAt: new Date(0), cancelledAt: asOf },
    update: { cancelledAt: asOf },
  });
  return count;
}

export interface FulfillmentEventInput {
  shop: string;
  orderId: string;
  fulfillmentId: string;
  /** The carrier's status, lower case as webhooks send it ("in_transit", "delivered" ...). */
  status: string;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
}

/**
 * Applies a tracking event. A delivery is kept once known; the estimate follows the newest event.
 * Events may come in any order, before or after the fulfillment's own webhook.
 */
export async function recordFulfillmentEvent(db: Db, event: FulfillmentEventInput): Promise<void> {
  const delivered = event.status === "delivered" ? event.happenedAt : null;
  const existing = await db.fulfillmentDelivery.findUnique({ where: { fulfillmentId: event.fulfillmentId } });
  if (!existing) {
    try {
      await db.fulfillmentDelivery.create({
        data: {
          fulfillmentId: event.fulfillmentId,
          shop: event.shop,
          orderId: event.orderId,
          deliveredAt: delivered,
          estimatedDeliveryAt: event.estimatedDeliveryAt,
          lastEventAt: event.happenedAt,
        },
      });
      return;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return recordFulfillmentEvent(db, event);
    }
  }
  const newer = event.happenedAt >= existing.lastEventAt;
  await db.fulfillmentDelivery.update({
    where: { fulfillmentId: event.fulfillmentId },
    data: {
      // The first delivery scan counts: a later "delivered" does not move the date.
      deliveredAt:
        existing.deliveredAt && delivered
          ? delivered < existing.deliveredAt
            ? delivered
            : existing.deliveredAt
          : (existing.deliveredAt ?? delivered),
      ...(newer
        ? {
            lastEventAt: event.happenedAt,
            estimatedDeliveryAt: event.estimatedDeliveryAt ?? existing.estimatedDeliveryAt,
          }
        : {}),
    },
  });
}

/** The order's facts, with delivery dates learnt from tracking events filled in. */
export async function deliveryFactsForOrder(db: Db, shop: string, orderId: string): Promise<DeliveryFact[]> {
  const [rows, deliveries] = await Promise.all([
    db.deliveryFact.findMany({
      where: { shop, orderId },
      orderBy: [{ fulfilledAt: "asc" }, { fulfillmentId: "asc" }, { lineItemId: "asc" }],
    }),
    db.fulfillmentDelivery.findMany({ where: { shop, orderId } }),
  ]);
  const byFulfillment = new Map(deliveries.map((d) => [d.fulfillmentId, d]));
  return rows.map(({ id: _id, createdAt: _c, updatedAt: _u, ...fact }) => {
    const tracked = byFulfillment.get(fact.fulfillmentId);
    return {
      ...fact,
      deliveredAt: fact.deliveredAt ?? tracked?.deliveredAt ?? null,
      estimatedDeliveryAt: fact.estimatedDeliveryAt ?? tracked?.estimatedDeliveryAt ?? null,
    };
  });
}
