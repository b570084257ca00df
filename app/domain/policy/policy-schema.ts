import { z } from "zod";
import { MoneyInputSchema } from "../money";
import { expected, nonNegativeInteger, positiveInteger, shopifyGid } from "../validation";

/** Evidence a shopper can attach to a claim. */
const EVIDENCE_KINDS = ["issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** What a policy can require; `issue_media` is met by an issue photo or an issue video. */
export const EVIDENCE_REQUIREMENTS = [
  "issue_media",
  "issue_photo",
  "issue_video",
  "shipping_label_photo",
  "packaging_photo",
] as const;
export const EvidenceRequirementSchema = z.enum(EVIDENCE_REQUIREMENTS);
export type EvidenceRequirement = z.infer<typeof EvidenceRequirementSchema>;

const SHIPPING_PAYERS = ["merchant", "customer", "decided_on_review"] as const;
export const ShippingPayerSchema = z.enum(SHIPPING_PAYERS);
export type ShippingPayer = z.infer<typeof ShippingPayerSchema>;

/** What a shopper may ask for, and what a merchant may approve an item with. */
export const PREFERRED_RESOLUTIONS = ["refund", "replacement", "repair"] as const;
export const PreferredResolutionSchema = z.enum(PREFERRED_RESOLUTIONS);
export type PreferredResolution = z.infer<typeof PreferredResolutionSchema>;

/**
 * The written guarantee offers "a refund or a replacement" for damage on arrival, never a
 * repair: a policy may narrow that, not widen it.
 */
export const ARRIVAL_RESOLUTIONS = ["refund", "replacement"] as const;

/** What happened, as the shopper says it: arrival claims take the first four, warranty claims a fault. */
export const CLAIM_PROBLEMS = ["damaged", "wrong_item", "missing_parts", "not_working", "fault"] as const;
export const ClaimProblemSchema = z.enum(CLAIM_PROBLEMS);
export type ClaimProblem = z.infer<typeof ClaimProblemSchema>;

/**
 * When an approved replacement is out of stock or a repair is impossible: refund it (the
 * guarantee's clause d), or stop and let the merchant decide (refund it, or wait for stock).
 */
const OUT_OF_STOCK_FALLBACKS = ["refund", "merchant_decides"] as const;
export const OutOfStockFallbackSchema = z.enum(OUT_OF_STOCK_FALLBACKS);
export type OutOfStockFallback = z.infer<typeof OutOfStockFallbackSchema>;

const EXCLUSION_HANDLINGS = ["review", "deny"] as const;
export const ExclusionHandlingSchema = z.enum(EXCLUSION_HANDLINGS);
export type ExclusionHandling = z.infer<typeof ExclusionHandlingSchema>;

/** A part that must come back with a return; `chargeIfMissing` is in the shop's currency. */
export const ComponentSchema = z.strictObject({
  name: z.string(expected("expected a component name")).trim().min(1, { error: "expected a component name" }),
  chargeIfMissing: MoneyInputSchema,
});

function uniqueList<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, expected(`expected a list of ${what}`)).superRefine((values, ctx) => {
    values.forEach((value, index) => {
      if (values.indexOf(value) !== index) {
        ctx.addIssue({ code: "custom", path: [index], message: `duplicate ${JSON.stringify(value)}` });
      }
    });
  });
}

/** A non-empty list of resolutions, each once; `allowed` names what the claim type can ever offer. */
function resolutionList(allowed: readonly [PreferredResolution, ...PreferredResolution[]], what: string) {
  const words = allowed.map((r) => `"${r}"`).join(", ");
  return uniqueList(z.enum(allowed, expected(`${what} take ${words}`)), "resolutions").min(1, {
    error: "expected at least one resolution",
  });
}

/** Who pays return shipping for a problem, where it differs from the claim type's payer. */
const ShippingPayerByProblemSchema = z.strictObject(
  Object.fromEntries(CLAIM_PROBLEMS.map((problem) => [problem, ShippingPayerSchema.optional()])) as Record<
    ClaimProblem,
    z.ZodOptional<typeof ShippingPayerSchema>
  >,
  expected("expected an object of problem: payer"),
);
export type ShippingPayerByProblem = z.infer<typeof ShippingPayerByProblemSchema>;

const policyShape = {
  arrivalWindowDays: nonNegativeInteger(3650),
  warrantyMonths: nonNegativeInteger(1200),
  responseHours: positiveInteger(8760),
  reportWithinDaysOfNotice: nonNegativeInteger(3650),
  unknownDeliveryTransitDays: nonNegativeInteger(365),
  exclusionHandling: ExclusionHandlingSchema,
  returnRequired: z.boolean(expected("expected true or false")),
  arrivalReturnShippingPaidBy: ShippingPayerSchema,
  warrantyReturnShippingPaidBy: ShippingPayerSchema,
  /** Per problem, overriding the claim type's payer: e.g. `{ "wrong_item": "merchant" }`. */
  returnShippingPaidByProblem: ShippingPayerByProblemSchema,
  arrivalResolutions: resolutionList(ARRIVAL_RESOLUTIONS, "arrival claims"),
  warrantyResolutions: resolutionList(PREFERRED_RESOLUTIONS, "warranty claims"),
  outOfStockFallback: OutOfStockFallbackSchema,
  arrivalEvidence: uniqueList(EvidenceRequirementSchema, "evidence requirements"),
  warrantyEvidence: uniqueList(EvidenceRequirementSchema, "evidence requirements"),
  arrivalRequiresPreference: z.boolean(expected("expected true or false")),
  components: z.array(ComponentSchema, expected("expected a list of components")).superRefine((components, ctx) => {
    components.forEach((component, index) => {
      if (components.findIndex((c) => c.name === component.name) !== index) {
        ctx.addIssue({
          code: "custom",
          path: [index, "name"],
          message: `duplicate component ${JSON.stringify(component.name)}`,
        });
      }
    });
  }),
};

/**
 * The object's own message, except for unknown fields: those are named, so that a form posting
 * `arrivalWindowDay` hears which field is unknown, not that it sent no policy.
 */
function objectError(message: string) {
  return {
    error: (issue: { code?: string; input?: unknown; keys?: readonly string[] }) => {
      if (issue.code === "unrecognized_keys") {
        return `unknown field ${(issue.keys ?? []).map((key) => JSON.stringify(key)).join(", ")}`;
      }
      return issue.input === undefined ? undefined : message;
    },
  };
}

export const PolicySchema = z.strictObject(policyShape, objectError("expected a policy object"));
export type Policy = z.infer<typeof PolicySchema>;

/** Any subset of the policy's fields; unknown fields are rejected. */
export const PolicyOverrideSchema = PolicySchema.partial();
export type PolicyOverride = z.infer<typeof PolicyOverrideSchema>;

export const ProductOverrideSchema = z.strictObject(
  { productId: shopifyGid("Product"), ...PolicyOverrideSchema.shape },
  objectError("expected a product override object"),
);
export type ProductOverride = z.infer<typeof ProductOverrideSchema>;

/** The defaults, taken from the merchant's written guarantee (docs/policy-engine.md). */
export const DEFAULT_POLICY: Policy = {
  arrivalWindowDays: 3,
  warrantyMonths: 12,
  responseHours: 48,
  reportWithinDaysOfNotice: 3,
  unknownDeliveryTransitDays: 7,
  exclusionHandling: "review",
  returnRequired: true,
  arrivalReturnShippingPaidBy: "merchant",
  warrantyReturnShippingPaidBy: "decided_on_review",
  returnShippingPaidByProblem: {},
  arrivalResolutions: ["refund", "replacement"],
  warrantyResolutions: ["refund", "replacement", "repair"],
  outOfStockFallback: "refund",
  arrivalEvidence: ["issue_media", "shipping_label_photo", "packaging_photo"],
  warrantyEvidence: ["issue_media"],
  arrivalRequiresPreference: true,
  components: [],
};
