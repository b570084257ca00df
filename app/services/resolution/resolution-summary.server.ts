import type { PrismaClient } from "@prisma/client";
import type { StoredClaim } from "../../db/claims.server";
import type { Resolution } from "../../domain/claim-lifecycle/claim-state";
import { claimResolutionPolicy } from "../../domain/policy/claim-policy-snapshot";
import type { OutOfStockFallback } from "../../domain/policy/policy-schema";
import { formatAmount, parseMoney } from "../../domain/money";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { fetchPaymentRequestDraftOrder } from "../../shopify/draft-orders.server";
import { ShopifyUnavailableError } from "../../shopify/errors.server";
import { SHOPIFY_ACTION_KINDS, type ShopifyActionKind } from "../shopify-action-kinds.server";
import { findAction, succeededResult, type ShopifyActionStatus } from "../shopify-actions.server";

// The claim page's view of inspection and resolution: each approved item's components checklist
// (for the inspect modal), and what the resolution's Shopify steps did (the resolution card): the
// refund per transaction, the replacement order, the payment request and whether it is paid, the
// repair notes, and any step Shopify refused with its reason.

type Money = { amount: string; currencyCode: string };

export interface InspectableItem {
  lineItemId: string;
  title: string;
  quantity: number;
  resolution: Resolution;
  /** The parts that must come back, each with what it costs the shopper when missing. */
  components: { name: string; charge: Money }[];
  inspection: { missing: { name: string; quantity: number }[]; deductions: { name: string; charge: Money }[] } | null;
}

interface ResolutionStep {
  kind: ShopifyActionKind;
  /** "refund", "replacement order" ... */
  label: string;
  status: ShopifyActionStatus;
  /** Shopify's reason, when it refused the step. */
  refusal: string | null;
}

export interface ClaimResolution {
  items: InspectableItem[];
  /** The resolution's note (the repair notes), once resolved. */
  note: string | null;
  resolvedAt: string | null;
  refund: {
    total: Money;
    transactions: { paymentMethod: string; amount: Money }[];
    orderUrl: string;
  } | null;
  replacement: { orderName: string | null; draftOrderName: string; url: string } | null;
  paymentRequest: {
    draftOrderName: string;
    total: Money;
    /** As Shopify has it now: "INVOICE_SENT", "COMPLETED" (paid) ...; null when Shopify did not answer. */
    status: string | null;
    invoiceSentAt: string | null;
    url: string;
  } | null;
  /** Steps that did not succeed (refused, failed, in progress), with Shopify's reason. */
  unfinished: ResolutionStep[];
  /** What an out-of-stock replacement becomes under the policy the claim was filed under. */
  outOfStockFallback: OutOfStockFallback;
}

const decimal = ({ amount, currencyCode }: Money): Money => ({
  amount: formatAmount(parseMoney(amount, currencyCode)),
  currencyCode,
});

const adminUrl = (resource: "orders" | "draft_orders", id: string) =>
  `shopify://admin/${resource}/${id.split("/").at(-1) ?? ""}`;

async function paymentStatus(graphql: AdminGraphql, draftOrderId: string): Promise<string | null> {
  try {
    return (await fetchPaymentRequestDraftOrder(graphql, draftOrderId))?.status ?? "DELETED";
  } catch (error) {
    // The card still shows the request; whether it is paid is a welcome extra.
    if (error instanceof ShopifyUnavailableError) return null;
    throw error;
  }
}

export async function loadClaimResolution(
  db: PrismaClient,
  graphql: AdminGraphql,
  claim: StoredClaim,
): Promise<ClaimResolution> {
  const { state, meta } = claim;
  const items = state.items.flatMap((item): InspectableItem[] =>
    item.decision?.kind === "approve"
      ? [
          {
            lineItemId: item.lineItemId,
            title: meta.itemTitles[item.lineItemId] ?? "Item",
            quantity: item.decision.quantity,
            resolution: item.decision.resolution,
            components: item.components.map((c) => ({ name: c.name, charge: c.chargeIfMissing })),
            inspection: item.inspection
              ? { missing: item.inspection.missingComponents, deductions: item.inspection.deductions }
              : null,
          },
        ]
      : [],
  );
  const [refund, replacement, payment, returnOpen, returnClose] = await Promise.all([
    findAction(db, state.id, "refund"),
    findAction(db, state.id, "replacement"),
    findAction(db, state.id, "payment_request"),
    findAction(db, state.id, "return_open"),
    findAction(db, state.id, "return_close"),
  ]);
  const unfinished = [refund, replacement, payment, returnOpen, returnClose].flatMap((step): ResolutionStep[] =>
    step && step.action.status !== "succeeded"
      ? [
          {
            kind: step.kind,
            label: SHOPIFY_ACTION_KINDS[step.kind].label,
            status: step.action.status as ShopifyActionStatus,
            refusal: step.action.status === "refused" ? step.action.errorMessage : null,
          },
        ]
      : [],
  );
  const refunded = succeededResult(refund);
  const draft = succeededResult(replacement);
  const requested = succeededResult(payment);
  const resolvedEvent = state.events.findLast((event) => event.type === "resolved") ?? null;
  return {
    items,
    outOfStockFallback: claimResolutionPolicy(state).outOfStockFallback,
    note: resolvedEvent?.note ?? null,
    resolvedAt: resolvedEvent?.at ?? null,
    refund:
      refund && refunded
        ? {
            // Shopify's decimals drop trailing zeros ("201.6"): shown as the order's currency writes them.
            total: decimal(refunded.totalRefunded),
            transactions: refund.intent.request.transactions.map((t) => ({
              paymentMethod: refund.intent.paymentMethods[t.parentTransactionId] ?? t.gateway,
              amount: { amount: t.amount, currencyCode: refund.intent.request.currencyCode },
            })),
            orderUrl: adminUrl("orders", state.orderId),
          }
        : null,
    replacement: draft
      ? {
          orderName: draft.order?.name ?? null,
          draftOrderName: draft.draftOrderName,
          url: draft.order ? adminUrl("orders", draft.order.id) : adminUrl("draft_orders", draft.draftOrderId),
        }
      : null,
    paymentRequest:
      payment && requested
        ? {
            draftOrderName: requested.draftOrderName,
            total: { amount: payment.intent.total, currencyCode: payment.intent.currencyCode },
            status: await paymentStatus(graphql, requested.draftOrderId),
            invoiceSentAt: requested.invoiceSentAt,
            url: adminUrl("draft_orders", requested.draftOrderId),
          }
        : null,
    unfinished,
  };
}
