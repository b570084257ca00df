import type { Prisma } from "@prisma/client";

// The shop's Shopify sessions beyond what the session storage package does itself.

/** Forgets every session of the shop (the app was uninstalled). */
export async function deleteShopSessions(tx: Prisma.TransactionClient, shop: string): Promise<void> {
  await tx.session.deleteMany({ where: { shop } });
}

/** Records the scopes the merchant granted now on every session of the shop. */
export async function setShopSessionScopes(
  tx: Prisma.TransactionClient,
  shop: string,
  scopes: readonly string[],
): Promise<void> {
  await tx.session.updateMany({ where: { shop }, data: { scope: scopes.join(",") } });
}
