import { gidType, parseGid } from "../gid";
import { formatMoney, parseMoney } from "../money";
import type { DraftOrderState } from "../state";
import { customerView, productView, variantView } from "./catalog";
import { connection, moneyBag, userError, type ResolverContext, type View } from "./context";
import { metafieldFields } from "./metafields";
import { orderView } from "./orders";

// Draft orders: draftOrderCreate (line items from variants or custom, an applied discount, a shipping
// line, the purchasing entity) and draftOrderComplete, which turns the draft into an order — how
// a $0 replacement is sent. Completing marks it paid (no payment gateway is simulated).

const legacyId = (id: string) => parseGid(id)?.id ?? id;

function amounts(draft: DraftOrderState, currency: string) {
  const lineTotal = draft.lineItems.reduce((s, l) => s + l.originalUnitPrice * l.quantity, 0);
  const shipping = draft.shippingLine?.price ?? 0;
  let discount = 0;
  const applied = draft.appliedDiscount;
  if (applied) {
    discount =
      applied.valueType === "PERCENTAGE"
        ? Math.round((lineTotal * Math.round(Math.min(100, applied.value) * 100)) / 10000)
        : Math.min(lineTotal, parseMoney(String(applied.value), currency));
  }
  return { lineTotal, discount, shipping, total: lineTotal - discount + shipping };
}

export function draftOrderView(ctx: ResolverContext, draft: DraftOrderState): View {
  const currency = ctx.store.shop.currencyCode;
  const totals = amounts(draft, currency);
  const customer = draft.customerId ? ctx.store.customer(draft.customerId) : undefined;
  const order = draft.orderId ? ctx.store.order(draft.orderId) : undefined;
  return {
    __typename: "DraftOrder",
    id: draft.id,
    legacyResourceId: legacyId(draft.id),
    name: draft.name,
    status: draft.status,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    completedAt: draft.completedAt,
    email: draft.email,
    note2: draft.note,
    tags: draft.tags,
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    taxesIncluded: true,
    ready: true,
    invoiceUrl: `https://${ctx.store.shop.myshopifyDomain}/invoices/${legacyId(draft.id)}`,
    invoiceSentAt: draft.invoicesSent?.at(-1)?.at ?? null,
    customer: () => (customer ? customerView(ctx, customer) : null),
    purchasingEntity: () => (customer ? customerView(ctx, customer) : null),
    order: () => (order ? orderView(ctx, order) : null),
    totalQuantityOfLineItems: draft.lineItems.reduce((s, l) => s + l.quantity, 0),
    subtotalPriceSet: moneyBag(ctx, totals.lineTotal - totals.discount),
    totalLineItemsPriceSet: moneyBag(ctx, totals.lineTotal),
    totalDiscountsSet: moneyBag(ctx, totals.discount),
    totalShippingPriceSet: moneyBag(ctx, totals.shipping),
    totalPriceSet: moneyBag(ctx, totals.total),
    totalTaxSet: moneyBag(ctx, 0),
    appliedDiscount: draft.appliedDiscount
      ? {
          title: draft.appliedDiscount.title,
          description: draft.appliedDiscount.description,
          value: draft.appliedDiscount.value,
          valueType: draft.appliedDiscount.valueType,
          amountSet: moneyBag(ctx, totals.discount),
          amount: formatMoney(totals.discount, currency),
        }
      : null,
    shippingLine: draft.shippingLine
      ? {
          id: null,
          title: draft.shippingLine.title,
          code: draft.shippingLine.title,
          custom: true,
          source: null,
          originalPriceSet: moneyBag(ctx, draft.shippingLine.price),
          discountedPriceSet: moneyBag(ctx, draft.shippingLine.price),
        }
      : null,
    lineItems: (args: Record<string, unknown>) =>
      connection(draft.lineItems, args, (l) => {
        const variant = l.variantId ? ctx.store.variant(l.variantId) : undefined;
        const product = l.productId ? ctx.store.product(l.productId) : undefined;
        return {
          __typename: "DraftOrderLineItem",
          id: l.id,
          uuid: l.id,
          title: l.title,
          name: l.title,
          sku: l.sku,
          quantity: l.quantity,
          custom: !l.variantId,
          requiresShipping: l.requiresShipping,
          isGiftCard: false,
          taxable: true,
          variant: () => (variant ? variantView(ctx, variant) : null),
          product: () => (product ? productView(ctx, product) : null),
          originalUnitPriceSet: moneyBag(ctx, l.originalUnitPrice),
          originalTotalSet: moneyBag(ctx, l.originalUnitPrice * l.quantity),
        };
      }),
    ...metafieldFields(ctx, draft.id),
  };
}

interface DraftOrderInput {
  lineItems?:
    | {
        variantId?: string | null;
        title?: string | null;
        quantity: number;
        originalUnitPrice?: unknown;
        originalUnitPriceWithCurrency?: { amount: unknown; currencyCode: string } | null;
        sku?: string | null;
        requiresShipping?: boolean | null;
      }[]
    | null;
  appliedDiscount?: {
    title?: string | null;
    description?: string | null;
    value: number;
    valueType: "PERCENTAGE" | "FIXED_AMOUNT";
  } | null;
  shippingLine?: { title?: string | null; price?: unknown } | null;
  purchasingEntity?: { customerId?: string | null; purchasingCompany?: unknown } | null;
  customerId?: string | null;
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
}

export function draftOrderCreate(ctx: ResolverContext, args: Record<string, unknown>): View {
  const input = args.input as DraftOrderInput;
  const currency = ctx.store.shop.currencyCode;
  const errors: ReturnType<typeof userError>[] = [];
  if (input.purchasingEntity?.purchasingCompany)
    errors.push(userError(["purchasingEntity"], "The store simulator does not simulate B2B companies."));
  const customerId = input.purchasingEntity?.customerId ?? input.customerId ?? null;
  const customer = customerId ? ctx.store.customer(customerId) : undefined;
  if (customerId && !customer) errors.push(userError(["purchasingEntity", "customerId"], "Customer does not exist."));
  const lines = (input.lineItems ?? []).flatMap((l, index): DraftOrderState["lineItems"] => {
    const field = ["lineItems", String(index)];
    if (l.quantity < 1) {
      errors.push(userError([...field, "quantity"], "Quantity must be greater than or equal to 1."));
      return [];
    }
    if (l.variantId) {
      const variant = gidType(l.variantId) === "ProductVariant" ? ctx.store.variant(l.variantId) : undefined;
      if (!variant) {
        errors.push(userError([...field, "variantId"], "Product variant does not exist."));
        return [];
      }
      return [
        {
          id: ctx.store.nextId("DraftOrderLineItem"),
          variantId: variant.id,
          productId: variant.productId,
          title: ctx.store.product(variant.productId)?.title ?? variant.title,
          sku: variant.sku,
          quantity: l.quantity,
          originalUnitPrice: variant.price,
          requiresShipping: true,
        },
      ];
    }
    const price = l.originalUnitPriceWithCurrency?.amount ?? l.originalUnitPrice;
    if (!l.title || price === undefined || price === null) {
      errors.push(userError(field, "Custom line items need a title and an originalUnitPriceWithCurrency."));
      return [];
    }
    return [
      {
        id: ctx.store.nextId("DraftOrderLineItem"),
        variantId: null,
        productId: null,
        title: l.title,
        sku: l.sku ?? null,
        quantity: l.quantity,
        originalUnitPrice: parseMoney(price, currency),
        requiresShipping: l.requiresShipping ?? true,
      },
    ];
  });
  if (lines.length === 0 && errors.length === 0) errors.push(userError(["lineItems"], "Add at least one line item."));
  const discount = input.appliedDiscount;
  if (discount && discount.valueType === "PERCENTAGE" && (discount.value < 0 || discount.value > 100)) {
    errors.push(userError(["appliedDiscount", "value"], "Percentage discounts must be between 0 and 100."));
  }
  if (errors.length > 0) return { draftOrder: null, userErrors: errors };
  const now = ctx.now.toISOString();
  const draft: DraftOrderState = {
    id: ctx.store.nextId("DraftOrder"),
    name: `#D${ctx.store.state.draftOrders.length + 1}`,
    status: "OPEN",
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    customerId: customer?.id ?? null,
    email: input.email ?? customer?.email ?? null,
    note: input.note ?? null,
    tags: input.tags ?? [],
    lineItems: lines,
    appliedDiscount: discount
      ? {
          title: discount.title ?? null,
          description: discount.description ?? "",
          valueType: discount.valueType,
          value: discount.value,
        }
      : null,
    shippingLine: input.shippingLine
      ? { title: input.shippingLine.title ?? "Shipping", price: parseMoney(input.shippingLine.price ?? "0", currency) }
      : null,
    orderId: null,
  };
  ctx.store.state.draftOrders.push(draft);
  return { draftOrder: draftOrderView(ctx, draft), userErrors: [] };
}

/**
 * Sends the draft's invoice: to `email.to`, else the draft's email (its customer's). A draft with
 * no one to send to, or already completed, is refused as Shopify does.
 */
export function draftOrderInvoiceSend(ctx: ResolverContext, args: Record<string, unknown>): View {
  const draft = typeof args.id === "string" ? ctx.store.draftOrder(args.id) : undefined;
  if (!draft) return { draftOrder: null, userErrors: [userError(["id"], "Draft order does not exist.")] };
  if (draft.status === "COMPLETED") {
    return { draftOrder: null, userErrors: [userError(["id"], "Draft order has already been completed.")] };
  }
  const email = (args.email ?? {}) as { to?: string | null; subject?: string | null; customMessage?: string | null };
  const to = email.to ?? draft.email;
  if (!to) return { draftOrder: null, userErrors: [userError(["email", "to"], "To can't be blank")] };
  const at = ctx.now.toISOString();
  draft.invoicesSent = [
    ...(draft.invoicesSent ?? []),
    { at, to, subject: email.subject ?? null, customMessage: email.customMessage ?? null },
  ];
  draft.status = "INVOICE_SENT";
  draft.updatedAt = at;
  return { draftOrder: draftOrderView(ctx, draft), userErrors: [] };
}

export function draftOrderComplete(ctx: ResolverContext, args: Record<string, unknown>): View {
  const draft = typeof args.id === "string" ? ctx.store.draftOrder(args.id) : undefined;
  if (!draft) return { draftOrder: null, userErrors: [userError(["id"], "Draft order does not exist.")] };
  if (draft.status === "COMPLETED") {
    return { draftOrder: null, userErrors: [userError(["id"], "This order has already been paid.")] };
  }
  if (args.paymentPending) {
    return {
      draftOrder: null,
      userErrors: [userError(["paymentPending"], "The store simulator completes draft orders as paid only.")],
    };
  }
  const currency = ctx.store.shop.currencyCode;
  const totals = amounts(draft, currency);
  const variantLines = draft.lineItems.filter((l) => l.variantId);
  // Spread the draft's discount over its lines so the order's lines carry it, as Shopify does.
  let remaining = totals.discount;
  const order = ctx.store.addOrder({
    createdAt: ctx.now,
    customerId: draft.customerId,
    email: draft.email,
    note: draft.note,
    tags: draft.tags,
    lines: variantLines.map((l, index) => {
      const value = l.originalUnitPrice * l.quantity;
      const share =
        index === variantLines.length - 1
          ? remaining
          : Math.min(remaining, Math.round((totals.discount * value) / Math.max(1, totals.lineTotal)));
      remaining -= share;
      const variant = ctx.store.variant(l.variantId as string);
      const stocked =
        variant && Object.keys(variant.inventory).find((id) => (variant.inventory[id] ?? 0) >= l.quantity);
      return {
        locationId: stocked || undefined,
        variantId: l.variantId as string,
        quantity: l.quantity,
        unitPrice: l.originalUnitPrice,
        discount: share > 0 ? { amount: share, title: draft.appliedDiscount?.title ?? "Discount" } : undefined,
      };
    }),
    shipping: draft.shippingLine ? { title: draft.shippingLine.title, price: draft.shippingLine.price } : null,
    payments: totals.total > 0 ? [{ gateway: "manual", amount: totals.total }] : [],
  });
  order.sourceDraftOrderId = draft.id;
  // Completing a draft commits stock like an order does: take it from the first stocked location.
  for (const line of variantLines) {
    const variant = ctx.store.variant(line.variantId as string);
    if (!variant) continue;
    const assigned = order.fulfillmentOrders.find((fo) =>
      fo.lineItems.some((li) => order.lineItems.some((ol) => ol.id === li.lineItemId && ol.variantId === variant.id)),
    );
    const location = assigned?.locationId;
    if (location) variant.inventory[location] = (variant.inventory[location] ?? 0) - line.quantity;
  }
  draft.status = "COMPLETED";
  draft.completedAt = ctx.now.toISOString();
  draft.updatedAt = draft.completedAt;
  draft.orderId = order.id;
  return { draftOrder: draftOrderView(ctx, draft), userErrors: [] };
}
