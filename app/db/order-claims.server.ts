import type { Prisma, PrismaClient } from "@prisma/client";

// Claims read by order: what the shopper's order page and the submission need to know.

type Db = PrismaClient | Prisma.TransactionClient;

/** Claims that still hold units of an order line (anything not denied or cancelled). */
const RELEASED_STATUSES = ["denied", "cancelled"];

/** Units of each line of the order that claims still hold, by line item id. */
export async function heldUnitsOfOrder(db: Db, shop: string, orderId: string): Promise<Record<string, number>> {
  const items = await db.claimItem.findMany({
    where: { claim: { shop, orderId, status: { notIn: RELEASED_STATUSES } } },
    select: { lineItemId: true, quantity: true },
  });
  const units: Record<string, number> = {};
  for (const item of items) units[item.lineItemId] = (units[item.lineItemId] ?? 0) + item.quantity;
  return units;
}

/** The ids of the customer's claims on one order, newest first. */
export async function claimIdsOfCustomerOrder(
  db: Db,
  shop: string,
  orderId: string,
  customerId: string,
): Promise<string[]> {
  const rows = await db.claim.findMany({
    where: { shop, orderId, customerId },
    orderBy: [{ submittedAt: "desc" }, { number: "desc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
