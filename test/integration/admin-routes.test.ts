import { describe, expect, it } from "vitest";
import { loader as appLoader } from "../../app/routes/app";
import { loader as claimsLoader } from "../../app/routes/app._index";
import { loader as settingsLoader } from "../../app/routes/app.settings";
import { loader as productsLoader } from "../../app/routes/app.products";
import { loader as healthLoader } from "../../app/routes/healthz";
import { loader as indexLoader } from "../../app/routes/_index/route";
import { adminRequests, storeFor } from "../simulator/network-edge";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

const settle = async (promise: Promise<unknown>): Promise<Response | unknown> => {
  try {
    return await promise;
  } catch (thrown) {
    return thrown;
  }
};

describe("the embedded admin authenticates with Shopify's session token", () => {
  it("serves the app layout to the admin's document request and hands App Bridge the API key", async () => {
    await installTestShop();
    expect(await appLoader(routeArgs(await adminDocumentRequest("/app")))).toEqual({
      apiKey: process.env.SHOPIFY_API_KEY,
      appBridgeUrl: null,
    });
  });

  it.each([
    ["/app", claimsLoader],
    ["/app/products", productsLoader],
  ])("%s loads for an authenticated data request", async (path, loader) => {
    await installTestShop();
    expect(await loader(routeArgs(await adminDataRequest(path)))).toBeNull();
  });

  it("refuses a data request without a session token (401)", async () => {
    const thrown = await settle(
      claimsLoader(
        routeArgs(
          new Request("https://my-test-app.myshopify.io/app", {
            headers: { Authorization: "Bearer forged.token.value" },
          }),
        ),
      ),
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(401);
  });

  it("sends a document request without Shopify's parameters to the login page", async () => {
    const thrown = await settle(appLoader(routeArgs(new Request("https://my-test-app.myshopify.io/app"))));
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe("/auth/login");
  });
});

describe("settings", () => {
  it("shows the shop's timezone and currency, read from the Admin API with the offline token", async () => {
    // GIVEN an installed shop whose store is in New York and sells in US dollars
    const session = await installTestShop();
    Object.assign(storeFor(TEST_SHOP).shop, { ianaTimezone: "America/New_York", currencyCode: "USD" });
    // WHEN the settings page loads
    const data = await settingsLoader(routeArgs(await adminDataRequest("/app/settings")));
    // THEN it carries what Shopify said, asked once with the shop's access token
    expect(data).toEqual({
      shop: {
        id: "gid://shopify/Shop/1",
        name: "Test Shop",
        myshopifyDomain: TEST_SHOP,
        ianaTimezone: "America/New_York",
        currencyCode: "USD",
      },
    });
    expect(adminRequests).toEqual([
      { shop: TEST_SHOP, operationName: "WarrantyDeskShopProfile", accessToken: session.accessToken },
    ]);
  });
});

describe("public routes", () => {
  it("/healthz answers 200 when the database answers", async () => {
    const response = await healthLoader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("the front page sends a request from the admin (?shop=) into the embedded app", async () => {
    const thrown = await settle(
      indexLoader(routeArgs(new Request(`https://my-test-app.myshopify.io/?shop=${TEST_SHOP}&host=abc`))),
    );
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe(`/app?shop=${TEST_SHOP}&host=abc`);
  });
});
