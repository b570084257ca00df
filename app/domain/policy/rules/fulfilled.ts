import type { ItemRule } from "./rule-types";

/** `not_fulfilled`: the line has no fulfilled unit yet, so nothing can have arrived. */
export const fulfilled: ItemRule = ({ line, fulfilledUnits }) =>
  line !== undefined && fulfilledUnits === 0 ? ["not_fulfilled"] : [];
