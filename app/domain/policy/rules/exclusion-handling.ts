import { isExclusionFlag } from "../codes";
import type { ClaimRule } from "./rule-types";

/**
 * `excluded`: with `exclusionHandling: "deny"` any exclusion flag makes the claim ineligible;
 * with `"review"` the flags only inform the merchant. Runs after the rules that raise flags.
 */
export const exclusionHandling: ClaimRule = ({ policy }, flagsSoFar) =>
  policy.exclusionHandling === "deny" && flagsSoFar.some(isExclusionFlag) ? { reasons: ["excluded"] } : {};
