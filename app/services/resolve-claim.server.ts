import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireClaim, saveClaimChange, type StoredClaim } from "../db/claims.server";
import { deliveryFactsForOrder } from "../db/delivery-facts.server";
import { applyClaimCommand } from "../domain/claim-lifecycle/apply-claim-command";
import type { Actor, ClaimItemState, ClaimState } from "../domain/claim-lifecycle/claim-state";
import { DomainError } from "../domain/errors";
import { formatAmount, money, parseMoney } from "../domain/money";
import { planClaimRefund, type RefundPlan } from "../domain/refund-plan";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchOrderFacts, type OrderFacts } from "../shopify/order-facts.server";
import {
  createRefund,
  CreatedRefundSchema,
  fetchSuggestedRefund,
  RefundRequestSchema,
  type CreatedRefund,
  type RefundLine,
  type RefundRequest,
} from "../shopify/refunds.server";
import {
  completeDraftOrder,
  createReplacementDraftOrder,
  fetchDraftOrder,
  type DraftOrderRef,
} from "../shopify/draft-orders.server";
import { fetchVariantAvailability } from "../shopify/inventory.server";
import { fetchShopProfile } from "../shopify/shop.server";
import { closeClaimReturn, closedClaimReturn, type ClosedReturn } from "./request-return.server";
import { carryOutAction, findAction, storeActionIntent, type StoredAction } from "./shopify-actions.server";

// Resolving a claim: the items approved for a refund (or falling back to one) are refunded to the
// original payment methods, the items approved for a replacement get a $0 replacement order
// (docs/decisions/007) when Shopify has them in stock, and the claim's Shopify return is closed.
// The order of steps makes every failure retryable and never pays or ships twice:
//   1. the domain checks the command (nothing saved yet);
//   2. the replacement stock check is stored once (the "replacement" action's intent): a retry
//      after the replacement took the last unit must not now see it out of stock and refund too;
//   3. the resolution is computed by the domain from those facts;
//   4. the refund's intent and idempotency key are stored (one per claim), or the stored ones
//      reused; refundCreate runs with that key under the action's lease: a retry returns the same
//      refund. When Shopify refuses the stored plan (the merchant refunded by hand meanwhile), the
//      next attempt plans afresh from what the order still allows, under a new key;
//   5. the replacement draft order is created under the action's lease, its id stored at once,
//      then completed; a retry reuses the stored draft and completes it only if it is not;
//   6. the Shopify return, if the claim has one, is processed (closed);
//   7. the claim is saved as resolved.
// A crash or an error anywhere leaves unfinished actions and an unresolved claim, visible to the
// merchant; doing it again completes it.

export interface ResolveClaimInput {
  shop: string;
  claimId: string;
  actor: Actor;
  items: { lineItemId: string; replacementInStock?: boolean; repairPossible?: boolean }[];
  notifyCustomer: boolean;
  /** Put returned items back in stock at the warehouse that received them (refunded items only). */
  restock?: boolean;
  note?: string;
}

export interface ReplacementOrder {
  draftOrderId: string;
  draftOrderName: string;
  /** The $0 order the shopper's replacement ships with. */
  orderId: string | null;
  orderName: string | null;
  lines: { lineItemId: string; variantId: string; quantity: number }[];
}

/** An item approved for a replacement or repair that is refunded instead, and why, for the merchant. */
export interface ResolutionFallback {
  lineItemId: string;
  from: "replacement" | "repair";
  reason: "out_of_stock" | "repair_impossible";
  message: string;
}

export interface ResolveClaimResult {
  claim: StoredClaim;
  refund: (CreatedRefund & { plan: RefundPlan }) | null;
  replacement: ReplacementOrder | null;
  fallbacks: ResolutionFallback[];
  /** The claim's Shopify return, closed by the resolution (null when the claim had none). */
  shopifyReturn: ClosedReturn | null;
}

const RefundIntentSchema = z.object({
  plan: z.object({
    currencyCode: z.string(),
    items: z
      .array(
        z.object({
          lineItemId: z.string(),
          quantity: z.number().int(),
          paid: z.string(),
          deductions: z.string(),
          amount: z.string(),
        }),
      )
      .readonly(),
    total: z.string(),
    shortfall: z.string(),
    transactions: z.array(z.object({ parentId: z.string(), gateway: z.string(), amount: z.string() })).readonly(),
  }) satisfies z.ZodType<RefundPlan>,
  request: RefundRequestSchema,
});
type RefundIntent = z.infer<typeof RefundIntentSchema>;

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

async function planRefundIntent(
  graphql: AdminGraphql,
  resolved: ClaimState,
  notifyCustomer: boolean,
  note: string,
  restock: boolean,
) {
  const restockAt = restockLocations(resolved, restock);
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
    notifyCustomer,
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
  return { plan, request } satisfies RefundIntent;
}

// ---- replacements ----------------------------------------------------------------------------------

const ReplacementIntentSchema = z.object({
  orderId: z.string(),
  orderName: z.string().nullable(),
  customerId: z.string().nullable(),
  currencyCode: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  /** The stock check, made once: which approved replacements ship, and why the others do not. */
  items: z.array(
    z.object({
      lineItemId: z.string(),
      variantId: z.string().nullable(),
      quantity: z.number().int().positive(),
      inStock: z.boolean(),
      /** Why it is refunded instead, in the merchant's words; null when it ships. */
      fallbackMessage: z.string().nullable(),
    }),
  ),
});
type ReplacementIntent = z.infer<typeof ReplacementIntentSchema>;

const DraftOrderRefSchema = z.object({
  draftOrderId: z.string(),
  draftOrderName: z.string(),
  completed: z.boolean(),
  order: z.object({ id: z.string(), name: z.string() }).nullable(),
});

type ApprovedItem = ClaimItemState & { decision: { kind: "approve"; quantity: number; resolution: string } };

function approvedReplacements(state: ClaimState): ApprovedItem[] {
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

async function planReplacement(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredClaim,
  input: ResolveClaimInput,
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
    const refunded = (why: string) => ({
      lineItemId: item.lineItemId,
      variantId,
      quantity,
      inStock: false,
      fallbackMessage: `${why} It is refunded instead, as the guarantee promises.`,
    });
    if (input.items.find((entry) => entry.lineItemId === item.lineItemId)?.replacementInStock === false) {
      return refunded(`You marked the replacement for ${name} as out of stock.`);
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

function toReplacementOrder(intent: ReplacementIntent, draft: DraftOrderRef): ReplacementOrder {
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

const storedDraft = (resultJson: string | null) =>
  DraftOrderRefSchema.nullable().parse(JSON.parse(resultJson ?? "null"));

/** Creates and completes the replacement order once, continuing an earlier attempt's draft. */
async function carryOutReplacement(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredAction<ReplacementIntent>,
  now: Date,
): Promise<ReplacementOrder | null> {
  const { result: done, intent } = await carryOutAction(db, stored, now, {
    label: "replacement order",
    refusal: { code: "replacement.rejected_by_shopify", what: "the replacement order" },
    result: DraftOrderRefSchema.nullable(),
    perform: async ({ action, intent, recordProgress }) => {
      const lines = intent.items.flatMap((item) =>
        item.inStock && item.variantId ? [{ variantId: item.variantId, quantity: item.quantity }] : [],
      );
      if (lines.length === 0) return { result: null, shopifyId: null };
      const earlier = storedDraft(action.resultJson);
      // A draft the merchant deleted meanwhile is created again.
      let draft = earlier ? await fetchDraftOrder(graphql, earlier.draftOrderId) : null;
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
  });
  return done ? toReplacementOrder(intent, done) : null;
}

// ---- refunds ---------------------------------------------------------------------------------------

async function carryOutRefund(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredClaim,
  resolved: ClaimState,
  input: ResolveClaimInput,
  now: Date,
): Promise<NonNullable<ResolveClaimResult["refund"]>> {
  const note = `Warranty Desk claim #${stored.meta.number}`;
  const step = await storeActionIntent(db, stored.state.id, "refund", RefundIntentSchema, () =>
    planRefundIntent(graphql, resolved, input.notifyCustomer, note, input.restock ?? false),
  );
  const { result, intent } = await carryOutAction(db, step, now, {
    label: "refund",
    refusal: {
      code: "refund.rejected_by_shopify",
      what: "the refund",
      next: "Resolve the claim again to refund what the order still allows.",
    },
    result: CreatedRefundSchema,
    perform: async ({ action, intent }) => {
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
    },
  });
  return { ...result, plan: intent.plan };
}

// ---- resolving -------------------------------------------------------------------------------------

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
  const [refundAction, replacement] = await Promise.all([
    findAction(db, claim.state.id, "refund", RefundIntentSchema),
    findAction(db, claim.state.id, "replacement", ReplacementIntentSchema),
  ]);
  const refund =
    refundAction?.action.status === "succeeded" && refundAction.action.resultJson
      ? {
          ...CreatedRefundSchema.parse(JSON.parse(refundAction.action.resultJson)),
          plan: refundAction.intent.plan,
        }
      : null;
  const draft = replacement?.action.status === "succeeded" ? storedDraft(replacement.action.resultJson) : null;
  return {
    claim,
    refund,
    replacement: replacement && draft ? toReplacementOrder(replacement.intent, draft) : null,
    fallbacks: fallbacksOf(claim.state, replacement?.intent ?? null),
    shopifyReturn: await closedClaimReturn(db, claim.state.id),
  };
}

export async function resolveClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  input: ResolveClaimInput,
  now: Date,
): Promise<ResolveClaimResult> {
  const stored = await requireClaim(db, input.shop, input.claimId);
  if (stored.state.status === "resolved") return resolvedResult(db, stored);
  const command = (items: ResolveClaimInput["items"]) =>
    applyClaimCommand(
      stored.state,
      { type: "resolve", items, ...(input.note ? { note: input.note } : {}) },
      now,
      input.actor,
    ).state;
  const wanted = approvedReplacements(stored.state);
  // The domain's checks first, with stock assumed, so that a claim that cannot be resolved yet
  // costs no stock check and stores nothing.
  command(
    wanted.reduce(
      (items, item) =>
        items.some((entry) => entry.lineItemId === item.lineItemId)
          ? items
          : [...items, { lineItemId: item.lineItemId, replacementInStock: true }],
      input.items.map((entry) => ({ ...entry, replacementInStock: entry.replacementInStock ?? true })),
    ),
  );

  const replacementStep =
    wanted.length > 0
      ? await storeActionIntent(db, stored.state.id, "replacement", ReplacementIntentSchema, () =>
          planReplacement(db, graphql, stored, input),
        )
      : null;
  const stockFacts = new Map(replacementStep?.intent.items.map((item) => [item.lineItemId, item.inStock]));
  const items = [
    ...input.items.map((entry) =>
      stockFacts.has(entry.lineItemId) ? { ...entry, replacementInStock: stockFacts.get(entry.lineItemId) } : entry,
    ),
    ...[...stockFacts.entries()]
      .filter(([lineItemId]) => !input.items.some((entry) => entry.lineItemId === lineItemId))
      .map(([lineItemId, replacementInStock]) => ({ lineItemId, replacementInStock })),
  ];
  const resolved = command(items);

  const refunds = resolved.items.some((item) => item.outcome?.outcome === "refunded");
  const refund = refunds ? await carryOutRefund(db, graphql, stored, resolved, input, now) : null;
  const replacement = replacementStep ? await carryOutReplacement(db, graphql, replacementStep, now) : null;
  const shopifyReturn = await closeClaimReturn(db, graphql, stored, now);

  const claim = await db
    .$transaction((tx) => saveClaimChange(tx, input.shop, stored.meta.version, stored.state, resolved))
    .catch(async (err) => {
      // Another merchant resolved the claim meanwhile: its Shopify steps were these same actions.
      const current = await requireClaim(db, input.shop, input.claimId);
      if (current.state.status === "resolved") return current;
      throw err;
    });
  return {
    claim,
    refund,
    replacement,
    fallbacks: fallbacksOf(resolved, replacementStep?.intent ?? null),
    shopifyReturn,
  };
}
