import type { ClaimRule } from "./rule-types";

/** `missing_preference`: an arrival claim must say refund or replacement when the policy asks. */
export const preference: ClaimRule = ({ claim, policy }) =>
  claim.type === "arrival" && policy.requiresPreference && !claim.preferredResolution
    ? { reasons: ["missing_preference"] }
    : {};
