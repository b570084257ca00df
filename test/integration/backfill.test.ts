import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryFactsForOrder } from "../../app/db/delivery-facts.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { backfillDeliveryFacts } from "../../app/services/backfill-delivery-facts.server";
import { previewClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest, type ScenarioKey } from "../simulator/seed";
import { shopifyEdge, simulator } from "../simulator/network-edge";
import { appTomlScopes } from "../support/app-toml";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// The backfill of delivery facts at install, against the seeded store: every fulfilled line of the
// shop's shipped orders, paged under the query cost limit, recorded once however often it runs,
// so that warranty claims work from our records once Shopify hides the orders.

let manifest: DemoManifest;
let graphql: AdminGraphql;

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

function scenario(key: ScenarioKey) {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === key);
    if (order) return { customerId: customer.id, orderId: order.id };
  }
  throw new Error(`no ${key} order in the seed`);
}

/** What Shopify's state says should be recorded: one fact per fulfilled line of each fulfillment. */
function expectedFacts() {
  return simulator
    .store(TEST_SHOP)
    .state.orders.flatMap((order) =>
      order.fulfillments.flatMap((f) => f.lineItems.map((l) => `${order.id} ${f.id} ${l.lineItemId} ${l.quantity}`)),
    )
    .sort();
}

describe("backfilling delivery facts", () => {
  it("records every fulfilled line of the shop's shipped orders, with customer and warehouse", async () => {
    const costs: number[] = [];
    const recordCost = async ({ response }: { response: Response }) => {
      const body = (await response.clone().json()) as { extensions?: { cost?: { requestedQueryCost: number } } };
      if (body.extensions?.cost) costs.push(body.extensions.cost.requestedQueryCost);
    };
    shopifyEdge.events.on("response:mocked", recordCost);
    // WHEN the backfill runs for the shop
    const result = await backfillDeliveryFacts(prisma, graphql, TEST_SHOP, new Date()).finally(() =>
      shopifyEdge.events.removeListener("response:mocked", recordCost),
    );
    // THEN every fulfilled line is recorded, once
    const rows = await prisma.deliveryFact.findMany({ where: { shop: TEST_SHOP } });
    expect(rows.map((r) => `${r.orderId} ${r.fulfillmentId} ${r.lineItemId} ${r.quantity}`).sort()).toEqual(
      expectedFacts(),
    );
    expect(result).toMatchObject({ pages: 2, orders: 10, lines: rows.length, recorded: rows.length, truncated: false });
    // AND each page stayed under Shopify's 1,000-point single-query limit
    expect(costs.length).toBe(result.pages);
    expect(Math.max(...costs)).toBeLessThan(1000);
    // AND the split shipment keeps both warehouses, the customer id, and the delivery dates
    const split = await deliveryFactsForOrder(prisma, TEST_SHOP, scenario("split-shipment").orderId);
    expect(new Set(split.map((f) => f.locationId))).toEqual(new Set(manifest.locations.map((l) => l.id)));
    expect(split.every((f) => f.customerId === scenario("split-shipment").customerId && f.deliveredAt)).toBe(true);
    const undated = await deliveryFactsForOrder(prisma, TEST_SHOP, scenario("no-delivery-date").orderId);
    expect(undated).toEqual([expect.objectContaining({ deliveredAt: null, estimatedDeliveryAt: null })]);
  });

  it("pages through the orders, and running it again changes nothing", async () => {
    const first = await backfillDeliveryFacts(prisma, graphql, TEST_SHOP, new Date(), { pageSize: 3 });
    expect(first.pages).toBe(4);
    const snapshot = async () =>
      (await prisma.deliveryFact.findMany({ orderBy: { id: "asc" } })).map(({ updatedAt: _u, ...row }) => row);
    const before = await snapshot();
    const again = await backfillDeliveryFacts(prisma, graphql, TEST_SHOP, new Date(), { pageSize: 3 });
    expect(again).toMatchObject({ pages: 4, orders: 10 });
    expect(await snapshot()).toEqual(before);
  });

  it("looks back only as far as asked", async () => {
    await backfillDeliveryFacts(prisma, graphql, TEST_SHOP, new Date(), { sinceDays: 60 });
    const orders = new Set((await prisma.deliveryFact.findMany()).map((f) => f.orderId));
    expect(orders.has(scenario("delivered-11-months-ago").orderId)).toBe(false);
    expect(orders.has(scenario("delivered-2-days-ago").orderId)).toBe(true);
  });

  it("lets a warranty claim on an order Shopify later hides be evaluated from the records", async () => {
    // GIVEN the backfill ran at install
    await backfillDeliveryFacts(prisma, graphql, TEST_SHOP, new Date());
    // WHEN the app may not read orders older than 60 days, and the shopper checks a warranty claim on one
    await installTestShop(TEST_SHOP, { scopes: appTomlScopes().filter((s) => s !== "read_all_orders") });
    const limited = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const context = { shop: TEST_SHOP, ...scenario("delivered-11-months-ago") };
    const [fact] = await deliveryFactsForOrder(prisma, TEST_SHOP, context.orderId);
    const evaluation = await previewClaim(
      prisma,
      limited,
      context,
      {
        type: "warranty",
        items: [{ lineItemId: fact!.lineItemId, quantity: 1 }],
        evidence: ["issue_video"],
        answers: {},
      },
      new Date(),
    );
    // THEN the 12-month warranty covers it, from our records
    expect(evaluation).toMatchObject({ eligible: true });
  });
});
