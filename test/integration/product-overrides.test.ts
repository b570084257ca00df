import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { productOverridesFor } from "../../app/db/policies.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { removeProductOverride, saveProductOverride } from "../../app/services/product-overrides.server";
import { unauthenticated } from "../../app/shopify.server";
import { SIMULATED_APP_ID } from "../simulator/resolvers/metafields";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// Per-product overrides: saved in our database (the source the engine reads) and mirrored into the
// product's app-owned metafield $app.policy_override in Shopify.

let manifest: DemoManifest;
let graphql: AdminGraphql;

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

const APP_NAMESPACE = `app--${SIMULATED_APP_ID}`;
const mirrorOf = (productId: string) =>
  simulator
    .store(TEST_SHOP)
    .metafieldsOf(productId)
    .find((m) => m.namespace === APP_NAMESPACE && m.key === "policy_override");

describe("per-product policy overrides", () => {
  it("saves the override in our database and mirrors it into the product's app metafield", async () => {
    // GIVEN the water bottle, which has no override
    const bottle = manifest.products.find((p) => p.title === "Trail Water Bottle")!;
    expect(mirrorOf(bottle.id)).toBeUndefined();
    // WHEN the merchant gives it a 24-month warranty
    const change = await saveProductOverride(
      prisma,
      graphql,
      TEST_SHOP,
      { productId: bottle.id, warrantyMonths: 24 },
      bottle.title,
    );
    // THEN the engine reads it from our database, and Shopify holds the same as JSON
    expect(change).toEqual({ mirrored: true, notice: null });
    expect(await productOverridesFor(prisma, TEST_SHOP, [bottle.id])).toEqual([
      { productId: bottle.id, warrantyMonths: 24 },
    ]);
    expect(mirrorOf(bottle.id)).toMatchObject({ type: "json", value: JSON.stringify({ warrantyMonths: 24 }) });
  });

  it("replaces an existing mirror, and empties it when the override is removed", async () => {
    const scooter = manifest.products.find((p) => p.title === "Volt X2 E-Scooter")!;
    await saveProductOverride(prisma, graphql, TEST_SHOP, { productId: scooter.id, arrivalWindowDays: 7 }, null);
    expect(JSON.parse(mirrorOf(scooter.id)!.value)).toEqual({ arrivalWindowDays: 7 });
    // WHEN the override is removed
    const change = await removeProductOverride(prisma, graphql, TEST_SHOP, scooter.id);
    // THEN it is gone from our database, and Shopify's copy says "no override"
    expect(change).toEqual({ removed: true, mirrored: true, notice: null });
    expect(await productOverridesFor(prisma, TEST_SHOP, [scooter.id])).toEqual([]);
    expect(JSON.parse(mirrorOf(scooter.id)!.value)).toEqual({});
  });

  it("keeps the merchant's change when Shopify refuses the mirror, and says so", async () => {
    // GIVEN a product Shopify does not know (deleted in the admin meanwhile)
    const productId = "gid://shopify/Product/999999";
    const change = await saveProductOverride(prisma, graphql, TEST_SHOP, { productId, warrantyMonths: 6 }, "Gone");
    // THEN our database has it (the source), and the merchant is told the mirror failed
    expect(await productOverridesFor(prisma, TEST_SHOP, [productId])).toEqual([{ productId, warrantyMonths: 6 }]);
    expect(change).toEqual({
      mirrored: false,
      notice:
        "Saved. Shopify's copy on the product (shown on the storefront) was not updated: Owner does not exist. Save again to retry.",
    });
  });
});
