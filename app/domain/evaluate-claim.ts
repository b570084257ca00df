import { drawClaimUnits, isInWindow, unitsOfLine, windowEndFor, type ClaimUnit } from "./claim-units";
import type { ClaimEvaluation, ClaimEvaluationInput, ItemEvaluation, ReturnDestination } from "./evaluate-claim-schema";
import {
  CLAIM_REASONS,
  FLAGS,
  inCanonicalOrder,
  ITEM_REASONS,
  type ClaimReason,
  type Flag,
  type ItemReason,
} from "./policy/codes";
import type { EvidenceRequirement, Policy } from "./policy/policy-schema";
import { combineClaimPolicies, policyForProduct, resolveShopPolicy } from "./policy/resolve-policy";
import { CLAIM_RULES, ITEM_RULES } from "./policy/rules/registry";
import type { ItemRuleContext } from "./policy/rules/rule-types";
import { formatInstant, HOUR_MS, parseInstant } from "./time";

type EvaluatedItem = {
  readonly context: ItemRuleContext;
  readonly output: ItemEvaluation;
};

function itemContext(
  input: ClaimEvaluationInput,
  shopPolicy: Policy,
  item: ClaimEvaluationInput["claim"]["items"][number],
): ItemRuleContext {
  const now = parseInstant(input.now);
  const line = input.order.lines.find((candidate) => candidate.lineItemId === item.lineItemId);
  const base = { claimType: input.claim.type, now, quantity: item.quantity };
  if (!line) {
    return { ...base, line, policy: undefined, fulfilledUnits: 0, claimableUnits: 0, drawnUnits: [] };
  }
  const policy = policyForProduct(shopPolicy, input.productOverrides ?? [], line.productId);
  const units = unitsOfLine(line, policy, input.shop.timezone);
  const previouslyClaimed = line.previouslyClaimedQuantity ?? 0;
  return {
    ...base,
    line,
    policy,
    fulfilledUnits: units.length,
    claimableUnits: Math.max(0, units.length - previouslyClaimed),
    drawnUnits: drawClaimUnits(units, previouslyClaimed, item.quantity),
  };
}

function evaluateItem(context: ItemRuleContext, lineItemId: string): ItemEvaluation {
  const reasons: ItemReason[] = inCanonicalOrder(
    ITEM_RULES.flatMap((rule) => rule(context)),
    ITEM_REASONS,
  );
  const covered = !reasons.includes("unknown_line_item") && !reasons.includes("not_covered");
  const windowEnds = covered
    ? context.drawnUnits.map((unit) => windowEndFor(unit, context.claimType)).filter((end) => end !== null)
    : [];
  return {
    lineItemId,
    eligible: reasons.length === 0,
    eligibleQuantity: covered
      ? context.drawnUnits.filter((unit) => isInWindow(unit, context.claimType, context.now)).length
      : 0,
    windowEndsAt: windowEnds.length > 0 ? formatInstant(Math.max(...windowEnds)) : null,
    reasons,
  };
}

/** Claimed items grouped by the location that fulfilled the units they draw on, first seen first. */
function groupReturnDestinations(items: readonly EvaluatedItem[]): ReturnDestination[] {
  const destinations: { locationId: string; lineItemIds: string[] }[] = [];
  for (const { context, output } of items) {
    for (const unit of context.drawnUnits) {
      let destination = destinations.find((d) => d.locationId === unit.locationId);
      if (!destination) {
        destination = { locationId: unit.locationId, lineItemIds: [] };
        destinations.push(destination);
      }
      if (!destination.lineItemIds.includes(output.lineItemId)) destination.lineItemIds.push(output.lineItemId);
    }
  }
  return destinations;
}

/** An arrival claim that fails only on expired windows, where the warranty still covers every unit. */
function suggestWarranty(items: readonly EvaluatedItem[], claimReasons: readonly ClaimReason[], now: number): boolean {
  const failing = items.filter(({ output }) => !output.eligible);
  return (
    claimReasons.length === 0 &&
    failing.length > 0 &&
    failing.every(
      ({ context, output }) =>
        output.reasons.length === 1 &&
        output.reasons[0] === "window_expired" &&
        context.drawnUnits.every((unit: ClaimUnit) => isInWindow(unit, "warranty", now)),
    )
  );
}

/**
 * Evaluates a claim against the shop's policy and the claimed products' overrides. Pure: the
 * same input always gives the same evaluation; `input.now` is the only clock.
 */
export function evaluateClaim(input: ClaimEvaluationInput): ClaimEvaluation {
  const now = parseInstant(input.now);
  const shopPolicy = resolveShopPolicy(input.policy);
  const items: EvaluatedItem[] = input.claim.items.map((item) => {
    const context = itemContext(input, shopPolicy, item);
    return { context, output: evaluateItem(context, item.lineItemId) };
  });

  const itemPolicies = items.flatMap(({ context }) => (context.policy ? [context.policy] : []));
  const claimPolicy = combineClaimPolicies(shopPolicy, itemPolicies, input.claim.type, input.claim.problem);
  const ruleContext = {
    claim: input.claim,
    now,
    policy: claimPolicy,
    drawnUnits: items.flatMap(({ context }) => context.drawnUnits),
  };
  const reasons: ClaimReason[] = [];
  const flags: Flag[] = [];
  let missingEvidence: readonly EvidenceRequirement[] = [];
  for (const rule of CLAIM_RULES) {
    const result = rule(ruleContext, flags);
    reasons.push(...(result.reasons ?? []));
    flags.push(...(result.flags ?? []));
    if (result.missingEvidence) missingEvidence = result.missingEvidence;
  }
  const claimReasons = inCanonicalOrder(reasons, CLAIM_REASONS);

  const eligible = claimReasons.length === 0 && items.every(({ output }) => output.eligible);
  return {
    eligible,
    reasons: claimReasons,
    items: items.map(({ output }) => output),
    missingEvidence: [...missingEvidence],
    flags: inCanonicalOrder(flags, FLAGS),
    suggestedType:
      input.claim.type === "arrival" && !eligible && suggestWarranty(items, claimReasons, now) ? "warranty" : null,
    returnRequired: claimPolicy.returnRequired,
    returnShippingPaidBy: claimPolicy.returnShippingPaidBy,
    resolutions: [...claimPolicy.resolutions],
    returnDestinations: claimPolicy.returnRequired ? groupReturnDestinations(items) : [],
    responseDueAt: formatInstant(now + claimPolicy.responseHours * HOUR_MS),
  };
}
