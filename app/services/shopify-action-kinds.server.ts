import { z } from "zod";
import type { RefundPlan } from "../domain/refund-plan";
import { CreatedRefundSchema, RefundRequestSchema } from "../shopify/refunds.server";

// What each kind of Shopify step stores: the typed intent written before Shopify is called (with
// everything the call needs), what it learns half-way (progress), and its result. The runner
// (shopify-actions.server.ts) parses every stored row with these: a row that fails is our 500.

const RefundPlanSchema = z.object({
  currencyCode: z.string(),
  items: z
    .array(
      z.object({
        lineItemId: z.string(),
        quantity: z.number().int(),
        paid: z.string(),
        deductions: z.string(),
        amount: z.string(),
      }),
    )
    .readonly(),
  total: z.string(),
  shortfall: z.string(),
  transactions: z.array(z.object({ parentId: z.string(), gateway: z.string(), amount: z.string() })).readonly(),
}) satisfies z.ZodType<RefundPlan>;

const RefundIntentSchema = z.object({
  plan: RefundPlanSchema,
  request: RefundRequestSchema,
  /** How each refunded transaction reads for the merchant ("Visa •••• 4242", "Gift card"), by its id. */
  paymentMethods: z.record(z.string(), z.string()).default({}),
});
export type RefundIntent = z.infer<typeof RefundIntentSchema>;

const DraftOrderRefSchema = z.object({
  draftOrderId: z.string(),
  draftOrderName: z.string(),
  completed: z.boolean(),
  order: z.object({ id: z.string(), name: z.string() }).nullable(),
});

const ReplacementIntentSchema = z.object({
  orderId: z.string(),
  orderName: z.string().nullable(),
  customerId: z.string().nullable(),
  currencyCode: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  /** The stock check, made once: which approved replacements ship, and why the others do not. */
  items: z.array(
    z.object({
      lineItemId: z.string(),
      variantId: z.string().nullable(),
      quantity: z.number().int().positive(),
      inStock: z.boolean(),
      /** Why it is refunded instead, in the merchant's words; null when it ships. */
      fallbackMessage: z.string().nullable(),
    }),
  ),
});
export type ReplacementIntent = z.infer<typeof ReplacementIntentSchema>;

const ReturnOpenIntentSchema = z.object({
  orderId: z.string(),
  /** On every return line: why it comes back, and how a retry recognises the return. */
  note: z.string(),
  lines: z.array(
    z.object({
      lineItemId: z.string(),
      fulfillmentLineItemId: z.string(),
      locationId: z.string(),
      quantity: z.number().int().positive(),
    }),
  ),
  /** Why no Shopify return is opened, when none is. */
  skipped: z.string().nullable(),
});
export type ReturnOpenIntent = z.infer<typeof ReturnOpenIntentSchema>;

const ShopifyReturnSchema = z.object({
  returnId: z.string(),
  name: z.string(),
  status: z.string(),
  lines: z.array(
    z.object({
      returnLineItemId: z.string(),
      fulfillmentLineItemId: z.string().nullable(),
      quantity: z.number().int(),
      processedQuantity: z.number().int(),
      note: z.string(),
    }),
  ),
});

const ReturnCloseIntentSchema = z.object({ returnId: z.string(), note: z.string() });
const ReturnCloseResultSchema = z.object({
  returnId: z.string(),
  status: z.string(),
  name: z.string().nullable(),
});
export type ClosedReturn = z.infer<typeof ReturnCloseResultSchema>;

const PaymentRequestIntentSchema = z.object({
  orderId: z.string(),
  orderName: z.string().nullable(),
  customerId: z.string().nullable(),
  /** Draft orders are priced in the shop's currency. */
  currencyCode: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  /** The invoice email's subject and message to the shopper. */
  subject: z.string(),
  message: z.string(),
  /** One custom line per missing part, at its charge. */
  lines: z
    .array(
      z.object({
        lineItemId: z.string(),
        title: z.string(),
        quantity: z.number().int().positive(),
        unitPrice: z.string(),
      }),
    )
    .min(1),
  total: z.string(),
});
export type PaymentRequestIntent = z.infer<typeof PaymentRequestIntentSchema>;

/** The draft order of a payment request, once created (progress), and once its invoice is sent (result). */
const PaymentRequestDraftSchema = z.object({
  draftOrderId: z.string(),
  draftOrderName: z.string(),
  status: z.string(),
  invoiceUrl: z.string().nullable(),
  invoiceSentAt: z.string().nullable(),
});
export type PaymentRequestDraft = z.infer<typeof PaymentRequestDraftSchema>;

interface ShopifyActionKindDefinition<I extends z.ZodType, R extends z.ZodType, P extends z.ZodType> {
  intent: I;
  result: R;
  /** What the step keeps half-way (a draft order's id) so a retry continues it. */
  progress: P;
  /** What the step makes, for the merchant: "refund", "replacement order" ... */
  label: string;
  /** How Shopify's refusal reads: "Shopify refused {what}: {reason} {next}". */
  refusal: { code: string; what: string; next?: string };
  /**
   * Whether a refused plan is planned afresh under a new key (the order changed: the merchant
   * refunded by hand), or its intent retried (later steps depend on it, or the fix is in Shopify).
   */
  plannedAfreshWhenRefused: boolean;
}

const kind = <I extends z.ZodType, R extends z.ZodType, P extends z.ZodType>(
  definition: ShopifyActionKindDefinition<I, R, P>,
) => definition;

export const SHOPIFY_ACTION_KINDS = {
  refund: kind({
    intent: RefundIntentSchema,
    result: CreatedRefundSchema,
    progress: z.null(),
    label: "refund",
    refusal: {
      code: "refund.rejected_by_shopify",
      what: "the refund",
      next: "Open Resolve again: a fresh preview shows what the order still allows.",
    },
    // The refund is computed from what the order still allows; that changes when the merchant acts.
    plannedAfreshWhenRefused: true,
  }),
  replacement: kind({
    intent: ReplacementIntentSchema,
    result: DraftOrderRefSchema.nullable(),
    progress: DraftOrderRefSchema.nullable(),
    label: "replacement order",
    refusal: { code: "replacement.rejected_by_shopify", what: "the replacement order" },
    // The stock check decides which items are refunded instead: it must not change after the refund.
    plannedAfreshWhenRefused: false,
  }),
  return_open: kind({
    intent: ReturnOpenIntentSchema,
    result: ShopifyReturnSchema.nullable(),
    progress: z.null(),
    label: "Shopify return",
    refusal: { code: "return.rejected_by_shopify", what: "to open the return" },
    plannedAfreshWhenRefused: false,
  }),
  return_close: kind({
    intent: ReturnCloseIntentSchema,
    result: ReturnCloseResultSchema,
    progress: z.null(),
    label: "closing of the Shopify return",
    refusal: { code: "return.close_rejected_by_shopify", what: "to close the return" },
    plannedAfreshWhenRefused: false,
  }),
  payment_request: kind({
    intent: PaymentRequestIntentSchema,
    result: PaymentRequestDraftSchema,
    progress: PaymentRequestDraftSchema.nullable(),
    label: "payment request",
    refusal: {
      code: "payment_request.rejected_by_shopify",
      what: "the payment request",
      next: "Fix it in Shopify (the shopper's email, say), then resolve again: the same draft order is sent.",
    },
    // The draft order exists already; what Shopify objects to (no email to send to) is fixed there.
    plannedAfreshWhenRefused: false,
  }),
} as const;

export type ShopifyActionKind = keyof typeof SHOPIFY_ACTION_KINDS;
export type IntentOf<K extends ShopifyActionKind> = z.infer<(typeof SHOPIFY_ACTION_KINDS)[K]["intent"]>;
export type ResultOf<K extends ShopifyActionKind> = z.infer<(typeof SHOPIFY_ACTION_KINDS)[K]["result"]>;
export type ProgressOf<K extends ShopifyActionKind> = z.infer<(typeof SHOPIFY_ACTION_KINDS)[K]["progress"]>;
