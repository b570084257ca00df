import type { Prisma, PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "./errors.server";

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
  try {
    return await db.$transaction(async (tx) => {
      const seen = await tx.webhookDelivery.findUnique({ where: { webhookId: delivery.webhookId } });
      if (seen) return false;
      await work(tx);
      await tx.webhookDelivery.create({ data: delivery });
      return true;
    });
  } catch (err) {
    // Two copies of one delivery racing: the loser's insert hits the primary key.
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}
