import type { SubmitClaim } from "../../app/domain/claim-lifecycle/claim-commands";

type Item = SubmitClaim["items"][number];

/** An arrival claim for one drone with a charger, shipped from Location/1; override what matters. */
export function anArrivalSubmission(
  claimId: string,
  overrides: Partial<Omit<SubmitClaim, "items">> & { item?: Partial<Item> } = {},
): SubmitClaim {
  const { item, ...rest } = overrides;
  return {
    claimId,
    orderId: "gid://shopify/Order/1",
    type: "arrival",
    responseHours: 48,
    returnRequired: true,
    returnShippingPaidBy: "merchant",
    evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
    items: [
      {
        lineItemId: "gid://shopify/LineItem/1",
        productId: "gid://shopify/Product/1",
        quantity: 1,
        components: [{ name: "Charger", chargeIfMissing: { amount: "19.90", currencyCode: "EUR" } }],
        returnLocations: [{ locationId: "gid://shopify/Location/1", quantity: 1 }],
        ...item,
      },
    ],
    ...rest,
  };
}
