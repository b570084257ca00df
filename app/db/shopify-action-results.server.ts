import type { Prisma, PrismaClient } from "@prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * What Shopify answered to the claim's succeeded actions of these kinds (the stored result's
 * JSON, parsed as JSON only: each kind's reader checks it with its own schema).
 */
export async function succeededActionResults(
  db: Db,
  claimId: string,
  kinds: readonly string[],
): Promise<{ kind: string; result: unknown }[]> {
  const rows = await db.shopifyAction.findMany({
    where: { claimId, status: "succeeded", kind: { in: [...kinds] } },
    select: { kind: true, resultJson: true },
  });
  return rows.map((row) => ({
    kind: row.kind,
    result: row.resultJson === null ? null : (JSON.parse(row.resultJson) as unknown),
  }));
}
