import type { Prisma, PrismaClient } from "@prisma/client";
import { FINISHED_STATUSES } from "../domain/claim-lifecycle/claim-status";
import { findClaim, type StoredClaim } from "./claims.server";

// What composing an email reads beyond the claim itself (issue 12): whether the claim was redacted
// meanwhile and the shopper's language, and for the merchant's digest the shop's claims that wait
// on a response or are new. Rows are checked here; a bad one is thrown, never sent blank.

type Db = PrismaClient | Prisma.TransactionClient;

export interface ClaimForEmail {
  stored: StoredClaim;
  /** The shopper's language when they filed (en | fr | de | es), null for claims filed before. */
  locale: string | null;
  /** Set once customers/redact erased the shopper's data: nothing more is sent about the claim. */
  redactedAt: Date | null;
}

/** The claim as its emails need it, or null when the shop has no such claim. */
export async function readClaimForEmail(db: Db, shop: string, claimId: string): Promise<ClaimForEmail | null> {
  const [stored, row] = await Promise.all([
    findClaim(db, shop, claimId),
    db.claim.findFirst({ where: { id: claimId, shop }, select: { locale: true, redactedAt: true } }),
  ]);
  if (!stored || !row) return null;
  return { stored, locale: row.locale, redactedAt: row.redactedAt };
}

export interface DigestClaim {
  id: string;
  number: number;
  customerName: string | null;
  /** Null when the merchant is not (or no longer) due to respond. */
  respondBy: Date | null;
  submittedAt: Date;
}

/**
 * The shop's claims for the digest: those whose response is due by `dueBefore` (overdue ones
 * included), and the open ones filed since `since`, oldest due first. Finished, closed and
 * redacted claims are left out.
 */
export async function listDigestClaims(
  db: Db,
  shop: string,
  { since, dueBefore }: { since: Date; dueBefore: Date },
): Promise<DigestClaim[]> {
  const rows = await db.claim.findMany({
    where: {
      shop,
      redactedAt: null,
      status: { notIn: [...FINISHED_STATUSES, "closed"] },
      OR: [{ respondBy: { not: null, lte: dueBefore } }, { submittedAt: { gte: since } }],
    },
    select: { id: true, number: true, customerName: true, respondBy: true, submittedAt: true },
    orderBy: [{ respondBy: "asc" }, { submittedAt: "asc" }, { number: "asc" }],
    take: 500,
  });
  return rows;
}
