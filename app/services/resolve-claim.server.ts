import type { PrismaClient } from "@prisma/client";
import { requireClaim, saveClaimChange, type StoredClaim } from "../db/claims.server";
import { applyClaimCommand } from "../domain/claim-lifecycle/apply-claim-command";
import type { Actor, ClaimState } from "../domain/claim-lifecycle/claim-state";
import { DomainError } from "../domain/errors";
import { formatAmount, money, parseMoney } from "../domain/money";
import { planClaimRefund, type RefundPlan } from "../domain/refund-plan";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { ShopifyUserError } from "../shopify/errors.server";
import { fetchOrderFacts, type OrderFacts } from "../shopify/order-facts.server";
import { createRefund, fetchSuggestedRefund, type CreatedRefund, type RefundRequest } from "../shopify/refunds.server";

// Resolving a claim: the items approved for a refund (or falling back to one) are refunded to the
// original payment methods. The order of steps makes every failure retryable and never refunds
// twice:
//   1. the resolution is computed by the domain (nothing saved yet);
//   2. the refund's intent and idempotency key are stored (one per claim), or the stored ones reused;
//   3. Shopify's refundCreate runs with that key: a retry returns the same refund;
//   4. the action is marked done and the claim resolved, in one transaction.
// A crash or an error between 2 and 4 leaves a pending action and an unresolved claim, visible to
// the merchant; doing it again completes it.

export interface ResolveClaimInput {
  shop: string;
  claimId: string;
  actor: Actor;
  items: { lineItemId: string; replacementInStock?: boolean; repairPossible?: boolean }[];
  notifyCustomer: boolean;
  note?: string;
}

export interface ResolveClaimResult {
  claim: StoredClaim;
  refund: (CreatedRefund & { plan: RefundPlan }) | null;
}

const refundKey = (claimId: string) => `warranty-desk:claim:${claimId}:refund`;

interface StoredRefundIntent {
  plan: RefundPlan;
  request: RefundRequest;
}

function linePayments(facts: OrderFacts) {
  return facts.lines.map((line) => {
    const unit = parseMoney(line.unitPricePaid.presentment.amount, line.unitPricePaid.presentment.currencyCode);
    const refundedUnits = Math.max(0, line.quantity - line.refundableQuantity);
    return {
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      paid: formatAmount(money(unit.minorUnits * line.quantity, unit.currencyCode)),
      refunded: formatAmount(money(unit.minorUnits * refundedUnits, unit.currencyCode)),
    };
  });
}

async function planRefundIntent(graphql: AdminGraphql, resolved: ClaimState, notifyCustomer: boolean, note: string) {
  const facts = await fetchOrderFacts(graphql, resolved.orderId);
  if (!facts) {
    throw new DomainError(
      "conflict",
      "refund.order_not_readable",
      "Shopify does not show this order to the app any more (orders older than 60 days need the read_all_orders permission), so it cannot be refunded from here. Refund it in the Shopify admin.",
    );
  }
  const refundItems = resolved.items.flatMap((item) =>
    item.outcome?.outcome === "refunded" && item.decision?.kind === "approve"
      ? [{ lineItemId: item.lineItemId, quantity: item.decision.quantity }]
      : [],
  );
  const suggested = await fetchSuggestedRefund(
    graphql,
    resolved.orderId,
    refundItems.map((i) => ({ ...i, restockType: "NO_RESTOCK" as const })),
  );
  const transactions = (suggested?.transactions ?? []).map((t) => ({
    id: t.parentTransactionId,
    gateway: t.gateway,
    refundable: t.maximumRefundable ?? t.amount,
  }));
  const plan = planClaimRefund(resolved, facts.presentmentCurrencyCode, linePayments(facts), transactions);
  const request: RefundRequest = {
    orderId: resolved.orderId,
    idempotencyKey: refundKey(resolved.id),
    currencyCode: facts.presentmentCurrencyCode,
    note,
    notifyCustomer,
    lines: plan.items.map((i) => ({ lineItemId: i.lineItemId, quantity: i.quantity, restockType: "NO_RESTOCK" })),
    transactions: plan.transactions
      .filter((t) => parseMoney(t.amount, plan.currencyCode).minorUnits > 0)
      .map((t) => ({ parentTransactionId: t.parentId, gateway: t.gateway, amount: t.amount })),
  };
  return { plan, request } satisfies StoredRefundIntent;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

/** The stored intent of this claim's refund, created from a fresh plan the first time. */
async function refundIntent(db: PrismaClient, claimId: string, plan: () => Promise<StoredRefundIntent>) {
  const existing = await db.shopifyAction.findUnique({ where: { claimId_kind: { claimId, kind: "refund" } } });
  if (existing) return { action: existing, intent: JSON.parse(existing.requestJson) as StoredRefundIntent };
  const intent = await plan();
  try {
    const action = await db.shopifyAction.create({
      data: {
        claimId,
        kind: "refund",
        idempotencyKey: intent.request.idempotencyKey,
        status: "pending",
        requestJson: JSON.stringify(intent),
      },
    });
    return { action, intent };
  } catch (err) {
    // Someone else stored the intent first: theirs is the one carried out.
    if (!isUniqueViolation(err)) throw err;
    const action = await db.shopifyAction.findUniqueOrThrow({ where: { claimId_kind: { claimId, kind: "refund" } } });
    return { action, intent: JSON.parse(action.requestJson) as StoredRefundIntent };
  }
}

export async function resolveClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  input: ResolveClaimInput,
  now: Date,
): Promise<ResolveClaimResult> {
  const stored = await requireClaim(db, input.shop, input.claimId);
  if (stored.state.status === "resolved") return { claim: stored, refund: null };
  const resolved = applyClaimCommand(
    stored.state,
    { type: "resolve", items: input.items, ...(input.note ? { note: input.note } : {}) },
    now,
    input.actor,
  ).state;

  let refund: ResolveClaimResult["refund"] = null;
  const refunds = resolved.items.some((item) => item.outcome?.outcome === "refunded");
  if (refunds) {
    const note = `Warranty Desk claim #${stored.meta.number}`;
    const { action, intent } = await refundIntent(db, stored.state.id, () =>
      planRefundIntent(graphql, resolved, input.notifyCustomer, note),
    );
    let created: CreatedRefund;
    if (action.status === "succeeded" && action.resultJson) {
      created = JSON.parse(action.resultJson) as CreatedRefund;
    } else if (intent.request.transactions.length === 0) {
      // Nothing to pay back (missing components cost as much as the item): no Shopify refund.
      created = {
        refundId: "",
        createdAt: now.toISOString(),
        totalRefunded: { amount: intent.plan.total, currencyCode: intent.plan.currencyCode },
        transactions: [],
      };
    } else {
      try {
        created = await createRefund(graphql, intent.request);
      } catch (err) {
        await db.shopifyAction.update({
          where: { id: action.id },
          data: {
            status: "failed",
            attempts: { increment: 1 },
            errorMessage: err instanceof ShopifyUserError ? err.readableMessage : "Shopify could not be reached.",
          },
        });
        if (err instanceof ShopifyUserError) {
          throw new DomainError(
            "conflict",
            "refund.rejected_by_shopify",
            `Shopify refused the refund: ${err.readableMessage}`,
          );
        }
        throw err;
      }
    }
    refund = { ...created, plan: intent.plan };
    const result = JSON.stringify(created);
    const claim = await db
      .$transaction(async (tx) => {
        await tx.shopifyAction.update({
          where: { id: action.id },
          data: {
            status: "succeeded",
            shopifyId: created.refundId || null,
            resultJson: result,
            attempts: { increment: 1 },
          },
        });
        return saveClaimChange(tx, input.shop, stored.meta.version, stored.state, resolved);
      })
      .catch(async (err) => {
        // Another merchant resolved the claim meanwhile: the refund is the same one (same key).
        const current = await requireClaim(db, input.shop, input.claimId);
        if (current.state.status === "resolved") return current;
        throw err;
      });
    return { claim, refund };
  }

  const claim = await db.$transaction((tx) =>
    saveClaimChange(tx, input.shop, stored.meta.version, stored.state, resolved),
  );
  return { claim, refund };
}
