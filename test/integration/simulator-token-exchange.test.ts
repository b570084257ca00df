import { describe, expect, it } from "vitest";
import { loader as settingsLoader } from "../../app/routes/app.settings";
import { adminRequests, simulator } from "../simulator/network-edge";
import { adminDataRequest, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The library's real token-exchange path against the store simulator: no stored session, so
// authenticate.admin exchanges the admin's session token at the simulator's token endpoint,
// stores the offline session, and the loader reads the Admin API with the new token.

describe("token exchange through the network edge", () => {
  it("exchanges the session token, stores the offline session and calls the Admin API with the new token", async () => {
    const { sessionStorage } = await import("../../app/shopify.server");
    expect(await sessionStorage.findSessionsByShop(TEST_SHOP)).toEqual([]);

    const data = await settingsLoader(routeArgs(await adminDataRequest("/app/settings")));

    expect(data).toMatchObject({
      shop: { myshopifyDomain: TEST_SHOP, ianaTimezone: "Europe/Berlin", currencyCode: "EUR" },
    });
    expect(simulator.tokenRequests).toEqual([
      {
        shop: TEST_SHOP,
        grantType: "urn:ietf:params:oauth:grant-type:token-exchange",
        requestedTokenType: "urn:shopify:params:oauth:token-type:offline-access-token",
        status: 200,
      },
    ]);
    const [session] = await sessionStorage.findSessionsByShop(TEST_SHOP);
    const [grant] = simulator.grants(TEST_SHOP);
    expect(session).toMatchObject({
      isOnline: false,
      accessToken: grant?.accessToken,
      refreshToken: grant?.refreshToken,
    });
    expect(session?.expires?.getTime()).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
    expect(adminRequests).toEqual([
      { shop: TEST_SHOP, operationName: "WarrantyDeskShopProfile", accessToken: grant?.accessToken },
    ]);
  });

  it("stores nothing when the session token is forged (the exchange is never reached)", async () => {
    const { sessionStorage } = await import("../../app/shopify.server");
    const forged = new Request("https://my-test-app.myshopify.io/app/settings", {
      headers: { Authorization: "Bearer forged.token.value" },
    });
    await expect(settingsLoader(routeArgs(forged))).rejects.toMatchObject({ status: 401 });
    expect(simulator.tokenRequests).toEqual([]);
    expect(await sessionStorage.findSessionsByShop(TEST_SHOP)).toEqual([]);
  });
});
