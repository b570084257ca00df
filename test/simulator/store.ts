import { gid, gidType } from "./gid";
import { resolveNamespace } from "./resolvers/metafields";
import {
  emptyStoreState,
  type CustomerState,
  type DraftOrderState,
  type FulfillmentState,
  type LineItemState,
  type LocationState,
  type MetafieldState,
  type OrderState,
  type ProductState,
  type ReturnState,
  type ShopState,
  type StoreState,
  type TransactionState,
  type VariantState,
} from "./state";

// One simulated shop: its state plus the typed helpers that tests, the seed and the resolvers use.

const iso = (value: Date | string): string =>
  typeof value === "string" ? new Date(value).toISOString() : value.toISOString();

export interface ProductInit {
  title: string;
  vendor?: string;
  productType?: string;
  createdAt: Date | string;
  variants: { title?: string; sku: string; price: number; inventory?: Record<string, number> }[];
}

export interface OrderLineInit {
  variantId: string;
  quantity: number;
  /** Unit price in minor units; the variant's price by default. */
  unitPrice?: number;
  /** A discount on the whole line, in minor units. */
  discount?: { amount: number; title: string };
  /** Which location the line is assigned to; the first location by default. */
  locationId?: string;
}

export interface FulfillmentInit {
  locationId?: string;
  /** Indexes into the order's lines, with a quantity (all remaining by default). */
  lines: { index: number; quantity?: number }[];
  createdAt: Date | string;
  inTransitAt?: Date | string | null;
  estimatedDeliveryAt?: Date | string | null;
  deliveredAt?: Date | string | null;
  /** Adds a DELIVERED fulfillment event at this time (Shopify records one when the carrier reports delivery). */
  deliveredEventAt?: Date | string | null;
  tracking?: { company: string; number: string; url?: string | null }[];
}

export interface OrderInit {
  createdAt: Date | string;
  customerId?: string | null;
  email?: string | null;
  note?: string | null;
  tags?: string[];
  lines: OrderLineInit[];
  shipping?: { title: string; price: number; code?: string } | null;
  /** Payments; by default one card payment (shopify_payments) of the order total. */
  payments?: { gateway: string; amount: number; card?: { company: string; number: string } }[];
  fulfillments?: FulfillmentInit[];
}

export class SimulatedStore {
  constructor(public state: StoreState) {}

  static create(shopDomain: string, init: Partial<ShopState> = {}): SimulatedStore {
    return new SimulatedStore(emptyStoreState(shopDomain, init));
  }

  get shop(): ShopState {
    return this.state.shop;
  }

  nextId(type: string): string {
    return gid(type, this.state.nextId++);
  }

  // ---- catalogue -------------------------------------------------------------------------------

  addLocation(init: Omit<LocationState, "id" | "isActive"> & { isActive?: boolean }): LocationState {
    const location: LocationState = { id: this.nextId("Location"), isActive: true, ...init };
    this.state.locations.push(location);
    return location;
  }

  addProduct(init: ProductInit): { product: ProductState; variants: VariantState[] } {
    const product: ProductState = {
      id: this.nextId("Product"),
      title: init.title,
      handle: init.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
      vendor: init.vendor ?? this.shop.name,
      productType: init.productType ?? "",
      status: "ACTIVE",
      createdAt: iso(init.createdAt),
    };
    this.state.products.push(product);
    const variants = init.variants.map((v) => {
      const id = this.nextId("ProductVariant");
      const variant: VariantState = {
        id,
        productId: product.id,
        title: v.title ?? "Default Title",
        sku: v.sku,
        price: v.price,
        inventoryItemId: gid("InventoryItem", id.split("/").pop() as string),
        inventory: { ...(v.inventory ?? {}) },
      };
      this.state.variants.push(variant);
      return variant;
    });
    return { product, variants };
  }

  addCustomer(init: Omit<CustomerState, "id" | "phone"> & { phone?: string | null }): CustomerState {
    const customer: CustomerState = { id: this.nextId("Customer"), phone: null, ...init };
    this.state.customers.push(customer);
    return customer;
  }

  setMetafield(
    ownerId: string,
    entry: { namespace: string; key: string; type: string; value: string },
    now: Date,
  ): MetafieldState {
    entry = { ...entry, namespace: resolveNamespace(entry.namespace) };
    const existing = this.state.metafields.find(
      (m) => m.ownerId === ownerId && m.namespace === entry.namespace && m.key === entry.key,
    );
    if (existing) {
      Object.assign(existing, { type: entry.type, value: entry.value, updatedAt: now.toISOString() });
      return existing;
    }
    const metafield: MetafieldState = {
      id: this.nextId("Metafield"),
      ownerId,
      ...entry,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    this.state.metafields.push(metafield);
    return metafield;
  }

  metafieldsOf(ownerId: string): MetafieldState[] {
    return this.state.metafields.filter((m) => m.ownerId === ownerId);
  }

  // ---- orders ----------------------------------------------------------------------------------

  addOrder(init: OrderInit): OrderState {
    const createdAt = iso(init.createdAt);
    const defaultLocation = this.state.locations[0]?.id;
    const customer = init.customerId ? this.customer(init.customerId) : undefined;
    const lineItems: LineItemState[] = init.lines.map((line) => {
      const variant = this.variant(line.variantId);
      if (!variant) throw new Error(`Unknown variant ${line.variantId}`);
      const product = this.product(variant.productId);
      return {
        id: this.nextId("LineItem"),
        title: product?.title ?? variant.title,
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        sku: variant.sku,
        variantId: variant.id,
        productId: variant.productId,
        quantity: line.quantity,
        originalUnitPrice: line.unitPrice ?? variant.price,
        discountAllocations: line.discount ? [line.discount] : [],
        requiresShipping: true,
      };
    });
    const order: OrderState = {
      id: this.nextId("Order"),
      name: `#${this.state.nextOrderNumber++}`,
      createdAt,
      processedAt: createdAt,
      updatedAt: createdAt,
      customerId: init.customerId ?? null,
      email: init.email ?? customer?.email ?? null,
      note: init.note ?? null,
      tags: init.tags ?? [],
      cancelledAt: null,
      closedAt: null,
      lineItems,
      shippingLines: init.shipping
        ? [
            {
              id: this.nextId("ShippingLine"),
              title: init.shipping.title,
              code: init.shipping.code ?? init.shipping.title,
              price: init.shipping.price,
              discount: 0,
            },
          ]
        : [],
      fulfillmentOrders: [],
      fulfillments: [],
      transactions: [],
      refunds: [],
      sourceDraftOrderId: null,
    };
    // Fulfillment orders: one per assigned location.
    const byLocation = new Map<string, number[]>();
    init.lines.forEach((line, index) => {
      const locationId = line.locationId ?? defaultLocation;
      if (!locationId) throw new Error("Add a location before adding orders");
      byLocation.set(locationId, [...(byLocation.get(locationId) ?? []), index]);
    });
    for (const [locationId, indexes] of byLocation) {
      order.fulfillmentOrders.push({
        id: this.nextId("FulfillmentOrder"),
        locationId,
        status: "OPEN",
        lineItems: indexes.map((index) => {
          const lineItem = lineItems[index] as LineItemState;
          return {
            id: this.nextId("FulfillmentOrderLineItem"),
            lineItemId: lineItem.id,
            totalQuantity: lineItem.quantity,
            remainingQuantity: lineItem.quantity,
          };
        }),
      });
    }
    const total = orderTotal(order);
    const payments = init.payments ?? [{ gateway: "shopify_payments", amount: total }];
    const paid = payments.reduce((sum, p) => sum + p.amount, 0);
    if (paid !== total) throw new Error(`Payments (${paid}) do not add up to the order total (${total})`);
    for (const payment of payments) {
      order.transactions.push({
        id: this.nextId("OrderTransaction"),
        kind: "SALE",
        status: "SUCCESS",
        gateway: payment.gateway,
        amount: payment.amount,
        parentId: null,
        createdAt,
        test: true,
        // Shopify Payments' test card, unless the seed names another.
        card:
          payment.card ??
          (payment.gateway === "shopify_payments" ? { company: "Visa", number: "•••• •••• •••• 4242" } : null),
      });
    }
    this.state.orders.push(order);
    for (const fulfillment of init.fulfillments ?? []) this.addFulfillment(order, fulfillment);
    return order;
  }

  addFulfillment(order: OrderState, init: FulfillmentInit): FulfillmentState {
    const first = init.lines[0];
    const firstLine = first ? order.lineItems[first.index] : undefined;
    if (!firstLine) throw new Error("A fulfillment needs at least one line");
    const fulfillmentOrder = order.fulfillmentOrders.find(
      (fo) =>
        (init.locationId === undefined || fo.locationId === init.locationId) &&
        fo.lineItems.some((li) => li.lineItemId === firstLine.id),
    );
    if (!fulfillmentOrder) throw new Error(`No fulfillment order holds line ${first?.index}`);
    const createdAt = iso(init.createdAt);
    const fulfillment: FulfillmentState = {
      id: this.nextId("Fulfillment"),
      name: `${order.name}-F${order.fulfillments.length + 1}`,
      createdAt,
      updatedAt: createdAt,
      status: "SUCCESS",
      locationId: fulfillmentOrder.locationId,
      fulfillmentOrderId: fulfillmentOrder.id,
      deliveredAt: init.deliveredAt ? iso(init.deliveredAt) : null,
      estimatedDeliveryAt: init.estimatedDeliveryAt ? iso(init.estimatedDeliveryAt) : null,
      inTransitAt: init.inTransitAt ? iso(init.inTransitAt) : null,
      trackingInfo: (init.tracking ?? []).map((t) => ({ company: t.company, number: t.number, url: t.url ?? null })),
      lineItems: [],
      events: [],
    };
    for (const { index, quantity } of init.lines) {
      const lineItem = order.lineItems[index];
      const foLine = lineItem && fulfillmentOrder.lineItems.find((li) => li.lineItemId === lineItem.id);
      if (!lineItem || !foLine) throw new Error(`Line ${index} is not in fulfillment order ${fulfillmentOrder.id}`);
      const amount = quantity ?? foLine.remainingQuantity;
      if (amount <= 0 || amount > foLine.remainingQuantity) throw new Error(`Cannot fulfil ${amount} of line ${index}`);
      foLine.remainingQuantity -= amount;
      fulfillment.lineItems.push({ id: this.nextId("FulfillmentLineItem"), lineItemId: lineItem.id, quantity: amount });
    }
    fulfillmentOrder.status = fulfillmentOrder.lineItems.every((li) => li.remainingQuantity === 0)
      ? "CLOSED"
      : "IN_PROGRESS";
    if (fulfillment.inTransitAt) {
      fulfillment.events.push({
        id: this.nextId("FulfillmentEvent"),
        status: "IN_TRANSIT",
        happenedAt: fulfillment.inTransitAt,
      });
    }
    if (init.deliveredEventAt) {
      fulfillment.events.push({
        id: this.nextId("FulfillmentEvent"),
        status: "DELIVERED",
        happenedAt: iso(init.deliveredEventAt),
      });
    }
    order.fulfillments.push(fulfillment);
    return fulfillment;
  }

  // ---- lookups ---------------------------------------------------------------------------------

  location(id: string): LocationState | undefined {
    return this.state.locations.find((l) => l.id === id);
  }
  product(id: string): ProductState | undefined {
    return this.state.products.find((p) => p.id === id);
  }
  variant(id: string): VariantState | undefined {
    return this.state.variants.find((v) => v.id === id);
  }
  variantsOf(productId: string): VariantState[] {
    return this.state.variants.filter((v) => v.productId === productId);
  }
  customer(id: string): CustomerState | undefined {
    return this.state.customers.find((c) => c.id === id);
  }
  order(id: string): OrderState | undefined {
    return this.state.orders.find((o) => o.id === id);
  }
  draftOrder(id: string): DraftOrderState | undefined {
    return this.state.draftOrders.find((d) => d.id === id);
  }
  returnsOf(orderId: string): ReturnState[] {
    return this.state.returns.filter((r) => r.orderId === orderId);
  }
  /** The order that owns a nested record (line item, fulfillment, transaction, refund…). */
  orderOwning(id: string): OrderState | undefined {
    const type = gidType(id);
    return this.state.orders.find((o) => {
      switch (type) {
        case "LineItem":
          return o.lineItems.some((li) => li.id === id);
        case "Fulfillment":
          return o.fulfillments.some((f) => f.id === id);
        case "FulfillmentLineItem":
          return o.fulfillments.some((f) => f.lineItems.some((li) => li.id === id));
        case "FulfillmentOrder":
          return o.fulfillmentOrders.some((f) => f.id === id);
        case "OrderTransaction":
          return o.transactions.some((t) => t.id === id);
        case "Refund":
          return o.refunds.some((r) => r.id === id);
        default:
          return false;
      }
    });
  }
}

// ---- derived order amounts (minor units) ---------------------------------------------------------

export const lineDiscount = (line: LineItemState): number => line.discountAllocations.reduce((s, d) => s + d.amount, 0);

/** Shopify's discountedUnitPriceAfterAllDiscounts: (price × quantity − line discounts) / quantity. */
export const discountedUnitPrice = (line: LineItemState): number =>
  line.quantity === 0
    ? line.originalUnitPrice
    : Math.round((line.originalUnitPrice * line.quantity - lineDiscount(line)) / line.quantity);

export const lineTotal = (line: LineItemState): number => line.originalUnitPrice * line.quantity - lineDiscount(line);

export const shippingTotal = (order: OrderState): number =>
  order.shippingLines.reduce((s, l) => s + l.price - l.discount, 0);

export const orderSubtotal = (order: OrderState): number => order.lineItems.reduce((s, l) => s + lineTotal(l), 0);

export const orderTotal = (order: OrderState): number => orderSubtotal(order) + shippingTotal(order);

export const refundedQuantity = (order: OrderState, lineItemId: string): number =>
  order.refunds.reduce(
    (s, r) => s + r.lineItems.filter((l) => l.lineItemId === lineItemId).reduce((a, l) => a + l.quantity, 0),
    0,
  );

export const refundableQuantity = (order: OrderState, line: LineItemState): number =>
  Math.max(0, line.quantity - refundedQuantity(order, line.id));

export const refundedShipping = (order: OrderState): number => order.refunds.reduce((s, r) => s + r.shipping, 0);

/** The value of `quantity` units of a line, the line's discounts spread across its units. */
export function lineRefundValue(order: OrderState, line: LineItemState, quantity: number): number {
  // The last units refunded take the remainder so the line never refunds more than it cost.
  const before = refundedQuantity(order, line.id);
  const valueUpTo = (units: number) => Math.round((lineTotal(line) * units) / line.quantity);
  return valueUpTo(before + quantity) - valueUpTo(before);
}

export const isPayment = (t: TransactionState): boolean =>
  (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS";

export const refundedFrom = (order: OrderState, parentId: string): number =>
  order.transactions
    .filter((t) => t.kind === "REFUND" && t.status === "SUCCESS" && t.parentId === parentId)
    .reduce((s, t) => s + t.amount, 0);

export const transactionRefundable = (order: OrderState, t: TransactionState): number =>
  isPayment(t) ? Math.max(0, t.amount - refundedFrom(order, t.id)) : 0;

export const totalReceived = (order: OrderState): number =>
  order.transactions.filter(isPayment).reduce((s, t) => s + t.amount, 0);

export const totalRefunded = (order: OrderState): number =>
  order.transactions.filter((t) => t.kind === "REFUND" && t.status === "SUCCESS").reduce((s, t) => s + t.amount, 0);
