import { gid } from "./gid";

// The simulated store's state: plain, JSON-serialisable records (so the demo can persist them),
// amounts in integer minor units of the shop currency, times as ISO strings.

export interface ShopState {
  id: string;
  name: string;
  myshopifyDomain: string;
  ianaTimezone: string;
  currencyCode: string;
  email: string;
}

export interface LocationState {
  id: string;
  name: string;
  address1: string;
  city: string;
  zip: string;
  countryCode: string;
  isActive: boolean;
}

export interface ProductState {
  id: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: "ACTIVE" | "ARCHIVED" | "DRAFT";
  createdAt: string;
}

export interface VariantState {
  id: string;
  productId: string;
  title: string;
  sku: string;
  price: number;
  inventoryItemId: string;
  /** Available quantity per location id. */
  inventory: Record<string, number>;
}

export interface CustomerState {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  createdAt: string;
}

export interface MetafieldState {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface LineItemState {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  variantId: string | null;
  productId: string | null;
  quantity: number;
  originalUnitPrice: number;
  /** Discounts allocated to the whole line (all units together). */
  discountAllocations: { amount: number; title: string }[];
  requiresShipping: boolean;
}

export interface ShippingLineState {
  id: string;
  title: string;
  code: string;
  price: number;
  discount: number;
}

export interface FulfillmentOrderState {
  id: string;
  locationId: string;
  status: "OPEN" | "IN_PROGRESS" | "CLOSED" | "CANCELLED";
  lineItems: { id: string; lineItemId: string; totalQuantity: number; remainingQuantity: number }[];
}

export type FulfillmentEventStatus = "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "CONFIRMED" | "FAILURE";

export interface FulfillmentState {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  status: "SUCCESS" | "CANCELLED" | "PENDING" | "OPEN" | "ERROR" | "FAILURE";
  locationId: string;
  fulfillmentOrderId: string;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  inTransitAt: string | null;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  lineItems: { id: string; lineItemId: string; quantity: number }[];
  events: { id: string; status: FulfillmentEventStatus; happenedAt: string }[];
}

export type TransactionKind = "SALE" | "CAPTURE" | "AUTHORIZATION" | "REFUND" | "VOID";

export interface TransactionState {
  id: string;
  kind: TransactionKind;
  status: "SUCCESS" | "FAILURE" | "PENDING" | "ERROR";
  gateway: string;
  amount: number;
  parentId: string | null;
  createdAt: string;
  test: boolean;
  /** The card paid with (CardPaymentDetails), for card payments. */
  card?: { company: string; number: string } | null;
}

export interface RefundState {
  id: string;
  createdAt: string;
  note: string | null;
  lineItems: {
    id: string;
    lineItemId: string;
    quantity: number;
    restockType: "RETURN" | "CANCEL" | "NO_RESTOCK" | "LEGACY_RESTOCK";
    locationId: string | null;
    subtotal: number;
  }[];
  shipping: number;
  transactionIds: string[];
  returnId: string | null;
}

export interface OrderState {
  id: string;
  name: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  customerId: string | null;
  email: string | null;
  note: string | null;
  tags: string[];
  cancelledAt: string | null;
  closedAt: string | null;
  lineItems: LineItemState[];
  shippingLines: ShippingLineState[];
  fulfillmentOrders: FulfillmentOrderState[];
  fulfillments: FulfillmentState[];
  transactions: TransactionState[];
  refunds: RefundState[];
  sourceDraftOrderId: string | null;
}

export interface ReturnState {
  id: string;
  orderId: string;
  name: string;
  status: "OPEN" | "CLOSED" | "REQUESTED" | "DECLINED" | "CANCELED";
  createdAt: string;
  closedAt: string | null;
  lineItems: {
    id: string;
    fulfillmentLineItemId: string;
    lineItemId: string;
    quantity: number;
    processedQuantity: number;
    returnReasonNote: string;
    customerNote: string | null;
  }[];
}

export interface DraftOrderState {
  id: string;
  name: string;
  status: "OPEN" | "INVOICE_SENT" | "COMPLETED";
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  customerId: string | null;
  email: string | null;
  note: string | null;
  tags: string[];
  lineItems: {
    id: string;
    variantId: string | null;
    productId: string | null;
    title: string;
    sku: string | null;
    quantity: number;
    originalUnitPrice: number;
    requiresShipping: boolean;
  }[];
  appliedDiscount: {
    title: string | null;
    description: string;
    valueType: "PERCENTAGE" | "FIXED_AMOUNT";
    value: number;
  } | null;
  shippingLine: { title: string; price: number } | null;
  orderId: string | null;
  /** Each invoice email draftOrderInvoiceSend sent (the store simulator sends no real mail). */
  invoicesSent?: { at: string; to: string; subject: string | null; customMessage: string | null }[];
}

export interface IdempotencyRecord {
  mutation: string;
  fingerprint: string;
  resultId: string;
}

export interface StoreState {
  shop: ShopState;
  nextId: number;
  nextOrderNumber: number;
  locations: LocationState[];
  products: ProductState[];
  variants: VariantState[];
  customers: CustomerState[];
  metafields: MetafieldState[];
  orders: OrderState[];
  returns: ReturnState[];
  draftOrders: DraftOrderState[];
  idempotency: Record<string, IdempotencyRecord>;
  /** The emails Shopify itself sent customers (optional: stores saved before it was kept have none). */
  customerNotifications?: CustomerNotificationState[];
}

/**
 * An email Shopify sends the customer itself: refundCreate with `notify`, returnCreate and
 * returnProcess with `notifyCustomer`; only when the order has an email (Order.email).
 */
export interface CustomerNotificationState {
  kind: "refund_created" | "return_created" | "return_processed";
  orderId: string;
  to: string;
  at: string;
}

export function emptyStoreState(shopDomain: string, init: Partial<ShopState> = {}): StoreState {
  return {
    shop: {
      id: gid("Shop", 1),
      name: "Test Shop",
      myshopifyDomain: shopDomain,
      ianaTimezone: "Europe/Berlin",
      currencyCode: "EUR",
      email: `owner@${shopDomain}`,
      ...init,
    },
    nextId: 1001,
    nextOrderNumber: 1001,
    locations: [],
    products: [],
    variants: [],
    customers: [],
    metafields: [],
    orders: [],
    returns: [],
    draftOrders: [],
    idempotency: {},
  };
}
