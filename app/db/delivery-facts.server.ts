import type { Prisma, PrismaClient } from "@prisma/client";

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

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

/**
 * Records facts, tolerating repeats and out-of-order delivery: a fact older than the stored one
 * changes nothing, and a delivery date once known is kept when a newer source has none.
 * Returns how many facts changed the record.
 */
export async function recordDeliveryFacts(db: Db, facts: DeliveryFactInput[]): Promise<number> {
  let changed = 0;
  for (const fact of facts) {
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

export async function deliveryFactsForOrder(db: Db, shop: string, orderId: string): Promise<DeliveryFact[]> {
  const rows = await db.deliveryFact.findMany({
    where: { shop, orderId },
    orderBy: [{ fulfilledAt: "asc" }, { fulfillmentId: "asc" }, { lineItemId: "asc" }],
  });
  return rows.map(({ id: _id, createdAt: _c, updatedAt: _u, ...fact }) => fact);
}
