import type { Prisma, PrismaClient } from "@prisma/client";
import type { EvidenceStore } from "./evidence-store.server";

// Deleting evidence spans two systems, the database and the store, with no transaction around
// both (docs/decisions/010-evidence-store.md). The order: in the database transaction, the rows
// are marked discarded (redactedAt, and nothing personal left on them); after it commits, their
// files are deleted, then the rows. A transaction that fails discards nothing, so no file that a
// row still points at is ever lost; a file deletion that fails leaves the marked row behind as
// the to-do list, and the next purge of the shop (any retry, any later redaction) finishes it.

/** Marks evidence rows discarded, inside the caller's transaction. Returns how many. */
export async function discardEvidence(
  tx: Prisma.TransactionClient,
  where: Prisma.EvidenceWhereInput,
  now: Date,
): Promise<number> {
  const marked = await tx.evidence.updateMany({
    where: { AND: [where, { redactedAt: null }] },
    data: { redactedAt: now, customerId: null, fileName: null },
  });
  return marked.count;
}

/**
 * Deletes the files of the shop's discarded evidence (or just these ids), then the rows. Run after
 * the transaction that discarded them committed; safe to repeat.
 */
export async function purgeDiscardedEvidence(
  db: PrismaClient,
  store: EvidenceStore,
  shop: string,
  ids?: string[],
): Promise<number> {
  const rows = await db.evidence.findMany({
    where: { shop, redactedAt: { not: null }, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, storageKey: true, thumbnailKey: true },
  });
  if (rows.length === 0) return 0;
  await store.delete(rows.flatMap((row) => (row.thumbnailKey ? [row.storageKey, row.thumbnailKey] : [row.storageKey])));
  await db.evidence.deleteMany({ where: { id: { in: rows.map((row) => row.id) }, redactedAt: { not: null } } });
  return rows.length;
}
