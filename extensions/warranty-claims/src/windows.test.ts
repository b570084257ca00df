import { describe, expect, it } from "vitest";
import type { ClaimOption } from "./api";
import { arrivalMessage, warrantyMessage } from "./windows";

const option = (overrides: Partial<ClaimOption> = {}): ClaimOption => ({
  lineItemId: "gid://shopify/LineItem/1",
  name: "Drone",
  claimableQuantity: 1,
  arrival: { open: true, windowEndsAt: "2026-11-26T22:59:59.999Z", reasons: [] },
  warranty: { open: true, windowEndsAt: "2027-11-23T22:59:59.999Z", reasons: [] },
  ...overrides,
});

describe("what the shopper is told per item", () => {
  it.each([
    [
      { open: true, windowEndsAt: "2026-11-26T22:59:59.999Z", reasons: [] },
      { key: "arrival.open", date: "2026-11-26T22:59:59.999Z" },
    ],
    [
      { open: false, windowEndsAt: "2026-11-18T22:59:59.999Z", reasons: ["window_expired"] },
      { key: "arrival.closed", date: "2026-11-18T22:59:59.999Z" },
    ],
    [
      { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
      { key: "arrival.notShipped", date: null },
    ],
    [
      { open: false, windowEndsAt: null, reasons: ["not_covered"] },
      { key: "arrival.notOffered", date: null },
    ],
  ])("arrival window %o", (window, message) => {
    expect(arrivalMessage(window)).toEqual(message);
  });

  it("says the warranty runs until its last day, or when it ended", () => {
    expect(warrantyMessage(option())).toEqual({ key: "warranty.open", date: "2027-11-23T22:59:59.999Z" });
    expect(
      warrantyMessage(
        option({ warranty: { open: false, windowEndsAt: "2025-11-01T22:59:59.999Z", reasons: ["window_expired"] } }),
      ),
    ).toEqual({ key: "warranty.closed", date: "2025-11-01T22:59:59.999Z" });
    expect(
      warrantyMessage(option({ warranty: { open: false, windowEndsAt: null, reasons: ["not_covered"] } })),
    ).toEqual({
      key: "warranty.notOffered",
      date: null,
    });
  });

  it("says nothing about a warranty for an item not shipped yet, and explains items already claimed", () => {
    expect(
      warrantyMessage(option({ warranty: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] } })),
    ).toBeNull();
    expect(warrantyMessage(option({ claimableQuantity: 0 }))).toEqual({ key: "warranty.allClaimed", date: null });
  });
});
