import { DomainError } from "../errors";
import type { ClaimReason } from "./codes";
import { PREFERRED_RESOLUTIONS, type PreferredResolution } from "./policy-schema";

/** What every list offers, in the canonical order; with no list at all, `whenNone`. */
export function commonResolutions(
  lists: readonly (readonly PreferredResolution[])[],
  whenNone: readonly PreferredResolution[] = [],
): PreferredResolution[] {
  if (lists.length === 0) return [...whenNone];
  return PREFERRED_RESOLUTIONS.filter((resolution) => lists.every((list) => list.includes(resolution)));
}

/**
 * The refusal of a claim the engine found ineligible: a resolution the items' policies do not
 * offer, or items with none in common, gets a code of its own (the shopper reads what to change);
 * anything else is `claim.not_eligible`, the preview saying why.
 */
export function claimNotEligible(reasons: readonly string[]): DomainError {
  const list = [...new Set(reasons)].join(", ");
  const own: readonly ClaimReason[] = ["no_common_resolution", "resolution_not_offered"];
  const code = own.find((reason) => reasons.includes(reason));
  return new DomainError(
    "invalid",
    code ? `claim.${code}` : "claim.not_eligible",
    `This claim cannot be submitted: ${list}.`,
  );
}
