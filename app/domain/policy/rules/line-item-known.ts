import type { ItemRule } from "./rule-types";

/** `unknown_line_item`: the claimed line item is not on the order. */
export const lineItemKnown: ItemRule = ({ line }) => (line === undefined ? ["unknown_line_item"] : []);
