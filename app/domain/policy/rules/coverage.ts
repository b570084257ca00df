import type { ItemRule } from "./rule-types";

/** `not_covered`: the product's policy offers no claim of this type (window of 0 days/months). */
export const coverage: ItemRule = ({ policy, claimType }) => {
  if (policy === undefined) return [];
  const offered = claimType === "arrival" ? policy.arrivalWindowDays > 0 : policy.warrantyMonths > 0;
  return offered ? [] : ["not_covered"];
};
