import { z } from "zod";
import { ClaimReasonSchema, FlagSchema, ItemReasonSchema } from "./policy/codes";
import {
  ARRIVAL_RESOLUTIONS,
  ClaimProblemSchema,
  EvidenceKindSchema,
  EvidenceRequirementSchema,
  PolicyOverrideSchema,
  PREFERRED_RESOLUTIONS,
  PreferredResolutionSchema,
  ProductOverrideSchema,
  ShippingPayerSchema,
  type ClaimProblem,
  type PreferredResolution,
} from "./policy/policy-schema";
import {
  expected,
  formatIssues,
  reportMissing,
  IsoInstantSchema,
  nonNegativeInteger,
  positiveInteger,
  shopifyGid,
  TimeZoneSchema,
} from "./validation";

const MAX_UNITS = 100_000;

const FulfillmentSchema = z.strictObject(
  {
    quantity: positiveInteger(MAX_UNITS),
    fulfilledAt: IsoInstantSchema,
    deliveredAt: IsoInstantSchema.nullable().optional(),
    estimatedDeliveryAt: IsoInstantSchema.nullable().optional(),
    locationId: shopifyGid("Location"),
  },
  expected("expected a fulfilment object"),
);
export type Fulfillment = z.infer<typeof FulfillmentSchema>;

const OrderLineSchema = z
  .strictObject(
    {
      lineItemId: shopifyGid("LineItem"),
      productId: shopifyGid("Product"),
      quantity: positiveInteger(MAX_UNITS),
      previouslyClaimedQuantity: nonNegativeInteger(MAX_UNITS).optional(),
      fulfillments: z.array(FulfillmentSchema, expected("expected a list of fulfilments")),
    },
    expected("expected an order line object"),
  )
  .superRefine((line, ctx) => {
    const fulfilled = line.fulfillments.reduce((total, f) => total + f.quantity, 0);
    if (fulfilled > line.quantity) {
      ctx.addIssue({
        code: "custom",
        path: ["fulfillments"],
        message: `${fulfilled} units fulfilled but the line has only ${line.quantity}`,
      });
    }
    if ((line.previouslyClaimedQuantity ?? 0) > fulfilled) {
      ctx.addIssue({
        code: "custom",
        path: ["previouslyClaimedQuantity"],
        message: `${line.previouslyClaimedQuantity} units previously claimed but only ${fulfilled} fulfilled`,
      });
    }
  });
export type OrderLine = z.infer<typeof OrderLineSchema>;

const OrderSchema = z
  .strictObject(
    {
      id: shopifyGid("Order"),
      lines: z.array(OrderLineSchema, expected("expected a list of order lines")),
    },
    expected("expected an order object"),
  )
  .superRefine((order, ctx) => {
    order.lines.forEach((line, index) => {
      if (order.lines.findIndex((other) => other.lineItemId === line.lineItemId) !== index) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", index, "lineItemId"],
          message: `duplicate line item ${line.lineItemId}`,
        });
      }
    });
  });

const answer = z.boolean(expected("expected true or false")).optional();

export const ClaimAnswersSchema = z.strictObject(
  {
    firmwareFlashed: answer,
    bodyOpened: answer,
    partsModified: answer,
    unintendedUse: answer,
    continuedUseAfterFault: answer,
    accidentalDamage: answer,
    problemFirstNoticedAt: IsoInstantSchema.optional(),
  },
  expected("expected an answers object"),
);
export type ClaimAnswers = z.infer<typeof ClaimAnswersSchema>;

export const CLAIM_TYPES = ["arrival", "warranty"] as const;
export const ClaimTypeSchema = z.enum(CLAIM_TYPES);

export { ClaimProblemSchema, PREFERRED_RESOLUTIONS, PreferredResolutionSchema };
export type { ClaimProblem, PreferredResolution };

export const PROBLEMS_BY_CLAIM_TYPE: Readonly<Record<(typeof CLAIM_TYPES)[number], readonly ClaimProblem[]>> = {
  arrival: ["damaged", "wrong_item", "missing_parts", "not_working"],
  warranty: ["fault"],
};

/**
 * What a claim type can ever offer, whatever the policy says: damage on arrival is refunded or
 * replaced, never repaired (the written guarantee). What a shop offers is its policy's
 * `arrivalResolutions` and `warrantyResolutions`, per product; the engine's `resolutions`.
 */
export const RESOLUTIONS_BY_CLAIM_TYPE: Readonly<Record<(typeof CLAIM_TYPES)[number], readonly PreferredResolution[]>> =
  {
    arrival: ARRIVAL_RESOLUTIONS,
    warranty: PREFERRED_RESOLUTIONS,
  };

const ClaimItemSchema = z.strictObject(
  { lineItemId: shopifyGid("LineItem"), quantity: positiveInteger(MAX_UNITS) },
  expected("expected a claim item object"),
);

export const ClaimSchema = z
  .strictObject(
    {
      type: ClaimTypeSchema,
      items: z.array(ClaimItemSchema, expected("expected a list of claim items")).min(1, {
        error: "expected at least one item",
      }),
      answers: ClaimAnswersSchema.optional(),
      evidence: z.array(EvidenceKindSchema, expected("expected a list of evidence kinds")),
      preferredResolution: PreferredResolutionSchema.nullable().optional(),
      /** What happened; it decides who pays return shipping when the policy names a payer per problem. */
      problem: ClaimProblemSchema.optional(),
    },
    expected("expected a claim object"),
  )
  .superRefine((claim, ctx) => {
    claim.items.forEach((item, index) => {
      if (claim.items.findIndex((other) => other.lineItemId === item.lineItemId) !== index) {
        ctx.addIssue({
          code: "custom",
          path: ["items", index, "lineItemId"],
          message: `duplicate line item ${item.lineItemId}`,
        });
      }
    });
    const offered = RESOLUTIONS_BY_CLAIM_TYPE[claim.type];
    if (claim.preferredResolution && !offered.includes(claim.preferredResolution)) {
      ctx.addIssue({
        code: "custom",
        path: ["preferredResolution"],
        message: `${claim.type} claims take ${offered.map((resolution) => `"${resolution}"`).join(" or ")}`,
      });
    }
    if (claim.problem && !PROBLEMS_BY_CLAIM_TYPE[claim.type].includes(claim.problem)) {
      ctx.addIssue({
        code: "custom",
        path: ["problem"],
        message: `${claim.type} claims take ${PROBLEMS_BY_CLAIM_TYPE[claim.type].map((p) => `"${p}"`).join(", ")}`,
      });
    }
  });
export type Claim = z.infer<typeof ClaimSchema>;

const ClaimEvaluationInputSchema = z.strictObject(
  {
    now: IsoInstantSchema,
    shop: z.strictObject({ timezone: TimeZoneSchema }, expected("expected a shop object")),
    policy: PolicyOverrideSchema.optional(),
    productOverrides: z
      .array(ProductOverrideSchema, expected("expected a list of product overrides"))
      .superRefine((overrides, ctx) => {
        overrides.forEach((override, index) => {
          if (overrides.findIndex((other) => other.productId === override.productId) !== index) {
            ctx.addIssue({
              code: "custom",
              path: [index, "productId"],
              message: `duplicate override for ${override.productId}`,
            });
          }
        });
      })
      .optional(),
    order: OrderSchema,
    claim: ClaimSchema,
  },
  expected("expected a JSON object"),
);
export type ClaimEvaluationInput = z.infer<typeof ClaimEvaluationInputSchema>;

const ItemEvaluationSchema = z.strictObject({
  lineItemId: z.string(),
  eligible: z.boolean(),
  eligibleQuantity: z.number().int().min(0),
  windowEndsAt: z.string().nullable(),
  reasons: z.array(ItemReasonSchema),
});
export type ItemEvaluation = z.infer<typeof ItemEvaluationSchema>;

const ReturnDestinationSchema = z.strictObject({
  locationId: z.string(),
  lineItemIds: z.array(z.string()),
});
export type ReturnDestination = z.infer<typeof ReturnDestinationSchema>;

/** The evaluation, with fields in the order the public contract prints them. */
export const ClaimEvaluationSchema = z.strictObject({
  eligible: z.boolean(),
  reasons: z.array(ClaimReasonSchema),
  items: z.array(ItemEvaluationSchema),
  missingEvidence: z.array(EvidenceRequirementSchema),
  flags: z.array(FlagSchema),
  suggestedType: z.literal("warranty").nullable(),
  returnRequired: z.boolean(),
  returnShippingPaidBy: ShippingPayerSchema,
  /** What the claimed items' policies all offer for this claim type (strictest wins: the intersection). */
  resolutions: z.array(PreferredResolutionSchema),
  returnDestinations: z.array(ReturnDestinationSchema),
  responseDueAt: z.string(),
});
export type ClaimEvaluation = z.infer<typeof ClaimEvaluationSchema>;

type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** Validates untrusted input; each problem is one `json.path: what is wrong` line. */
export function parseClaimEvaluationInput(input: unknown): ParseResult<ClaimEvaluationInput> {
  const result = ClaimEvaluationInputSchema.safeParse(input, reportMissing);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: formatIssues(result.error.issues) };
}
