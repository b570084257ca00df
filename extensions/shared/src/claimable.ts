import type { ClaimOptions } from "./api";

/**
 * Why nothing on an order can be reported, as one true sentence's key: each item is either not
 * shipped, already part of a claim (every unit), or past its windows (or not covered), and the
 * sentence names the cases present, e.g. "claimedRestClosed" when some items are claimed and the
 * others' time has ended. Only meaningful when no item can be claimed.
 */
export type NothingClaimable =
  | "notShipped"
  | "allClaimed"
  | "closed"
  | "claimedRestClosed"
  | "claimedRestNotShipped"
  | "closedRestNotShipped"
  | "claimedClosedRestNotShipped";

export function whyNothingClaimable(options: ClaimOptions): NothingClaimable {
  const notShipped = options.items.some((item) => item.arrival.reasons.includes("not_fulfilled"));
  const shipped = options.items.filter((item) => !item.arrival.reasons.includes("not_fulfilled"));
  const claimed = shipped.some((item) => item.claimableQuantity <= 0);
  const closed = shipped.some((item) => item.claimableQuantity > 0);
  if (claimed && closed) return notShipped ? "claimedClosedRestNotShipped" : "claimedRestClosed";
  if (claimed) return notShipped ? "claimedRestNotShipped" : "allClaimed";
  if (closed) return notShipped ? "closedRestNotShipped" : "closed";
  return "notShipped";
}
