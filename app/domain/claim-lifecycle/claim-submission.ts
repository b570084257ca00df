import { drawClaimUnits, unitsOfLine } from "../claim-units";
import { DomainError } from "../errors";
import type { ClaimEvaluation, ClaimEvaluationInput, ClaimProblem } from "../evaluate-claim-schema";
import { evaluationAtSubmission } from "../evaluation-at-submission";
import { policyForProduct, resolveShopPolicy } from "../policy/resolve-policy";
import type { SubmitClaim } from "./claim-commands";

/**
 * Builds the submission of a claim from the input it was evaluated with and the evaluation, so
 * the claim keeps a snapshot of the policy (response time, return, payer, components) and of the
 * locations its units came from.
 */
export function claimSubmissionFromEvaluation(
  claimId: string,
  input: ClaimEvaluationInput,
  evaluation: ClaimEvaluation,
  note?: string,
  problem?: ClaimProblem,
): SubmitClaim {
  const shopPolicy = resolveShopPolicy(input.policy);
  const items = input.claim.items.map((claimed) => {
    const line = input.order.lines.find((candidate) => candidate.lineItemId === claimed.lineItemId);
    if (!line) {
      throw new DomainError(
        "invalid",
        "claim.unknown_line_item",
        `Line item ${claimed.lineItemId} is not on order ${input.order.id}.`,
      );
    }
    const policy = policyForProduct(shopPolicy, input.productOverrides ?? [], line.productId);
    const drawn = drawClaimUnits(
      unitsOfLine(line, policy, input.shop.timezone),
      line.previouslyClaimedQuantity ?? 0,
      claimed.quantity,
    );
    const returnLocations: { locationId: string; quantity: number }[] = [];
    for (const unit of drawn) {
      const location = returnLocations.find((l) => l.locationId === unit.locationId);
      if (location) location.quantity += 1;
      else returnLocations.push({ locationId: unit.locationId, quantity: 1 });
    }
    return {
      lineItemId: line.lineItemId,
      productId: line.productId,
      quantity: claimed.quantity,
      components: policy.components,
      returnLocations,
    };
  });
  const submission: SubmitClaim = {
    claimId,
    orderId: input.order.id,
    type: input.claim.type,
    responseHours: (Date.parse(evaluation.responseDueAt) - Date.parse(input.now)) / 3_600_000,
    returnRequired: evaluation.returnRequired,
    returnShippingPaidBy: evaluation.returnShippingPaidBy,
    evidence: [...new Set(input.claim.evidence)],
    items,
    ...(problem === undefined ? {} : { problem }),
    ...(input.claim.answers === undefined ? {} : { answers: input.claim.answers }),
    ...(input.claim.preferredResolution === undefined ? {} : { preferredResolution: input.claim.preferredResolution }),
    evaluation: evaluationAtSubmission(input, evaluation),
  };
  return note === undefined ? submission : { ...submission, note };
}
