import { GraphQLError } from "graphql";
import { gidType } from "../gid";
import { parseMoney } from "../money";
import type { OrderState, ReturnState } from "../state";
import { connection, orderVisible, type ResolverContext, type View } from "./context";
import { fulfillmentLineItemView, orderView, transactionView } from "./orders";
import { applyRefund, refundView } from "./refunds";
import { notifyCustomer } from "./customer-notifications";

// Returns: returnCreate (an open return, as a merchant creates it), returnProcess (dispositions
// and the refund), Order.returns and the Return object. Exchanges and reverse deliveries are not
// simulated and fail clearly.

const returnError = (field: string[] | null, message: string, code: string) => ({ field, message, code });

function returnedQuantity(ctx: ResolverContext, fulfillmentLineItemId: string): number {
  return ctx.store.state.returns
    .filter((r) => r.status !== "DECLINED" && r.status !== "CANCELED")
    .flatMap((r) => r.lineItems)
    .filter((l) => l.fulfillmentLineItemId === fulfillmentLineItemId)
    .reduce((s, l) => s + l.quantity, 0);
}

export function returnView(ctx: ResolverContext, ret: ReturnState): View {
  const order = ctx.store.order(ret.orderId) as OrderState;
  const refunds = order.refunds.filter((r) => r.returnId === ret.id);
  const refundedQty = (lineItemId: string) =>
    refunds
      .flatMap((r) => r.lineItems)
      .filter((l) => l.lineItemId === lineItemId)
      .reduce((s, l) => s + l.quantity, 0);
  return {
    __typename: "Return",
    id: ret.id,
    name: ret.name,
    status: ret.status,
    createdAt: ret.createdAt,
    closedAt: ret.closedAt,
    requestApprovedAt: ret.createdAt,
    totalQuantity: ret.lineItems.reduce((s, l) => s + l.quantity, 0),
    decline: null,
    order: () => orderView(ctx, order),
    refunds: (args: Record<string, unknown>) => connection(refunds, args, (r) => refundView(ctx, order, r)),
    transactions: (args: Record<string, unknown>) =>
      connection(
        order.transactions.filter((t) => refunds.some((r) => r.transactionIds.includes(t.id))),
        args,
        (t) => transactionView(ctx, order, t),
      ),
    returnLineItems: (args: Record<string, unknown>) =>
      connection(ret.lineItems, args, (l) => {
        const fli = order.fulfillments.flatMap((f) => f.lineItems).find((f) => f.id === l.fulfillmentLineItemId);
        return {
          __typename: "ReturnLineItem",
          id: l.id,
          quantity: l.quantity,
          processedQuantity: l.processedQuantity,
          unprocessedQuantity: l.quantity - l.processedQuantity,
          processableQuantity: l.quantity - l.processedQuantity,
          refundedQuantity: refundedQty(l.lineItemId),
          refundableQuantity: Math.max(0, l.quantity - refundedQty(l.lineItemId)),
          returnReason: "UNKNOWN",
          returnReasonNote: l.returnReasonNote,
          returnReasonDefinition: null,
          customerNote: l.customerNote,
          restockingFee: null,
          fulfillmentLineItem: () => (fli ? fulfillmentLineItemView(ctx, order, fli) : null),
        };
      }),
  };
}

interface ReturnInput {
  orderId: string;
  returnLineItems: { fulfillmentLineItemId: string; quantity: number; returnReasonNote?: string | null }[];
  exchangeLineItems?: unknown[] | null;
  notifyCustomer?: boolean | null;
}

export function returnCreate(ctx: ResolverContext, args: Record<string, unknown>): View {
  const input = args.returnInput as ReturnInput;
  if (input.exchangeLineItems?.length) {
    throw new GraphQLError("The store simulator does not implement ReturnInput.exchangeLineItems (exchanges).");
  }
  const order = gidType(input.orderId) === "Order" ? ctx.store.order(input.orderId) : undefined;
  if (!order || !orderVisible(ctx, order)) {
    return {
      return: null,
      userErrors: [returnError(["returnInput", "orderId"], "Order does not exist.", "NOT_FOUND")],
    };
  }
  const errors: ReturnType<typeof returnError>[] = [];
  if (input.returnLineItems.length === 0) {
    errors.push(returnError(["returnInput", "returnLineItems"], "Return must have at least one line item.", "BLANK"));
  }
  const lines = input.returnLineItems.flatMap((l, index) => {
    const field = ["returnInput", "returnLineItems", String(index)];
    const fli = order.fulfillments.flatMap((f) => f.lineItems).find((f) => f.id === l.fulfillmentLineItemId);
    if (!fli) {
      errors.push(
        returnError([...field, "fulfillmentLineItemId"], "Fulfillment line item does not exist.", "NOT_FOUND"),
      );
      return [];
    }
    const available = fli.quantity - returnedQuantity(ctx, fli.id);
    if (l.quantity < 1 || l.quantity > available) {
      errors.push(
        returnError(
          [...field, "quantity"],
          `Quantity must be between 1 and the returnable quantity (${available}).`,
          "INVALID",
        ),
      );
      return [];
    }
    return [
      {
        id: ctx.store.nextId("ReturnLineItem"),
        fulfillmentLineItemId: fli.id,
        lineItemId: fli.lineItemId,
        quantity: l.quantity,
        processedQuantity: 0,
        returnReasonNote: l.returnReasonNote ?? "",
        customerNote: null,
      },
    ];
  });
  if (errors.length > 0) return { return: null, userErrors: errors };
  const ret: ReturnState = {
    id: ctx.store.nextId("Return"),
    orderId: order.id,
    name: `${order.name}-R${ctx.store.returnsOf(order.id).length + 1}`,
    status: "OPEN",
    createdAt: ctx.now.toISOString(),
    closedAt: null,
    lineItems: lines,
  };
  ctx.store.state.returns.push(ret);
  notifyCustomer(ctx, order, "return_created", input.notifyCustomer);
  return { return: returnView(ctx, ret), userErrors: [] };
}

interface ReturnProcessInput {
  returnId: string;
  returnLineItems?:
    | {
        id: string;
        quantity: number;
        dispositions?: { dispositionType?: string; locationId?: string | null; quantity?: number }[] | null;
      }[]
    | null;
  refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: { amount: unknown } | null } | null;
  financialTransfer?: {
    issueRefund?: {
      orderTransactions: { parentId: string; transactionAmount: { amount: unknown; currencyCode: string } }[];
      refundMethods?: unknown[] | null;
    } | null;
  } | null;
  exchangeLineItems?: unknown[] | null;
  note?: string | null;
  notifyCustomer?: boolean | null;
}

export function returnProcess(ctx: ResolverContext, args: Record<string, unknown>): View {
  const input = args.input as ReturnProcessInput;
  if (input.exchangeLineItems?.length) {
    throw new GraphQLError("The store simulator does not implement ReturnProcessInput.exchangeLineItems.");
  }
  if (input.financialTransfer?.issueRefund?.refundMethods?.length) {
    throw new GraphQLError("The store simulator does not implement store-credit refunds in returnProcess.");
  }
  const ret = ctx.store.state.returns.find((r) => r.id === input.returnId);
  const order = ret ? ctx.store.order(ret.orderId) : undefined;
  if (!ret || !order || !orderVisible(ctx, order)) {
    return { return: null, userErrors: [returnError(["input", "returnId"], "Return does not exist.", "NOT_FOUND")] };
  }
  if (ret.status !== "OPEN") {
    return { return: null, userErrors: [returnError(["input", "returnId"], "Return is not open.", "INVALID_STATE")] };
  }
  const currency = ctx.store.shop.currencyCode;
  const errors: ReturnType<typeof returnError>[] = [];
  const processed = (input.returnLineItems ?? []).flatMap((l, index) => {
    const line = ret.lineItems.find((r) => r.id === l.id);
    const field = ["input", "returnLineItems", String(index)];
    if (!line) {
      errors.push(returnError([...field, "id"], "Return line item does not exist.", "NOT_FOUND"));
      return [];
    }
    if (l.quantity < 1 || l.quantity > line.quantity - line.processedQuantity) {
      errors.push(returnError([...field, "quantity"], "Quantity exceeds the unprocessed quantity.", "INVALID"));
      return [];
    }
    const restock = l.dispositions?.find((d) => d.dispositionType === "RESTOCKED" && d.locationId);
    return [{ line, quantity: l.quantity, locationId: restock?.locationId ?? null }];
  });
  if (errors.length > 0) return { return: null, userErrors: errors };

  const issue = input.financialTransfer?.issueRefund;
  if (issue || input.refundShipping) {
    let transactions;
    try {
      transactions = (issue?.orderTransactions ?? []).map((t, index) => ({
        parentId: t.parentId,
        amount: parseMoney(t.transactionAmount.amount, currency),
        gateway: null,
        kind: "REFUND",
        field: ["input", "financialTransfer", "issueRefund", "orderTransactions", String(index)],
      }));
    } catch (error) {
      return { return: null, userErrors: [returnError(null, (error as Error).message, "INVALID")] };
    }
    const { errors: refundErrors } = applyRefund(ctx, order, {
      lines: issue
        ? processed.map((p) => ({
            lineItemId: p.line.lineItemId,
            quantity: p.quantity,
            restockType: p.locationId ? "RETURN" : "NO_RESTOCK",
            locationId: p.locationId,
          }))
        : [],
      shipping: {
        full: input.refundShipping?.fullRefund ?? false,
        amount: input.refundShipping?.shippingRefundAmount
          ? parseMoney(input.refundShipping.shippingRefundAmount.amount, currency)
          : null,
      },
      transactions,
      note: input.note ?? null,
      returnId: ret.id,
    });
    if (refundErrors.length > 0) {
      return { return: null, userErrors: refundErrors.map((e) => ({ ...e, code: "INVALID" })) };
    }
  } else {
    for (const p of processed) {
      if (!p.locationId) continue;
      const variantId = order.lineItems.find((l) => l.id === p.line.lineItemId)?.variantId;
      const variant = variantId ? ctx.store.variant(variantId) : undefined;
      if (variant) variant.inventory[p.locationId] = (variant.inventory[p.locationId] ?? 0) + p.quantity;
    }
  }
  for (const p of processed) p.line.processedQuantity += p.quantity;
  if (ret.lineItems.every((l) => l.processedQuantity >= l.quantity)) {
    ret.status = "CLOSED";
    ret.closedAt = ctx.now.toISOString();
  }
  notifyCustomer(ctx, order, "return_processed", input.notifyCustomer);
  return { return: returnView(ctx, ret), userErrors: [] };
}
