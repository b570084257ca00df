import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as appUninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../../app/routes/webhooks.app.scopes_update";
import { action as customersDataRequest } from "../../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as shopRedact } from "../../app/routes/webhooks.shop.redact";
import { installTestShop, routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

const statusOf = async (promise: Promise<Response>) => {
  try {
    return (await promise).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
};

const routes = [
  ["webhooks/app/uninstalled", "app/uninstalled", appUninstalled, { id: 1 }],
  ["webhooks/app/scopes_update", "app/scopes_update", scopesUpdate, { current: ["read_orders"], previous: [] }],
  [
    "webhooks/customers/data_request",
    "customers/data_request",
    customersDataRequest,
    { shop_domain: TEST_SHOP, customer: { id: 7 }, orders_requested: [1], data_request: { id: 9 } },
  ],
  [
    "webhooks/customers/redact",
    "customers/redact",
    customersRedact,
    { shop_domain: TEST_SHOP, customer: { id: 7 }, orders_to_redact: [1] },
  ],
  ["webhooks/shop/redact", "shop/redact", shopRedact, { shop_id: 1, shop_domain: TEST_SHOP }],
] as const;

describe("webhook routes verify Shopify's HMAC", () => {
  it.each(routes)("%s answers 401 to a forged delivery and does nothing", async (path, topic, action, payload) => {
    // GIVEN an installed shop
    await installTestShop();
    // WHEN a delivery signed with the wrong secret arrives
    const forged = await webhookRequest(`/${path}`, topic, payload, { apiSecretKey: "not-the-app-secret" });
    // THEN it is rejected and nothing changes
    expect(await statusOf(action(routeArgs(forged)))).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it.each(routes)("%s answers 200 to a genuine delivery and records it once", async (path, topic, action, payload) => {
    const webhookId = `wh-${topic}`;
    const first = await webhookRequest(`/${path}`, topic, payload, { webhookId });
    expect(await statusOf(action(routeArgs(first)))).toBe(200);
    // A duplicate delivery (same webhook id) is acknowledged without doing the work twice.
    const again = await webhookRequest(`/${path}`, topic, payload, { webhookId });
    expect(await statusOf(action(routeArgs(again)))).toBe(200);
    expect(await prisma.webhookDelivery.findMany({ select: { webhookId: true } })).toEqual([{ webhookId }]);
  });
});

describe("app/uninstalled", () => {
  it("removes the shop's sessions", async () => {
    await installTestShop();
    await installTestShop("other-shop.myshopify.com");
    const request = await webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", { id: 1 });
    await appUninstalled(routeArgs(request));
    expect(await prisma.session.findMany({ select: { shop: true } })).toEqual([{ shop: "other-shop.myshopify.com" }]);
  });
});

describe("app/scopes_update", () => {
  it("stores the scopes the merchant granted on the shop's sessions", async () => {
    await installTestShop();
    const request = await webhookRequest("/webhooks/app/scopes_update", "app/scopes_update", {
      current: ["read_orders", "write_returns"],
      previous: ["read_orders"],
    });
    await scopesUpdate(routeArgs(request));
    const session = await prisma.session.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(session.scope).toBe("read_orders,write_returns");
  });

  it("rejects a payload without the current scopes and records nothing, so Shopify retries", async () => {
    await installTestShop();
    const request = await webhookRequest("/webhooks/app/scopes_update", "app/scopes_update", { previous: [] });
    await expect(scopesUpdate(routeArgs(request))).rejects.toThrow(/current/);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });
});

describe("compliance webhooks", () => {
  it("records a customer data request with the customer and orders it names", async () => {
    const request = await webhookRequest("/webhooks/customers/data_request", "customers/data_request", {
      shop_domain: TEST_SHOP,
      customer: { id: 191167 },
      orders_requested: [299938, 280263],
      data_request: { id: 9999 },
    });
    await customersDataRequest(routeArgs(request));
    const recorded = await prisma.complianceRequest.findFirstOrThrow();
    expect(recorded).toMatchObject({
      shop: TEST_SHOP,
      topic: "customers/data_request",
      customerId: "191167",
      ordersJson: '["299938","280263"]',
    });
    expect(recorded.completedAt).toBeInstanceOf(Date);
  });

  it("shop/redact deletes the shop's sessions and webhook records and keeps the request's record", async () => {
    await installTestShop();
    await appUninstalled(
      routeArgs(await webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", {}, { webhookId: "u1" })),
    );
    await installTestShop();
    const request = await webhookRequest(
      "/webhooks/shop/redact",
      "shop/redact",
      { shop_id: 1, shop_domain: TEST_SHOP },
      { webhookId: "r1" },
    );
    await shopRedact(routeArgs(request));
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.webhookDelivery.findMany({ select: { webhookId: true } })).toEqual([{ webhookId: "r1" }]);
    expect(await prisma.complianceRequest.findFirstOrThrow()).toMatchObject({
      topic: "shop/redact",
      resultSummary: expect.stringContaining("1 sessions, 1 webhookRecords"),
    });
  });
});
