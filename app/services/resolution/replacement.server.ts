import type { PrismaClient } from "@prisma/client";
import type { StoredClaim } from "../../db/claims.server";
import { deliveryFactsForOrder } from "../../db/delivery-facts.server";
import type { ClaimItemState, ClaimState } from "../../domain/claim-lifecycle/claim-state";
import { DomainError } from "../../domain/errors";
import type { OutOfStockFallback } from "../../domain/policy/policy-schema";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import {
  completeDraftOrder,
  createReplacementDraftOrder,
  fetchDraftOrder,
  type DraftOrderRef,
} from "../../shopify/draft-orders.server";
import { fetchVariantAvailability } from "../../shopify/inventory.server";
import { fetchOrderFacts } from "../../shopify/order-facts.server";
import { fetchShopProfile } from "../../shopify/shop.server";
import type { ReplacementIntent } from "../shopify-action-kinds.server";
import { carryOutAction, type StoredAction } from "../shopify-actions.server";

// Replacements as $0 orders (docs/decisions/007): the stock check is made once and stored as the
// replacement step's intent (a retry after the replacement took the last unit must not see it
// out of stock now and refund too); the draft order is created under the step's lease, its id
// kept at once, then completed.

export interface ReplacementOrder {
  draftOrderId: string;
  draftOrderName: string;
  /** The $0 order the shopper's replacement ships with. */
  orderId: string | null;
  orderName: string | null;
  lines: { lineItemId: string; variantId: string; quantity: number }[];
}

type ApprovedItem = ClaimItemState & { decision: { kind: "approve"; quantity: number; resolution: string } };

const MERCHANT_CHOOSES =
  "This claim's policy leaves the choice to you: refund it instead, or resolve the claim later when it is back in stock.";

/**
 * The replacements Shopify has no stock for that the merchant did not mark out of stock
 * themselves: under a policy whose fallback is not a refund, each waits for the merchant's choice.
 */
export function replacementsAwaitingChoice(
  plan: ReplacementIntent,
  markedOutOfStock: ReadonlySet<string>,
  fallback: OutOfStockFallback,
): ReplacementIntent["items"] {
  if (fallback === "refund") return [];
  return plan.items.filter((item) => !item.inStock && !markedOutOfStock.has(item.lineItemId));
}

/** The refusal to resolve while a replacement waits for the merchant's choice (nothing is stored or sent). */
export function awaitingChoiceError(items: ReplacementIntent["items"]): DomainError {
  const messages = items.map((item) => item.fallbackMessage).filter((m): m is string => m !== null);
  return new DomainError(
    "conflict",
    "resolution.replacement_unavailable",
    `${messages.join(" ")} Nothing was refunded or sent.`.trim(),
  );
}

export function approvedReplacements(state: ClaimState): ApprovedItem[] {
  return state.items.filter(
    (item): item is ApprovedItem => item.decision?.kind === "approve" && item.decision.resolution === "replacement",
  );
}

/** What each claimed line is (variant, name), from Shopify or, for hidden orders, our delivery facts. */
async function claimedLines(db: PrismaClient, graphql: AdminGraphql, stored: StoredClaim) {
  const facts = await fetchOrderFacts(graphql, stored.state.orderId);
  const lines = new Map<string, { variantId: string | null; name: string | null }>();
  if (facts) {
    for (const line of facts.lines) lines.set(line.lineItemId, { variantId: line.variantId, name: line.name });
  } else {
    for (const fact of await deliveryFactsForOrder(db, stored.meta.shop, stored.state.orderId)) {
      lines.set(fact.lineItemId, { variantId: fact.variantId, name: null });
    }
  }
  return { facts, lines };
}

/**
 * The replacement as it would be sent now (Shopify's stock, the merchant's "out of stock" marks):
 * only queries, nothing stored. An item Shopify has no stock for is refunded when the claim's
 * policy falls back to a refund; otherwise its message says the merchant chooses.
 */
export async function planReplacement(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredClaim,
  markedOutOfStock: ReadonlySet<string>,
  fallback: OutOfStockFallback = "refund",
): Promise<ReplacementIntent> {
  const { facts, lines } = await claimedLines(db, graphql, stored);
  const wanted = approvedReplacements(stored.state);
  const variantIds = wanted.flatMap((item) => lines.get(item.lineItemId)?.variantId ?? []);
  const stock = await fetchVariantAvailability(graphql, variantIds);
  // Items of the same variant draw on the same stock, in the claim's order.
  const promised = new Map<string, number>();
  const items = wanted.map((item): ReplacementIntent["items"][number] => {
    const quantity = item.decision.quantity;
    const variantId = lines.get(item.lineItemId)?.variantId ?? null;
    const available = variantId ? stock.get(variantId) : undefined;
    const name = lines.get(item.lineItemId)?.name ?? available?.displayName ?? "This item";
    const refunded = (why: string, chosen = false) => ({
      lineItemId: item.lineItemId,
      variantId,
      quantity,
      inStock: false,
      fallbackMessage:
        chosen || fallback === "refund"
          ? `${why} It is refunded instead, as the guarantee promises.`
          : `${why} ${MERCHANT_CHOOSES}`,
    });
    if (markedOutOfStock.has(item.lineItemId)) {
      return refunded(`You marked the replacement for ${name} as out of stock.`, true);
    }
    if (!variantId || !available) {
      return refunded(`${name} is no longer a product variant in Shopify, so no replacement can be sent.`);
    }
    const left = available.tracked ? available.available - (promised.get(variantId) ?? 0) : Number.POSITIVE_INFINITY;
    if (left < quantity) {
      return refunded(
        `${name} is out of stock in Shopify (${Math.max(0, left)} available, ${quantity} needed for a replacement).`,
      );
    }
    promised.set(variantId, (promised.get(variantId) ?? 0) + quantity);
    return { lineItemId: item.lineItemId, variantId, quantity, inStock: true, fallbackMessage: null };
  });
  const orderName = facts?.orderName ?? stored.meta.orderName;
  const number = stored.meta.number;
  return {
    orderId: stored.state.orderId,
    orderName,
    customerId: facts?.customerId ?? stored.meta.customerId,
    // Draft orders are priced in the shop's currency.
    currencyCode: facts?.shop.currencyCode ?? (await fetchShopProfile(graphql)).currencyCode,
    note: `Warranty Desk claim #${number}: replacement for order ${orderName ?? stored.state.orderId}, free of charge.`,
    tags: ["Warranty Desk", "Warranty replacement", `Claim #${number}`, ...(orderName ? [`Order ${orderName}`] : [])],
    items,
  };
}

export function toReplacementOrder(intent: ReplacementIntent, draft: DraftOrderRef): ReplacementOrder {
  return {
    draftOrderId: draft.draftOrderId,
    draftOrderName: draft.draftOrderName,
    orderId: draft.order?.id ?? null,
    orderName: draft.order?.name ?? null,
    lines: intent.items.flatMap((item) =>
      item.inStock && item.variantId
        ? [{ lineItemId: item.lineItemId, variantId: item.variantId, quantity: item.quantity }]
        : [],
    ),
  };
}

/** Creates and completes the replacement order once, continuing an earlier attempt's draft. */
export async function carryOutReplacement(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredAction<"replacement">,
  now: Date,
): Promise<ReplacementOrder | null> {
  const { result: done, intent } = await carryOutAction(
    db,
    stored,
    now,
    async ({ intent, progress, recordProgress }) => {
      const lines = intent.items.flatMap((item) =>
        item.inStock && item.variantId ? [{ variantId: item.variantId, quantity: item.quantity }] : [],
      );
      if (lines.length === 0) return { result: null, shopifyId: null };
      // A draft the merchant deleted meanwhile is created again.
      let draft = progress ? await fetchDraftOrder(graphql, progress.draftOrderId) : null;
      if (!draft) {
        draft = await createReplacementDraftOrder(graphql, {
          lines,
          customerId: intent.customerId,
          currencyCode: intent.currencyCode,
          note: intent.note,
          tags: intent.tags,
        });
        // Stored before completing: a retry after a crash completes this draft instead of another.
        await recordProgress(draft);
      }
      if (!draft.completed) draft = await completeDraftOrder(graphql, draft.draftOrderId);
      return { result: draft, shopifyId: draft.order?.id ?? draft.draftOrderId };
    },
  );
  return done ? toReplacementOrder(intent, done) : null;
}
