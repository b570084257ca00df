import { GraphQLError } from "graphql";
import { parseGid } from "../gid";
import type {
  FulfillmentOrderState,
  FulfillmentState,
  LineItemState,
  OrderState,
  ShippingLineState,
  TransactionState,
} from "../state";
import {
  discountedUnitPrice,
  isPayment,
  lineDiscount,
  lineTotal,
  orderSubtotal,
  orderTotal,
  refundableQuantity,
  refundedQuantity,
  refundedShipping,
  shippingTotal,
  totalReceived,
  totalRefunded,
  transactionRefundable,
} from "../store";
import { locationView, customerView, productView, variantView } from "./catalog";
import { connection, moneyBag, moneyV2, type ResolverContext, type View } from "./context";
import { metafieldFields } from "./metafields";
import { refundView, suggestedRefund } from "./refunds";
import { returnView } from "./returns";

// Orders and what hangs off them: line items, shipping lines, fulfillment orders, fulfillments
// (with events and tracking), transactions. Refunds and returns live in their own modules.

const legacyId = (id: string) => parseGid(id)?.id ?? id;

/** Optional `first` on plain-list fields (Order.fulfillments, Order.transactions, Order.refunds). */
const firstOf = <T>(list: T[], args: Record<string, unknown>): T[] =>
  typeof args.first === "number" ? list.slice(0, args.first) : list;

function financialStatus(order: OrderState): string {
  const received = totalReceived(order);
  const refunded = totalRefunded(order);
  if (received === 0) return orderTotal(order) === 0 ? "PAID" : "PENDING";
  if (refunded >= received) return "REFUNDED";
  if (refunded > 0) return "PARTIALLY_REFUNDED";
  return received >= orderTotal(order) ? "PAID" : "PARTIALLY_PAID";
}

function fulfillmentStatus(order: OrderState): string {
  const lines = order.fulfillmentOrders.flatMap((fo) => fo.lineItems);
  const total = lines.reduce((s, l) => s + l.totalQuantity, 0);
  const remaining = lines.reduce((s, l) => s + l.remainingQuantity, 0);
  if (total === 0) return "FULFILLED";
  if (remaining === 0) return "FULFILLED";
  return remaining < total ? "PARTIALLY_FULFILLED" : "UNFULFILLED";
}

export function orderView(ctx: ResolverContext, order: OrderState): View {
  const customer = order.customerId ? ctx.store.customer(order.customerId) : undefined;
  const currency = ctx.store.shop.currencyCode;
  const discounts = order.lineItems.reduce((s, l) => s + lineDiscount(l), 0);
  const current =
    orderTotal(order) -
    order.refunds.reduce((s, r) => s + r.lineItems.reduce((a, l) => a + l.subtotal, 0) + r.shipping, 0);
  return {
    __typename: "Order",
    id: order.id,
    legacyResourceId: legacyId(order.id),
    name: order.name,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    closedAt: order.closedAt,
    closed: order.closedAt !== null,
    confirmed: true,
    test: true,
    email: order.email,
    note: order.note,
    tags: order.tags,
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    taxesIncluded: true,
    customerLocale: "en",
    discountCodes: [],
    statusPageUrl: `https://${ctx.store.shop.myshopifyDomain}/account/orders/${legacyId(order.id)}`,
    customer: () => (customer ? customerView(ctx, customer) : null),
    displayFinancialStatus: () => financialStatus(order),
    displayFulfillmentStatus: () => fulfillmentStatus(order),
    fullyPaid: () => totalReceived(order) >= orderTotal(order),
    refundable: () => order.transactions.some((t) => transactionRefundable(order, t) > 0),
    subtotalPriceSet: () => moneyBag(ctx, orderSubtotal(order)),
    currentSubtotalPriceSet: () =>
      moneyBag(
        ctx,
        orderSubtotal(order) - order.refunds.reduce((s, r) => s + r.lineItems.reduce((a, l) => a + l.subtotal, 0), 0),
      ),
    totalPriceSet: () => moneyBag(ctx, orderTotal(order)),
    currentTotalPriceSet: () => moneyBag(ctx, current),
    totalDiscountsSet: () => moneyBag(ctx, discounts),
    currentTotalDiscountsSet: () => moneyBag(ctx, discounts),
    totalShippingPriceSet: () => moneyBag(ctx, shippingTotal(order)),
    totalTaxSet: () => moneyBag(ctx, 0),
    currentTotalTaxSet: () => moneyBag(ctx, 0),
    totalReceivedSet: () => moneyBag(ctx, totalReceived(order)),
    totalRefundedSet: () => moneyBag(ctx, totalRefunded(order)),
    totalRefundedShippingSet: () => moneyBag(ctx, refundedShipping(order)),
    netPaymentSet: () => moneyBag(ctx, totalReceived(order) - totalRefunded(order)),
    totalOutstandingSet: () => moneyBag(ctx, Math.max(0, current - (totalReceived(order) - totalRefunded(order)))),
    totalCapturableSet: () => moneyBag(ctx, 0),
    lineItems: (args: Record<string, unknown>) => connection(order.lineItems, args, (l) => lineItemView(ctx, order, l)),
    shippingLines: (args: Record<string, unknown>) =>
      connection(order.shippingLines, args, (l) => shippingLineView(ctx, l)),
    shippingLine: () => (order.shippingLines[0] ? shippingLineView(ctx, order.shippingLines[0]) : null),
    fulfillmentOrders: (args: Record<string, unknown>) =>
      connection(order.fulfillmentOrders, args, (fo) => fulfillmentOrderView(ctx, order, fo)),
    fulfillments: (args: Record<string, unknown>) =>
      firstOf(order.fulfillments, args).map((f) => fulfillmentView(ctx, order, f)),
    fulfillmentsCount: () => ({ count: order.fulfillments.length, precision: "EXACT" }),
    transactions: (args: Record<string, unknown>) =>
      // Nothing is ever capturable here: every simulated payment is a completed SALE.
      (args.capturable === true ? [] : firstOf(order.transactions, args)).map((t) => transactionView(ctx, order, t)),
    refunds: (args: Record<string, unknown>) => firstOf(order.refunds, args).map((r) => refundView(ctx, order, r)),
    returns: (args: Record<string, unknown>) =>
      connection(ctx.store.returnsOf(order.id), args, (r) => returnView(ctx, r)),
    suggestedRefund: (args: Record<string, unknown>) => suggestedRefund(ctx, order, args),
    ...metafieldFields(ctx, order.id),
  };
}

function discountApplication(title: string, amount: number, currency: string, index: number): View {
  return {
    __typename: "ManualDiscountApplication",
    title,
    description: title,
    index,
    allocationMethod: "ACROSS",
    targetSelection: "EXPLICIT",
    targetType: "LINE_ITEM",
    value: { __typename: "MoneyV2", ...moneyV2(amount, currency) },
  };
}

export function lineItemView(ctx: ResolverContext, order: OrderState, line: LineItemState): View {
  const currency = ctx.store.shop.currencyCode;
  const variant = line.variantId ? ctx.store.variant(line.variantId) : undefined;
  const product = line.productId ? ctx.store.product(line.productId) : undefined;
  const fulfilled = order.fulfillments.reduce(
    (s, f) => s + f.lineItems.filter((l) => l.lineItemId === line.id).reduce((a, l) => a + l.quantity, 0),
    0,
  );
  return {
    __typename: "LineItem",
    id: line.id,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: product?.vendor ?? null,
    quantity: line.quantity,
    currentQuantity: () => line.quantity - refundedQuantity(order, line.id),
    refundableQuantity: () => refundableQuantity(order, line),
    unfulfilledQuantity: () => Math.max(0, line.quantity - fulfilled - refundedQuantity(order, line.id)),
    requiresShipping: line.requiresShipping,
    isGiftCard: false,
    taxable: true,
    customAttributes: [],
    product: () => (product ? productView(ctx, product) : null),
    variant: () => (variant ? variantView(ctx, variant) : null),
    originalUnitPriceSet: () => moneyBag(ctx, line.originalUnitPrice),
    discountedUnitPriceSet: () => moneyBag(ctx, discountedUnitPrice(line)),
    discountedUnitPriceAfterAllDiscountsSet: () => moneyBag(ctx, discountedUnitPrice(line)),
    originalTotalSet: () => moneyBag(ctx, line.originalUnitPrice * line.quantity),
    discountedTotalSet: () => moneyBag(ctx, lineTotal(line)),
    totalDiscountSet: () => moneyBag(ctx, lineDiscount(line)),
    discountAllocations: () =>
      line.discountAllocations.map((d, index) => ({
        allocatedAmountSet: moneyBag(ctx, d.amount),
        allocatedAmount: moneyV2(d.amount, currency),
        discountApplication: discountApplication(d.title, d.amount, currency, index),
      })),
    taxLines: [],
  };
}

function shippingLineView(ctx: ResolverContext, line: ShippingLineState): View {
  return {
    __typename: "ShippingLine",
    id: line.id,
    title: line.title,
    code: line.code,
    source: "shopify",
    custom: false,
    originalPriceSet: moneyBag(ctx, line.price),
    discountedPriceSet: moneyBag(ctx, line.price - line.discount),
    currentDiscountedPriceSet: moneyBag(ctx, line.price - line.discount),
    discountAllocations: [],
    taxLines: [],
  };
}

export function fulfillmentOrderView(ctx: ResolverContext, order: OrderState, fo: FulfillmentOrderState): View {
  const location = ctx.store.location(fo.locationId);
  if (!location) throw new GraphQLError(`Simulator state is inconsistent: no location ${fo.locationId}`);
  return {
    __typename: "FulfillmentOrder",
    id: fo.id,
    status: fo.status,
    requestStatus: "UNSUBMITTED",
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    orderId: order.id,
    orderName: order.name,
    order: () => orderView(ctx, order),
    assignedLocation: {
      name: location.name,
      address1: location.address1,
      address2: null,
      city: location.city,
      zip: location.zip,
      province: null,
      phone: null,
      countryCode: location.countryCode,
      location: () => locationView(ctx, location),
    },
    lineItems: (args: Record<string, unknown>) =>
      connection(fo.lineItems, args, (li) => {
        const line = order.lineItems.find((l) => l.id === li.lineItemId);
        return {
          __typename: "FulfillmentOrderLineItem",
          id: li.id,
          totalQuantity: li.totalQuantity,
          remainingQuantity: li.remainingQuantity,
          sku: line?.sku ?? null,
          lineItem: () => (line ? lineItemView(ctx, order, line) : null),
        };
      }),
    fulfillments: (args: Record<string, unknown>) =>
      connection(
        order.fulfillments.filter((f) => f.fulfillmentOrderId === fo.id),
        args,
        (f) => fulfillmentView(ctx, order, f),
      ),
  };
}

function displayStatus(f: FulfillmentState): string {
  if (f.status === "CANCELLED") return "CANCELED";
  if (f.deliveredAt || f.events.some((e) => e.status === "DELIVERED")) return "DELIVERED";
  if (f.inTransitAt) return "IN_TRANSIT";
  return "FULFILLED";
}

export function fulfillmentView(ctx: ResolverContext, order: OrderState, f: FulfillmentState): View {
  const location = ctx.store.location(f.locationId);
  return {
    __typename: "Fulfillment",
    id: f.id,
    legacyResourceId: legacyId(f.id),
    name: f.name,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    status: f.status,
    displayStatus: displayStatus(f),
    deliveredAt: f.deliveredAt,
    estimatedDeliveryAt: f.estimatedDeliveryAt,
    inTransitAt: f.inTransitAt,
    requiresShipping: true,
    totalQuantity: f.lineItems.reduce((s, l) => s + l.quantity, 0),
    order: () => orderView(ctx, order),
    location: () => (location ? locationView(ctx, location) : null),
    trackingInfo: (args: Record<string, unknown>) => firstOf(f.trackingInfo, args),
    fulfillmentLineItems: (args: Record<string, unknown>) =>
      connection(f.lineItems, args, (fli) => fulfillmentLineItemView(ctx, order, fli)),
    fulfillmentOrders: (args: Record<string, unknown>) =>
      connection(
        order.fulfillmentOrders.filter((fo) => fo.id === f.fulfillmentOrderId),
        args,
        (fo) => fulfillmentOrderView(ctx, order, fo),
      ),
    events: (args: Record<string, unknown>) => {
      const sorted = [...f.events].sort((a, b) =>
        args.sortKey === "ID"
          ? a.id.localeCompare(b.id, "en", { numeric: true })
          : a.happenedAt.localeCompare(b.happenedAt),
      );
      return connection(sorted, args, (e) => ({
        __typename: "FulfillmentEvent",
        id: e.id,
        status: e.status,
        happenedAt: e.happenedAt,
        createdAt: e.happenedAt,
        estimatedDeliveryAt: null,
        message: null,
      }));
    },
  };
}

export function fulfillmentLineItemView(
  ctx: ResolverContext,
  order: OrderState,
  fli: FulfillmentState["lineItems"][number],
): View {
  const line = order.lineItems.find((l) => l.id === fli.lineItemId);
  return {
    __typename: "FulfillmentLineItem",
    id: fli.id,
    quantity: fli.quantity,
    lineItem: () => {
      if (!line) throw new GraphQLError(`Simulator state is inconsistent: no line item ${fli.lineItemId}`);
      return lineItemView(ctx, order, line);
    },
    originalTotalSet: () => moneyBag(ctx, (line?.originalUnitPrice ?? 0) * fli.quantity),
    discountedTotalSet: () => moneyBag(ctx, line ? discountedUnitPrice(line) * fli.quantity : 0),
  };
}

const GATEWAY_NAMES: Record<string, string> = {
  shopify_payments: "Shopify Payments",
  gift_card: "Gift card",
  manual: "Manual",
  paypal: "PayPal",
};

export function transactionView(ctx: ResolverContext, order: OrderState, t: TransactionState): View {
  const currency = ctx.store.shop.currencyCode;
  const parent = t.parentId ? order.transactions.find((p) => p.id === t.parentId) : undefined;
  return {
    __typename: "OrderTransaction",
    id: t.id,
    kind: t.kind,
    status: t.status,
    gateway: t.gateway,
    formattedGateway: GATEWAY_NAMES[t.gateway] ?? t.gateway,
    manualPaymentGateway: t.gateway === "manual",
    paymentDetails: t.card
      ? { __typename: "CardPaymentDetails", company: t.card.company, number: t.card.number, paymentMethodName: "card" }
      : null,
    test: t.test,
    createdAt: t.createdAt,
    processedAt: t.createdAt,
    errorCode: null,
    amountSet: moneyBag(ctx, t.amount),
    amountV2: moneyV2(t.amount, currency),
    maximumRefundableV2: () => (isPayment(t) ? moneyV2(transactionRefundable(order, t), currency) : null),
    parentTransaction: () => (parent ? transactionView(ctx, order, parent) : null),
    order: () => orderView(ctx, order),
    fees: [],
  };
}
