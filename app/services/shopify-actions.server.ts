import type { Prisma, PrismaClient, ShopifyAction } from "@prisma/client";
import type { z } from "zod";
import { DomainError } from "../domain/errors";
import { ShopifyUserError } from "../shopify/errors.server";
import { isUniqueViolation } from "../db/errors.server";

// A claim's side effects in Shopify (refund, replacement order, return opened / closed) are
// steps with a stored intent: one ShopifyAction per claim and kind, written before Shopify is
// called, with the idempotency key and everything the call needs. Where Shopify has no
// idempotency directive (draft orders, returns) the action is also a lease: one request at a time
// carries it out, and what it learnt half-way (a draft order's id) is stored at once, so a retry
// after a crash continues instead of starting over.

type Db = PrismaClient | Prisma.TransactionClient;

export type ShopifyActionKind = "refund" | "replacement" | "return_open" | "return_close";

/** A request that has held an action this long without finishing is presumed dead. */
export const ACTION_LEASE_MS = 2 * 60 * 1000;

export const actionKey = (claimId: string, kind: ShopifyActionKind) => `warranty-desk:claim:${claimId}:${kind}`;

export interface StoredAction<T> {
  action: ShopifyAction;
  intent: T;
}

export async function findAction<T>(
  db: Db,
  claimId: string,
  kind: ShopifyActionKind,
  schema: z.ZodType<T>,
): Promise<StoredAction<T> | null> {
  const action = await db.shopifyAction.findUnique({ where: { claimId_kind: { claimId, kind } } });
  return action ? { action, intent: schema.parse(JSON.parse(action.requestJson)) } : null;
}

/**
 * The stored intent of this claim's action of `kind`, created from `plan()` the first time. When
 * two requests store one at once, the first one's intent is the one carried out.
 */
export async function storeActionIntent<T>(
  db: PrismaClient,
  claimId: string,
  kind: ShopifyActionKind,
  schema: z.ZodType<T>,
  plan: () => Promise<T>,
): Promise<StoredAction<T>> {
  const existing = await findAction(db, claimId, kind, schema);
  if (existing) return existing;
  const intent = schema.parse(await plan());
  try {
    const action = await db.shopifyAction.create({
      data: {
        claimId,
        kind,
        idempotencyKey: actionKey(claimId, kind),
        status: "pending",
        requestJson: JSON.stringify(intent),
      },
    });
    return { action, intent };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await findAction(db, claimId, kind, schema);
    if (!winner) throw err;
    return winner;
  }
}

/**
 * Takes the action for this request: pending or failed ones, and ones whose holder stopped
 * answering (lease expired). Another live request holding it is a conflict the merchant can retry.
 * Returns the action as taken (attempts counts this one).
 */
export async function leaseAction(db: PrismaClient, action: ShopifyAction, now: Date, label: string) {
  const staleBefore = new Date(now.getTime() - ACTION_LEASE_MS);
  const { count } = await db.shopifyAction.updateMany({
    where: {
      id: action.id,
      OR: [{ status: { in: ["pending", "failed"] } }, { status: "in_progress", updatedAt: { lt: staleBefore } }],
    },
    data: { status: "in_progress", updatedAt: now, attempts: { increment: 1 } },
  });
  const current = await db.shopifyAction.findUniqueOrThrow({ where: { id: action.id } });
  if (count === 1) return current;
  if (current.status === "succeeded") return current;
  throw new DomainError(
    "conflict",
    "claim.action_in_progress",
    `The ${label} for this claim is being created by another request right now. Reload the claim in a moment.`,
  );
}

/** Keeps what the step learnt so far (e.g. the draft order's id) while it still holds the lease. */
export async function recordActionProgress(db: Db, actionId: string, result: unknown, now: Date) {
  await db.shopifyAction.update({
    where: { id: actionId },
    data: { resultJson: JSON.stringify(result), updatedAt: now },
  });
}

export async function markActionSucceeded(db: Db, actionId: string, result: unknown, shopifyId: string | null) {
  return db.shopifyAction.update({
    where: { id: actionId },
    data: { status: "succeeded", resultJson: JSON.stringify(result), shopifyId, errorMessage: null },
  });
}

/**
 * Records the failure (the action stays retryable) and turns Shopify's refusal into a message for
 * the merchant; other errors (Shopify unreachable, throttled too long) pass through unchanged.
 */
export async function failAction(
  db: Db,
  actionId: string,
  err: unknown,
  refusal: { code: string; what: string },
): Promise<never> {
  await db.shopifyAction.update({
    where: { id: actionId },
    data: {
      status: "failed",
      errorMessage: err instanceof ShopifyUserError ? err.readableMessage : "Shopify could not be reached.",
    },
  });
  if (err instanceof ShopifyUserError) {
    throw new DomainError("conflict", refusal.code, `Shopify refused ${refusal.what}: ${err.readableMessage}`);
  }
  throw err;
}
