import type { Prisma, PrismaClient } from "@prisma/client";

export interface WebhookDeliveryRef {
  webhookId: string;
  shop: string;
  topic: string;
}

export type Tx = Prisma.TransactionClient;

/**
 * Runs a webhook's work at most once per delivery id. The work and the record of the delivery
 * commit together: a duplicate delivery is acknowledged without repeating the work, and a failed
 * attempt records nothing, so Shopify's retry does the work again.
 * Returns false when the delivery had already been processed.
 */
export async function processWebhookOnce(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // The delivery is claimed before the work. A copy racing this one waits at this insert until
    // this transaction ends, then skips (the work is committed) or, if this one rolled back, claims
    // it and does the work itself. Skipping cannot fail, unlike a unique violation, which on
    // PostgreSQL aborts the transaction even when caught.
    const claimed = await tx.$executeRaw`
      INSERT INTO "WebhookDelivery" ("webhookId", "shop", "topic", "receivedAt")
      VALUES (${delivery.webhookId}, ${delivery.shop}, ${delivery.topic}, ${new Date()})
      ON CONFLICT ("webhookId") DO NOTHING`;
    if (claimed === 0) return false;
    await work(tx);
    return true;
  });
}
