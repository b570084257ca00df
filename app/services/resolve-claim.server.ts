import type { PrismaClient } from "@prisma/client";
import { claimChangedMeanwhile, requireClaim, type StoredClaim } from "../db/claims.server";
import { saveClaimAfterShopifySteps } from "../db/shopify-actions.server";
import { applyClaimCommand } from "../domain/claim-lifecycle/apply-claim-command";
import type { Actor, ClaimState } from "../domain/claim-lifecycle/claim-state";
import { claimResolutionPolicy } from "../domain/policy/claim-policy-snapshot";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { shopifyNotifiesShopper } from "./notification-settings.server";
import { closeClaimReturn, closedClaimReturn, type ClosedReturn } from "./request-return.server";
import { carryOutPaymentRequest, type PaymentRequest } from "./resolution/payment-request.server";
import { carryOutRefund, type ClaimRefund } from "./resolution/refund.server";
import {
  approvedReplacements,
  awaitingChoiceError,
  carryOutReplacement,
  planReplacement,
  replacementsAwaitingChoice,
  toReplacementOrder,
  type ReplacementOrder,
} from "./resolution/replacement.server";
import type { ReplacementIntent } from "./shopify-action-kinds.server";
import { findAction, storeActionIntent, succeededResult } from "./shopify-actions.server";

export type { ReplacementOrder } from "./resolution/replacement.server";

// Resolving a claim: the items approved for a refund (or falling back to one) are refunded to the
// original payment methods (resolution/refund), the items approved for a replacement get a $0
// replacement order (resolution/replacement, docs/decisions/007) when Shopify has them in stock,
// parts missing from replaced or repaired items are asked for in a payment request
// (resolution/payment-request), and the claim's Shopify return is closed. Each is a step on the
// one runner (shopify-actions.server.ts). The order of steps makes every failure retryable and
// never pays or ships twice:
//   1. the domain checks the command (nothing saved yet);
//   2. the replacement stock check is stored once (the "replacement" step's intent): a retry
//      after the replacement took the last unit must not now see it out of stock and refund too;
//   3. the resolution is computed by the domain from those facts;
//   4. the refund's intent and idempotency key are stored, or the stored ones reused; a plan
//      Shopify refused is planned afresh from what the order still allows, under a new key;
//   5. the replacement draft order is created and completed, continuing a stored draft;
//   6. the payment request's draft order is created and its invoice sent, continuing a stored draft;
//   7. the Shopify return, if the claim has one, is processed (closed), unless it was lost;
//   8. the claim is saved as resolved.
// A crash or an error anywhere leaves unfinished steps and an unresolved claim, visible to the
// merchant; doing it again completes it.

export interface ResolveClaimInput {
  shop: string;
  claimId: string;
  actor: Actor;
  items: { lineItemId: string; replacementInStock?: boolean; repairPossible?: boolean }[];
  /** Put returned items back in stock at the warehouse that received them (refunded items only). */
  restock?: boolean;
  /** The resolution's note (the repair notes, for a repair). */
  note?: string;
  /** The claim's version the merchant saw; a newer one is a conflict. */
  expectedVersion?: number;
}

/** An item approved for a replacement or repair that is refunded instead, and why, for the merchant. */
interface ResolutionFallback {
  lineItemId: string;
  from: "replacement" | "repair";
  reason: "out_of_stock" | "repair_impossible";
  message: string;
}

export interface ResolveClaimResult {
  claim: StoredClaim;
  refund: ClaimRefund | null;
  replacement: ReplacementOrder | null;
  /** The shopper's invoice for parts missing from replaced or repaired items. */
  paymentRequest: PaymentRequest | null;
  fallbacks: ResolutionFallback[];
  /** The claim's Shopify return, closed by the resolution (null when the claim had none). */
  shopifyReturn: ClosedReturn | null;
}

function fallbacksOf(state: ClaimState, replacement: ReplacementIntent | null): ResolutionFallback[] {
  return state.items.flatMap((item) => {
    const fallback = item.outcome?.fallback;
    if (!fallback) return [];
    const message =
      fallback.reason === "out_of_stock"
        ? (replacement?.items.find((i) => i.lineItemId === item.lineItemId)?.fallbackMessage ??
          "No replacement was in stock. It is refunded instead, as the guarantee promises.")
        : "You noted that it cannot be repaired. It is refunded instead, as the guarantee promises.";
    return [{ lineItemId: item.lineItemId, from: fallback.from, reason: fallback.reason, message }];
  });
}

/** What an already resolved claim's resolution did (a double click, or another merchant's). */
async function resolvedResult(db: PrismaClient, claim: StoredClaim): Promise<ResolveClaimResult> {
  const [refundStep, replacementStep, paymentStep] = await Promise.all([
    findAction(db, claim.state.id, "refund"),
    findAction(db, claim.state.id, "replacement"),
    findAction(db, claim.state.id, "payment_request"),
  ]);
  const refund = succeededResult(refundStep);
  const draft = succeededResult(replacementStep);
  const paymentDraft = succeededResult(paymentStep);
  return {
    claim,
    refund:
      refund && refundStep
        ? { ...refund, plan: refundStep.intent.plan, paymentMethods: refundStep.intent.paymentMethods }
        : null,
    replacement: replacementStep && draft ? toReplacementOrder(replacementStep.intent, draft) : null,
    paymentRequest: paymentStep && paymentDraft ? { draft: paymentDraft, intent: paymentStep.intent } : null,
    fallbacks: fallbacksOf(claim.state, replacementStep?.intent ?? null),
    shopifyReturn: await closedClaimReturn(db, claim.state.id),
  };
}

type ResolveItems = ResolveClaimInput["items"];

/** The domain's resolve command on the stored claim; throws what the domain refuses. */
export function resolvedState(
  stored: StoredClaim,
  items: ResolveItems,
  note: string | undefined,
  actor: Actor,
  now: Date,
) {
  return applyClaimCommand(stored.state, { type: "resolve", items, ...(note ? { note } : {}) }, now, actor).state;
}

/** The merchant's items with every approved replacement assumed in stock (the check before any stock query). */
export function withStockAssumed(stored: StoredClaim, items: ResolveItems): ResolveItems {
  return approvedReplacements(stored.state).reduce(
    (all, item) =>
      all.some((entry) => entry.lineItemId === item.lineItemId)
        ? all
        : [...all, { lineItemId: item.lineItemId, replacementInStock: true }],
    items.map((entry) => ({ ...entry, replacementInStock: entry.replacementInStock ?? true })),
  );
}

/** The merchant's items with the replacement stock check's facts. */
export function withStockFacts(items: ResolveItems, replacement: ReplacementIntent | null): ResolveItems {
  const stockFacts = new Map(replacement?.items.map((item) => [item.lineItemId, item.inStock]));
  return [
    ...items.map((entry) =>
      stockFacts.has(entry.lineItemId) ? { ...entry, replacementInStock: stockFacts.get(entry.lineItemId) } : entry,
    ),
    ...[...stockFacts.entries()]
      .filter(([lineItemId]) => !items.some((entry) => entry.lineItemId === lineItemId))
      .map(([lineItemId, replacementInStock]) => ({ lineItemId, replacementInStock })),
  ];
}

export const markedOutOfStock = (items: ResolveItems) =>
  new Set(items.filter((entry) => entry.replacementInStock === false).map((entry) => entry.lineItemId));

export async function resolveClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  input: ResolveClaimInput,
  now: Date,
): Promise<ResolveClaimResult> {
  const stored = await requireClaim(db, input.shop, input.claimId);
  // The merchant confirmed what the preview of this version said: a newer version may say otherwise.
  if (input.expectedVersion !== undefined && input.expectedVersion !== stored.meta.version) {
    throw claimChangedMeanwhile();
  }
  if (stored.state.status === "resolved") return resolvedResult(db, stored);
  // The domain's checks first, with stock assumed, so that a claim that cannot be resolved yet
  // costs no stock check and stores nothing.
  resolvedState(stored, withStockAssumed(stored, input.items), input.note, input.actor, now);

  // The out-of-stock fallback the claim was filed under (decision 016), not today's policy.
  const { outOfStockFallback } = claimResolutionPolicy(stored.state);
  const marked = markedOutOfStock(input.items);
  const replacementStep =
    approvedReplacements(stored.state).length > 0
      ? await storeActionIntent(db, stored.state.id, "replacement", async () => {
          const plan = await planReplacement(db, graphql, stored, marked, outOfStockFallback);
          // Out of stock and the policy does not refund on its own: refused before anything is stored.
          const waiting = replacementsAwaitingChoice(plan, marked, outOfStockFallback);
          if (waiting.length > 0) throw awaitingChoiceError(waiting);
          return plan;
        })
      : null;
  const resolved = resolvedState(
    stored,
    withStockFacts(input.items, replacementStep?.intent ?? null),
    input.note,
    input.actor,
    now,
  );

  const refunds = resolved.items.some((item) => item.outcome?.outcome === "refunded");
  // Shopify's refund email follows the shop's notification setting, never a per-claim choice: the
  // shopper hears from Shopify or from Warranty Desk's claim_resolved email, never both (ADR 028).
  const options = { notifyCustomer: await shopifyNotifiesShopper(db, input.shop), restock: input.restock ?? false };
  const refund = refunds ? await carryOutRefund(db, graphql, stored, resolved, options, now) : null;
  const replacement = replacementStep ? await carryOutReplacement(db, graphql, replacementStep, now) : null;
  const paymentRequest = await carryOutPaymentRequest(db, graphql, stored, resolved, now);
  // A lost return never arrived: processing it would record the units as returned. It stays open
  // for the merchant to cancel in Shopify (the preview says so).
  const shopifyReturn = stored.state.status === "return_lost" ? null : await closeClaimReturn(db, graphql, stored, now);

  const claim = await saveClaimAfterShopifySteps(db, input.shop, stored, resolved).catch(async (err) => {
    // Another merchant resolved the claim meanwhile: its Shopify steps were these same actions.
    const current = await requireClaim(db, input.shop, input.claimId);
    if (current.state.status === "resolved") return current;
    throw err;
  });
  return {
    claim,
    refund,
    replacement,
    paymentRequest,
    fallbacks: fallbacksOf(resolved, replacementStep?.intent ?? null),
    shopifyReturn,
  };
}
