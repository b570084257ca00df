import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { productOverridesFor, writeProductOverride } from "../../app/db/policies.server";
import { action as listAction, loader as listLoader } from "../../app/routes/app.products._index";
import { action as editAction, loader as editLoader } from "../../app/routes/app.products.edit";
import { loader as rulesLoader, action as rulesAction } from "../../app/routes/api.admin.product-rules.$productId";
import type { OverrideEditor } from "../../app/services/product-overrides.server";
import { SIMULATED_APP_ID } from "../simulator/resolvers/metafields";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The products page through its real loaders and actions: the list of overrides (search, pages),
// the editor for one or several products (bulk apply), removal, the 400s that name the field, and
// the admin block's route. Every change lands in our database and in the product's metafield.

const OTHER_SHOP = "other-shop.myshopify.com";
const APP_NAMESPACE = `app--${SIMULATED_APP_ID}`;
let manifest: DemoManifest;

const product = (word: string) => {
  const found = manifest.products.find((p) => p.title.includes(word));
  if (!found) throw new Error(word);
  return { ...found, number: found.id.split("/").pop()! };
};
const mirrorOf = (productId: string) => {
  const metafield = simulator
    .store(TEST_SHOP)
    .metafieldsOf(productId)
    .find((m) => m.namespace === APP_NAMESPACE && m.key === "policy_override");
  return metafield ? (JSON.parse(metafield.value) as unknown) : undefined;
};

async function settle(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (thrown) {
    return thrown;
  }
}
async function answer(result: unknown): Promise<{ status: number; body: unknown }> {
  if (result instanceof Response) return { status: result.status, body: await result.json() };
  return { status: 200, body: result };
}

const post = async (path: string, body: unknown) =>
  adminDataRequest(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const save = async (productIds: string[], override: Record<string, unknown>) =>
  answer(await editAction(routeArgs(await post("/app/products/edit", { intent: "save", productIds, override }))));
const list = async (query = "") =>
  (await listLoader(routeArgs(await adminDataRequest(`/app/products${query}`)))) as Awaited<
    ReturnType<typeof listLoader>
  >;
const editor = async (query: string) =>
  (await editLoader(routeArgs(await adminDataRequest(`/app/products/edit${query}`)))) as OverrideEditor;

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
});

describe("the products list", () => {
  it("GIVEN overrides of this shop and another WHEN the list loads THEN it shows this shop's, in words, searchable", async () => {
    const scooter = product("E-Scooter");
    const bottle = product("Water Bottle");
    await writeProductOverride(
      prisma,
      TEST_SHOP,
      {
        productId: scooter.id,
        warrantyMonths: 24,
        arrivalWindowDays: 5,
        components: [{ name: "charger", chargeIfMissing: { amount: "59.00", currencyCode: "EUR" } }],
      },
      scooter.title,
    );
    await writeProductOverride(prisma, TEST_SHOP, { productId: bottle.id, returnRequired: false }, bottle.title);
    await writeProductOverride(
      prisma,
      OTHER_SHOP,
      { productId: scooter.id, warrantyMonths: 1 },
      "Other shop's scooter",
    );

    const page = await list();
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.title, r.overrides, r.componentsCount])).toEqual(
      [
        [scooter.title, ["warranty 24 months", "report damage within 5 days", "1 part"], 1],
        [bottle.title, ["no return"], null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(page.timezone).toBe(simulator.store(TEST_SHOP).shop.ianaTimezone);

    // WHEN the merchant searches, in any case
    const searched = await list("?q=SCOOTER");
    expect(searched.rows.map((r) => r.productId)).toEqual([scooter.id]);
  });

  it("GIVEN a bad page number WHEN the list loads THEN it is a 400 naming the field", async () => {
    const { status, body } = await answer(await settle(list("?page=0")));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_request", field: "page" } });
  });

  it("GIVEN two overrides WHEN the merchant removes them from the list THEN both products follow the shop policy and Shopify's copies are emptied", async () => {
    const [scooter, lamp] = [product("E-Scooter"), product("Lamp")];
    expect((await save([scooter.id, lamp.id], { warrantyMonths: 6 })).status).toBe(200);
    const removed = await answer(
      await listAction(routeArgs(await post("/app/products", { intent: "remove", productIds: [scooter.id, lamp.id] }))),
    );
    expect(removed).toEqual({ status: 200, body: { ok: true, intent: "remove", count: 2, notice: null } });
    expect(await productOverridesFor(prisma, TEST_SHOP, [scooter.id, lamp.id])).toEqual([]);
    expect(mirrorOf(scooter.id)).toEqual({});
    expect(mirrorOf(lamp.id)).toEqual({});
  });
});

describe("the override editor", () => {
  it("GIVEN a product without an override WHEN its editor opens THEN it shows its title, no override and the shop policy with the shop's currency", async () => {
    const bottle = product("Water Bottle");
    const page = await editor(`?product=${bottle.number}`);
    expect(page.products).toEqual([{ id: bottle.id, title: bottle.title, hasOverride: false }]);
    expect(page).toMatchObject({ override: {}, mixed: false, missing: [], currencyCode: "EUR" });
    expect(page.shopPolicy.warrantyMonths).toBe(12);
  });

  it("WHEN the merchant saves a warranty for one product THEN our database and the product's metafield hold it", async () => {
    const bottle = product("Water Bottle");
    const saved = await save([bottle.id], { warrantyMonths: 36 });
    expect(saved).toEqual({ status: 200, body: { ok: true, intent: "save", count: 1, notice: null } });
    expect(await productOverridesFor(prisma, TEST_SHOP, [bottle.id])).toEqual([
      { productId: bottle.id, warrantyMonths: 36 },
    ]);
    expect(mirrorOf(bottle.id)).toEqual({ warrantyMonths: 36 });
    // AND the list names it with Shopify's title
    expect((await list()).rows).toMatchObject([{ title: bottle.title, overrides: ["warranty 36 months"] }]);
  });

  it("WHEN one override is applied to several products THEN each gets it (replacing what it had) and the editor opens them together", async () => {
    const [scooter, earbuds] = [product("E-Scooter"), product("Earbuds")];
    await save([scooter.id], { arrivalWindowDays: 5 });
    const override = {
      returnRequired: true,
      components: [{ name: "cable", chargeIfMissing: { amount: "9.90", currencyCode: "EUR" } }],
    };
    expect((await save([scooter.id, earbuds.id], override)).status).toBe(200);
    for (const p of [scooter, earbuds]) {
      expect(await productOverridesFor(prisma, TEST_SHOP, [p.id])).toEqual([{ productId: p.id, ...override }]);
      expect(mirrorOf(p.id)).toEqual(override);
    }
    const both = await editor(`?product=${scooter.number}&product=${earbuds.number}`);
    expect(both).toMatchObject({ mixed: false, override });
    expect(both.products.map((p) => p.hasOverride)).toEqual([true, true]);
  });

  it("GIVEN products with different overrides WHEN opened together THEN the editor says they differ and starts from the shop policy", async () => {
    const [scooter, lamp] = [product("E-Scooter"), product("Lamp")];
    await save([scooter.id], { warrantyMonths: 24 });
    const page = await editor(`?product=${scooter.number}&product=${lamp.number}`);
    expect(page).toMatchObject({ mixed: true, override: {} });
  });

  it("WHEN an edit keeps nothing of its own THEN the product follows the shop policy again (a removal)", async () => {
    const lamp = product("Lamp");
    await save([lamp.id], { warrantyMonths: 24 });
    expect(await save([lamp.id], {})).toEqual({
      status: 200,
      body: { ok: true, intent: "remove", count: 1, notice: null },
    });
    expect(await productOverridesFor(prisma, TEST_SHOP, [lamp.id])).toEqual([]);
    expect(mirrorOf(lamp.id)).toEqual({});
  });

  it.each([
    ["a warranty that is not a number", { warrantyMonths: "two years" }, "override.warrantyMonths"],
    ["an unknown field", { warrantyYears: 2 }, "override"],
    ["an evidence kind the engine does not know", { arrivalEvidence: ["selfie"] }, "override.arrivalEvidence.0"],
    [
      "a part's charge in another currency than the shop's",
      { components: [{ name: "cable", chargeIfMissing: { amount: "9.90", currencyCode: "USD" } }] },
      "override.components.0.chargeIfMissing.currencyCode",
    ],
    [
      "a part without a name",
      { components: [{ name: " ", chargeIfMissing: { amount: "9.90", currencyCode: "EUR" } }] },
      "override.components.0.name",
    ],
    ["a repair for damage on arrival", { arrivalResolutions: ["repair"] }, "override.arrivalResolutions.0"],
    ["no warranty resolution at all", { warrantyResolutions: [] }, "override.warrantyResolutions"],
    [
      "a payer for an unknown problem",
      { returnShippingPaidByProblem: { lost: "merchant" } },
      "override.returnShippingPaidByProblem",
    ],
  ])(
    "WHEN the merchant sends %s THEN it is a 400 naming the field and nothing is saved",
    async (_, override, field) => {
      const bottle = product("Water Bottle");
      const { status, body } = await save([bottle.id], override);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: "invalid_request", field } });
      expect(await productOverridesFor(prisma, TEST_SHOP, [bottle.id])).toEqual([]);
      expect(mirrorOf(bottle.id)).toBeUndefined();
    },
  );

  it("WHEN a product is not in the store THEN the save is a 400 naming it, and the editor leaves it out", async () => {
    const { status, body } = await save(["gid://shopify/Product/999999"], { warrantyMonths: 6 });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: { field: "productIds.0", message: expect.stringContaining("no such product") },
    });
    const page = await editor("?product=999999");
    expect(page).toMatchObject({ products: [], missing: ["gid://shopify/Product/999999"] });
  });

  it("WHEN the editor is opened without products THEN it is a 400 naming the field", async () => {
    const { status, body } = await answer(await settle(editor("")));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { field: "product" } });
  });

  it("GIVEN another shop's override of the same product WHEN this shop saves and removes its own THEN the other shop's stays", async () => {
    const scooter = product("E-Scooter");
    await writeProductOverride(prisma, OTHER_SHOP, { productId: scooter.id, warrantyMonths: 1 }, "Theirs");
    await save([scooter.id], { warrantyMonths: 48 });
    await answer(
      await listAction(routeArgs(await post("/app/products", { intent: "remove", productIds: [scooter.id] }))),
    );
    expect(await productOverridesFor(prisma, OTHER_SHOP, [scooter.id])).toEqual([
      { productId: scooter.id, warrantyMonths: 1 },
    ]);
  });
});

describe("the admin block's route on Shopify's product page", () => {
  const rules = async (productNumber: string, init?: RequestInit) =>
    answer(
      await settle(
        rulesLoader({
          ...routeArgs(await adminDataRequest(`/api/admin/product-rules/${productNumber}`, init)),
          params: { productId: productNumber },
        }),
      ),
    );

  it("GIVEN a product with an override WHEN the block asks THEN it gets the merged rules, each with its source, and where to edit them", async () => {
    const scooter = product("E-Scooter");
    await save([scooter.id], {
      warrantyMonths: 24,
      warrantyResolutions: ["replacement", "repair"],
      components: [{ name: "battery", chargeIfMissing: { amount: "189.00", currencyCode: "EUR" } }],
    });
    const { status, body } = await rules(scooter.number, {
      headers: { Origin: "https://extensions.shopifycdn.com" },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      productId: scooter.id,
      editPath: `/app/products/edit?product=${scooter.number}`,
      hasOverride: true,
      rules: [
        { label: "Warranty", value: "24 months", source: "product" },
        { label: "Report damage on arrival", value: "3 days after delivery", source: "shop" },
        {
          label: "Evidence for arrival claims",
          value: "photo or video of the problem, photo of the shipping label, photo of the packaging",
          source: "shop",
        },
        { label: "Evidence for warranty claims", value: "photo or video of the problem", source: "shop" },
        { label: "Return", value: "required", source: "shop" },
        { label: "Resolutions for arrival claims", value: "refund or replacement", source: "shop" },
        { label: "Resolutions for warranty claims", value: "replacement or repair", source: "product" },
        { label: "Replacement out of stock", value: "refunded", source: "shop" },
      ],
      components: [{ name: "battery", chargeIfMissing: { amount: "189.00", currencyCode: "EUR" } }],
      componentsSource: "product",
    });
  });

  it("answers the extension's origin with CORS headers, and a product without an override with the shop policy", async () => {
    const bottle = product("Water Bottle");
    const response = (await rulesLoader({
      ...routeArgs(
        await adminDataRequest(`/api/admin/product-rules/${bottle.number}`, {
          headers: { Origin: "https://extensions.shopifycdn.com" },
        }),
      ),
      params: { productId: bottle.number },
    })) as Response;
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toMatchObject({ hasOverride: false, componentsSource: "shop", components: [] });
  });

  it("refuses a product id that is not a number (400), a forged session token (401) and a POST (405)", async () => {
    expect(await rules("abc")).toMatchObject({ status: 400, body: { error: { field: "productId" } } });
    const unsigned = await settle(
      rulesLoader({
        ...routeArgs(
          new Request("https://my-test-app.myshopify.io/api/admin/product-rules/1", {
            headers: { Authorization: "Bearer forged.token.value" },
          }),
        ),
        params: { productId: "1" },
      }),
    );
    expect((unsigned as Response).status).toBe(401);
    const post = await settle(
      rulesAction({
        ...routeArgs(await adminDataRequest("/api/admin/product-rules/1", { method: "POST" })),
        params: { productId: "1" },
      }),
    );
    expect((post as Response).status).toBe(405);
  });
});
