import type { Prisma, PrismaClient, ShopifyAction } from "@prisma/client";
import type { z } from "zod";
import { DomainError } from "../domain/errors";
import { ShopifyUserError } from "../shopify/errors.server";
import { isUniqueViolation } from "../db/errors.server";

// A claim's side effects in Shopify (refund, replacement order, return opened / closed) are
// steps with a stored intent: one ShopifyAction per claim and kind, written before Shopify is
// called, with the idempotency key and everything the call needs. Every step is carried out the
// same way (carryOutAction):
// - a lease: one request at a time carries it out; the others get a conflict to retry, or the
//   finished result. A holder that stopped answering loses the lease after ACTION_LEASE_MS;
// - fenced writes: each result (progress, success, failure) is written only while the writer
//   still holds the lease it took (status in_progress, the same attempt number), so a success is
//   never overwritten and an expired holder never writes over the next one;
// - what it learnt half-way (a draft order's id) is stored at once, so a retry after a crash
//   continues instead of starting over;
// - a transport failure (Shopify unreachable, throttled too long) leaves the step "failed": the
//   same intent and key are sent again, because the first call may have succeeded;
// - Shopify's refusal (userErrors) leaves it "refused" with Shopify's reason. A refund is then
//   planned afresh under a new key (the order changed: the merchant refunded by hand, say); a key
//   is never reused for a different request, since Shopify answers a reused key with its first
//   outcome. The other kinds retry their intent, which later steps depend on.
//
// Statuses: pending -> in_progress -> succeeded | failed | refused; failed -> in_progress;
// refused -> in_progress (same intent) or pending (new plan, new key, refunds only).

type Db = PrismaClient | Prisma.TransactionClient;

export type ShopifyActionKind = "refund" | "replacement" | "return_open" | "return_close";

/** Which kinds get a fresh plan (and key) when Shopify refused the stored one. */
const PLANNED_AFRESH_WHEN_REFUSED: Record<ShopifyActionKind, boolean> = {
  // The refund is computed from what the order still allows; that changes when the merchant acts.
  refund: true,
  // The stock check decides which items are refunded instead: it must not change after the refund.
  replacement: false,
  return_open: false,
  return_close: false,
};

/** A request that has held an action this long without finishing is presumed dead. */
export const ACTION_LEASE_MS = 2 * 60 * 1000;

/** The idempotency key of a step's `generation`th plan (a new plan after a refusal gets a new key). */
export const actionKey = (claimId: string, kind: ShopifyActionKind, generation = 1) =>
  `warranty-desk:claim:${claimId}:${kind}${generation > 1 ? `:${generation}` : ""}`;

function keyGeneration(key: string, claimId: string, kind: ShopifyActionKind): number {
  const suffix = key.slice(actionKey(claimId, kind).length);
  return /^:\d+$/.test(suffix) ? Number(suffix.slice(1)) : 1;
}

export interface StoredAction<T> {
  action: ShopifyAction;
  intent: T;
  schema: z.ZodType<T>;
}

export async function findAction<T>(
  db: Db,
  claimId: string,
  kind: ShopifyActionKind,
  schema: z.ZodType<T>,
): Promise<StoredAction<T> | null> {
  const action = await db.shopifyAction.findUnique({ where: { claimId_kind: { claimId, kind } } });
  return action ? parseAction(action, schema) : null;
}

const parseAction = <T>(action: ShopifyAction, schema: z.ZodType<T>): StoredAction<T> => ({
  action,
  intent: schema.parse(JSON.parse(action.requestJson)),
  schema,
});

/**
 * The stored intent of this claim's action of `kind`, created from `plan()` the first time, and
 * again (under a new key) after Shopify refused a refund's plan. When two requests store one at
 * once, the first one's intent is the one carried out.
 */
export async function storeActionIntent<T>(
  db: PrismaClient,
  claimId: string,
  kind: ShopifyActionKind,
  schema: z.ZodType<T>,
  plan: () => Promise<T>,
): Promise<StoredAction<T>> {
  const existing = await db.shopifyAction.findUnique({ where: { claimId_kind: { claimId, kind } } });
  const planAfresh = existing?.status === "refused" && PLANNED_AFRESH_WHEN_REFUSED[kind];
  if (existing && !planAfresh) return parseAction(existing, schema);
  const intent = schema.parse(await plan());
  if (existing) {
    // Only one request replaces the refused plan; the others carry out the one that did.
    await db.shopifyAction.updateMany({
      where: { id: existing.id, status: "refused", idempotencyKey: existing.idempotencyKey },
      data: {
        status: "pending",
        idempotencyKey: actionKey(claimId, kind, keyGeneration(existing.idempotencyKey, claimId, kind) + 1),
        requestJson: JSON.stringify(intent),
        resultJson: null,
        shopifyId: null,
        errorMessage: null,
      },
    });
    return parseAction(await db.shopifyAction.findUniqueOrThrow({ where: { id: existing.id } }), schema);
  }
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
    return { action, intent, schema };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await findAction(db, claimId, kind, schema);
    if (!winner) throw err;
    return winner;
  }
}

const inProgressConflict = (label: string) =>
  new DomainError(
    "conflict",
    "claim.action_in_progress",
    `The ${label} for this claim is being created by another request right now. Reload the claim in a moment.`,
  );

/**
 * Takes the action for this request: pending, failed (or refused, for kinds that retry their
 * intent) ones, and ones whose holder stopped answering (lease expired), provided it still holds
 * the intent this request read. Another live request holding it is a conflict the merchant can
 * retry. Returns the action as taken (attempts counts this one, and fences its writes).
 */
export async function leaseAction(db: PrismaClient, action: ShopifyAction, now: Date, label: string) {
  const staleBefore = new Date(now.getTime() - ACTION_LEASE_MS);
  const kind = action.kind as ShopifyActionKind;
  const retryable = PLANNED_AFRESH_WHEN_REFUSED[kind] ? ["pending", "failed"] : ["pending", "failed", "refused"];
  const { count } = await db.shopifyAction.updateMany({
    where: {
      id: action.id,
      idempotencyKey: action.idempotencyKey,
      OR: [{ status: { in: retryable } }, { status: "in_progress", updatedAt: { lt: staleBefore } }],
    },
    data: { status: "in_progress", updatedAt: now, attempts: { increment: 1 } },
  });
  const current = await db.shopifyAction.findUniqueOrThrow({ where: { id: action.id } });
  if (count === 1) return current;
  if (current.status === "succeeded") return current;
  throw inProgressConflict(label);
}

/** The row as long as `lease` still holds it: in progress, taken by the same attempt. */
const heldBy = (lease: ShopifyAction) => ({ id: lease.id, status: "in_progress", attempts: lease.attempts });

export interface LeasedAction<T> {
  /** The action as this request took it. */
  action: ShopifyAction;
  intent: T;
  /** Keeps what the step learnt so far (e.g. the draft order's id) while it still holds the lease. */
  recordProgress: (progress: unknown) => Promise<void>;
}

export interface ActionStep<T, R> {
  /** What the step makes, for the merchant: "refund", "replacement order" ... */
  label: string;
  /** How Shopify's refusal reads: "Shopify refused {what}: {reason} {next}". */
  refusal: { code: string; what: string; next?: string };
  result: z.ZodType<R>;
  /** Calls Shopify; the result is stored and returned, shopifyId is what Shopify made. */
  perform: (leased: LeasedAction<T>) => Promise<{ result: R; shopifyId: string | null }>;
}

export interface CarriedOutAction<T, R> {
  result: R;
  /** The intent that produced the result (another request's, when it finished first). */
  intent: T;
}

function finished<T, R>(action: ShopifyAction, stored: StoredAction<T>, step: ActionStep<T, R>) {
  return {
    result: step.result.parse(JSON.parse(action.resultJson ?? "null")),
    intent: parseAction(action, stored.schema).intent,
  };
}

/**
 * Carries out a stored step once: the finished result when it succeeded already, otherwise under
 * the lease, with every write fenced by it (see the top of this file).
 */
export async function carryOutAction<T, R>(
  db: PrismaClient,
  stored: StoredAction<T>,
  now: Date,
  step: ActionStep<T, R>,
): Promise<CarriedOutAction<T, R>> {
  if (stored.action.status === "succeeded") return finished(stored.action, stored, step);
  const lease = await leaseAction(db, stored.action, now, step.label);
  if (lease.status === "succeeded") return finished(lease, stored, step);
  let outcome: { result: R; shopifyId: string | null };
  try {
    outcome = await step.perform({
      action: lease,
      intent: stored.intent,
      recordProgress: async (progress) => {
        const { count } = await db.shopifyAction.updateMany({
          where: heldBy(lease),
          data: { resultJson: JSON.stringify(progress), updatedAt: now },
        });
        if (count === 0) throw inProgressConflict(step.label);
      },
    });
  } catch (err) {
    return failAction(db, lease, stored, step, err);
  }
  const { count } = await db.shopifyAction.updateMany({
    where: heldBy(lease),
    data: {
      status: "succeeded",
      resultJson: JSON.stringify(outcome.result),
      shopifyId: outcome.shopifyId,
      errorMessage: null,
    },
  });
  if (count === 1) return { result: outcome.result, intent: stored.intent };
  // The lease expired and another request took the step over: its outcome stands.
  const current = await db.shopifyAction.findUniqueOrThrow({ where: { id: lease.id } });
  if (current.status === "succeeded") return finished(current, stored, step);
  throw inProgressConflict(step.label);
}

/**
 * Records the failure while the lease is still this request's (a success, or a later holder's
 * outcome, is never overwritten) and turns Shopify's refusal into a message for the merchant;
 * other errors (Shopify unreachable, throttled too long) pass through unchanged. When another
 * request finished the step meanwhile, its result is the answer.
 */
async function failAction<T, R>(
  db: PrismaClient,
  lease: ShopifyAction,
  stored: StoredAction<T>,
  step: ActionStep<T, R>,
  err: unknown,
): Promise<CarriedOutAction<T, R>> {
  const refused = err instanceof ShopifyUserError;
  const { count } = await db.shopifyAction.updateMany({
    where: heldBy(lease),
    data: {
      status: refused ? "refused" : "failed",
      errorMessage: refused ? err.readableMessage : "Shopify could not be reached.",
    },
  });
  if (count === 0) {
    const current = await db.shopifyAction.findUniqueOrThrow({ where: { id: lease.id } });
    if (current.status === "succeeded") return finished(current, stored, step);
  }
  if (refused) {
    const { code, what, next } = step.refusal;
    throw new DomainError("conflict", code, `Shopify refused ${what}: ${err.readableMessage}${next ? ` ${next}` : ""}`);
  }
  throw err;
}
