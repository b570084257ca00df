// Builders for unit tests of the domain: a valid claim evaluation input with sensible defaults
// that each test overrides. Not used by production code.
import type { ClaimEvaluationInput, Fulfillment, OrderLine } from "./evaluate-claim-schema";

export function gid(resource: string, id: number | string): string {
  return `gid://shopify/${resource}/${id}`;
}

export function aFulfillment(overrides: Partial<Fulfillment> = {}): Fulfillment {
  return {
    quantity: 1,
    fulfilledAt: "2026-02-27T09:00:00Z",
    deliveredAt: "2026-03-01T15:00:00Z",
    estimatedDeliveryAt: null,
    locationId: gid("Location", 1),
    ...overrides,
  };
}

export function aLine(id: number, overrides: Partial<OrderLine> = {}): OrderLine {
  const fulfillments = overrides.fulfillments ?? [aFulfillment({ quantity: overrides.quantity ?? 1 })];
  return {
    lineItemId: gid("LineItem", id),
    productId: gid("Product", id),
    quantity: fulfillments.reduce((total, f) => total + f.quantity, 0) || 1,
    previouslyClaimedQuantity: 0,
    ...overrides,
    fulfillments,
  };
}

type InputOverrides = Omit<Partial<ClaimEvaluationInput>, "claim"> & {
  claim?: Partial<ClaimEvaluationInput["claim"]>;
};

/** An eligible arrival claim for one unit of line 1 (the example, minus the overrides). */
export function anInput(overrides: InputOverrides = {}): ClaimEvaluationInput {
  const { claim, ...rest } = overrides;
  return {
    now: "2026-03-04T12:00:00Z",
    shop: { timezone: "Europe/Berlin" },
    order: { id: gid("Order", 1), lines: [aLine(1)] },
    ...rest,
    claim: {
      type: "arrival",
      items: [{ lineItemId: gid("LineItem", 1), quantity: 1 }],
      evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      preferredResolution: "replacement",
      ...claim,
    },
  };
}
