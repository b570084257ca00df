import { describe, expect, it } from "vitest";
import { toOrderFacts, transactionKindOf } from "../shopify/order-facts.server";
import { evaluationOrderFromDeliveryFacts, evaluationOrderFromShopify } from "./claim-evaluation.server";

const money = (amount: string) => ({
  shopMoney: { amount, currencyCode: "EUR" },
  presentmentMoney: { amount, currencyCode: "EUR" },
});

// A split shipment: 2 units from the local warehouse (delivered, known only from the DELIVERED
// event), 1 unit from overseas (location only on the fulfillment order, not yet delivered).
const order = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-02-26T10:00:00Z",
  currencyCode: "EUR",
  presentmentCurrencyCode: "EUR",
  email: "jane@example.com",
  customerLocale: "de-DE",
  customer: {
    id: "gid://shopify/Customer/7",
    displayName: "Jane Doe",
    defaultEmailAddress: { emailAddress: "jane.doe@example.com" },
  },
  lineItems: {
    nodes: [
      {
        id: "gid://shopify/LineItem/1",
        name: "Drone",
        quantity: 3,
        currentQuantity: 3,
        refundableQuantity: 3,
        product: { id: "gid://shopify/Product/1" },
        variant: { id: "gid://shopify/ProductVariant/1" },
        discountedUnitPriceAfterAllDiscountsSet: money("89.10"),
      },
      {
        id: "gid://shopify/LineItem/2",
        name: "Gift wrapping",
        quantity: 1,
        currentQuantity: 1,
        refundableQuantity: 1,
        product: null,
        variant: null,
        discountedUnitPriceAfterAllDiscountsSet: money("2.00"),
      },
    ],
  },
  fulfillments: [
    {
      id: "gid://shopify/Fulfillment/1",
      status: "SUCCESS",
      createdAt: "2026-02-27T09:00:00Z",
      updatedAt: "2026-03-01T15:00:00Z",
      deliveredAt: null,
      estimatedDeliveryAt: null,
      inTransitAt: "2026-02-27T12:00:00Z",
      location: { id: "gid://shopify/Location/1" },
      trackingInfo: [{ number: "1Z999", company: "DHL", url: null }],
      events: {
        nodes: [
          { status: "IN_TRANSIT", happenedAt: "2026-02-28T08:00:00Z" },
          { status: "DELIVERED", happenedAt: "2026-03-01T15:00:00Z" },
        ],
      },
      fulfillmentLineItems: {
        nodes: [
          { id: "gid://shopify/FulfillmentLineItem/1", quantity: 2, lineItem: { id: "gid://shopify/LineItem/1" } },
        ],
      },
    },
    {
      id: "gid://shopify/Fulfillment/2",
      status: "SUCCESS",
      createdAt: "2026-02-28T09:00:00Z",
      updatedAt: "2026-02-28T09:00:00Z",
      deliveredAt: null,
      estimatedDeliveryAt: "2026-03-10T00:00:00Z",
      inTransitAt: null,
      location: null,
      trackingInfo: [],
      events: { nodes: [] },
      fulfillmentLineItems: {
        nodes: [
          { id: "gid://shopify/FulfillmentLineItem/2", quantity: 1, lineItem: { id: "gid://shopify/LineItem/1" } },
        ],
      },
    },
    {
      id: "gid://shopify/Fulfillment/3",
      status: "CANCELLED",
      createdAt: "2026-02-27T08:00:00Z",
      updatedAt: "2026-02-27T08:30:00Z",
      deliveredAt: null,
      estimatedDeliveryAt: null,
      inTransitAt: null,
      location: { id: "gid://shopify/Location/1" },
      trackingInfo: [],
      events: { nodes: [] },
      fulfillmentLineItems: {
        nodes: [
          { id: "gid://shopify/FulfillmentLineItem/3", quantity: 3, lineItem: { id: "gid://shopify/LineItem/1" } },
        ],
      },
    },
  ],
  fulfillmentOrders: {
    nodes: [
      {
        id: "gid://shopify/FulfillmentOrder/2",
        assignedLocation: { countryCode: "CN", location: { id: "gid://shopify/Location/2" } },
        fulfillments: { nodes: [{ id: "gid://shopify/Fulfillment/2" }] },
      },
    ],
  },
  transactions: [
    {
      id: "gid://shopify/OrderTransaction/1",
      kind: "SALE",
      status: "SUCCESS",
      gateway: "shopify_payments",
      processedAt: "2026-02-26T10:00:00Z",
      parentTransaction: null,
      amountSet: money("217.30"),
    },
    {
      id: "gid://shopify/OrderTransaction/2",
      kind: "SOME_KIND_ADDED_NEXT_QUARTER",
      status: "SUCCESS",
      gateway: "gift_card",
      processedAt: "2026-02-26T10:00:00Z",
      parentTransaction: null,
      amountSet: money("50.00"),
    },
  ],
};

describe("order facts from Shopify", () => {
  const facts = toOrderFacts({ ianaTimezone: "Europe/Berlin", currencyCode: "EUR" }, order);

  it("takes the delivery date from the DELIVERED event when deliveredAt is null, and the location from the fulfillment order when the fulfillment has none", () => {
    expect(facts.lines[0]?.fulfilled).toEqual([
      expect.objectContaining({
        fulfillmentId: "gid://shopify/Fulfillment/1",
        quantity: 2,
        deliveredAt: "2026-03-01T15:00:00Z",
        locationId: "gid://shopify/Location/1",
      }),
      expect.objectContaining({
        fulfillmentId: "gid://shopify/Fulfillment/2",
        quantity: 1,
        deliveredAt: null,
        estimatedDeliveryAt: "2026-03-10T00:00:00Z",
        locationId: "gid://shopify/Location/2",
      }),
    ]);
  });

  it("reads unknown enum values as OTHER instead of failing", () => {
    expect(facts.transactions.map((t) => t.kind)).toEqual(["SALE", "OTHER"]);
    expect(transactionKindOf("CAPTURE")).toBe("CAPTURE");
  });

  it("becomes the policy engine's order: claimable lines with their fulfilments, minus what was claimed before", () => {
    expect(evaluationOrderFromShopify(facts, { "gid://shopify/LineItem/1": 1 })).toEqual({
      id: "gid://shopify/Order/1",
      lines: [
        {
          lineItemId: "gid://shopify/LineItem/1",
          productId: "gid://shopify/Product/1",
          quantity: 3,
          previouslyClaimedQuantity: 1,
          fulfillments: [
            {
              quantity: 2,
              fulfilledAt: "2026-02-27T09:00:00Z",
              deliveredAt: "2026-03-01T15:00:00Z",
              estimatedDeliveryAt: null,
              locationId: "gid://shopify/Location/1",
            },
            {
              quantity: 1,
              fulfilledAt: "2026-02-28T09:00:00Z",
              deliveredAt: null,
              estimatedDeliveryAt: "2026-03-10T00:00:00Z",
              locationId: "gid://shopify/Location/2",
            },
          ],
        },
      ],
    });
  });
});

describe("order facts from our delivery records (order no longer readable in Shopify)", () => {
  it("rebuilds the lines from the facts kept from webhooks", () => {
    const fact = {
      shop: "s",
      orderId: "gid://shopify/Order/1",
      lineItemId: "gid://shopify/LineItem/1",
      productId: "gid://shopify/Product/1",
      variantId: null,
      customerId: null,
      estimatedDeliveryAt: null,
      sourceUpdatedAt: new Date("2026-03-01T15:00:00Z"),
    };
    const order = evaluationOrderFromDeliveryFacts(
      "gid://shopify/Order/1",
      [
        {
          ...fact,
          fulfillmentId: "gid://shopify/Fulfillment/1",
          quantity: 2,
          fulfilledAt: new Date("2026-02-27T09:00:00Z"),
          deliveredAt: new Date("2026-03-01T15:00:00Z"),
          locationId: "gid://shopify/Location/1",
        },
        {
          ...fact,
          fulfillmentId: "gid://shopify/Fulfillment/2",
          quantity: 1,
          fulfilledAt: new Date("2026-02-28T09:00:00Z"),
          deliveredAt: null,
          locationId: "gid://shopify/Location/2",
        },
      ],
      { "gid://shopify/LineItem/1": 5 },
    );
    expect(order.lines).toEqual([
      {
        lineItemId: "gid://shopify/LineItem/1",
        productId: "gid://shopify/Product/1",
        quantity: 3,
        previouslyClaimedQuantity: 3,
        fulfillments: [
          expect.objectContaining({ quantity: 2, deliveredAt: "2026-03-01T15:00:00.000Z" }),
          expect.objectContaining({ quantity: 1, deliveredAt: null, locationId: "gid://shopify/Location/2" }),
        ],
      },
    ]);
  });
});
