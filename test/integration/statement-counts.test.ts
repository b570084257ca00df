import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryFactsForOrder, recordDeliveryFacts, type DeliveryFactInput } from "../../app/db/delivery-facts.server";
import { writeProductOverride, writeShopPolicyOverride } from "../../app/db/policies.server";
import { handleFulfillmentWebhook } from "../../app/services/delivery-webhooks.server";
import { claimOptions } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { countingClient } from "../support/counting-client";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// How many statements the busiest paths send, counted from Prisma's query events, so that a return
// to a round trip per line (or per line and claim type) fails here rather than under load.

let counted: ReturnType<typeof countingClient>;
beforeEach(async () => {
  counted = countingClient();
  return () => counted.db.$disconnect();
});

const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: 466157000 + i,
    product_id: 632910000 + i,
    variant_id: i + 1,
    quantity: 1,
  }));
const fulfillment = (updatedAt: string, lineCount: number) => ({
  id: 5001,
  order_id: 450789469,
  status: "success",
  created_at: "2026-02-27T09:00:00Z",
  updated_at: updatedAt,
  location_id: 24826418,
  line_items: lines(lineCount),
});
const delivery = (webhookId: string) => ({ webhookId, shop: TEST_SHOP, topic: "FULFILLMENTS_CREATE" });

describe("statements per fulfillment webhook", () => {
  it("records a new fulfillment of 6 lines in one write for all its lines, and an update in the same", async () => {
    // WHEN a new fulfillment with 6 lines arrives
    expect(await handleFulfillmentWebhook(counted.db, delivery("wh-1"), fulfillment("2026-02-27T09:00:00Z", 6))).toBe(
      true,
    );
    // THEN the delivery is claimed, the fulfillment locked and all lines written in one statement
    expect(counted.statements).toEqual(["INSERT WebhookDelivery", "INSERT FulfillmentDelivery", "INSERT DeliveryFact"]);
    expect(await prisma.deliveryFact.count()).toBe(6);

    // WHEN an update of those 6 lines follows
    counted.statements.length = 0;
    expect(
      await handleFulfillmentWebhook(counted.db, delivery("wh-2"), {
        ...fulfillment("2026-02-27T10:00:00Z", 6),
        location_id: 99,
      }),
    ).toBe(true);
    // THEN it costs the same three statements, and every line took the newer location
    expect(counted.statements).toEqual(["INSERT WebhookDelivery", "INSERT FulfillmentDelivery", "INSERT DeliveryFact"]);
    expect(
      new Set(
        (await deliveryFactsForOrder(prisma, TEST_SHOP, "gid://shopify/Order/450789469")).map((f) => f.locationId),
      ),
    ).toEqual(new Set(["gid://shopify/Location/99"]));
  });

  it("acknowledges a repeated delivery with one statement", async () => {
    await handleFulfillmentWebhook(prisma, delivery("wh-1"), fulfillment("2026-02-27T09:00:00Z", 6));
    expect(await handleFulfillmentWebhook(counted.db, delivery("wh-1"), fulfillment("2026-02-27T09:00:00Z", 6))).toBe(
      false,
    );
    expect(counted.statements).toEqual(["INSERT WebhookDelivery"]);
  });
});

describe("statements per claim-options request", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const ORDER = "gid://shopify/Order/990001";
  const CUSTOMER = "gid://shopify/Customer/770001";
  const product = (n: number) => `gid://shopify/Product/${880000 + n}`;

  it("reads the shop policy once and the order's product overrides once, for 4 lines and both claim types", async () => {
    // GIVEN an order of 4 products, delivered 5 days ago, that Shopify no longer shows (our
    // records know it), a shop policy with a 10-day arrival window, and overrides on two products
    await installTestShop();
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const now = new Date();
    const shipped = new Date(now.getTime() - 8 * DAY);
    const fact = (n: number): DeliveryFactInput => ({
      shop: TEST_SHOP,
      orderId: ORDER,
      fulfillmentId: "gid://shopify/Fulfillment/660001",
      lineItemId: `gid://shopify/LineItem/${550000 + n}`,
      productId: product(n),
      variantId: null,
      customerId: CUSTOMER,
      quantity: 1,
      fulfilledAt: shipped,
      deliveredAt: new Date(now.getTime() - 5 * DAY),
      estimatedDeliveryAt: null,
      locationId: "gid://shopify/Location/1",
      sourceUpdatedAt: shipped,
    });
    await recordDeliveryFacts(prisma, [fact(1), fact(2), fact(3), fact(4)]);
    await writeShopPolicyOverride(prisma, TEST_SHOP, { arrivalWindowDays: 10 });
    await writeProductOverride(prisma, TEST_SHOP, { productId: product(2), arrivalWindowDays: 2 }, "Lamp");
    await writeProductOverride(prisma, TEST_SHOP, { productId: product(3), warrantyMonths: 0 }, "Bottle");

    // WHEN the shopper's order page asks which claims are open
    const options = await claimOptions(
      counted.db,
      graphql,
      { shop: TEST_SHOP, customerId: CUSTOMER, orderId: ORDER },
      now,
    );

    // THEN every line was evaluated with the shop policy and its own override...
    expect(options.items.map((i) => [i.lineItemId, i.arrival.open, i.warranty.open])).toEqual([
      ["gid://shopify/LineItem/550001", true, true],
      ["gid://shopify/LineItem/550002", false, true],
      ["gid://shopify/LineItem/550003", true, false],
      ["gid://shopify/LineItem/550004", true, true],
    ]);
    // ...read once each, whatever the number of lines and claim types
    expect(counted.statements.filter((s) => s.endsWith(" ShopPolicy"))).toEqual(["SELECT ShopPolicy"]);
    expect(counted.statements.filter((s) => s.endsWith(" ProductOverride"))).toEqual(["SELECT ProductOverride"]);
    expect(counted.statements).toEqual([
      "SELECT ClaimItem",
      "SELECT DeliveryFact",
      "SELECT FulfillmentDelivery",
      "SELECT ShopPolicy",
      "SELECT ProductOverride",
    ]);
  });
});
