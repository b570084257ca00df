import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from "graphql";
import { gidType, parseGid } from "../gid";
import { formatMoney, parseMoney } from "../money";
import type { OrderState, RefundState, TransactionState } from "../state";
import {
  isPayment,
  lineRefundValue,
  refundableQuantity,
  refundedShipping,
  shippingTotal,
  transactionRefundable,
} from "../store";
import { locationView } from "./catalog";
import { connection, moneyBag, moneyV2, orderVisible, userError, type ResolverContext, type View } from "./context";
import { lineItemView, orderView, transactionView } from "./orders";
import { returnView } from "./returns";
import { notifyCustomer } from "./customer-notifications";

// Order.suggestedRefund, refundCreate (idempotent, never over-refunds) and the Refund object.

type RestockType = RefundState["lineItems"][number]["restockType"];
interface RefundLineInput {
  lineItemId: string;
  quantity: number;
  restockType?: RestockType | null;
  locationId?: string | null;
}

const legacyId = (id: string) => parseGid(id)?.id ?? id;

// ---- Refund -------------------------------------------------------------------------------------------

export function refundView(ctx: ResolverContext, order: OrderState, refund: RefundState): View {
  const transactions = order.transactions.filter((t) => refund.transactionIds.includes(t.id));
  const total = transactions.reduce((s, t) => s + t.amount, 0);
  const currency = ctx.store.shop.currencyCode;
  const returned = refund.returnId ? ctx.store.state.returns.find((r) => r.id === refund.returnId) : undefined;
  return {
    __typename: "Refund",
    id: refund.id,
    legacyResourceId: legacyId(refund.id),
    createdAt: refund.createdAt,
    processedAt: refund.createdAt,
    updatedAt: refund.createdAt,
    note: refund.note,
    staffMember: null,
    duties: [],
    order: () => orderView(ctx, order),
    return: () => (returned ? returnView(ctx, returned) : null),
    totalRefundedSet: moneyBag(ctx, total),
    totalRefunded: moneyV2(total, currency),
    transactions: (args: Record<string, unknown>) =>
      connection(transactions, args, (t) => transactionView(ctx, order, t)),
    refundLineItems: (args: Record<string, unknown>) =>
      connection(refund.lineItems, args, (rli) => {
        const line = order.lineItems.find((l) => l.id === rli.lineItemId);
        const location = rli.locationId ? ctx.store.location(rli.locationId) : undefined;
        return {
          __typename: "RefundLineItem",
          id: rli.id,
          quantity: rli.quantity,
          restockType: rli.restockType,
          restocked: rli.restockType === "RETURN" || rli.restockType === "CANCEL",
          location: location ? locationView(ctx, location) : null,
          lineItem: () => (line ? lineItemView(ctx, order, line) : null),
          subtotalSet: moneyBag(ctx, rli.subtotal),
          priceSet: moneyBag(ctx, rli.quantity === 0 ? 0 : Math.round(rli.subtotal / rli.quantity)),
          totalTaxSet: moneyBag(ctx, 0),
        };
      }),
    refundShippingLines: (args: Record<string, unknown>) =>
      connection(
        refund.shipping > 0 && order.shippingLines[0]
          ? [{ id: `${refund.id}-shipping`, line: order.shippingLines[0] }]
          : [],
        args,
        ({ id, line }) => ({
          id,
          shippingLine: { title: line.title, code: line.code },
          subtotalAmountSet: moneyBag(ctx, refund.shipping),
          taxAmountSet: moneyBag(ctx, 0),
        }),
      ),
  };
}

// ---- planning: what a set of refund lines and shipping is worth --------------------------------------------

interface RefundPlan {
  lines: {
    lineItemId: string;
    quantity: number;
    restockType: RestockType;
    locationId: string | null;
    subtotal: number;
  }[];
  shipping: number;
  errors: ReturnType<typeof userError>[];
}

function planRefund(
  ctx: ResolverContext,
  order: OrderState,
  lines: readonly RefundLineInput[],
  shipping: { full?: boolean | null; amount?: number | null },
  mode: "suggest" | "create",
): RefundPlan {
  const plan: RefundPlan = { lines: [], shipping: 0, errors: [] };
  const pending = new Map<string, number>();
  lines.forEach((input, index) => {
    const line = order.lineItems.find((l) => l.id === input.lineItemId);
    if (!line) {
      plan.errors.push(userError(["refundLineItems", String(index), "lineItemId"], "Line item does not exist."));
      return;
    }
    const available = refundableQuantity(order, line) - (pending.get(line.id) ?? 0);
    let quantity = input.quantity;
    if (quantity <= 0) {
      plan.errors.push(userError(["refundLineItems", String(index), "quantity"], "Quantity must be greater than 0."));
      return;
    }
    if (quantity > available) {
      if (mode === "suggest") quantity = Math.max(0, available);
      else {
        plan.errors.push(
          userError(
            ["refundLineItems", String(index), "quantity"],
            `Quantity cannot refund more items than were purchased (${available} of ${line.title} can still be refunded).`,
          ),
        );
        return;
      }
    }
    const restockType = input.restockType ?? "NO_RESTOCK";
    let locationId = input.locationId ?? null;
    if (restockType === "RETURN" || restockType === "CANCEL") {
      locationId ??=
        order.fulfillments.find((f) => f.lineItems.some((l) => l.lineItemId === line.id))?.locationId ??
        order.fulfillmentOrders.find((fo) => fo.lineItems.some((l) => l.lineItemId === line.id))?.locationId ??
        null;
      if (locationId && !ctx.store.location(locationId)) {
        plan.errors.push(userError(["refundLineItems", String(index), "locationId"], "Location does not exist."));
        return;
      }
    }
    // Value of these units after the units already refunded or planned before them.
    const subtotal =
      lineRefundValue(order, line, (pending.get(line.id) ?? 0) + quantity) -
      lineRefundValue(order, line, pending.get(line.id) ?? 0);
    pending.set(line.id, (pending.get(line.id) ?? 0) + quantity);
    plan.lines.push({ lineItemId: line.id, quantity, restockType, locationId, subtotal });
  });
  const remainingShipping = shippingTotal(order) - refundedShipping(order);
  if (shipping.full) plan.shipping = remainingShipping;
  else if (typeof shipping.amount === "number") {
    if (shipping.amount > remainingShipping && mode === "create") {
      plan.errors.push(
        userError(
          ["shipping", "amount"],
          `Shipping refund amount must be less than or equal to the refundable shipping amount (${formatMoney(remainingShipping, ctx.store.shop.currencyCode)}).`,
        ),
      );
    }
    plan.shipping = Math.min(shipping.amount, remainingShipping);
  }
  return plan;
}

/** Payment transactions in the order a refund is allocated to them: cards and other methods, then gift cards. */
function refundOrder(order: OrderState): TransactionState[] {
  const payments = order.transactions.filter(isPayment);
  return [...payments.filter((t) => t.gateway !== "gift_card"), ...payments.filter((t) => t.gateway === "gift_card")];
}

function allocateToPayments(order: OrderState, amount: number): { parent: TransactionState; amount: number }[] {
  const result: { parent: TransactionState; amount: number }[] = [];
  let rest = amount;
  for (const parent of refundOrder(order)) {
    if (rest <= 0) break;
    const share = Math.min(rest, transactionRefundable(order, parent));
    if (share > 0) result.push({ parent, amount: share });
    rest -= share;
  }
  return result;
}

const parseMoneyArg = (ctx: ResolverContext, value: unknown): number | null =>
  value === undefined || value === null ? null : parseMoney(value, ctx.store.shop.currencyCode);

// ---- Order.suggestedRefund -------------------------------------------------------------------------------

export function suggestedRefund(ctx: ResolverContext, order: OrderState, args: Record<string, unknown>): View {
  if (args.refundMethodAllocation === "STORE_CREDIT") {
    throw new GraphQLError(
      "The store simulator does not implement store-credit refund allocation (RefundMethodAllocation.STORE_CREDIT).",
    );
  }
  const lines = args.suggestFullRefund
    ? order.lineItems
        .map((l) => ({ lineItemId: l.id, quantity: refundableQuantity(order, l) }))
        .filter((l) => l.quantity > 0)
    : ((args.refundLineItems as RefundLineInput[] | null | undefined) ?? []);
  const plan = planRefund(
    ctx,
    order,
    lines,
    {
      full: Boolean(args.refundShipping) || Boolean(args.suggestFullRefund),
      amount: parseMoneyArg(ctx, args.shippingAmount),
    },
    "suggest",
  );
  if (plan.errors[0]) throw new GraphQLError(plan.errors[0].message);
  const subtotal = plan.lines.reduce((s, l) => s + l.subtotal, 0);
  const maximumRefundable = order.transactions.reduce((s, t) => s + transactionRefundable(order, t), 0);
  const amount = Math.min(subtotal + plan.shipping, maximumRefundable);
  const currency = ctx.store.shop.currencyCode;
  const remainingShipping = shippingTotal(order) - refundedShipping(order);
  return {
    amountSet: moneyBag(ctx, amount),
    maximumRefundableSet: moneyBag(ctx, maximumRefundable),
    subtotalSet: moneyBag(ctx, subtotal),
    discountedSubtotalSet: moneyBag(ctx, subtotal),
    totalCartDiscountAmountSet: moneyBag(ctx, 0),
    totalTaxSet: moneyBag(ctx, 0),
    totalDutiesSet: moneyBag(ctx, 0),
    refundDuties: [],
    shipping: {
      amountSet: moneyBag(ctx, plan.shipping),
      maximumRefundableSet: moneyBag(ctx, remainingShipping),
      taxSet: moneyBag(ctx, 0),
    },
    refundLineItems: plan.lines.map((l) => {
      const line = order.lineItems.find((li) => li.id === l.lineItemId);
      const location = l.locationId ? ctx.store.location(l.locationId) : undefined;
      return {
        id: null,
        quantity: l.quantity,
        restockType: l.restockType,
        restocked: false,
        location: location ? locationView(ctx, location) : null,
        lineItem: () => (line ? lineItemView(ctx, order, line) : null),
        subtotalSet: moneyBag(ctx, l.subtotal),
        priceSet: moneyBag(ctx, l.quantity ? Math.round(l.subtotal / l.quantity) : 0),
        totalTaxSet: moneyBag(ctx, 0),
      };
    }),
    suggestedTransactions: allocateToPayments(order, amount).map(({ parent, amount: share }) => ({
      kind: "SUGGESTED_REFUND",
      gateway: parent.gateway,
      formattedGateway: parent.gateway === "gift_card" ? "Gift card" : parent.gateway,
      amountSet: moneyBag(ctx, share),
      maximumRefundableSet: moneyBag(ctx, transactionRefundable(order, parent)),
      parentTransaction: () => transactionView(ctx, order, parent),
      accountNumber: null,
    })),
    suggestedRefundMethods: [],
    amount: formatMoney(amount, currency),
  };
}

// ---- refundCreate ---------------------------------------------------------------------------------------

/** Reads the @idempotent(key:) directive on the current mutation field; Shopify requires it on some mutations. */
export function idempotencyKey(info: GraphQLResolveInfo): string {
  const directive = info.schema.getDirective("idempotent");
  const node = info.fieldNodes[0];
  const values = directive && node ? getDirectiveValues(directive, node, info.variableValues) : undefined;
  const key = values?.key;
  if (typeof key !== "string") {
    throw new GraphQLError(
      `The @idempotent directive is required for the ${info.fieldName} mutation. Add @idempotent(key: "<unique key>") to the mutation field.`,
      { extensions: { code: "BAD_REQUEST" } },
    );
  }
  if (key.trim() === "") {
    throw new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return key;
}

/** Runs `create` once per idempotency key; a repeated key answers the first result. */
export function onceForKey(
  ctx: ResolverContext,
  mutation: string,
  key: string,
  input: unknown,
  create: () => { id: string } | null,
): { id: string; replay: boolean } | null {
  const slot = `${mutation}:${key}`;
  const fingerprint = JSON.stringify(input);
  const previous = ctx.store.state.idempotency[slot];
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      throw new GraphQLError("The idempotency key has already been used with different input for this mutation.", {
        extensions: { code: "IDEMPOTENCY_KEY_REUSED" },
      });
    }
    return { id: previous.resultId, replay: true };
  }
  const created = create();
  if (created) ctx.store.state.idempotency[slot] = { mutation, fingerprint, resultId: created.id };
  return created ? { id: created.id, replay: false } : null;
}

interface RefundInput {
  orderId: string;
  note?: string | null;
  notify?: boolean | null;
  currency?: string | null;
  allowOverRefunding?: boolean | null;
  refundLineItems?: RefundLineInput[] | null;
  shipping?: { amount?: unknown; fullRefund?: boolean | null } | null;
  transactions?: { orderId: string; parentId?: string | null; amount: unknown; gateway: string; kind: string }[] | null;
  refundMethods?: unknown[] | null;
  refundDuties?: unknown[] | null;
}

export interface RefundRequest {
  lines: RefundLineInput[];
  shipping: { full?: boolean | null; amount?: number | null };
  transactions: { parentId: string | null; amount: number; gateway: string | null; kind: string; field: string[] }[];
  note: string | null;
  returnId: string | null;
}

/** Validates and applies a refund; shared by refundCreate and returnProcess. */
export function applyRefund(
  ctx: ResolverContext,
  order: OrderState,
  request: RefundRequest,
): { refund: RefundState | null; errors: ReturnType<typeof userError>[] } {
  const plan = planRefund(ctx, order, request.lines, request.shipping, "create");
  const errors = [...plan.errors];
  const currency = ctx.store.shop.currencyCode;
  const perParent = new Map<string, number>();
  const refundTransactions: { parent: TransactionState; amount: number }[] = [];
  request.transactions.forEach((input) => {
    if (input.kind !== "REFUND") {
      errors.push(userError([...input.field, "kind"], "Only REFUND transactions can be created with refundCreate."));
      return;
    }
    const parent = input.parentId ? order.transactions.find((t) => t.id === input.parentId) : undefined;
    if (!parent || !isPayment(parent)) {
      errors.push(userError([...input.field, "parentId"], "Parent transaction does not exist or cannot be refunded."));
      return;
    }
    if (input.gateway !== null && input.gateway !== parent.gateway) {
      errors.push(
        userError(
          [...input.field, "gateway"],
          `Gateway must match the parent transaction's gateway (${parent.gateway}).`,
        ),
      );
      return;
    }
    if (input.amount <= 0) {
      errors.push(userError([...input.field, "amount"], "Amount must be greater than 0."));
      return;
    }
    const available = transactionRefundable(order, parent) - (perParent.get(parent.id) ?? 0);
    if (input.amount > available) {
      errors.push(
        userError(
          [...input.field, "amount"],
          `Refund amount ${formatMoney(input.amount, currency)} is greater than the ${formatMoney(available, currency)} that can be refunded on transaction ${parent.id}.`,
        ),
      );
      return;
    }
    perParent.set(parent.id, (perParent.get(parent.id) ?? 0) + input.amount);
    refundTransactions.push({ parent, amount: input.amount });
  });
  if (plan.lines.length === 0 && refundTransactions.length === 0 && plan.shipping === 0 && errors.length === 0) {
    errors.push(userError(null, "A refund needs line items, shipping or transactions."));
  }
  if (errors.length > 0) return { refund: null, errors };

  const createdAt = ctx.now.toISOString();
  const transactions = refundTransactions.map(({ parent, amount }) => {
    const t: TransactionState = {
      id: ctx.store.nextId("OrderTransaction"),
      kind: "REFUND",
      status: "SUCCESS",
      gateway: parent.gateway,
      amount,
      parentId: parent.id,
      createdAt,
      test: parent.test,
    };
    order.transactions.push(t);
    return t;
  });
  for (const line of plan.lines) {
    if ((line.restockType === "RETURN" || line.restockType === "CANCEL") && line.locationId) {
      const variantId = order.lineItems.find((l) => l.id === line.lineItemId)?.variantId;
      const variant = variantId ? ctx.store.variant(variantId) : undefined;
      if (variant) variant.inventory[line.locationId] = (variant.inventory[line.locationId] ?? 0) + line.quantity;
    }
  }
  const refund: RefundState = {
    id: ctx.store.nextId("Refund"),
    createdAt,
    note: request.note,
    lineItems: plan.lines.map((l) => ({ id: ctx.store.nextId("RefundLineItem"), ...l })),
    shipping: plan.shipping,
    transactionIds: transactions.map((t) => t.id),
    returnId: request.returnId,
  };
  order.refunds.push(refund);
  order.updatedAt = createdAt;
  return { refund, errors: [] };
}

export function refundCreate(ctx: ResolverContext, args: Record<string, unknown>, info: GraphQLResolveInfo): View {
  const key = idempotencyKey(info);
  const input = args.input as RefundInput;
  if (input.refundMethods?.length) {
    throw new GraphQLError("The store simulator does not implement RefundInput.refundMethods (store credit refunds).");
  }
  const order = gidType(input.orderId) === "Order" ? ctx.store.order(input.orderId) : undefined;
  if (!order || !orderVisible(ctx, order)) {
    return { refund: null, order: null, userErrors: [userError(["orderId"], "Order does not exist.")] };
  }
  const currency = ctx.store.shop.currencyCode;
  if (input.currency && input.currency !== currency) {
    return { refund: null, order: null, userErrors: [userError(["currency"], `Currency must be ${currency}.`)] };
  }
  let errors: ReturnType<typeof userError>[] = [];
  const outcome = onceForKey(ctx, "refundCreate", key, input, () => {
    let request: RefundRequest;
    try {
      request = {
        lines: input.refundLineItems ?? [],
        shipping: {
          full: input.shipping?.fullRefund ?? false,
          amount:
            input.shipping?.amount === undefined || input.shipping.amount === null
              ? null
              : parseMoney(input.shipping.amount, currency),
        },
        transactions: (input.transactions ?? []).map((t, index) => {
          if (t.orderId !== order.id)
            errors.push(
              userError(["transactions", String(index), "orderId"], "Transaction must belong to the refunded order."),
            );
          return {
            parentId: t.parentId ?? null,
            amount: parseMoney(t.amount, currency),
            gateway: t.gateway,
            kind: t.kind,
            field: ["transactions", String(index)],
          };
        }),
        note: input.note ?? null,
        returnId: null,
      };
    } catch (error) {
      errors.push(userError(null, (error as Error).message));
      return null;
    }
    if (errors.length > 0) return null;
    const result = applyRefund(ctx, order, request);
    errors = result.errors;
    if (result.refund) notifyCustomer(ctx, order, "refund_created", input.notify);
    return result.refund;
  });
  if (!outcome) return { refund: null, order: null, userErrors: errors };
  const refund = order.refunds.find((r) => r.id === outcome.id);
  return {
    refund: refund ? refundView(ctx, order, refund) : null,
    order: orderView(ctx, order),
    userErrors: [],
  };
}
