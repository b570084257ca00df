import type { ClaimRule } from "./rule-types";

/**
 * `no_common_resolution`: the claimed items' policies offer nothing in common (file them apart);
 * `resolution_not_offered`: the shopper asks for what the items' policies do not offer.
 */
export const resolutionOffered: ClaimRule = ({ claim, policy }) => {
  if (policy.resolutions.length === 0) return { reasons: ["no_common_resolution"] };
  const asked = claim.preferredResolution;
  return asked && !policy.resolutions.includes(asked) ? { reasons: ["resolution_not_offered"] } : {};
};
