import type { Prisma, PrismaClient } from "@prisma/client";
import { EvidenceKindSchema, type EvidenceKind } from "../domain/policy/policy-schema";

// Evidence rows (the files themselves are in the evidence store, app/services/evidence). Rows are
// parsed into EvidenceRow at this edge: the kind is checked against the domain's list, so a
// stored row that does not fit fails here (our 500), not in whoever reads it.

type Db = PrismaClient | Prisma.TransactionClient;

export interface EvidenceRow {
  id: string;
  claimId: string | null;
  shop: string;
  orderId: string;
  customerId: string | null;
  kind: EvidenceKind;
  fileName: string | null;
  contentType: string;
  byteSize: number;
  storageKey: string;
  thumbnailKey: string | null;
  uploadedAt: Date;
}

type Row = Prisma.EvidenceGetPayload<object>;

function toEvidenceRow(row: Row): EvidenceRow {
  return {
    id: row.id,
    claimId: row.claimId,
    shop: row.shop,
    orderId: row.orderId,
    customerId: row.customerId,
    kind: EvidenceKindSchema.parse(row.kind),
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    storageKey: row.storageKey,
    thumbnailKey: row.thumbnailKey,
    uploadedAt: row.uploadedAt,
  };
}

/** Whose unattached uploads of an order (a claim form's draft) are meant. */
interface DraftOwner {
  shop: string;
  orderId: string;
  customerId: string;
}

const draftWhere = (owner: DraftOwner): Prisma.EvidenceWhereInput => ({
  shop: owner.shop,
  orderId: owner.orderId,
  customerId: owner.customerId,
  claimId: null,
  redactedAt: null,
});

const OLDEST_FIRST: Prisma.EvidenceOrderByWithRelationInput[] = [{ uploadedAt: "asc" }, { id: "asc" }];

/** How many files the shopper's draft of the order holds. */
export function countDraftEvidence(db: Db, owner: DraftOwner): Promise<number> {
  return db.evidence.count({ where: draftWhere(owner) });
}

/** The kinds of these draft uploads of the owner, oldest first; an id not among them is left out. */
export async function draftEvidenceKinds(db: Db, owner: DraftOwner, ids: readonly string[]): Promise<EvidenceKind[]> {
  const rows = await db.evidence.findMany({
    where: { ...draftWhere(owner), id: { in: [...ids] } },
    select: { kind: true },
    orderBy: OLDEST_FIRST,
  });
  return rows.map((row) => EvidenceKindSchema.parse(row.kind));
}

/** How many files a claim holds (not discarded). */
export function countClaimEvidence(db: Db, claimId: string): Promise<number> {
  return db.evidence.count({ where: { claimId, redactedAt: null } });
}

/** Attaches these draft uploads of the owner to the claim. Returns how many were still drafts. */
export async function attachDraftEvidence(
  tx: Prisma.TransactionClient,
  owner: DraftOwner,
  ids: readonly string[],
  claimId: string,
  at: Date,
): Promise<number> {
  const attached = await tx.evidence.updateMany({
    where: { ...draftWhere(owner), id: { in: [...ids] } },
    data: { claimId, attachedAt: at },
  });
  return attached.count;
}

interface NewEvidence extends DraftOwner {
  kind: EvidenceKind;
  fileName: string | null;
  uploadedAt: Date;
  storageKey: string;
  thumbnailKey: string | null;
  contentType: string;
  byteSize: number;
  sha256: string;
}

/** Records an upload, unattached. */
export async function insertEvidence(db: Db, evidence: NewEvidence): Promise<EvidenceRow> {
  return toEvidenceRow(await db.evidence.create({ data: evidence }));
}

/** An evidence row that was not discarded: the shopper's own when `owner` is given. */
export async function findLiveEvidence(
  db: Db,
  id: string,
  owner?: { shop: string; customerId: string },
): Promise<EvidenceRow | null> {
  const row = await db.evidence.findFirst({
    where: { id, redactedAt: null, ...(owner ? { shop: owner.shop, customerId: owner.customerId } : {}) },
  });
  return row === null ? null : toEvidenceRow(row);
}

/** Evidence of a claim (never a draft's), not discarded; of this shop when `shop` is given. */
export async function findClaimEvidence(db: Db, id: string, shop?: string): Promise<EvidenceRow | null> {
  const row = await db.evidence.findFirst({
    where: { id, claimId: { not: null }, redactedAt: null, ...(shop === undefined ? {} : { shop }) },
  });
  return row === null ? null : toEvidenceRow(row);
}

/** A claim's evidence in the claim's shop, not discarded, oldest first. */
export async function listClaimEvidence(db: Db, shop: string, claimId: string): Promise<EvidenceRow[]> {
  const rows = await db.evidence.findMany({ where: { shop, claimId, redactedAt: null }, orderBy: OLDEST_FIRST });
  return rows.map(toEvidenceRow);
}

/**
 * Marks evidence rows discarded, inside the caller's transaction: redactedAt set and nothing
 * personal left on them (docs/decisions/010-evidence-store.md). Returns how many.
 */
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

/** Discards an upload only while no claim holds it. Returns whether it did. */
export async function discardUnattachedUpload(tx: Prisma.TransactionClient, id: string, now: Date): Promise<boolean> {
  return (await discardEvidence(tx, { id, claimId: null }, now)) === 1;
}

/** The stored files of the shop's discarded evidence (or just of these ids). */
export async function listDiscardedEvidence(
  db: PrismaClient,
  shop: string,
  ids?: readonly string[],
): Promise<{ id: string; storageKey: string; thumbnailKey: string | null }[]> {
  return db.evidence.findMany({
    where: { shop, redactedAt: { not: null }, ...(ids ? { id: { in: [...ids] } } : {}) },
    select: { id: true, storageKey: true, thumbnailKey: true },
  });
}

/** Deletes discarded evidence rows (their files already deleted). */
export async function deleteDiscardedEvidence(db: PrismaClient, ids: readonly string[]): Promise<void> {
  await db.evidence.deleteMany({ where: { id: { in: [...ids] }, redactedAt: { not: null } } });
}
