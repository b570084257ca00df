import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryFactsForOrder, recordFulfillmentEvent } from "../../app/db/delivery-facts.server";
import { processWebhookOnce } from "../../app/db/webhook-deliveries.server";
import { action as fulfillmentCreated } from "../../app/routes/webhooks.fulfillments.create";
import { action as fulfillmentUpdated } from "../../app/routes/webhooks.fulfillments.update";
import { action as fulfillmentEvent } from "../../app/routes/webhooks.fulfillment_events.create";
import { action as orderFulfilled } from "../../app/routes/webhooks.orders.fulfilled";
import { routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

// Many deliveries about one fulfillment arriving at once, as Shopify sends them after a burst of
// tracking updates. On PostgreSQL a unique violation caught inside a transaction aborts it, so the
// writes must be upserts that cannot violate; on both databases every delivery must be acknowledged
// and the records must end up as if the deliveries had come one by one.

const ORDER = "gid://shopify/Order/450789469";
const FULFILLMENT = "gid://shopify/Fulfillment/5001";
const CUSTOMER = "gid://shopify/Customer/207119551";
const at = (minutes: number) => new Date(Date.parse("2026-02-27T08:00:00Z") + minutes * 60_000).toISOString();

const fulfillment = (minutes: number, overrides: Record<string, unknown> = {}) => ({
  id: 5001,
  order_id: 450789469,
  status: "success",
  created_at: at(0),
  updated_at: at(minutes),
  shipment_status: "in_transit",
  // Each update names another location, so the newest one is recognisable afterwards.
  location_id: 24826000 + minutes,
  line_items: [
    { id: 466157049, product_id: 632910392, variant_id: 39072856, quantity: 2 },
    { id: 518995019, product_id: 921728736, variant_id: 457924702, quantity: 1 },
    { id: 703073504, product_id: 1, variant_id: 2, quantity: 3 },
  ],
  ...overrides,
});
const trackingEvent = (minutes: number, status: string, estimatedMinutes: number | null = null) => ({
  id: 944956000 + minutes,
  fulfillment_id: 5001,
  order_id: 450789469,
  status,
  happened_at: at(minutes),
  estimated_delivery_at: estimatedMinutes === null ? null : at(estimatedMinutes),
});
const orderFulfilledPayload = (minutes: number) => ({
  id: 450789469,
  customer: { id: 207119551, email: "bob@example.com" },
  fulfillments: [fulfillment(minutes)],
});

type Action = typeof fulfillmentCreated;
interface Delivery {
  action: Action;
  path: string;
  topic: string;
  payload: unknown;
  webhookId?: string;
}
const create = (minutes: number): Delivery => ({
  action: fulfillmentCreated,
  path: "/webhooks/fulfillments/create",
  topic: "fulfillments/create",
  payload: fulfillment(minutes),
});
const update = (minutes: number, overrides: Record<string, unknown> = {}): Delivery => ({
  action: fulfillmentUpdated,
  path: "/webhooks/fulfillments/update",
  topic: "fulfillments/update",
  payload: fulfillment(minutes, overrides),
});
const tracking = (minutes: number, status: string, estimatedMinutes: number | null = null): Delivery => ({
  action: fulfillmentEvent,
  path: "/webhooks/fulfillment_events/create",
  topic: "fulfillment_events/create",
  payload: trackingEvent(minutes, status, estimatedMinutes),
});
const fulfilledOrder = (minutes: number): Delivery => ({
  action: orderFulfilled,
  path: "/webhooks/orders/fulfilled",
  topic: "orders/fulfilled",
  payload: orderFulfilledPayload(minutes),
});

/** Signs every delivery first, then hands them all to the routes at once; returns each status. */
async function deliverAtOnce(deliveries: Delivery[]): Promise<number[]> {
  const requests: Request[] = await Promise.all(
    deliveries.map((d) => webhookRequest(d.path, d.topic, d.payload, d.webhookId ? { webhookId: d.webhookId } : {})),
  );
  return Promise.all(
    requests.map((request, i) =>
      deliveries[i]!.action(routeArgs(request)).then(
        (response) => response.status,
        // A thrown error is what Remix answers with 500 (a thrown Response keeps its status).
        (err: unknown) => (err instanceof Response ? err.status : 500),
      ),
    ),
  );
}

/** A deterministic shuffle, so that old and new deliveries interleave. */
function interleave<T>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, key: (i * 7919) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

const LINES = [
  "gid://shopify/LineItem/466157049",
  "gid://shopify/LineItem/518995019",
  "gid://shopify/LineItem/703073504",
];

describe("concurrent deliveries about one fulfillment", () => {
  it.each([20, 60])(
    "acknowledges %i different deliveries at once and keeps the newest facts and the first delivery scan",
    async (count) => {
      // GIVEN deliveries of every kind about fulfillment 5001: its creation, updates with
      // different updated_at, tracking events (two delivery scans among them) and orders/fulfilled
      const updates = count - 7;
      const newest = updates; // the update with the highest updated_at, in minutes
      const deliveries = interleave([
        create(0),
        ...Array.from({ length: updates }, (_, i) => update(i + 1)),
        tracking(30, "in_transit", 3000),
        tracking(40, "out_for_delivery", 2500),
        // The newest event carries the estimate (an older one's estimate never replaces it).
        tracking(50, "delivered", 2000),
        tracking(45, "delivered"),
        tracking(20, "confirmed", 4000),
        fulfilledOrder(1),
      ]);
      expect(deliveries).toHaveLength(count);

      // WHEN they all arrive at once
      const statuses = await deliverAtOnce(deliveries);

      // THEN every one is acknowledged, none answered 5xx
      expect(statuses).toEqual(deliveries.map(() => 200));
      expect(await prisma.webhookDelivery.count()).toBe(count);
      // AND each line carries the newest update's facts, the customer from orders/fulfilled (an
      // update without one does not erase it) and the first delivery scan
      const facts = await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER);
      expect(
        facts.map((f) => [f.lineItemId, f.locationId, f.sourceUpdatedAt.toISOString(), f.customerId, f.deliveredAt]),
      ).toEqual(
        LINES.map((line) => [
          line,
          `gid://shopify/Location/${24826000 + newest}`,
          at(newest),
          CUSTOMER,
          new Date(at(45)),
        ]),
      );
      expect(facts.map((f) => f.quantity)).toEqual([2, 1, 3]);
      // AND the tracking record holds the newest event's estimate
      expect(
        await prisma.fulfillmentDelivery.findUnique({
          where: { fulfillmentId: FULFILLMENT },
          select: { deliveredAt: true, estimatedDeliveryAt: true, lastEventAt: true, cancelledAt: true },
        }),
      ).toEqual({
        deliveredAt: new Date(at(45)),
        estimatedDeliveryAt: new Date(at(2000)),
        lastEventAt: new Date(at(50)),
        cancelledAt: null,
      });
    },
  );

  it("keeps a cancelled fulfillment cancelled while older updates race with the cancellation", async () => {
    // GIVEN the fulfillment was recorded
    expect(await deliverAtOnce([create(0)])).toEqual([200]);
    // WHEN its cancellation arrives together with 40 updates from before it
    const deliveries = interleave([
      update(50, { status: "cancelled" }),
      ...Array.from({ length: 40 }, (_, i) => update(i + 1)),
    ]);
    const statuses = await deliverAtOnce(deliveries);
    // THEN all are acknowledged and none of the older updates brought the lines back
    expect(statuses).toEqual(deliveries.map(() => 200));
    expect(await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER)).toEqual([]);
    expect(
      await prisma.fulfillmentDelivery.findUnique({
        where: { fulfillmentId: FULFILLMENT },
        select: { cancelledAt: true },
      }),
    ).toEqual({ cancelledAt: new Date(at(50)) });
  });

  it("processes copies of one delivery racing each other once, and acknowledges every copy", async () => {
    // GIVEN 20 copies of the same delivery (one webhook id), and 20 of another
    const copies = [
      ...Array.from({ length: 20 }, () => ({ ...update(10), webhookId: "wh-update-10" })),
      ...Array.from({ length: 20 }, () => ({ ...tracking(45, "delivered"), webhookId: "wh-delivered-45" })),
    ];
    // WHEN they arrive at once
    const statuses = await deliverAtOnce(interleave(copies));
    // THEN every copy is acknowledged, each delivery is recorded once and its work is done
    expect(statuses).toEqual(copies.map(() => 200));
    expect((await prisma.webhookDelivery.findMany({ orderBy: { webhookId: "asc" } })).map((d) => d.webhookId)).toEqual([
      "wh-delivered-45",
      "wh-update-10",
    ]);
    const facts = await deliveryFactsForOrder(prisma, TEST_SHOP, ORDER);
    expect(facts.map((f) => [f.lineItemId, f.locationId, f.deliveredAt])).toEqual(
      LINES.map((line) => [line, `gid://shopify/Location/${24826000 + 10}`, new Date(at(45))]),
    );
  });

  it("lets a racing copy do the work when the first attempt fails, so the delivery is not lost", async () => {
    // GIVEN a delivery whose first attempt fails after it started, while a copy arrives
    const ref = { webhookId: "wh-retry", shop: TEST_SHOP, topic: "FULFILLMENT_EVENTS_CREATE" };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const delivered = {
      shop: TEST_SHOP,
      orderId: ORDER,
      fulfillmentId: FULFILLMENT,
      status: "delivered",
      happenedAt: new Date(at(45)),
      estimatedDeliveryAt: null,
    };
    // WHEN both run at once
    const [first, copy] = await Promise.allSettled([
      processWebhookOnce(prisma, ref, async (tx) => {
        await recordFulfillmentEvent(tx, delivered);
        await sleep(100);
        throw new Error("the first attempt failed");
      }),
      sleep(20).then(() => processWebhookOnce(prisma, ref, (tx) => recordFulfillmentEvent(tx, delivered))),
    ]);
    // THEN the failure is reported, the copy did the work, and the delivery is recorded once
    expect(first).toMatchObject({ status: "rejected", reason: new Error("the first attempt failed") });
    expect(copy).toEqual({ status: "fulfilled", value: true });
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(
      await prisma.fulfillmentDelivery.findUnique({
        where: { fulfillmentId: FULFILLMENT },
        select: { deliveredAt: true },
      }),
    ).toEqual({ deliveredAt: new Date(at(45)) });
  });
});
