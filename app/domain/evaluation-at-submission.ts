import { z } from "zod";
import { drawClaimUnits, unitsOfLine } from "./claim-units";
import type { ClaimEvaluation, ClaimEvaluationInput } from "./evaluate-claim-schema";
import { ClaimReasonSchema, FlagSchema, ItemReasonSchema } from "./policy/codes";
import {
  EvidenceRequirementSchema,
  ExclusionHandlingSchema,
  OutOfStockFallbackSchema,
  PreferredResolutionSchema,
  type Policy,
} from "./policy/policy-schema";
import { combineClaimPolicies, policyForProduct, resolveShopPolicy } from "./policy/resolve-policy";
import { formatInstant } from "./time";
import { IsoInstantSchema, nonNegativeInteger, positiveInteger, shopifyGid, TimeZoneSchema } from "./validation";

// What the policy said about a claim when the shopper filed it, kept with the submission (the
// submitted event's data) so the merchant decides on the evaluation the claim was filed under,
// whatever the shop's policy or Shopify's order says later (docs/decisions: evaluation at submission).

const SubmittedDeliverySchema = z.strictObject({
  /** Claimed units delivered at this instant. */
  quantity: positiveInteger(),
  deliveredAt: IsoInstantSchema,
  /** No confirmed delivery: Shopify's estimate, or shipping date plus the policy's transit days. */
  estimated: z.boolean(),
  /** Last instant of the arrival window; null when the product's policy offers no arrival claims. */
  arrivalWindowEndsAt: IsoInstantSchema.nullable(),
  /** Last instant of the warranty; null when the product has none. */
  warrantyWindowEndsAt: IsoInstantSchema.nullable(),
});
export type SubmittedDelivery = z.infer<typeof SubmittedDeliverySchema>;

export const EvaluationAtSubmissionSchema = z.strictObject({
  /** The shop's timezone the windows were counted in. */
  timezone: TimeZoneSchema,
  eligible: z.boolean(),
  reasons: z.array(ClaimReasonSchema),
  flags: z.array(FlagSchema),
  missingEvidence: z.array(EvidenceRequirementSchema),
  /** What the policy asked the shopper to send. */
  evidenceRequired: z.array(EvidenceRequirementSchema),
  /** Whether an exclusion flag denied the claim or left it to the merchant's review. */
  exclusionHandling: ExclusionHandlingSchema,
  /** Days after first noticing a problem within which the shopper must report it. */
  reportWithinDaysOfNotice: nonNegativeInteger(),
  /** What the items' policies offered (the intersection); absent on claims filed before it was kept. */
  resolutions: z.array(PreferredResolutionSchema).optional(),
  /** Refund an out-of-stock replacement, or let the merchant choose; absent on claims filed before it was kept. */
  outOfStockFallback: OutOfStockFallbackSchema.optional(),
  items: z.array(
    z.strictObject({
      lineItemId: shopifyGid("LineItem"),
      eligible: z.boolean(),
      eligibleQuantity: nonNegativeInteger(),
      reasons: z.array(ItemReasonSchema),
      deliveries: z.array(SubmittedDeliverySchema),
    }),
  ),
});
export type EvaluationAtSubmission = z.infer<typeof EvaluationAtSubmissionSchema>;

const instantOrNull = (instant: number | null) => (instant === null ? null : formatInstant(instant));

/** The evaluation as the policy saw the claim, with each claimed unit's delivery and windows. */
export function evaluationAtSubmission(
  input: ClaimEvaluationInput,
  evaluation: ClaimEvaluation,
): EvaluationAtSubmission {
  const shopPolicy = resolveShopPolicy(input.policy);
  const itemPolicies: Policy[] = [];
  const items = evaluation.items.map((item) => {
    const line = input.order.lines.find((candidate) => candidate.lineItemId === item.lineItemId);
    const claimed = input.claim.items.find((candidate) => candidate.lineItemId === item.lineItemId);
    const deliveries: SubmittedDelivery[] = [];
    if (line && claimed) {
      const policy = policyForProduct(shopPolicy, input.productOverrides ?? [], line.productId);
      itemPolicies.push(policy);
      const units = unitsOfLine(line, policy, input.shop.timezone);
      for (const unit of drawClaimUnits(units, line.previouslyClaimedQuantity ?? 0, claimed.quantity)) {
        const delivery = {
          deliveredAt: formatInstant(unit.deliveredAt),
          estimated: unit.deliveryEstimated,
          arrivalWindowEndsAt: instantOrNull(unit.arrivalWindowEndsAt),
          warrantyWindowEndsAt: instantOrNull(unit.warrantyWindowEndsAt),
        };
        const same = deliveries.find(
          (d) => d.deliveredAt === delivery.deliveredAt && d.estimated === delivery.estimated,
        );
        if (same) same.quantity += 1;
        else deliveries.push({ quantity: 1, ...delivery });
      }
    }
    return {
      lineItemId: item.lineItemId,
      eligible: item.eligible,
      eligibleQuantity: item.eligibleQuantity,
      reasons: item.reasons,
      deliveries,
    };
  });
  const claimPolicy = combineClaimPolicies(shopPolicy, itemPolicies, input.claim.type);
  return {
    timezone: input.shop.timezone,
    eligible: evaluation.eligible,
    reasons: evaluation.reasons,
    flags: evaluation.flags,
    missingEvidence: evaluation.missingEvidence,
    evidenceRequired: [...claimPolicy.evidence],
    exclusionHandling: claimPolicy.exclusionHandling,
    reportWithinDaysOfNotice: claimPolicy.reportWithinDaysOfNotice,
    resolutions: [...claimPolicy.resolutions],
    outOfStockFallback: claimPolicy.outOfStockFallback,
    items,
  };
}
