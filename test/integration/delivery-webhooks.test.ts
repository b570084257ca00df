import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryFactsForOrder } from "../../app/db/delivery-facts.server";
import { action as fulfillmentCreated } from "../../app/routes/webhooks.fulfillments.create";
import { action as fulfillmentUpdated } from "../../app/routes/webhooks.fulfillments.update";
import { action as fulfillmentEvent } from "../../app/routes/webhooks.fulfillment_events.create";
import { action as orderFulfilled } from "../../app/routes/webhooks.orders.fulfilled";
import { routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

// Shopify's REST payloads (trimmed to what matters plus a few fields we ignore).
const fulfillment = (overrides: Record<string, unknown> = {}) => ({
  id: 5001,
  order_id: 450789469,
  status: "success",
  created_at: "2026-02-27T09:00:00+01:00",
  updated_at: "2026-02-27T09:00:00+01:00",
  service: "manual",
  tracking_company: "DHL",
  tracking_number: "1Z2345",
  shipment_status: null,
  location_id: 24826418,
  line_items: [
    { id: 466157049, product_id: 632910392, variant_id: 39072856, quantity: 2, name: "Drone", price: "199.00" },
    { id: 518995019, product_id: 921728736, variant_id: 457924702, quantity: 1, name: "Spare battery", price: "39.00" },
  ],
  ...overrides,
});
const event = (overrides: Record<string, unknown> = {}) => ({
  id: 944956395,
  fulfillment_id: 5001,
  order_id: 450789469,
  status: "delivered",
  message: "Delivered to the front door",
  happened_at: "2026-03-01T15:00:00Z",
  estimated_delivery_at: null,
  city: "Berlin",
  ...overrides,
});
const ORDER = "gid://shopify/Order/450789469";
const send = async (
  action: typeof fulfillmentCreated,
  path: string,
  topic: string,
  payload: unknown,
  webhookId?: string,
) => (await action(routeArgs(await webhookRequest(path, topic, payload, webhookId ? { webhookId } : {})))).status;

describe("delivery facts from fulfillment webhooks", () => {
  it("records each fulfilled line with where it shipped from, then its delivery from the tracking event", async () => {
    expect(await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment())).toBe(
      200,
    );
    expect(
      await send(fulfillmentEvent, "/webhooks/fulfillment_events/create", "fulfillment_events/create", event()),
    ).toBe(200);
    expect(await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).toEqual([
      expect.objectContaining({
        lineItemId: "gid://shopify/LineItem/466157049",
        productId: "gid://shopify/Product/632910392",
        quantity: 2,
        fulfilledAt: new Date("2026-02-27T08:00:00Z"),
        deliveredAt: new Date("2026-03-01T15:00:00Z"),
        locationId: "gid://shopify/Location/24826418",
        customerId: null,
      }),
      expect.objectContaining({ lineItemId: "gid://shopify/LineItem/518995019", quantity: 1 }),
    ]);
  });

  it("tolerates the delivery event arriving before the fulfillment itself", async () => {
    await send(fulfillmentEvent, "/webhooks/fulfillment_events/create", "fulfillment_events/create", event());
    await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment());
    const facts = await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER);
    expect(facts.map((f) => f.deliveredAt)).toEqual([
      new Date("2026-03-01T15:00:00Z"),
      new Date("2026-03-01T15:00:00Z"),
    ]);
  });

  it("keeps the first delivery scan and the newest estimate, whatever order the events come in", async () => {
    await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment());
    await send(
      fulfillmentEvent,
      "/webhooks/fulfillment_events/create",
      "fulfillment_events/create",
      event({ status: "delivered", happened_at: "2026-03-02T09:00:00Z" }),
    );
    await send(
      fulfillmentEvent,
      "/webhooks/fulfillment_events/create",
      "fulfillment_events/create",
      event({
        status: "in_transit",
        happened_at: "2026-02-28T09:00:00Z",
        estimated_delivery_at: "2026-03-03T00:00:00Z",
      }),
    );
    await send(
      fulfillmentEvent,
      "/webhooks/fulfillment_events/create",
      "fulfillment_events/create",
      event({ status: "delivered", happened_at: "2026-03-01T15:00:00Z" }),
    );
    const [first] = await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER);
    expect(first?.deliveredAt).toEqual(new Date("2026-03-01T15:00:00Z"));
  });

  it("forgets a fulfillment that was cancelled, but not because of an older update arriving late", async () => {
    await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment());
    await send(
      fulfillmentUpdated,
      "/webhooks/fulfillments/update",
      "fulfillments/update",
      fulfillment({ status: "cancelled", updated_at: "2026-02-27T10:00:00+01:00" }),
    );
    expect(await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).toEqual([]);
    // An update from before the cancellation, delivered late, does not bring the lines back...
    await send(
      fulfillmentUpdated,
      "/webhooks/fulfillments/update",
      "fulfillments/update",
      fulfillment({ updated_at: "2026-02-27T09:30:00+01:00" }),
    );
    expect(await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).toEqual([]);
    // ...but a newer one (the fulfillment was reopened) does.
    await send(
      fulfillmentUpdated,
      "/webhooks/fulfillments/update",
      "fulfillments/update",
      fulfillment({ updated_at: "2026-02-27T11:00:00+01:00" }),
    );
    expect(await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).toHaveLength(2);
  });

  it("learns whose order it is from orders/fulfilled, for facts recorded before and with it", async () => {
    await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment());
    expect((await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).map((f) => f.customerId)).toEqual([null, null]);
    const order = {
      id: 450789469,
      name: "#1001",
      customer: { id: 207119551, email: "bob@example.com" },
      fulfillments: [
        fulfillment({ id: 5002, line_items: [{ id: 703073504, product_id: 1, variant_id: 2, quantity: 1 }] }),
      ],
    };
    expect(await send(orderFulfilled, "/webhooks/orders/fulfilled", "orders/fulfilled", order)).toBe(200);
    const facts = await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER);
    expect(facts.map((f) => [f.lineItemId, f.customerId])).toEqual([
      ["gid://shopify/LineItem/466157049", "gid://shopify/Customer/207119551"],
      ["gid://shopify/LineItem/518995019", "gid://shopify/Customer/207119551"],
      ["gid://shopify/LineItem/703073504", "gid://shopify/Customer/207119551"],
    ]);
    // No personal data beyond the customer id is kept.
    expect(JSON.stringify(await prisma.deliveryFact.findMany())).not.toContain("bob@example.com");
  });

  it("keeps the customer learnt from orders/fulfilled when a newer update, which names none, follows", async () => {
    // GIVEN orders/fulfilled recorded the fulfillment with its customer
    const order = { id: 450789469, customer: { id: 207119551 }, fulfillments: [fulfillment()] };
    expect(await send(orderFulfilled, "/webhooks/orders/fulfilled", "orders/fulfilled", order)).toBe(200);
    // WHEN a newer fulfillments/update (no customer in it) moves the shipment
    const moved = fulfillment({ updated_at: "2026-02-27T12:00:00+01:00", location_id: 99 });
    expect(await send(fulfillmentUpdated, "/webhooks/fulfillments/update", "fulfillments/update", moved)).toBe(200);
    // THEN the newer facts apply and the customer stays
    expect(
      (await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).map((f) => [f.lineItemId, f.locationId, f.customerId]),
    ).toEqual([
      ["gid://shopify/LineItem/466157049", "gid://shopify/Location/99", "gid://shopify/Customer/207119551"],
      ["gid://shopify/LineItem/518995019", "gid://shopify/Location/99", "gid://shopify/Customer/207119551"],
    ]);
  });

  it("processes a repeated delivery once", async () => {
    await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment(), "wh-1");
    await send(fulfillmentCreated, "/webhooks/fulfillments/create", "fulfillments/create", fulfillment(), "wh-1");
    expect(await prisma.deliveryFact.count()).toBe(2);
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });

  it("rejects a forged delivery with 401", async () => {
    const forged = await webhookRequest("/webhooks/fulfillments/create", "fulfillments/create", fulfillment(), {
      apiSecretKey: "forged",
    });
    await expect(fulfillmentCreated(routeArgs(forged))).rejects.toMatchObject({ status: 401 });
    expect(await prisma.deliveryFact.count()).toBe(0);
  });
});
