import { beforeEach, describe, expect, it } from "vitest";
import { API_KEY, API_SECRET_KEY, getJwt, TEST_SHOP_NAME } from "@shopify/shopify-api/test-helpers";
import { loader as claimOptionsLoader, action as claimOptionsAction } from "../../app/routes/api.claim-options";
import { handleCustomerAccountRequest } from "../../app/services/customer-account-auth.server";
import { BODY_LIMITS } from "../../app/utils/request-limits.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { adminRequests, simulator } from "../simulator/network-edge";
import { shopperRequest } from "../support/customer-account-requests";
import { installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The customer-account extension's backend: authenticated by the shopper's session token (signed
// by Shopify with the app's secret; `sub` is the customer), answering with CORS headers, errors
// included, so that the extension can read them.

let manifest: DemoManifest;
beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 3 });
  await installTestShop();
});

const settle = <T>(promise: Promise<T>) => promise.catch((thrown: unknown) => thrown as Response);

function expectCors(response: Response) {
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(response.headers.get("Access-Control-Allow-Headers")).toBe("Authorization, Content-Type");
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
    // AND what the shopper may ask for, from the policy's rules: both types are open, so the one
    // list of the form offers what both accept; a repair only under the warranty
    expect([body.resolutions, body.resolutionsByType]).toEqual([
      ["refund", "replacement"],
      { arrival: ["refund", "replacement"], warranty: ["refund", "replacement", "repair"] },
    ]);
  });

  it("shows an arrival window that closed, with the warranty still open", async () => {
    const { customer, order } = orderOf("delivered-4-days-ago");
    const response = await claimOptionsLoader(
      routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, customer.id)),
    );
    const body = await response.json();
    const [item] = body.items;
    expect(item.arrival).toMatchObject({ open: false, reasons: ["window_expired"] });
    expect(item.warranty.open).toBe(true);
    // AND only a warranty claim can be filed, so a repair may be asked for
    expect(body.resolutions).toEqual(["refund", "replacement", "repair"]);
  });

  it("marks windows that count from an estimated delivery date, and only those", async () => {
    // GIVEN an order Shopify knows only an estimated delivery for, and one delivered
    const estimated = orderOf("estimated-delivery-only");
    const delivered = orderOf("delivered-2-days-ago");
    const optionsOf = async ({ customer, order }: ReturnType<typeof orderOf>) =>
      (
        await (
          await claimOptionsLoader(
            routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, customer.id)),
          )
        ).json()
      ).items[0];
    // WHEN the shopper asks what can be claimed
    const [guessed, known] = [await optionsOf(estimated), await optionsOf(delivered)];
    // THEN both windows of the first say so, none of the second
    expect([guessed.arrival.deliveryDateEstimated, guessed.warranty.deliveryDateEstimated]).toEqual([true, true]);
    expect([known.arrival.deliveryDateEstimated, known.warranty.deliveryDateEstimated]).toEqual([false, false]);
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
      routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, null)),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("customer.not_logged_in");
  });

  it("answers 400 to a malformed order id", async () => {
    const { customer } = orderOf("delivered-2-days-ago");
    const bad = await claimOptionsLoader(routeArgs(await shopperRequest("/api/claim-options?orderId=42", customer.id)));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_request");
    expectCors(bad);
  });

  it("answers the CORS preflight", async () => {
    const preflight = new Request("https://my-test-app.myshopify.io/api/claim-options", {
      method: "OPTIONS",
      headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "GET" },
    });
    const response = await settle(claimOptionsAction(routeArgs(preflight)));
    expect(response.status).toBe(204);
    expectCors(response);
  });
});

describe("/api/* errors the extension can read (JSON with CORS)", () => {
  const path = "/api/claim-options?orderId=gid%3A%2F%2Fshopify%2FOrder%2F1";

  it.each([
    ["without a session token", {}],
    ["with a token that is not a JWT", { Authorization: "Bearer forged.token.value" }],
  ])("answers 401 %s", async (_case, headers) => {
    // GIVEN a request from the extension's origin that proves nobody
    const request = new Request(`https://my-test-app.myshopify.io${path}`, {
      headers: { Origin: "https://extensions.shopifycdn.com", ...headers },
    });
    // WHEN it asks for claim options
    const response = await settle(claimOptionsLoader(routeArgs(request)));
    // THEN the answer says so in JSON, readable across origins
    expect(response.status).toBe(401);
    expectCors(response);
    expect(await response.json()).toEqual({
      error: {
        code: "session_token_invalid",
        message: "We could not confirm who you are: your session may have expired. Reload the page and try again.",
      },
    });
  });

  it("answers 401 to a token signed with another secret", async () => {
    const { customer } = orderOf("delivered-2-days-ago");
    const request = await shopperRequest(path, customer.id, {}, { apiSecret: "not-the-app-secret" });
    const response = await settle(claimOptionsLoader(routeArgs(request)));
    expect(response.status).toBe(401);
    expectCors(response);
    expect((await response.json()).error.code).toBe("session_token_invalid");
  });

  it("refuses a staff user's admin session token (401): its sub is a user id, not a customer", async () => {
    const { token } = await getJwt(TEST_SHOP_NAME, API_KEY, API_SECRET_KEY);
    const request = new Request(`https://my-test-app.myshopify.io${path}`, {
      headers: { Authorization: `Bearer ${token}`, Origin: "https://extensions.shopifycdn.com" },
    });
    const response = await settle(claimOptionsLoader(routeArgs(request)));
    expect(response.status).toBe(401);
    expectCors(response);
    expect((await response.json()).error.code).toBe("wrong_session_token");
  });

  it("tells the shopper the claim service is unavailable when the shop has no session (uninstalled)", async () => {
    // GIVEN a valid customer token for a shop whose offline session is gone
    const { customer, order } = orderOf("delivered-2-days-ago");
    const { sessionStorage } = await import("../../app/shopify.server");
    await sessionStorage.deleteSessions((await sessionStorage.findSessionsByShop(TEST_SHOP)).map((s) => s.id));
    // WHEN the extension asks for the order's claim options
    const response = await settle(
      claimOptionsLoader(
        routeArgs(await shopperRequest(`/api/claim-options?orderId=${encodeURIComponent(order.id)}`, customer.id)),
      ),
    );
    // THEN a clear 503 the extension can read, and Shopify was never called
    expect(response.status).toBe(503);
    expectCors(response);
    expect(await response.json()).toEqual({
      error: {
        code: "shop_not_installed",
        message:
          "This store's claim service is not available right now. Please contact the store for help with your order.",
      },
    });
    expect(adminRequests).toEqual([]);
  });
});

describe("/api/* request bodies are bounded (BODY_LIMITS.api) before they are read", () => {
  const path = "/api/claim-options";

  it("answers 413 with CORS to a declared body over the limit, without reading it", async () => {
    // GIVEN a POST that declares one byte more than the limit, with a body that cannot be read
    const { customer } = orderOf("delivered-2-days-ago");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled += 1;
          throw new Error("the body was read");
        },
      },
      { highWaterMark: 0 },
    );
    const request = await shopperRequest(path, customer.id, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", "Content-Length": String(BODY_LIMITS.api + 1) },
      duplex: "half",
    });
    // WHEN it reaches the route
    const response = await settle(claimOptionsAction(routeArgs(request)));
    // THEN 413, in JSON with CORS, and the body was never pulled
    expect(response.status).toBe(413);
    expectCors(response);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(pulled).toBe(0);
  });

  it("answers 413 with CORS to a streamed body that grows past the limit", async () => {
    const { customer } = orderOf("delivered-2-days-ago");
    const chunk = new Uint8Array(64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > 4 * BODY_LIMITS.api) controller.close();
      },
    });
    const request = await shopperRequest(path, customer.id, { method: "POST", body, duplex: "half" });
    const response = await settle(claimOptionsAction(routeArgs(request)));
    expect(response.status).toBe(413);
    expectCors(response);
    expect(sent).toBeLessThan(4 * BODY_LIMITS.api);
  });

  it("reads a body within the limit and answers the route's own 405, in the shopper's language", async () => {
    const { customer } = orderOf("delivered-2-days-ago");
    const request = await shopperRequest(path, customer.id, {
      method: "POST",
      body: JSON.stringify({ hello: "world" }),
      headers: { "Content-Type": "application/json", "Accept-Language": "fr-FR,fr;q=0.9" },
    });
    const response = await settle(claimOptionsAction(routeArgs(request)));
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, OPTIONS");
    expectCors(response);
    expect(await response.json()).toEqual({
      error: { code: "method_not_allowed", message: "Cette adresse ne répond pas à ce type de demande." },
    });
  });

  it("streams an upload-family body to the handler and fails it with 413 past BODY_LIMITS.upload", async () => {
    // GIVEN a chunked upload that would grow to twice the upload limit
    const { customer } = orderOf("delivered-2-days-ago");
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent >= 2 * BODY_LIMITS.upload) controller.close();
      },
    });
    const request = await shopperRequest("/api/uploads", customer.id, { method: "POST", body, duplex: "half" });
    // WHEN a route of the upload family reads it chunk by chunk
    let received = 0;
    const response = await handleCustomerAccountRequest(request, { body: "upload" }, async ({ request: bounded }) => {
      const reader = bounded.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
      }
      return Response.json({ received });
    });
    // THEN the reading stops at the limit with the 413, in JSON with CORS
    expect(response.status).toBe(413);
    expectCors(response);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(received).toBeLessThanOrEqual(BODY_LIMITS.upload);
    expect(sent).toBeLessThan(2 * BODY_LIMITS.upload);
  });
});
