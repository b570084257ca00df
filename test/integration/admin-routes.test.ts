import { describe, expect, it } from "vitest";
import { API_KEY, API_SECRET_KEY, BASE64_HOST } from "@shopify/shopify-api/test-helpers";
import { loader as appLoader } from "../../app/routes/app";
import { loader as claimsLoader } from "../../app/routes/app.claims._index";
import { loader as settingsLoader } from "../../app/routes/app.settings";
import { loader as productsLoader } from "../../app/routes/app.products";
import { loader as healthLoader } from "../../app/routes/healthz";
import { loader as indexLoader } from "../../app/routes/_index/route";
import { adminRequests, storeFor } from "../simulator/network-edge";
import { signAdminSessionToken, signCustomerAccountSessionToken } from "../demo/session-tokens";
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

  it.each([["/app/products", productsLoader]])("%s loads for an authenticated data request", async (path, loader) => {
    await installTestShop();
    expect(await loader(routeArgs(await adminDataRequest(path)))).toBeNull();
  });

  it("refuses a data request without a session token (401)", async () => {
    const thrown = await settle(
      claimsLoader(
        routeArgs(
          new Request("https://my-test-app.myshopify.io/app/claims", {
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

describe("a customer-account session token never opens the admin", () => {
  // Signed with the app's secret like the admin's, so the library alone would accept it.
  const keys = { apiKey: API_KEY, apiSecret: API_SECRET_KEY };
  const customerToken = async (destWithScheme: boolean) =>
    (await signCustomerAccountSessionToken(keys, TEST_SHOP, "gid://shopify/Customer/1001", { destWithScheme })).token;
  const documentRequest = (path: string, token: string) =>
    new Request(
      `https://my-test-app.myshopify.io${path}?${new URLSearchParams({ embedded: "1", shop: TEST_SHOP, host: BASE64_HOST, id_token: token })}`,
    );
  const dataRequest = (path: string, token: string) =>
    new Request(`https://my-test-app.myshopify.io${path}`, { headers: { Authorization: `Bearer ${token}` } });

  async function expectRefused(outcome: unknown) {
    expect(outcome).toBeInstanceOf(Response);
    const response = outcome as Response;
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: "wrong_session_token",
        message: "This address accepts only the Shopify admin's session token. Open the app from the Shopify admin.",
      },
    });
    // ...and nothing was asked of Shopify on the shop's behalf.
    expect(adminRequests).toEqual([]);
  }

  it.each([
    ["as Shopify documents it (dest without https://)", false],
    ["with dest as a URL", true],
  ])("is refused (401) on a data request, %s", async (_shape, destWithScheme) => {
    // GIVEN an installed shop and a shopper's token for it
    await installTestShop();
    // WHEN the token is sent to an admin page that reads the shop from Shopify
    const outcome = await settle(
      settingsLoader(routeArgs(dataRequest("/app/settings", await customerToken(destWithScheme)))),
    );
    // THEN 401, and no data
    await expectRefused(outcome);
  });

  it.each([
    ["as Shopify documents it (dest without https://)", false],
    ["with dest as a URL", true],
  ])("is refused (401) on the admin's document request, %s", async (_shape, destWithScheme) => {
    await installTestShop();
    const outcome = await settle(appLoader(routeArgs(documentRequest("/app", await customerToken(destWithScheme)))));
    await expectRefused(outcome);
  });

  it("leaves the admin's own token working (the demo's, as Shopify shapes it)", async () => {
    // GIVEN an installed shop and an admin session token of a staff user
    const session = await installTestShop();
    const { token } = await signAdminSessionToken(keys, TEST_SHOP, "42");
    // WHEN it loads the settings (data) and the layout (document)
    const data = await settingsLoader(routeArgs(dataRequest("/app/settings", token)));
    const layout = await appLoader(routeArgs(documentRequest("/app", token)));
    // THEN both load, and the Admin API was called with the shop's offline token
    expect(data.shop.myshopifyDomain).toBe(TEST_SHOP);
    expect(layout).toEqual({ apiKey: process.env.SHOPIFY_API_KEY, appBridgeUrl: null });
    expect(adminRequests).toEqual([
      { shop: TEST_SHOP, operationName: "WarrantyDeskShopProfile", accessToken: session.accessToken },
    ]);
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
    expect(data.shop).toEqual({
      id: "gid://shopify/Shop/1",
      name: "Test Shop",
      myshopifyDomain: TEST_SHOP,
      ianaTimezone: "America/New_York",
      currencyCode: "USD",
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
