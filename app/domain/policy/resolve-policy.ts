import { DomainError } from "../errors";
import {
  DEFAULT_POLICY,
  PREFERRED_RESOLUTIONS,
  type ClaimProblem,
  type OutOfStockFallback,
  type PreferredResolution,
  PolicyOverrideSchema,
  ProductOverrideSchema,
  type EvidenceRequirement,
  type ExclusionHandling,
  type Policy,
  type PolicyOverride,
  type ProductOverride,
  type ShippingPayer,
} from "./policy-schema";
import { formatIssues } from "../validation";

export type ClaimType = "arrival" | "warranty";

/**
 * Fields override one by one; lists (evidence, resolutions, components) and the per-problem
 * payers are replaced whole, not merged.
 */
export function mergePolicy(base: Policy, override: PolicyOverride | undefined): Policy {
  if (!override) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(override)) {
    if (value !== undefined && field !== "productId") merged[field] = value;
  }
  return merged as Policy;
}

/** Parses untrusted overrides; rejects unknown fields and wrong types naming the path. */
export function parsePolicyOverride(input: unknown): PolicyOverride {
  const result = PolicyOverrideSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError("invalid", "policy.invalid_override", formatIssues(result.error.issues).join("; "));
  }
  return result.data;
}

export function parseProductOverride(input: unknown): ProductOverride {
  const result = ProductOverrideSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError("invalid", "policy.invalid_override", formatIssues(result.error.issues).join("; "));
  }
  return result.data;
}

export function resolveShopPolicy(override?: PolicyOverride): Policy {
  return mergePolicy(DEFAULT_POLICY, override);
}

export function policyForProduct(
  shopPolicy: Policy,
  productOverrides: readonly ProductOverride[],
  productId: string,
): Policy {
  return mergePolicy(
    shopPolicy,
    productOverrides.find((override) => override.productId === productId),
  );
}

/** The claim-level policy: what the claimed items' policies say together, strictest first. */
export type ClaimPolicy = {
  readonly evidence: readonly EvidenceRequirement[];
  readonly returnRequired: boolean;
  readonly requiresPreference: boolean;
  readonly exclusionHandling: ExclusionHandling;
  readonly responseHours: number;
  readonly reportWithinDaysOfNotice: number;
  readonly returnShippingPaidBy: ShippingPayer;
  /** What every item's policy offers; empty when they have nothing in common. */
  readonly resolutions: readonly PreferredResolution[];
  readonly outOfStockFallback: OutOfStockFallback;
};

/** Who pays return shipping under `policy`: the problem's payer when the policy names one, else the type's. */
export function shippingPayerOf(policy: Policy, type: ClaimType, problem?: ClaimProblem): ShippingPayer {
  const byProblem = problem === undefined ? undefined : policy.returnShippingPaidByProblem[problem];
  return byProblem ?? (type === "arrival" ? policy.arrivalReturnShippingPaidBy : policy.warrantyReturnShippingPaidBy);
}

/** What `policy` lets a shopper ask for, and a merchant approve, on a claim of `type`. */
export function resolutionsOf(policy: Policy, type: ClaimType): readonly PreferredResolution[] {
  return type === "arrival" ? policy.arrivalResolutions : policy.warrantyResolutions;
}

/**
 * Combines the claimed items' policies. With no item policy (every item unknown) the shop
 * policy stands alone. Resolutions: only what every item offers. Out of stock: one item whose
 * policy lets the merchant decide is enough to stop a silent refund. The payer: the items'
 * common payer for the claim's problem, else the shop's.
 */
export function combineClaimPolicies(
  shopPolicy: Policy,
  itemPolicies: readonly Policy[],
  type: ClaimType,
  problem?: ClaimProblem,
): ClaimPolicy {
  const policies = itemPolicies.length > 0 ? itemPolicies : [shopPolicy];
  const evidence: EvidenceRequirement[] = [];
  for (const policy of policies) {
    for (const requirement of type === "arrival" ? policy.arrivalEvidence : policy.warrantyEvidence) {
      if (!evidence.includes(requirement)) evidence.push(requirement);
    }
  }
  const payers = new Set(policies.map((policy) => shippingPayerOf(policy, type, problem)));
  const [onlyPayer] = payers;
  return {
    evidence,
    returnRequired: policies.some((p) => p.returnRequired),
    requiresPreference: type === "arrival" && policies.some((p) => p.arrivalRequiresPreference),
    exclusionHandling: policies.some((p) => p.exclusionHandling === "deny") ? "deny" : "review",
    responseHours: Math.min(...policies.map((p) => p.responseHours)),
    reportWithinDaysOfNotice: Math.min(...policies.map((p) => p.reportWithinDaysOfNotice)),
    returnShippingPaidBy:
      payers.size === 1 && onlyPayer !== undefined ? onlyPayer : shippingPayerOf(shopPolicy, type, problem),
    resolutions: PREFERRED_RESOLUTIONS.filter((r) => policies.every((p) => resolutionsOf(p, type).includes(r))),
    outOfStockFallback: policies.some((p) => p.outOfStockFallback === "merchant_decides")
      ? "merchant_decides"
      : "refund",
  };
}
