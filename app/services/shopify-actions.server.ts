import type { PrismaClient } from "@prisma/client";
import {
  findActionRow,
  insertActionRow,
  replaceRefusedPlan,
  requireActionRow,
  takeActionLease,
  writeWhileHeld,
  type ShopifyActionRow,
} from "../db/shopify-actions.server";
import { DomainError } from "../domain/errors";
import { HttpRequestError, HttpRetriableError } from "@shopify/shopify-api";
import { ShopifyUnavailableError, ShopifyUserError } from "../shopify/errors.server";
import {
  SHOPIFY_ACTION_KINDS,
  type IntentOf,
  type ProgressOf,
  type ResultOf,
  type ShopifyActionKind,
} from "./shopify-action-kinds.server";

// The one step runner for a claim's side effects in Shopify (refund, replacement order, return
// opened / closed, payment request): one ShopifyAction per claim and kind, its typed intent
// (shopify-action-kinds.server.ts) written before Shopify is called, with the idempotency key and
// everything the call needs. Every step is carried out the same way (carryOutAction):
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
// refused -> in_progress (same intent) or pending (new plan, new key).

export type { ShopifyActionKind } from "./shopify-action-kinds.server";

export type ShopifyActionStatus = "pending" | "in_progress" | "succeeded" | "failed" | "refused";

/** A request that has held an action this long without finishing is presumed dead. */
const ACTION_LEASE_MS = 2 * 60 * 1000;

/** The idempotency key of a step's `generation`th plan (a new plan after a refusal gets a new key). */
const actionKey = (claimId: string, kind: ShopifyActionKind, generation = 1) =>
  `warranty-desk:claim:${claimId}:${kind}${generation > 1 ? `:${generation}` : ""}`;

function keyGeneration(key: string, claimId: string, kind: ShopifyActionKind): number {
  const suffix = key.slice(actionKey(claimId, kind).length);
  return /^:\d+$/.test(suffix) ? Number(suffix.slice(1)) : 1;
}

export interface StoredAction<K extends ShopifyActionKind> {
  kind: K;
  action: ShopifyActionRow;
  intent: IntentOf<K>;
}

const parseAction = <K extends ShopifyActionKind>(kind: K, action: ShopifyActionRow): StoredAction<K> => ({
  kind,
  action,
  intent: SHOPIFY_ACTION_KINDS[kind].intent.parse(JSON.parse(action.requestJson)) as IntentOf<K>,
});

export async function findAction<K extends ShopifyActionKind>(
  db: PrismaClient,
  claimId: string,
  kind: K,
): Promise<StoredAction<K> | null> {
  const action = await findActionRow(db, claimId, kind);
  return action ? parseAction(kind, action) : null;
}

/** The step's result when it succeeded, else null. */
export function succeededResult<K extends ShopifyActionKind>(stored: StoredAction<K> | null): ResultOf<K> | null {
  if (stored?.action.status !== "succeeded") return null;
  return SHOPIFY_ACTION_KINDS[stored.kind].result.parse(JSON.parse(stored.action.resultJson ?? "null")) as ResultOf<K>;
}

/** Whether storeActionIntent would plan this step afresh (nothing stored, or a refused plan of a kind re-planned). */
export const needsNewPlan = (kind: ShopifyActionKind, existing: ShopifyActionRow | null) =>
  !existing || (existing.status === "refused" && SHOPIFY_ACTION_KINDS[kind].plannedAfreshWhenRefused);

/**
 * The stored intent of this claim's action of `kind`, created from `plan()` the first time, and
 * again (under a new key) after Shopify refused a plan of a kind planned afresh. When two requests
 * store one at once, the first one's intent is the one carried out.
 */
export async function storeActionIntent<K extends ShopifyActionKind>(
  db: PrismaClient,
  claimId: string,
  kind: K,
  plan: () => Promise<IntentOf<K>>,
): Promise<StoredAction<K>> {
  const existing = await findActionRow(db, claimId, kind);
  if (existing && !needsNewPlan(kind, existing)) return parseAction(kind, existing);
  const intent = SHOPIFY_ACTION_KINDS[kind].intent.parse(await plan());
  const requestJson = JSON.stringify(intent);
  if (existing) {
    // Only one request replaces the refused plan; the others carry out the one that did.
    const generation = keyGeneration(existing.idempotencyKey, claimId, kind) + 1;
    return parseAction(
      kind,
      await replaceRefusedPlan(db, existing, { idempotencyKey: actionKey(claimId, kind, generation), requestJson }),
    );
  }
  const created = await insertActionRow(db, { claimId, kind, idempotencyKey: actionKey(claimId, kind), requestJson });
  if (created) return parseAction(kind, created);
  const winner = await findAction(db, claimId, kind);
  if (!winner) throw new Error(`the ${kind} step of claim ${claimId} vanished while it was stored`);
  return winner;
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
async function leaseAction(db: PrismaClient, kind: ShopifyActionKind, action: ShopifyActionRow, now: Date) {
  const { plannedAfreshWhenRefused, label } = SHOPIFY_ACTION_KINDS[kind];
  const takeable = plannedAfreshWhenRefused ? ["pending", "failed"] : ["pending", "failed", "refused"];
  const staleBefore = new Date(now.getTime() - ACTION_LEASE_MS);
  const { taken, row } = await takeActionLease(db, action, takeable, staleBefore, now);
  if (taken || row.status === "succeeded") return row;
  throw inProgressConflict(label);
}

interface LeasedAction<K extends ShopifyActionKind> {
  /** The action as this request took it. */
  action: ShopifyActionRow;
  intent: IntentOf<K>;
  /** What an earlier attempt learnt (e.g. the draft order it created), null the first time. */
  progress: ProgressOf<K> | null;
  /** Keeps what the step learnt so far (e.g. the draft order's id) while it still holds the lease. */
  recordProgress: (progress: NonNullable<ProgressOf<K>>) => Promise<void>;
}

type PerformStep<K extends ShopifyActionKind> = (
  leased: LeasedAction<K>,
) => Promise<{ result: ResultOf<K>; shopifyId: string | null }>;

interface CarriedOutAction<K extends ShopifyActionKind> {
  result: ResultOf<K>;
  /** The intent that produced the result (another request's, when it finished first). */
  intent: IntentOf<K>;
}

function finished<K extends ShopifyActionKind>(kind: K, action: ShopifyActionRow): CarriedOutAction<K> {
  const stored = parseAction(kind, action);
  return { result: succeededResult(stored) as ResultOf<K>, intent: stored.intent };
}

/**
 * Carries out a stored step once: the finished result when it succeeded already, otherwise under
 * the lease, with every write fenced by it (see the top of this file).
 */
export async function carryOutAction<K extends ShopifyActionKind>(
  db: PrismaClient,
  stored: StoredAction<K>,
  now: Date,
  perform: PerformStep<K>,
): Promise<CarriedOutAction<K>> {
  const { kind } = stored;
  const definition = SHOPIFY_ACTION_KINDS[kind];
  if (stored.action.status === "succeeded") return finished(kind, stored.action);
  const lease = await leaseAction(db, kind, stored.action, now);
  if (lease.status === "succeeded") return finished(kind, lease);
  let outcome: { result: ResultOf<K>; shopifyId: string | null };
  try {
    outcome = await perform({
      action: lease,
      intent: stored.intent,
      progress: definition.progress.nullable().parse(JSON.parse(lease.resultJson ?? "null")) as ProgressOf<K> | null,
      recordProgress: async (progress) => {
        const held = await writeWhileHeld(db, lease, { resultJson: JSON.stringify(progress), updatedAt: now });
        if (!held) throw inProgressConflict(definition.label);
      },
    });
  } catch (err) {
    return failAction(db, kind, lease, err);
  }
  const succeeded = await writeWhileHeld(db, lease, {
    status: "succeeded",
    resultJson: JSON.stringify(definition.result.parse(outcome.result)),
    shopifyId: outcome.shopifyId,
    errorMessage: null,
  });
  if (succeeded) return { result: outcome.result, intent: stored.intent };
  // The lease expired and another request took the step over: its outcome stands.
  const current = await requireActionRow(db, lease.id);
  if (current.status === "succeeded") return finished(kind, current);
  throw inProgressConflict(definition.label);
}

/**
 * Records the failure while the lease is still this request's (a success, or a later holder's
 * outcome, is never overwritten) and turns Shopify's refusal into a message for the merchant;
 * other errors (Shopify unreachable, throttled too long) pass through unchanged. When another
 * request finished the step meanwhile, its result is the answer.
 */
async function failAction<K extends ShopifyActionKind>(
  db: PrismaClient,
  kind: K,
  lease: ShopifyActionRow,
  err: unknown,
): Promise<CarriedOutAction<K>> {
  const refused = err instanceof ShopifyUserError;
  const held = await writeWhileHeld(db, lease, {
    status: refused ? "refused" : "failed",
    errorMessage: refused ? err.readableMessage : "Shopify could not be reached.",
  });
  if (!held) {
    const current = await requireActionRow(db, lease.id);
    if (current.status === "succeeded") return finished(kind, current);
  }
  if (refused) {
    const { code, what, next } = SHOPIFY_ACTION_KINDS[kind].refusal;
    throw new DomainError("conflict", code, `Shopify refused ${what}: ${err.readableMessage}${next ? ` ${next}` : ""}`);
  }
  if (err instanceof HttpRequestError || err instanceof HttpRetriableError) {
    // The request may have reached Shopify: the same intent and key go again next time.
    throw new ShopifyUnavailableError(
      `Shopify did not answer while the ${SHOPIFY_ACTION_KINDS[kind].label} was being made. Try again in a moment: what Shopify did already is not done twice.`,
      null,
    );
  }
  throw err;
}
