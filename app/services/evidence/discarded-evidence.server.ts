import type { PrismaClient } from "@prisma/client";
import { deleteDiscardedEvidence, listDiscardedEvidence } from "../../db/evidence.server";
import type { EvidenceStore } from "./evidence-store.server";

// Deleting evidence spans two systems, the database and the store, with no transaction around
// both (docs/decisions/010-evidence-store.md). The order: in the database transaction, the rows
// are marked discarded (discardEvidence in app/db/evidence.server.ts: redactedAt, and nothing personal left on them); after it commits, their
// files are deleted, then the rows. A transaction that fails discards nothing, so no file that a
// row still points at is ever lost; a file deletion that fails leaves the marked row behind as
// the to-do list, and the next purge of the shop (any retry, any later redaction) finishes it.

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
  const rows = await listDiscardedEvidence(db, shop, ids);
  if (rows.length === 0) return 0;
  await store.delete(rows.flatMap((row) => (row.thumbnailKey ? [row.storageKey, row.thumbnailKey] : [row.storageKey])));
  await deleteDiscardedEvidence(
    db,
    rows.map((row) => row.id),
  );
  return rows.length;
}
