import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";
import type { CurrencyCode } from "../types/admin.types";
import { ShopifyUserError } from "./errors.server";

// Refunds to the original payment methods: Shopify suggests how to split a refund across the
// order's transactions (card, gift card ...), and refundCreate carries it out. refundCreate
// requires the @idempotent directive since API 2026-04: a retry with the same key returns the
// same refund instead of refunding twice.

const SUGGESTED_REFUND_QUERY = `#graphql
  query WarrantyDeskSuggestedRefund($orderId: ID!, $refundLineItems: [RefundLineItemInput!]) {
    order(id: $orderId) {
      id
      suggestedRefund(
        refundLineItems: $refundLineItems
        refundShipping: false
        refundMethodAllocation: ORIGINAL_PAYMENT_METHODS
      ) {
        amountSet {
          presentmentMoney {
            amount
            currencyCode
          }
        }
        maximumRefundableSet {
          presentmentMoney {
            amount
            currencyCode
          }
        }
        suggestedTransactions {
          gateway
          kind
          parentTransaction {
            id
            formattedGateway
            paymentDetails {
              ... on CardPaymentDetails {
                company
                number
              }
            }
          }
          amountSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
          maximumRefundableSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
`;

const REFUND_CREATE_MUTATION = `#graphql
  mutation WarrantyDeskRefundCreate($input: RefundInput!, $idempotencyKey: String!) {
    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
      refund {
        id
        createdAt
        totalRefundedSet {
          presentmentMoney {
            amount
            currencyCode
          }
        }
        transactions(first: 20) {
          nodes {
            id
            gateway
            kind
            status
            amountSet {
              presentmentMoney {
                amount
                currencyCode
              }
            }
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const Money = z.object({ amount: z.string(), currencyCode: z.string() });
const Presentment = z.object({ presentmentMoney: Money });

const SuggestedRefundResponseSchema = z.object({
  order: z
    .object({
      id: z.string(),
      suggestedRefund: z.object({
        amountSet: Presentment,
        maximumRefundableSet: Presentment,
        suggestedTransactions: z.array(
          z.object({
            gateway: z.string().nullable(),
            kind: z.string(),
            parentTransaction: z
              .object({
                id: z.string(),
                formattedGateway: z.string().nullable(),
                // Other payment details (PayPal, local methods) come back as {}.
                paymentDetails: z
                  .object({ company: z.string().nullable().optional(), number: z.string().nullable().optional() })
                  .nullable(),
              })
              .nullable(),
            amountSet: Presentment,
            maximumRefundableSet: Presentment.nullable(),
          }),
        ),
      }),
    })
    .nullable(),
});

const RefundLineSchema = z.object({
  lineItemId: z.string(),
  quantity: z.number().int().positive(),
  restockType: z.enum(["RETURN", "CANCEL", "NO_RESTOCK"]),
  locationId: z.string().optional(),
});
export type RefundLine = z.infer<typeof RefundLineSchema>;

interface SuggestedRefundTransaction {
  parentTransactionId: string;
  gateway: string;
  /** How the merchant knows the payment, after "to": "Visa •••• 4242", "the gift card", "PayPal". */
  paymentMethod: string;
  amount: string;
  currencyCode: string;
  maximumRefundable: string | null;
}

interface SuggestedRefund {
  amount: string;
  currencyCode: string;
  maximumRefundable: string;
  transactions: SuggestedRefundTransaction[];
}

/** "Visa •••• 4242" for a card, "the gift card", Shopify's name of the gateway otherwise ("PayPal"). */
function paymentMethodLabel(
  gateway: string,
  transaction: {
    formattedGateway: string | null;
    paymentDetails: { company?: string | null; number?: string | null } | null;
  },
): string {
  const last4 = transaction.paymentDetails?.number?.replace(/[^0-9]/g, "").slice(-4);
  const company = transaction.paymentDetails?.company;
  if (company && last4) return `${company} •••• ${last4}`;
  // Read after "to" ("Refund €10.00 to the gift card"): a gift card is not a name.
  if (gateway === "gift_card") return "the gift card";
  return transaction.formattedGateway ?? gateway;
}

export async function fetchSuggestedRefund(
  graphql: AdminGraphql,
  orderId: string,
  lines: readonly RefundLine[],
): Promise<SuggestedRefund | null> {
  const response = await withShopifyRetries(graphql)(SUGGESTED_REFUND_QUERY, {
    variables: {
      orderId,
      refundLineItems: lines.map((l) => ({
        lineItemId: l.lineItemId,
        quantity: l.quantity,
        restockType: "NO_RESTOCK" as const,
      })),
    },
  });
  const { order } = SuggestedRefundResponseSchema.parse((await response.json()).data);
  if (!order) return null;
  const suggestion = order.suggestedRefund;
  return {
    amount: suggestion.amountSet.presentmentMoney.amount,
    currencyCode: suggestion.amountSet.presentmentMoney.currencyCode,
    maximumRefundable: suggestion.maximumRefundableSet.presentmentMoney.amount,
    transactions: suggestion.suggestedTransactions.flatMap((t) =>
      t.parentTransaction && t.gateway
        ? [
            {
              parentTransactionId: t.parentTransaction.id,
              gateway: t.gateway,
              paymentMethod: paymentMethodLabel(t.gateway, t.parentTransaction),
              amount: t.amountSet.presentmentMoney.amount,
              currencyCode: t.amountSet.presentmentMoney.currencyCode,
              maximumRefundable: t.maximumRefundableSet?.presentmentMoney.amount ?? null,
            },
          ]
        : [],
    ),
  };
}

const RefundCreateResponseSchema = z.object({
  refundCreate: z.object({
    refund: z
      .object({
        id: z.string(),
        createdAt: z.string(),
        totalRefundedSet: Presentment,
        transactions: z.object({
          nodes: z.array(
            z.object({
              id: z.string(),
              gateway: z.string().nullable(),
              kind: z.string(),
              status: z.string(),
              amountSet: Presentment,
            }),
          ),
        }),
      })
      .nullable(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() })),
  }),
});

/** A refund as the app asks for it (stored as a step's intent before Shopify is called). */
export const RefundRequestSchema = z.object({
  orderId: z.string(),
  lines: z.array(RefundLineSchema),
  /** Money to each original transaction, in the presentment currency. */
  transactions: z.array(z.object({ parentTransactionId: z.string(), gateway: z.string(), amount: z.string() })),
  currencyCode: z.string(),
  note: z.string(),
  notifyCustomer: z.boolean(),
});
export type RefundRequest = z.infer<typeof RefundRequestSchema>;

export const CreatedRefundSchema = z.object({
  refundId: z.string(),
  createdAt: z.string(),
  totalRefunded: Money,
  transactions: z.array(
    z.object({ id: z.string(), gateway: z.string().nullable(), amount: z.string(), status: z.string() }),
  ),
});
export type CreatedRefund = z.infer<typeof CreatedRefundSchema>;

/**
 * Creates the refund, or returns the one an earlier call with the same key created. A key belongs
 * to one request: a different refund needs a new key.
 */
export async function createRefund(
  graphql: AdminGraphql,
  idempotencyKey: string,
  request: RefundRequest,
): Promise<CreatedRefund> {
  const response = await withShopifyRetries(graphql)(REFUND_CREATE_MUTATION, {
    variables: {
      idempotencyKey,
      input: {
        orderId: request.orderId,
        // The order's presentment currency, as Shopify itself reported it (order facts).
        currency: request.currencyCode as CurrencyCode,
        note: request.note,
        notify: request.notifyCustomer,
        refundLineItems: request.lines.map((l) => ({
          lineItemId: l.lineItemId,
          quantity: l.quantity,
          restockType: l.restockType,
          ...(l.locationId ? { locationId: l.locationId } : {}),
        })),
        transactions: request.transactions.map((t) => ({
          orderId: request.orderId,
          parentId: t.parentTransactionId,
          gateway: t.gateway,
          amount: t.amount,
          kind: "REFUND" as const,
        })),
      },
    },
  });
  const { refundCreate } = RefundCreateResponseSchema.parse((await response.json()).data);
  if (refundCreate.userErrors.length > 0 || !refundCreate.refund) {
    throw new ShopifyUserError(
      "refundCreate",
      refundCreate.userErrors.length
        ? refundCreate.userErrors
        : [{ field: null, message: "Shopify created no refund." }],
    );
  }
  const refund = refundCreate.refund;
  return {
    refundId: refund.id,
    createdAt: refund.createdAt,
    totalRefunded: refund.totalRefundedSet.presentmentMoney,
    transactions: refund.transactions.nodes.map((t) => ({
      id: t.id,
      gateway: t.gateway,
      amount: t.amountSet.presentmentMoney.amount,
      status: t.status,
    })),
  };
}
