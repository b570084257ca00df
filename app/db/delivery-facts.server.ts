import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";

// What the policy needs to know about each fulfilled line (when it shipped, from where, when it
// arrived), kept from Shopify's fulfillment webhooks so that warranty claims keep working after
// Shopify hides an order (60 days without read_all_orders). No customer PII beyond the id.
//
// Deliveries about one fulfillment arrive concurrently and in any order. Every write here is an
// upsert (INSERT ... ON CONFLICT, the same SQL on SQLite and PostgreSQL) whose rules (newer facts
// win, a known delivery date or customer is kept) live in the statement itself: it cannot violate
// a key, and on PostgreSQL a violation, even caught, aborts the whole transaction. Writers of a
// fulfillment's lines first lock its FulfillmentDelivery row (lockFulfillments), so a
// cancellation and an older update racing each other apply one after the other.

type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

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

interface FulfillmentRef {
  shop: string;
  orderId: string;
  fulfillmentId: string;
}

// Well under both databases' limits on bound parameters (SQLite 32,766; PostgreSQL 65,535).
const ROWS_PER_STATEMENT = 500;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The caller's transaction, or a new one: the fulfillment locks must hold until the writes commit. */
function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}

const LockedRowSchema = z.object({ fulfillmentId: z.string(), cancelledAt: z.coerce.date().nullable() });

/**
 * Locks the fulfillments' FulfillmentDelivery rows until the transaction ends, creating them when
 * missing, and returns when each was cancelled. With `cancelledAt`, records that cancellation (the
 * latest one known is kept). Rows are taken in fulfillment id order, so writers never deadlock.
 */
async function lockFulfillments(
  tx: Tx,
  refs: readonly FulfillmentRef[],
  cancelledAt: Date | null = null,
): Promise<Map<string, Date | null>> {
  const unique = [...new Map(refs.map((r) => [r.fulfillmentId, r])).values()].sort((a, b) =>
    byCodeUnits(a.fulfillmentId, b.fulfillmentId),
  );
  const now = new Date();
  const cancellations = new Map<string, Date | null>();
  for (const batch of chunks(unique)) {
    const values = batch.map(
      (r) => Prisma.sql`(${r.fulfillmentId}, ${r.shop}, ${r.orderId}, ${new Date(0)}, ${cancelledAt}, ${now})`,
    );
    const rows = await tx.$queryRaw<unknown[]>`
      INSERT INTO "FulfillmentDelivery" ("fulfillmentId", "shop", "orderId", "lastEventAt", "cancelledAt", "updatedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("fulfillmentId") DO UPDATE SET
        "cancelledAt" = CASE
          WHEN "FulfillmentDelivery"."cancelledAt" IS NULL OR excluded."cancelledAt" > "FulfillmentDelivery"."cancelledAt"
          THEN excluded."cancelledAt" ELSE "FulfillmentDelivery"."cancelledAt" END,
        "updatedAt" = excluded."updatedAt"
      RETURNING "fulfillmentId", "cancelledAt"`;
    for (const row of z.array(LockedRowSchema).parse(rows)) cancellations.set(row.fulfillmentId, row.cancelledAt);
  }
  return cancellations;
}

// Column rules for a line already recorded. "Newer" compares the sources' own times; equal counts
// as newer, so a repeat is harmless.
const NEWER = `excluded."sourceUpdatedAt" >= "DeliveryFact"."sourceUpdatedAt"`;
const newerWins = (column: string) =>
  `"${column}" = CASE WHEN ${NEWER} THEN excluded."${column}" ELSE "DeliveryFact"."${column}" END`;
// A delivery date or a customer once known is kept when a newer source has none, and an older
// source may still tell one we did not have.
const knownKept = (column: string) =>
  `"${column}" = CASE WHEN ${NEWER} THEN COALESCE(excluded."${column}", "DeliveryFact"."${column}") ` +
  `ELSE COALESCE("DeliveryFact"."${column}", excluded."${column}") END`;
const FACT_UPSERT = Prisma.raw(`
  ON CONFLICT ("fulfillmentId", "lineItemId") DO UPDATE SET
    ${[
      ...["orderId", "productId", "variantId", "quantity", "fulfilledAt", "estimatedDeliveryAt", "locationId"].map(
        newerWins,
      ),
      ...["customerId", "deliveredAt"].map(knownKept),
      newerWins("sourceUpdatedAt"),
      `"updatedAt" = excluded."updatedAt"`,
    ].join(",\n    ")}
  WHERE "DeliveryFact"."shop" = excluded."shop" AND (
    ${NEWER}
    OR ("DeliveryFact"."deliveredAt" IS NULL AND excluded."deliveredAt" IS NOT NULL)
    OR ("DeliveryFact"."customerId" IS NULL AND excluded."customerId" IS NOT NULL)
  )`);

/** One statement for up to ROWS_PER_STATEMENT lines, each key at most once; returns rows changed. */
function upsertFacts(tx: Tx, facts: readonly DeliveryFactInput[]): Promise<number> {
  const now = new Date();
  const rows = facts.map(
    (f) =>
      Prisma.sql`(${randomUUID()}, ${f.shop}, ${f.orderId}, ${f.fulfillmentId}, ${f.lineItemId}, ${f.productId},
        ${f.variantId}, ${f.customerId}, ${f.quantity}, ${f.fulfilledAt}, ${f.deliveredAt}, ${f.estimatedDeliveryAt},
        ${f.locationId}, ${f.sourceUpdatedAt}, ${now}, ${now})`,
  );
  return tx.$executeRaw`
    INSERT INTO "DeliveryFact" ("id", "shop", "orderId", "fulfillmentId", "lineItemId", "productId", "variantId",
      "customerId", "quantity", "fulfilledAt", "deliveredAt", "estimatedDeliveryAt", "locationId", "sourceUpdatedAt",
      "createdAt", "updatedAt")
    VALUES ${Prisma.join(rows)}
    ${FACT_UPSERT}`;
}

/**
 * Splits facts so that no statement names a line twice (an upsert may not touch a row twice):
 * the n-th fact about a line goes into the n-th round, applied in order.
 */
function rounds(facts: readonly DeliveryFactInput[]): DeliveryFactInput[][] {
  const seen = new Map<string, number>();
  const out: DeliveryFactInput[][] = [];
  for (const fact of facts) {
    const key = `${fact.fulfillmentId}\n${fact.lineItemId}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (out[round] ??= []).push(fact);
  }
  return out;
}

/**
 * Records facts, tolerating repeats, concurrency and out-of-order delivery: a fact older than the
 * stored one changes nothing, a delivery date (or customer) once known is kept when a newer source
 * has none, and a fact from before its fulfillment's cancellation is ignored.
 * Two statements for any number of lines (a lock, then one upsert). Returns how many facts changed
 * the record.
 */
export async function recordDeliveryFacts(db: Db, facts: DeliveryFactInput[]): Promise<number> {
  if (facts.length === 0) return 0;
  return inTransaction(db, async (tx) => {
    const cancelled = await lockFulfillments(tx, facts);
    const live = facts
      .filter((f) => {
        const cancellation = cancelled.get(f.fulfillmentId);
        return !cancellation || cancellation < f.sourceUpdatedAt;
      })
      // The same order on every writer, so row locks are taken in one order.
      .sort((a, b) => byCodeUnits(a.fulfillmentId, b.fulfillmentId) || byCodeUnits(a.lineItemId, b.lineItemId));
    let changed = 0;
    for (const round of rounds(live)) {
      for (const batch of chunks(round)) changed += await upsertFacts(tx, batch);
    }
    return changed;
  });
}

/**
 * A fulfillment was cancelled or failed: it shipped nothing. Its facts go, and the cancellation is
 * remembered so that an older update arriving late (or at the same time) cannot bring them back.
 */
export async function removeFulfillmentFacts(db: Db, ref: FulfillmentRef, asOf: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockFulfillments(tx, [ref], asOf);
    const { count } = await tx.deliveryFact.deleteMany({
      where: { shop: ref.shop, fulfillmentId: ref.fulfillmentId, sourceUpdatedAt: { lte: asOf } },
    });
    return count;
  });
}

interface FulfillmentEventInput {
  shop: string;
  orderId: string;
  fulfillmentId: string;
  /** The carrier's status, lower case as webhooks send it ("in_transit", "delivered" ...). */
  status: string;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
}

/**
 * Applies a tracking event in one upsert. The first delivery scan counts (a later "delivered" does
 * not move the date); the estimate follows the newest event. Events may come in any order, before
 * or after the fulfillment's own webhook.
 */
export async function recordFulfillmentEvent(db: Db, event: FulfillmentEventInput): Promise<void> {
  const delivered = event.status === "delivered" ? event.happenedAt : null;
  const newer = `excluded."lastEventAt" >= "FulfillmentDelivery"."lastEventAt"`;
  await db.$executeRaw`
    INSERT INTO "FulfillmentDelivery" ("fulfillmentId", "shop", "orderId", "deliveredAt", "estimatedDeliveryAt",
      "lastEventAt", "updatedAt")
    VALUES (${event.fulfillmentId}, ${event.shop}, ${event.orderId}, ${delivered}, ${event.estimatedDeliveryAt},
      ${event.happenedAt}, ${new Date()})
    ON CONFLICT ("fulfillmentId") DO UPDATE SET
      "deliveredAt" = CASE
        WHEN excluded."deliveredAt" IS NOT NULL
          AND ("FulfillmentDelivery"."deliveredAt" IS NULL OR excluded."deliveredAt" < "FulfillmentDelivery"."deliveredAt")
        THEN excluded."deliveredAt" ELSE "FulfillmentDelivery"."deliveredAt" END,
      "estimatedDeliveryAt" = CASE WHEN ${Prisma.raw(newer)}
        THEN COALESCE(excluded."estimatedDeliveryAt", "FulfillmentDelivery"."estimatedDeliveryAt")
        ELSE "FulfillmentDelivery"."estimatedDeliveryAt" END,
      "lastEventAt" = CASE WHEN ${Prisma.raw(newer)}
        THEN excluded."lastEventAt" ELSE "FulfillmentDelivery"."lastEventAt" END,
      "updatedAt" = excluded."updatedAt"`;
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

/** orders/fulfilled names the order's customer: every delivery record of the order learns it. */
export async function setOrderCustomer(db: Db, shop: string, orderId: string, customerId: string): Promise<void> {
  await db.deliveryFact.updateMany({ where: { shop, orderId }, data: { customerId } });
}
