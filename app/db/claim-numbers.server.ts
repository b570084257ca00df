import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";

// The reads behind the numbers dashboard and the claims export: the claims filed in a period, a
// page at a time by keyset on (submittedAt, id) (never OFFSET, never all at once), the delivery
// dates of their lines, and the units delivered in the period summed in SQL per product and
// warehouse. The same SQL runs on SQLite and PostgreSQL.

type Db = PrismaClient | Prisma.TransactionClient;

/** The client the numbers read with (services name it through this type, not through Prisma). */
export type NumbersDb = PrismaClient;

interface PeriodBounds {
  /** Both inclusive. */
  startsAt: Date;
  endsAt: Date;
}

interface ClaimPageCursor {
  submittedAt: Date;
  id: string;
}

const claimSelect = {
  id: true,
  number: true,
  orderId: true,
  orderName: true,
  customerName: true,
  type: true,
  status: true,
  responseHours: true,
  submittedAt: true,
  claimedValueAmount: true,
  claimedValueCurrency: true,
  items: {
    select: { lineItemId: true, productId: true, title: true, quantity: true, returnLocationsJson: true },
    orderBy: { position: "asc" },
  },
  events: { select: { type: true, at: true, actorType: true }, orderBy: { sequence: "asc" } },
  // The refund step, once it succeeded: its plan (per line) and what Shopify refunded.
  actions: { where: { kind: "refund", status: "succeeded" }, select: { requestJson: true, resultJson: true } },
} satisfies Prisma.ClaimSelect;

export type ClaimNumbersRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

/**
 * One page of the shop's claims submitted in the period, oldest first, after `cursor`. The
 * [shop, submittedAt] index serves it; each page costs the same however far into the period.
 */
export function listPeriodClaims(
  db: Db,
  shop: string,
  period: PeriodBounds,
  cursor: ClaimPageCursor | null,
  limit: number,
): Promise<ClaimNumbersRow[]> {
  return db.claim.findMany({
    where: {
      AND: [
        { shop, submittedAt: { gte: period.startsAt, lte: period.endsAt } },
        cursor
          ? {
              OR: [
                { submittedAt: { gt: cursor.submittedAt } },
                { submittedAt: cursor.submittedAt, id: { gt: cursor.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: claimSelect,
  });
}

/**
 * When each line of these orders was delivered, from our delivery records: the line's own date,
 * else its fulfillment's tracking event; the first delivery when a line shipped in parts.
 * Lines without a known delivery are absent.
 */
export async function lineDeliveryDates(db: Db, shop: string, orderIds: readonly string[]): Promise<Map<string, Date>> {
  const unique = [...new Set(orderIds)];
  const dates = new Map<string, Date>();
  if (unique.length === 0) return dates;
  const [facts, tracked] = await Promise.all([
    db.deliveryFact.findMany({
      where: { shop, orderId: { in: unique } },
      select: { lineItemId: true, fulfillmentId: true, deliveredAt: true },
    }),
    db.fulfillmentDelivery.findMany({
      where: { shop, orderId: { in: unique }, deliveredAt: { not: null } },
      select: { fulfillmentId: true, deliveredAt: true },
    }),
  ]);
  const byFulfillment = new Map(tracked.map((t) => [t.fulfillmentId, t.deliveredAt]));
  for (const fact of facts) {
    const at = fact.deliveredAt ?? byFulfillment.get(fact.fulfillmentId) ?? null;
    const known = dates.get(fact.lineItemId);
    if (at && (!known || at < known)) dates.set(fact.lineItemId, at);
  }
  return dates;
}

const DeliveredRowSchema = z.object({
  productId: z.string().nullable(),
  locationId: z.string().nullable(),
  units: z.coerce.number().int(),
});
type DeliveredUnitsRow = z.infer<typeof DeliveredRowSchema>;

/**
 * Units delivered in the period, per product and warehouse, summed in SQL. A unit counts on its
 * delivery date (the line's, else its fulfillment's tracking); one shipped without any delivery
 * date (no tracking) counts on the day it shipped. A delivery never precedes its shipment, so
 * `fulfilledAt <= end` bounds the rows read.
 */
export async function sumDeliveredUnits(db: Db, shop: string, period: PeriodBounds): Promise<DeliveredUnitsRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT f."productId" AS "productId", f."locationId" AS "locationId", SUM(f."quantity") AS "units"
    FROM "DeliveryFact" f
    LEFT JOIN "FulfillmentDelivery" d ON d."fulfillmentId" = f."fulfillmentId"
    WHERE f."shop" = ${shop}
      AND f."fulfilledAt" <= ${period.endsAt}
      AND COALESCE(f."deliveredAt", d."deliveredAt", f."fulfilledAt") >= ${period.startsAt}
      AND COALESCE(f."deliveredAt", d."deliveredAt", f."fulfilledAt") <= ${period.endsAt}
    GROUP BY f."productId", f."locationId"`;
  return z.array(DeliveredRowSchema).parse(rows);
}

/** The warehouses the shop has shipped from, as our delivery records know them. */
export async function shippingLocationIds(db: Db, shop: string): Promise<string[]> {
  const groups = await db.deliveryFact.groupBy({
    by: ["locationId"],
    where: { shop, locationId: { not: null } },
    orderBy: { locationId: "asc" },
  });
  return groups.flatMap((g) => (g.locationId ? [g.locationId] : []));
}
