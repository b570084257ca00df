import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";

// The Shopify return a claim opened (request-return.server.ts keeps its id on the claim and what
// returnCreate answered on the return_open step), read for the claim page's return card.

type Db = PrismaClient | Prisma.TransactionClient;

/** What returnCreate answered, as the step stored it (a row that fails it is our 500). */
const OpenedReturnSchema = z.object({ returnId: z.string(), name: z.string(), status: z.string() }).nullable();

export interface ClaimShopifyReturn {
  returnId: string;
  /** Its name when it was opened (e.g. "#1001-R1"); null when the step kept none. */
  name: string | null;
  /** Its status when it was opened. */
  status: string | null;
}

/** The claim's Shopify return, when one was opened; null for another shop's claim. */
export async function findClaimShopifyReturn(
  db: Db,
  shop: string,
  claimId: string,
): Promise<ClaimShopifyReturn | null> {
  const row = await db.claim.findFirst({
    where: { id: claimId, shop },
    select: {
      shopifyReturnId: true,
      actions: { where: { kind: "return_open", status: "succeeded" }, select: { resultJson: true } },
    },
  });
  if (!row?.shopifyReturnId) return null;
  const resultJson = row.actions[0]?.resultJson ?? null;
  const opened = resultJson === null ? null : OpenedReturnSchema.parse(JSON.parse(resultJson));
  return {
    returnId: row.shopifyReturnId,
    name: opened?.returnId === row.shopifyReturnId ? opened.name : null,
    status: opened?.returnId === row.shopifyReturnId ? opened.status : null,
  };
}
