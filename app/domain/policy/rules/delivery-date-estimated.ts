import type { ClaimRule } from "./rule-types";

/** `delivery_date_estimated`: a unit the claim draws on has no confirmed delivery date. */
export const deliveryDateEstimated: ClaimRule = ({ drawnUnits }) =>
  drawnUnits.some((unit) => unit.deliveryEstimated) ? { flags: ["delivery_date_estimated"] } : {};
