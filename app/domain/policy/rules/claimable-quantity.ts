import type { ItemRule } from "./rule-types";

/** `quantity_exceeds_claimable`: more units claimed than fulfilled minus previously claimed. */
export const claimableQuantity: ItemRule = ({ line, fulfilledUnits, claimableUnits, quantity }) =>
  line !== undefined && fulfilledUnits > 0 && quantity > claimableUnits ? ["quantity_exceeds_claimable"] : [];
