import type { PrismaClient } from "@prisma/client";
import type { StoredClaim } from "../../db/claims.server";
import type { ClaimState } from "../../domain/claim-lifecycle/claim-state";
import { DomainError } from "../../domain/errors";
import { formatAmount, money, parseMoney } from "../../domain/money";
import { planClaimRefund, type RefundPlan } from "../../domain/refund-plan";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { fetchOrderFacts, type OrderFacts } from "../../shopify/order-facts.server";
import {
  createRefund,
  fetchSuggestedRefund,
  type CreatedRefund,
  type RefundLine,
  type RefundRequest,
} from "../../shopify/refunds.server";
import type { RefundIntent } from "../shopify-action-kinds.server";
import { carryOutAction, storeActionIntent } from "../shopify-actions.server";

// The refund of a claim's refunded items (approved for a refund, or fallen back to one): what was
// paid for each item, minus the inspection's deductions, back to the original payment methods as
// Shopify suggests splitting it (card, gift card ...), under the step's idempotency key.

export type ClaimRefund = CreatedRefund & { plan: RefundPlan; paymentMethods: Record<string, string> };

interface RefundOptions {
  notifyCustomer: boolean;
  /** Put returned items back in stock at the warehouse that received them. */
  restock: boolean;
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

/** Where each returned line came back to, when the merchant restocks returned items. */
function restockLocations(resolved: ClaimState, restock: boolean): Map<string, string> {
  const locations = new Map<string, string>();
  const returned = resolved.events.some((event) => event.type === "return_received");
  if (!restock || !returned || !resolved.returnInstructions) return locations;
  for (const destination of resolved.returnInstructions.destinations) {
    for (const item of destination.items) {
      if (!locations.has(item.lineItemId)) locations.set(item.lineItemId, destination.locationId);
    }
  }
  return locations;
}

export const refundNote = (claim: StoredClaim) => `Warranty Desk claim #${claim.meta.number}`;

/**
 * The refund as it would be made now, from what the order still allows: only queries, nothing
 * stored. The preview shows it; resolving stores it as the refund step's intent.
 */
export async function planRefundIntent(
  graphql: AdminGraphql,
  resolved: ClaimState,
  note: string,
  options: RefundOptions,
): Promise<RefundIntent> {
  const restockAt = restockLocations(resolved, options.restock);
  const facts = await fetchOrderFacts(graphql, resolved.orderId);
  if (!facts) {
    throw new DomainError(
      "conflict",
      "refund.order_not_readable",
      "Shopify does not show this order to the app any more (orders older than 60 days need the read_all_orders permission), so it cannot be refunded from here. Refund it in the Shopify admin.",
    );
  }
  // Units refunded meanwhile (by hand in the admin, say) cannot be refunded again.
  const refundable = new Map(facts.lines.map((line) => [line.lineItemId, line.refundableQuantity]));
  const stillRefundable = (lineItemId: string, quantity: number) => Math.min(quantity, refundable.get(lineItemId) ?? 0);
  const refundItems = resolved.items.flatMap((item) =>
    item.outcome?.outcome === "refunded" && item.decision?.kind === "approve"
      ? [{ lineItemId: item.lineItemId, quantity: stillRefundable(item.lineItemId, item.decision.quantity) }]
      : [],
  );
  const suggestFor = refundItems.filter((i) => i.quantity > 0);
  const suggested =
    suggestFor.length > 0
      ? await fetchSuggestedRefund(
          graphql,
          resolved.orderId,
          suggestFor.map((i) => ({ ...i, restockType: "NO_RESTOCK" as const })),
        )
      : null;
  const transactions = (suggested?.transactions ?? []).map((t) => ({
    id: t.parentTransactionId,
    gateway: t.gateway,
    refundable: t.maximumRefundable ?? t.amount,
  }));
  const plan = planClaimRefund(resolved, facts.presentmentCurrencyCode, linePayments(facts), transactions);
  const request: RefundRequest = {
    orderId: resolved.orderId,
    currencyCode: facts.presentmentCurrencyCode,
    note,
    notifyCustomer: options.notifyCustomer,
    lines: plan.items.flatMap((i): RefundLine[] => {
      const quantity = stillRefundable(i.lineItemId, i.quantity);
      const locationId = restockAt.get(i.lineItemId);
      if (quantity === 0) return [];
      return locationId
        ? [{ lineItemId: i.lineItemId, quantity, restockType: "RETURN", locationId }]
        : [{ lineItemId: i.lineItemId, quantity, restockType: "NO_RESTOCK" }];
    }),
    transactions: plan.transactions
      .filter((t) => parseMoney(t.amount, plan.currencyCode).minorUnits > 0)
      .map((t) => ({ parentTransactionId: t.parentId, gateway: t.gateway, amount: t.amount })),
  };
  const paymentMethods = Object.fromEntries(
    (suggested?.transactions ?? []).map((t) => [t.parentTransactionId, t.paymentMethod]),
  );
  return { plan, request, paymentMethods };
}

/** Stores the refund's intent (or reuses the stored one) and carries it out once. */
export async function carryOutRefund(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredClaim,
  resolved: ClaimState,
  options: RefundOptions,
  now: Date,
): Promise<ClaimRefund> {
  const step = await storeActionIntent(db, stored.state.id, "refund", () =>
    planRefundIntent(graphql, resolved, refundNote(stored), options),
  );
  const { result, intent } = await carryOutAction(db, step, now, async ({ action, intent }) => {
    if (intent.request.transactions.length === 0) {
      // Nothing to pay back (missing components cost as much as the item, or the order shows it
      // refunded already): no Shopify refund.
      const nothing: CreatedRefund = {
        refundId: "",
        createdAt: now.toISOString(),
        totalRefunded: { amount: intent.plan.total, currencyCode: intent.plan.currencyCode },
        transactions: [],
      };
      return { result: nothing, shopifyId: null };
    }
    // The key is the action's: a new plan after a refusal has a new one.
    const created = await createRefund(graphql, action.idempotencyKey, intent.request);
    return { result: created, shopifyId: created.refundId };
  });
  return { ...result, plan: intent.plan, paymentMethods: intent.paymentMethods };
}
