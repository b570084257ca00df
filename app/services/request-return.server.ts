import type { PrismaClient } from "@prisma/client";
import { requireClaim, type StoredClaim } from "../db/claims.server";
import { claimShopifyReturnId, keepShopifyReturnId, saveClaimAfterShopifySteps } from "../db/shopify-actions.server";
import { applyClaimCommand } from "../domain/claim-lifecycle/apply-claim-command";
import type { Actor, ClaimState, ReturnInstructions } from "../domain/claim-lifecycle/claim-state";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchOrderFacts, type OrderFacts } from "../shopify/order-facts.server";
import {
  fetchOrderReturns,
  fetchReturn,
  openReturn,
  processReturn,
  type ShopifyReturn,
} from "../shopify/returns.server";
import { shopifyNotifiesShopper } from "./notification-settings.server";
import type { ClosedReturn, ReturnOpenIntent } from "./shopify-action-kinds.server";
import {
  carryOutAction,
  findAction,
  storeActionIntent,
  succeededResult,
  type StoredAction,
} from "./shopify-actions.server";

export type { ClosedReturn } from "./shopify-action-kinds.server";

// Asking the shopper to send the item back: the claim moves to awaiting_return with the domain's
// return instructions (each unit goes back to the warehouse that shipped it), and a Shopify return
// is opened for the claimed fulfillment line items, so the merchant's admin shows it. Its id is
// kept on the claim; when the claim resolves, closeClaimReturn processes it.
//   1. the domain checks the command (nothing saved yet);
//   2. the return's intent (which fulfillment line items, how many) is stored, or the stored one reused;
//   3. returnCreate runs under the action's lease; a retry after a failure first looks for a return
//      it opened already (marked by the claim's note on each line), so none is opened twice;
//   4. the claim moves to awaiting_return with the return's id, in one transaction.

interface RequestReturnInput {
  shop: string;
  claimId: string;
  actor: Actor;
  shippingPaidBy?: "merchant" | "customer";
}

interface RequestReturnResult {
  claim: StoredClaim;
  /** The return opened in Shopify, or null when none could be (see `notice`). */
  shopifyReturn: ShopifyReturn | null;
  /** For the merchant, when no Shopify return was opened. */
  notice: string | null;
}

const returnNote = (claimNumber: number) => `Warranty Desk claim #${claimNumber}`;

const NOT_READABLE =
  "Shopify does not show this order to the app any more (orders older than 60 days need the read_all_orders permission), so no Shopify return was opened. The shopper still gets the return instructions.";

/**
 * The fulfillment line items the claimed units were shipped on, per return destination: each unit
 * goes back to the location that shipped it, so only that location's fulfillments are drawn on.
 */
function returnLinesFor(
  instructions: ReturnInstructions,
  facts: OrderFacts,
): { lines: ReturnOpenIntent["lines"]; unplaced: number } {
  const lines: ReturnOpenIntent["lines"] = [];
  let unplaced = 0;
  const used = new Map<string, number>();
  for (const destination of instructions.destinations) {
    for (const item of destination.items) {
      const shipped = facts.lines
        .find((line) => line.lineItemId === item.lineItemId)
        ?.fulfilled.filter((group) => group.locationId === destination.locationId);
      let remaining = item.quantity;
      for (const group of shipped ?? []) {
        if (remaining === 0) break;
        const free = group.quantity - (used.get(group.fulfillmentLineItemId) ?? 0);
        const quantity = Math.min(free, remaining);
        if (quantity <= 0) continue;
        used.set(group.fulfillmentLineItemId, (used.get(group.fulfillmentLineItemId) ?? 0) + quantity);
        remaining -= quantity;
        lines.push({
          lineItemId: item.lineItemId,
          fulfillmentLineItemId: group.fulfillmentLineItemId,
          locationId: destination.locationId,
          quantity,
        });
      }
      unplaced += remaining;
    }
  }
  return { lines, unplaced };
}

async function planReturn(graphql: AdminGraphql, next: ClaimState, claimNumber: number): Promise<ReturnOpenIntent> {
  const note = returnNote(claimNumber);
  const instructions = next.returnInstructions;
  if (!instructions) throw new Error(`claim ${next.id} has no return instructions after request_return`);
  const facts = await fetchOrderFacts(graphql, next.orderId);
  if (!facts) return { orderId: next.orderId, note, lines: [], skipped: NOT_READABLE };
  const { lines, unplaced } = returnLinesFor(instructions, facts);
  if (lines.length === 0 || unplaced > 0) {
    return {
      orderId: next.orderId,
      note,
      lines: [],
      skipped:
        "Shopify's fulfillments of this order no longer match the claimed items, so no Shopify return was opened. The shopper still gets the return instructions.",
    };
  }
  return { orderId: next.orderId, note, lines, skipped: null };
}

async function carryOutReturnOpen(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredAction<"return_open">,
  now: Date,
  notifyCustomer: boolean,
): Promise<ShopifyReturn | null> {
  const { result } = await carryOutAction(db, stored, now, async ({ action, intent }) => {
    if (intent.lines.length === 0) return { result: null, shopifyId: null };
    if (action.attempts > 1) {
      // An earlier attempt failed or died after Shopify may have opened the return.
      const returns = await fetchOrderReturns(graphql, intent.orderId);
      const opened = returns?.find(
        (r) => !["CANCELED", "DECLINED"].includes(r.status) && r.lines.some((line) => line.note === intent.note),
      );
      if (opened) return { result: opened, shopifyId: opened.returnId };
    }
    const opened = await openReturn(graphql, {
      orderId: intent.orderId,
      lines: intent.lines,
      note: intent.note,
      notifyCustomer,
    });
    return { result: opened, shopifyId: opened.returnId };
  });
  return result;
}

export async function requestReturn(
  db: PrismaClient,
  graphql: AdminGraphql,
  input: RequestReturnInput,
  now: Date,
): Promise<RequestReturnResult> {
  const stored = await requireClaim(db, input.shop, input.claimId);
  if (stored.state.status === "awaiting_return") {
    // Asked already (a double click, or another merchant): answer what was done.
    const done = await findAction(db, stored.state.id, "return_open");
    if (done?.action.status === "succeeded") {
      return { claim: stored, shopifyReturn: succeededResult(done), notice: done.intent.skipped };
    }
  }
  const next = applyClaimCommand(
    stored.state,
    { type: "request_return", ...(input.shippingPaidBy ? { shippingPaidBy: input.shippingPaidBy } : {}) },
    now,
    input.actor,
  ).state;
  const stepped = await storeActionIntent(db, stored.state.id, "return_open", () =>
    planReturn(graphql, next, stored.meta.number),
  );
  // Shopify's return email or ours, never both: the shop's notification setting says which.
  const notifyCustomer = await shopifyNotifiesShopper(db, input.shop);
  const shopifyReturn = await carryOutReturnOpen(db, graphql, stepped, now, notifyCustomer);
  const claim = await saveClaimAfterShopifySteps(db, input.shop, stored, next, shopifyReturn?.returnId).catch(
    async (err) => {
      // Another merchant asked for the return meanwhile: it is the same Shopify return (one action).
      const current = await requireClaim(db, input.shop, input.claimId);
      if (current.state.status !== "awaiting_return") throw err;
      if (shopifyReturn) await keepShopifyReturnId(db, stored.state.id, shopifyReturn.returnId);
      return current;
    },
  );
  return { claim, shopifyReturn, notice: stepped.intent.skipped };
}

/** The claim's Shopify return as closed, when it had one and it was closed. */
export async function closedClaimReturn(db: PrismaClient, claimId: string): Promise<ClosedReturn | null> {
  return succeededResult(await findAction(db, claimId, "return_close"));
}

/**
 * Closes the claim's Shopify return when the claim resolves: the returned quantities are
 * confirmed (returnProcess), which closes it. A return the merchant already closed or cancelled in
 * the admin, or one Shopify no longer shows (old order), is left as it is.
 */
export async function closeClaimReturn(
  db: PrismaClient,
  graphql: AdminGraphql,
  claim: StoredClaim,
  now: Date,
): Promise<ClosedReturn | null> {
  const returnId = await claimShopifyReturnId(db, claim.state.id);
  if (!returnId) return null;
  const note = `${returnNote(claim.meta.number)} resolved`;
  const stored = await storeActionIntent(db, claim.state.id, "return_close", async () => ({ returnId, note }));
  const notifyCustomer = await shopifyNotifiesShopper(db, claim.meta.shop);
  const { result } = await carryOutAction(db, stored, now, async () => {
    const current = await fetchReturn(graphql, returnId);
    const closed: ClosedReturn = !current
      ? { returnId, status: "NOT_VISIBLE", name: null }
      : current.status !== "OPEN"
        ? { returnId, status: current.status, name: current.name }
        : await processReturn(graphql, current, note, notifyCustomer).then((r) => ({
            returnId: r.returnId,
            status: r.status,
            name: r.name,
          }));
    return { result: closed, shopifyId: returnId };
  });
  return result;
}
