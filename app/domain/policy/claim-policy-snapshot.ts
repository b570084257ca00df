import { z } from "zod";
import type { ClaimEvent, ClaimState } from "../claim-lifecycle/claim-state";
import { RESOLUTIONS_BY_CLAIM_TYPE } from "../evaluate-claim-schema";
import {
  OutOfStockFallbackSchema,
  PreferredResolutionSchema,
  type OutOfStockFallback,
  type PreferredResolution,
} from "./policy-schema";

// What a claim's policy said about its resolutions when the shopper filed it (kept in the
// submitted event's evaluation, decision 016), so an open claim keeps the policy it was filed
// under whatever the shop changes later.

const SubmittedPolicySchema = z.looseObject({
  evaluation: z
    .looseObject({
      resolutions: z.array(PreferredResolutionSchema).optional(),
      outOfStockFallback: OutOfStockFallbackSchema.optional(),
    })
    .optional(),
});

export interface ClaimResolutionPolicy {
  /** What the merchant may approve the claim's items with. */
  resolutions: PreferredResolution[];
  /** What an out-of-stock replacement or an impossible repair becomes. */
  outOfStockFallback: OutOfStockFallback;
}

/**
 * The claim's resolutions and out-of-stock fallback as filed. A claim filed before they were kept
 * gets what the app did then: its type's resolutions and a refund (the guarantee's clause d). A
 * stored event that fails the schema throws (our 500).
 */
export function claimResolutionPolicy(state: {
  type: ClaimState["type"];
  events: readonly Pick<ClaimEvent, "data">[];
}): ClaimResolutionPolicy {
  const kept = SubmittedPolicySchema.parse(state.events[0]?.data ?? {}).evaluation;
  return {
    resolutions: kept?.resolutions ?? [...RESOLUTIONS_BY_CLAIM_TYPE[state.type]],
    outOfStockFallback: kept?.outOfStockFallback ?? "refund",
  };
}
