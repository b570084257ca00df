import type { PrismaClient } from "@prisma/client";
import type { StoredClaim } from "../../db/claims.server";
import type { ClaimState } from "../../domain/claim-lifecycle/claim-state";
import { formatAmount, fromMoneyInput, money, sum } from "../../domain/money";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { fetchOrderFacts } from "../../shopify/order-facts.server";
import {
  createPaymentRequestDraftOrder,
  fetchPaymentRequestDraftOrder,
  sendDraftOrderInvoice,
} from "../../shopify/draft-orders.server";
import type { PaymentRequestDraft, PaymentRequestIntent } from "../shopify-action-kinds.server";
import { carryOutAction, storeActionIntent } from "../shopify-actions.server";

// Parts missing from a return are deducted from the refund. When an item is replaced or repaired
// there is no refund to deduct them from, so the shopper is sent a payment request for them: a
// draft order of the missing parts at their charges, whose invoice Shopify emails (one step on the
// runner: the draft's id is kept before the invoice is sent, and a retry sends it only if Shopify
// has not).

/**
 * The missing parts of items replaced or repaired, as payment request lines; null when there are
 * none. `names` are the claimed lines' names, for the shopper.
 */
export function planPaymentRequest(
  claim: StoredClaim,
  resolved: ClaimState,
  names: ReadonlyMap<string, string>,
): PaymentRequestIntent | null {
  const lines = resolved.items.flatMap((item) => {
    if (item.outcome?.outcome !== "replaced" && item.outcome?.outcome !== "repaired") return [];
    return (item.inspection?.missingComponents ?? []).flatMap((missing) => {
      const component = item.components.find((c) => c.name === missing.name);
      if (!component) return [];
      const unit = fromMoneyInput(component.chargeIfMissing);
      if (unit.minorUnits === 0) return [];
      const itemName = names.get(item.lineItemId) ?? "your item";
      return [
        {
          lineItemId: item.lineItemId,
          title: `Missing part: ${missing.name} (${itemName})`,
          quantity: missing.quantity,
          unitPrice: formatAmount(unit),
          currencyCode: unit.currencyCode,
        },
      ];
    });
  });
  if (lines.length === 0) return null;
  // The parts' charges are in the policy's currency, which is the shop's (draft orders are priced in it).
  const currencyCode = lines[0]!.currencyCode;
  const total = sum(
    lines.map((line) => {
      const unit = fromMoneyInput({ amount: line.unitPrice, currencyCode });
      return money(unit.minorUnits * line.quantity, currencyCode);
    }),
    currencyCode,
  );
  const orderName = claim.meta.orderName;
  const number = claim.meta.number;
  return {
    orderId: resolved.orderId,
    orderName,
    customerId: claim.meta.customerId,
    currencyCode,
    note: `Warranty Desk claim #${number}: parts missing from the return of order ${orderName ?? resolved.orderId}.`,
    tags: ["Warranty Desk", "Missing parts", `Claim #${number}`, ...(orderName ? [`Order ${orderName}`] : [])],
    subject: `Claim #${number}: payment for parts missing from your return`,
    message: `Parts were missing from the item you sent back for claim #${number}${orderName ? ` on order ${orderName}` : ""}. Your replacement or repair goes ahead; please pay for the missing parts with the link below.`,
    lines: lines.map(({ currencyCode: _currency, ...line }) => line),
    total: formatAmount(total),
  };
}

/** The claimed lines' names as Shopify shows them (empty when it no longer shows the order). */
export async function claimedLineNames(graphql: AdminGraphql, orderId: string): Promise<Map<string, string>> {
  const facts = await fetchOrderFacts(graphql, orderId);
  return new Map((facts?.lines ?? []).map((line) => [line.lineItemId, line.name]));
}

export interface PaymentRequest {
  draft: PaymentRequestDraft;
  intent: PaymentRequestIntent;
}

/**
 * When the resolution leaves missing parts with nothing to deduct them from: stores the payment
 * request's intent (or reuses it), creates its draft order once and sends its invoice once.
 */
export async function carryOutPaymentRequest(
  db: PrismaClient,
  graphql: AdminGraphql,
  claim: StoredClaim,
  resolved: ClaimState,
  now: Date,
): Promise<PaymentRequest | null> {
  if (!planPaymentRequest(claim, resolved, new Map())) return null;
  const step = await storeActionIntent(db, claim.state.id, "payment_request", async () => {
    const intent = planPaymentRequest(claim, resolved, await claimedLineNames(graphql, resolved.orderId));
    if (!intent) throw new Error(`claim ${claim.state.id} has no missing parts to ask payment for`);
    return intent;
  });
  const { result, intent } = await carryOutAction(db, step, now, async ({ intent, progress, recordProgress }) => {
    // A draft the merchant deleted meanwhile is created again.
    let draft = progress ? await fetchPaymentRequestDraftOrder(graphql, progress.draftOrderId) : null;
    if (!draft) {
      draft = await createPaymentRequestDraftOrder(graphql, {
        lines: intent.lines.map((line) => ({
          title: line.title,
          quantity: line.quantity,
          unitPrice: { amount: line.unitPrice, currencyCode: intent.currencyCode },
        })),
        customerId: intent.customerId,
        note: intent.note,
        tags: intent.tags,
      });
      // Kept before the invoice goes out: a retry sends this draft's invoice, never a second draft.
      await recordProgress(draft);
    }
    // Sent already (by an attempt whose answer was lost) or paid meanwhile: not sent again.
    if (!draft.invoiceSentAt && draft.status === "OPEN") {
      draft = await sendDraftOrderInvoice(graphql, draft.draftOrderId, {
        subject: intent.subject,
        customMessage: intent.message,
      });
    }
    return { result: draft, shopifyId: draft.draftOrderId };
  });
  return { draft: result, intent };
}
