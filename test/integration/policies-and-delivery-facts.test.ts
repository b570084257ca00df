import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import {
  deleteProductOverride,
  listProductOverrides,
  productOverridesFor,
  readShopPolicyOverride,
  writeProductOverride,
  writeShopPolicyOverride,
} from "../../app/db/policies.server";
import { deliveryFactsForOrder, recordDeliveryFacts, type DeliveryFactInput } from "../../app/db/delivery-facts.server";

const SHOP = "test-shop.myshopify.com";

describe("the policy repository", () => {
  it("starts from the defaults (no override) and keeps the fields the merchant changed", async () => {
    expect(await readShopPolicyOverride(prisma, SHOP)).toEqual({});
    await writeShopPolicyOverride(prisma, SHOP, { warrantyMonths: 24, exclusionHandling: "deny" });
    await writeShopPolicyOverride(prisma, SHOP, { warrantyMonths: 18 });
    expect(await readShopPolicyOverride(prisma, SHOP)).toEqual({ warrantyMonths: 18 });
  });

  it("rejects an override the domain rejects, and stores nothing", async () => {
    await expect(writeShopPolicyOverride(prisma, SHOP, { warrantyMonths: -1 })).rejects.toThrow();
    expect(await prisma.shopPolicy.count()).toBe(0);
  });

  it("keeps one override per product, per shop", async () => {
    const battery = {
      productId: "gid://shopify/Product/2",
      components: [{ name: "Battery", chargeIfMissing: { amount: "39.00", currencyCode: "EUR" } }],
    };
    await writeProductOverride(prisma, SHOP, { productId: "gid://shopify/Product/1", warrantyMonths: 24 }, "Drone");
    await writeProductOverride(prisma, SHOP, battery, "Action camera");
    await writeProductOverride(prisma, SHOP, { productId: "gid://shopify/Product/1", warrantyMonths: 36 }, "Drone");
    await writeProductOverride(
      prisma,
      "other.myshopify.com",
      { productId: "gid://shopify/Product/1", warrantyMonths: 1 },
      null,
    );

    expect((await listProductOverrides(prisma, SHOP)).map((o) => [o.productTitle, o.override])).toEqual([
      ["Action camera", battery],
      ["Drone", { productId: "gid://shopify/Product/1", warrantyMonths: 36 }],
    ]);
    expect(await productOverridesFor(prisma, SHOP, ["gid://shopify/Product/2"])).toEqual([battery]);
    expect(await deleteProductOverride(prisma, SHOP, "gid://shopify/Product/2")).toBe(true);
    expect(await deleteProductOverride(prisma, SHOP, "gid://shopify/Product/2")).toBe(false);
  });
});

describe("delivery facts", () => {
  const fact = (overrides: Partial<DeliveryFactInput> = {}): DeliveryFactInput => ({
    shop: SHOP,
    orderId: "gid://shopify/Order/1",
    fulfillmentId: "gid://shopify/Fulfillment/1",
    lineItemId: "gid://shopify/LineItem/1",
    productId: "gid://shopify/Product/1",
    variantId: null,
    customerId: "gid://shopify/Customer/7",
    quantity: 2,
    fulfilledAt: new Date("2026-02-27T09:00:00Z"),
    deliveredAt: null,
    estimatedDeliveryAt: new Date("2026-03-02T00:00:00Z"),
    locationId: "gid://shopify/Location/1",
    sourceUpdatedAt: new Date("2026-02-27T09:00:00Z"),
    ...overrides,
  });
  const stored = async () => (await deliveryFactsForOrder(prisma, SHOP, "gid://shopify/Order/1"))[0];

  it("records a fulfilled line and applies a later delivery", async () => {
    await recordDeliveryFacts(prisma, [fact()]);
    await recordDeliveryFacts(prisma, [
      fact({ deliveredAt: new Date("2026-03-01T15:00:00Z"), sourceUpdatedAt: new Date("2026-03-01T15:00:00Z") }),
    ]);
    expect(await stored()).toMatchObject({ deliveredAt: new Date("2026-03-01T15:00:00Z"), quantity: 2 });
  });

  it("tolerates out-of-order webhooks: an older fact does not undo a newer one but may add the delivery date", async () => {
    // GIVEN the newer update (location moved) arrived first
    await recordDeliveryFacts(prisma, [
      fact({ locationId: "gid://shopify/Location/2", sourceUpdatedAt: new Date("2026-03-01T16:00:00Z") }),
    ]);
    // WHEN an older one arrives with the delivery date
    await recordDeliveryFacts(prisma, [
      fact({ deliveredAt: new Date("2026-03-01T15:00:00Z"), sourceUpdatedAt: new Date("2026-03-01T15:00:00Z") }),
    ]);
    // THEN the newer location stays and the delivery date is learned
    expect(await stored()).toMatchObject({
      locationId: "gid://shopify/Location/2",
      deliveredAt: new Date("2026-03-01T15:00:00Z"),
    });
  });

  it("is idempotent: the same fact twice, even at once, is one record", async () => {
    await Promise.all([recordDeliveryFacts(prisma, [fact()]), recordDeliveryFacts(prisma, [fact()])]);
    await recordDeliveryFacts(prisma, [fact()]);
    expect(await prisma.deliveryFact.count()).toBe(1);
  });
});
