import { isInWindow } from "../../claim-units";
import type { ItemRule } from "./rule-types";

/**
 * `window_expired` for arrival claims: some unit the claim draws on was delivered more than
 * `arrivalWindowDays` calendar days ago (shop timezone, window ends at the day's last millisecond).
 */
export const arrivalWindow: ItemRule = ({ claimType, policy, drawnUnits, now }) => {
  if (claimType !== "arrival" || policy === undefined || policy.arrivalWindowDays === 0) return [];
  return drawnUnits.every((unit) => isInWindow(unit, "arrival", now)) ? [] : ["window_expired"];
};
