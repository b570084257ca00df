import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import type { CurrencyCode } from "../types/admin.types";
import { assertNoUserErrors, UserErrorsSchema } from "./errors.server";
import { withShopifyRetries } from "./retry.server";

// Replacements as separate $0 orders (docs/decisions/007): a draft order for the variants, with a
// 100% applied discount and a zero-price shipping line, for the claim's customer, completed at
// once. draftOrderCreate has no idempotency directive: the caller keeps the draft order's id and,
// on a retry, looks the draft up (fetchDraftOrder) and completes it only if it is not completed.

const DRAFT_ORDER_CREATE_MUTATION = `#graphql
  mutation WarrantyDeskReplacementDraftOrderCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder {
        id
        name
        status
        totalPriceSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        order {
          id
          name
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const DRAFT_ORDER_COMPLETE_MUTATION = `#graphql
  mutation WarrantyDeskReplacementDraftOrderComplete($id: ID!) {
    draftOrderComplete(id: $id) {
      draftOrder {
        id
        name
        status
        order {
          id
          name
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const DRAFT_ORDER_QUERY = `#graphql
  query WarrantyDeskDraftOrder($id: ID!) {
    draftOrder(id: $id) {
      id
      name
      status
      order {
        id
        name
      }
    }
  }
`;

const DraftOrderSchema = z.object({
  id: z.string(),
  name: z.string(),
  // DraftOrderStatus may grow: read as a string, compare with "COMPLETED".
  status: z.string(),
  order: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export interface DraftOrderRef {
  draftOrderId: string;
  draftOrderName: string;
  completed: boolean;
  /** The order the completed draft became. */
  order: { id: string; name: string } | null;
}

const toRef = (draft: z.infer<typeof DraftOrderSchema>): DraftOrderRef => ({
  draftOrderId: draft.id,
  draftOrderName: draft.name,
  completed: draft.status === "COMPLETED",
  order: draft.order,
});

interface ReplacementDraftOrderRequest {
  lines: readonly { variantId: string; quantity: number }[];
  /** The shopper who gets the replacement (purchasingEntity); null leaves the draft without one. */
  customerId: string | null;
  currencyCode: string;
  note: string;
  tags: readonly string[];
}

/** Creates the $0 draft order (not yet completed). */
export async function createReplacementDraftOrder(
  graphql: AdminGraphql,
  request: ReplacementDraftOrderRequest,
): Promise<DraftOrderRef> {
  const response = await withShopifyRetries(graphql)(DRAFT_ORDER_CREATE_MUTATION, {
    variables: {
      input: {
        lineItems: request.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
        appliedDiscount: {
          title: "Warranty replacement",
          description: "Replacement under the store's guarantee: nothing to pay.",
          value: 100,
          valueType: "PERCENTAGE" as const,
        },
        shippingLine: {
          title: "Warranty replacement",
          priceWithCurrency: { amount: "0.00", currencyCode: request.currencyCode as CurrencyCode },
        },
        ...(request.customerId
          ? { purchasingEntity: { customerId: request.customerId }, useCustomerDefaultAddress: true }
          : {}),
        note: request.note,
        tags: [...request.tags],
      },
    },
  });
  const { draftOrderCreate } = z
    .object({ draftOrderCreate: z.object({ draftOrder: DraftOrderSchema.nullable(), userErrors: UserErrorsSchema }) })
    .parse((await response.json()).data);
  const { draftOrder, userErrors } = draftOrderCreate;
  assertNoUserErrors("draftOrderCreate", userErrors, draftOrder, "Shopify created no draft order.");
  return toRef(draftOrder);
}

/** Completes the draft as paid (its total is 0): it becomes an order in the merchant's admin. */
export async function completeDraftOrder(graphql: AdminGraphql, draftOrderId: string): Promise<DraftOrderRef> {
  const response = await withShopifyRetries(graphql)(DRAFT_ORDER_COMPLETE_MUTATION, {
    variables: { id: draftOrderId },
  });
  const { draftOrderComplete } = z
    .object({
      draftOrderComplete: z.object({ draftOrder: DraftOrderSchema.nullable(), userErrors: UserErrorsSchema }),
    })
    .parse((await response.json()).data);
  const { draftOrder, userErrors } = draftOrderComplete;
  assertNoUserErrors("draftOrderComplete", userErrors, draftOrder, "Shopify did not complete the draft order.");
  return toRef(draftOrder);
}

/** The draft order as Shopify has it now, or null when it no longer exists. */
export async function fetchDraftOrder(graphql: AdminGraphql, draftOrderId: string): Promise<DraftOrderRef | null> {
  const response = await withShopifyRetries(graphql)(DRAFT_ORDER_QUERY, { variables: { id: draftOrderId } });
  const { draftOrder } = z.object({ draftOrder: DraftOrderSchema.nullable() }).parse((await response.json()).data);
  return draftOrder ? toRef(draftOrder) : null;
}

// Payment requests: when parts are missing from a return and nothing is refunded to deduct them
// from (a replacement, a repair), the shopper is sent an invoice for them: a draft order of custom
// lines at each part's charge, and draftOrderInvoiceSend, which emails its checkout link. Neither
// call has an idempotency directive: the caller keeps the draft's id, and on a retry looks it up
// (fetchPaymentRequestDraftOrder) and sends the invoice only if Shopify has not (invoiceSentAt).

const PAYMENT_REQUEST_CREATE_MUTATION = `#graphql
  mutation WarrantyDeskPaymentRequestDraftOrderCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder {
        id
        name
        status
        invoiceUrl
        invoiceSentAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const INVOICE_SEND_MUTATION = `#graphql
  mutation WarrantyDeskPaymentRequestInvoiceSend($id: ID!, $email: EmailInput) {
    draftOrderInvoiceSend(id: $id, email: $email) {
      draftOrder {
        id
        name
        status
        invoiceUrl
        invoiceSentAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const PAYMENT_REQUEST_QUERY = `#graphql
  query WarrantyDeskPaymentRequestDraftOrder($id: ID!) {
    draftOrder(id: $id) {
      id
      name
      status
      invoiceUrl
      invoiceSentAt
    }
  }
`;

const PaymentRequestDraftOrderSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  invoiceUrl: z.string().nullable(),
  invoiceSentAt: z.string().nullable(),
});

interface PaymentRequestDraftOrder {
  draftOrderId: string;
  draftOrderName: string;
  /** OPEN, INVOICE_SENT, COMPLETED (paid) ... read as a string: the enum may grow. */
  status: string;
  invoiceUrl: string | null;
  invoiceSentAt: string | null;
}

const toPaymentRequest = (draft: z.infer<typeof PaymentRequestDraftOrderSchema>): PaymentRequestDraftOrder => ({
  draftOrderId: draft.id,
  draftOrderName: draft.name,
  status: draft.status,
  invoiceUrl: draft.invoiceUrl,
  invoiceSentAt: draft.invoiceSentAt,
});

interface PaymentRequestDraftOrderRequest {
  lines: readonly { title: string; quantity: number; unitPrice: { amount: string; currencyCode: string } }[];
  customerId: string | null;
  note: string;
  tags: readonly string[];
}

/** Creates the draft order of the missing parts (custom lines, nothing to ship), not yet sent. */
export async function createPaymentRequestDraftOrder(
  graphql: AdminGraphql,
  request: PaymentRequestDraftOrderRequest,
): Promise<PaymentRequestDraftOrder> {
  const response = await withShopifyRetries(graphql)(PAYMENT_REQUEST_CREATE_MUTATION, {
    variables: {
      input: {
        lineItems: request.lines.map((line) => ({
          title: line.title,
          quantity: line.quantity,
          originalUnitPriceWithCurrency: {
            amount: line.unitPrice.amount,
            currencyCode: line.unitPrice.currencyCode as CurrencyCode,
          },
          // The parts stayed with the shopper: nothing is shipped for this order.
          requiresShipping: false,
        })),
        ...(request.customerId
          ? { purchasingEntity: { customerId: request.customerId }, useCustomerDefaultAddress: true }
          : {}),
        note: request.note,
        tags: [...request.tags],
      },
    },
  });
  const { draftOrderCreate } = z
    .object({
      draftOrderCreate: z.object({
        draftOrder: PaymentRequestDraftOrderSchema.nullable(),
        userErrors: UserErrorsSchema,
      }),
    })
    .parse((await response.json()).data);
  const { draftOrder, userErrors } = draftOrderCreate;
  assertNoUserErrors("draftOrderCreate", userErrors, draftOrder, "Shopify created no draft order.");
  return toPaymentRequest(draftOrder);
}

/** Emails the draft's invoice (its checkout link) to the draft's customer. */
export async function sendDraftOrderInvoice(
  graphql: AdminGraphql,
  draftOrderId: string,
  email: { subject: string; customMessage: string },
): Promise<PaymentRequestDraftOrder> {
  const response = await withShopifyRetries(graphql)(INVOICE_SEND_MUTATION, {
    variables: { id: draftOrderId, email },
  });
  const { draftOrderInvoiceSend } = z
    .object({
      draftOrderInvoiceSend: z.object({
        draftOrder: PaymentRequestDraftOrderSchema.nullable(),
        userErrors: UserErrorsSchema,
      }),
    })
    .parse((await response.json()).data);
  const { draftOrder, userErrors } = draftOrderInvoiceSend;
  assertNoUserErrors("draftOrderInvoiceSend", userErrors, draftOrder, "Shopify sent no invoice.");
  return toPaymentRequest(draftOrder);
}

/** The payment request's draft order as Shopify has it now (paid or not), or null when it no longer exists. */
export async function fetchPaymentRequestDraftOrder(
  graphql: AdminGraphql,
  draftOrderId: string,
): Promise<PaymentRequestDraftOrder | null> {
  const response = await withShopifyRetries(graphql)(PAYMENT_REQUEST_QUERY, { variables: { id: draftOrderId } });
  const { draftOrder } = z
    .object({ draftOrder: PaymentRequestDraftOrderSchema.nullable() })
    .parse((await response.json()).data);
  return draftOrder ? toPaymentRequest(draftOrder) : null;
}
