import { isInWindow } from "../../claim-units";
import type { ItemRule } from "./rule-types";

/**
 * `window_expired` for warranty claims: some unit the claim draws on is past the same day of the
 * month `warrantyMonths` after its delivery day (clamped to the month's end), shop timezone.
 */
export const warrantyWindow: ItemRule = ({ claimType, policy, drawnUnits, now }) => {
  if (claimType !== "warranty" || policy === undefined || policy.warrantyMonths === 0) return [];
  return drawnUnits.every((unit) => isInWindow(unit, "warranty", now)) ? [] : ["window_expired"];
};
