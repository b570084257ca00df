import { beforeEach, describe, expect, it } from "vitest";
import { API_KEY, API_SECRET_KEY, getJwt, TEST_SHOP_NAME } from "@shopify/shopify-api/test-helpers";
import { loader as claimOptionsLoader, action as claimOptionsAction } from "../../app/routes/api.claim-options";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The customer-account extension's backend: authenticated by the shopper's session token (signed
// by Shopify with the app's secret; `sub` is the customer), answering with CORS headers.

let manifest: DemoManifest;
beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 3 });
  await installTestShop();
});

async function shopperRequest(path: string, customerId: string | undefined, init: RequestInit = {}) {
  const { token } = await getJwt(
    TEST_SHOP_NAME,
    API_KEY,
    API_SECRET_KEY,
    customerId ? { sub: customerId } : { sub: "" },
  );
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  headers.set("Origin", "https://extensions.shopifycdn.com");
  return new Request(`https://my-test-app.myshopify.io${path}`, { ...init, headers });
}

function orderOf(scenario: string) {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === scenario);
    if (order) return { customer, order };
  }
  throw new Error(scenario);
}

describe("GET /api/claim-options", () => {
  it("tells the shopper, per item, until when damage or a warranty problem can be reported", async () => {
    const { customer, order } = orderOf("delivered-2-days-ago");
    const request = await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, customer.id);
    const response = await claimOptionsLoader(routeArgs(request));
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await response.json();
    expect(body.orderName).toBe(order.name);
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item).toMatchObject({ claimableQuantity: 1, arrival: { open: true }, warranty: { open: true } });
    // The arrival window closes at the end of a calendar day in the shop's timezone (Berlin).
    expect(new Date(item.arrival.windowEndsAt).toLocaleTimeString("en-GB", { timeZone: "Europe/Berlin" })).toBe(
      "23:59:59",
    );
    expect(Date.parse(item.warranty.windowEndsAt)).toBeGreaterThan(Date.parse(item.arrival.windowEndsAt));
  });

  it("shows an arrival window that closed, with the warranty still open", async () => {
    const { customer, order } = orderOf("delivered-4-days-ago");
    const response = await claimOptionsLoader(
      routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, customer.id)),
    );
    const [item] = (await response.json()).items;
    expect(item.arrival).toMatchObject({ open: false, reasons: ["window_expired"] });
    expect(item.warranty.open).toBe(true);
  });

  it("does not show another customer's order", async () => {
    const { order } = orderOf("delivered-2-days-ago");
    const stranger = manifest.customers.find((c) => !c.orders.some((o) => o.id === order.id))!;
    const response = await claimOptionsLoader(
      routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, stranger.id)),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("order.not_found");
  });

  it("asks a shopper who is not logged in to log in", async () => {
    const { order } = orderOf("delivered-2-days-ago");
    const response = await claimOptionsLoader(
      routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, undefined)),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("customer.not_logged_in");
  });

  it("answers 400 to a malformed order id and 401 without a session token", async () => {
    const { customer } = orderOf("delivered-2-days-ago");
    const bad = await claimOptionsLoader(routeArgs(await shopperRequest("/api/claim-options?orderId=42", customer.id)));
    expect(bad.status).toBe(400);
    const anonymous = await claimOptionsLoader(
      routeArgs(new Request("https://my-test-app.myshopify.io/api/claim-options?orderId=1")),
    ).catch((thrown: unknown) => thrown as Response);
    expect(anonymous.status).toBe(401);
  });

  it("answers the CORS preflight", async () => {
    const preflight = new Request("https://my-test-app.myshopify.io/api/claim-options", {
      method: "OPTIONS",
      headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "GET" },
    });
    const response = await claimOptionsAction(routeArgs(preflight)).catch((thrown: unknown) => thrown as Response);
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});
