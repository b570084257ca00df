import { describe, expect, it } from "vitest";
import type { ClaimOption } from "./api";
import { whyNothingClaimable } from "./claimable";

// The one sentence an order with nothing left to report shows: true for every item on it.

const closed: ClaimOption = {
  lineItemId: "gid://shopify/LineItem/1",
  name: "Volt X2 E-Scooter",
  claimableQuantity: 1,
  arrival: { open: false, windowEndsAt: "2026-01-01T22:59:00.000Z", reasons: ["window_expired"] },
  warranty: { open: false, windowEndsAt: "2026-02-01T22:59:00.000Z", reasons: ["window_expired"] },
};
// Every unit in a claim, its windows still open.
const claimed: ClaimOption = {
  ...closed,
  lineItemId: "gid://shopify/LineItem/2",
  claimableQuantity: 0,
  arrival: { open: true, windowEndsAt: "2026-12-01T22:59:00.000Z", reasons: [] },
  warranty: { open: true, windowEndsAt: "2027-12-01T22:59:00.000Z", reasons: [] },
};
const notShipped: ClaimOption = {
  ...closed,
  lineItemId: "gid://shopify/LineItem/3",
  claimableQuantity: 0,
  arrival: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
  warranty: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
};
const order = (...items: ClaimOption[]) => ({
  orderId: "gid://shopify/Order/1",
  orderName: "#1001",
  timezone: "Europe/Berlin",
  items,
});

describe("why nothing on an order can be reported", () => {
  it.each([
    ["nothing shipped", [notShipped], "notShipped"],
    ["every item claimed", [claimed], "allClaimed"],
    ["every window closed", [closed], "closed"],
    ["some claimed, the rest closed", [claimed, closed], "claimedRestClosed"],
    ["some claimed, the rest not shipped", [claimed, notShipped], "claimedRestNotShipped"],
    ["some closed, the rest not shipped", [closed, notShipped], "closedRestNotShipped"],
    ["one of each", [notShipped, closed, claimed], "claimedClosedRestNotShipped"],
  ] as const)("GIVEN %s THEN it says so", (_, items, expected) => {
    expect(whyNothingClaimable(order(...items))).toBe(expected);
  });
});
