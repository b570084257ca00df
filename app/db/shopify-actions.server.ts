import type { Prisma, PrismaClient, ShopifyAction } from "@prisma/client";
import { saveClaimChange, type StoredClaim } from "./claims.server";
import type { ClaimState } from "../domain/claim-lifecycle/claim-state";
import { isUniqueViolation } from "./errors.server";

// The rows of the step runner (app/services/shopify-actions.server.ts): one ShopifyAction per claim
// and kind. Every write that carries a step forward is conditional (updateMany with the status and
// attempt it expects), so a request that lost its lease never writes over the next holder.

type Db = PrismaClient | Prisma.TransactionClient;

export type ShopifyActionRow = ShopifyAction;

export const findActionRow = (db: Db, claimId: string, kind: string) =>
  db.shopifyAction.findUnique({ where: { claimId_kind: { claimId, kind } } });

export const requireActionRow = (db: Db, id: string) => db.shopifyAction.findUniqueOrThrow({ where: { id } });

/** Inserts the step's first plan; null when another request inserted one first (theirs stands). */
export async function insertActionRow(
  db: Db,
  row: { claimId: string; kind: string; idempotencyKey: string; requestJson: string },
): Promise<ShopifyAction | null> {
  try {
    return await db.shopifyAction.create({ data: { ...row, status: "pending" } });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/** Replaces a refused plan with a new one under a new key; only the first of concurrent requests does. */
export async function replaceRefusedPlan(
  db: Db,
  refused: ShopifyAction,
  next: { idempotencyKey: string; requestJson: string },
): Promise<ShopifyAction> {
  await db.shopifyAction.updateMany({
    where: { id: refused.id, status: "refused", idempotencyKey: refused.idempotencyKey },
    data: { ...next, status: "pending", resultJson: null, shopifyId: null, errorMessage: null },
  });
  return requireActionRow(db, refused.id);
}

/**
 * Takes the step for one attempt when it is in one of `takeable` statuses, or in progress under a
 * lease older than `staleBefore`, and still has the key the caller read. Returns whether it was
 * taken, and the row as it is now.
 */
export async function takeActionLease(
  db: Db,
  action: ShopifyAction,
  takeable: readonly string[],
  staleBefore: Date,
  now: Date,
): Promise<{ taken: boolean; row: ShopifyAction }> {
  const { count } = await db.shopifyAction.updateMany({
    where: {
      id: action.id,
      idempotencyKey: action.idempotencyKey,
      OR: [{ status: { in: [...takeable] } }, { status: "in_progress", updatedAt: { lt: staleBefore } }],
    },
    data: { status: "in_progress", updatedAt: now, attempts: { increment: 1 } },
  });
  return { taken: count === 1, row: await requireActionRow(db, action.id) };
}

/**
 * Writes to the step only while `lease` still holds it (in progress, the same attempt). Returns
 * false when it no longer does: the write did not happen.
 */
export async function writeWhileHeld(
  db: Db,
  lease: ShopifyAction,
  data: Pick<Prisma.ShopifyActionUpdateManyMutationInput, "status" | "resultJson" | "shopifyId" | "errorMessage"> & {
    updatedAt?: Date;
  },
): Promise<boolean> {
  const { count } = await db.shopifyAction.updateMany({
    where: { id: lease.id, status: "in_progress", attempts: lease.attempts },
    data,
  });
  return count === 1;
}

/** The Shopify return opened for the claim, if any. */
export async function claimShopifyReturnId(db: Db, claimId: string): Promise<string | null> {
  const row = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { shopifyReturnId: true } });
  return row.shopifyReturnId;
}

/**
 * Saves the claim's next state (a Shopify step's outcome) as its next version, in one transaction,
 * with the Shopify return it opened, if any. A stale version is claimChangedMeanwhile, as for
 * every change.
 */
export async function saveClaimAfterShopifySteps(
  db: PrismaClient,
  shop: string,
  claim: StoredClaim,
  next: ClaimState,
  shopifyReturnId?: string | null,
): Promise<StoredClaim> {
  return db.$transaction(async (tx) => {
    const saved = await saveClaimChange(tx, shop, claim.meta.version, claim.state, next);
    if (shopifyReturnId) await keepShopifyReturnId(tx, claim.state.id, shopifyReturnId);
    return saved;
  });
}

export async function keepShopifyReturnId(db: Db, claimId: string, shopifyReturnId: string): Promise<void> {
  await db.claim.update({ where: { id: claimId }, data: { shopifyReturnId } });
}
