import { afterEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import { submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import { action as appUninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../../app/routes/webhooks.app.scopes_update";
import { action as customersDataRequest } from "../../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as fulfillmentEventCreated } from "../../app/routes/webhooks.fulfillment_events.create";
import { action as fulfillmentCreated } from "../../app/routes/webhooks.fulfillments.create";
import { action as fulfillmentUpdated } from "../../app/routes/webhooks.fulfillments.update";
import { action as orderFulfilled } from "../../app/routes/webhooks.orders.fulfilled";
import { action as shopRedact } from "../../app/routes/webhooks.shop.redact";
import { logger } from "../../app/utils/logger.server";
import { BODY_LIMITS } from "../../app/utils/request-limits.server";
import { installTestShop, routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

const OTHER_SHOP = "other-shop.myshopify.com";
const MiB = 1024 * 1024;

/** The answer's status, whether the action returned or threw its Response. Other errors fail the test. */
const statusOf = async (promise: Promise<Response>) => {
  try {
    return (await promise).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
};
const answerOf = async (promise: Promise<Response>): Promise<Response> => {
  try {
    return await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

// Shopify's payloads for each topic (trimmed, plus fields we ignore).
const shopResource = (shop = TEST_SHOP) => ({
  id: 548380009,
  name: "Drone Shop",
  email: "owner@example.com",
  domain: "shop.example.com",
  myshopify_domain: shop,
  plan_name: "basic",
});
const fulfillment = (overrides: Record<string, unknown> = {}) => ({
  id: 5001,
  order_id: 450789469,
  status: "success",
  created_at: "2026-02-27T09:00:00+01:00",
  updated_at: "2026-02-27T09:00:00+01:00",
  shipment_status: null,
  location_id: 24826418,
  line_items: [{ id: 466157049, product_id: 632910392, variant_id: 39072856, quantity: 2 }],
  ...overrides,
});
const dataRequest = (shop = TEST_SHOP) => ({
  shop_id: 548380009,
  shop_domain: shop,
  customer: { id: 191167, email: "jane@example.com", phone: "555-625-1199" },
  orders_requested: [299938, 280263],
  data_request: { id: 9999 },
});

type Action = (args: ReturnType<typeof routeArgs>) => Promise<Response>;
interface WebhookRoute {
  topic: string;
  action: Action;
  genuine: unknown;
  /** Valid JSON that is not this topic's payload (a required field missing or of the wrong type). */
  wrongShape: unknown;
}

const ROUTES: WebhookRoute[] = [
  {
    topic: "app/uninstalled",
    action: appUninstalled,
    genuine: shopResource(),
    wrongShape: { id: 548380009, name: "Drone Shop" },
  },
  {
    topic: "app/scopes_update",
    action: scopesUpdate,
    genuine: { id: 1, shop_id: 548380009, current: ["read_orders"], previous: [], updated_at: "2026-10-01T00:00:00Z" },
    wrongShape: { id: 1, previous: ["read_orders"] },
  },
  {
    topic: "customers/data_request",
    action: customersDataRequest,
    genuine: dataRequest(),
    wrongShape: { shop_domain: TEST_SHOP, orders_requested: [1] },
  },
  {
    topic: "customers/redact",
    action: customersRedact,
    genuine: { shop_id: 548380009, shop_domain: TEST_SHOP, customer: { id: 191167 }, orders_to_redact: [299938] },
    wrongShape: { shop_domain: TEST_SHOP, customer: { id: { nested: true } } },
  },
  {
    topic: "shop/redact",
    action: shopRedact,
    genuine: { shop_id: 548380009, shop_domain: TEST_SHOP },
    wrongShape: { shop_id: 548380009 },
  },
  {
    topic: "fulfillments/create",
    action: fulfillmentCreated,
    genuine: fulfillment(),
    wrongShape: fulfillment({ line_items: "none" }),
  },
  {
    topic: "fulfillments/update",
    action: fulfillmentUpdated,
    genuine: fulfillment(),
    wrongShape: fulfillment({ updated_at: "yesterday" }),
  },
  {
    topic: "fulfillment_events/create",
    action: fulfillmentEventCreated,
    genuine: {
      id: 944956395,
      fulfillment_id: 5001,
      order_id: 450789469,
      status: "delivered",
      happened_at: "2026-03-01T15:00:00Z",
    },
    wrongShape: { id: 944956395, fulfillment_id: 5001, status: "delivered" },
  },
  {
    topic: "orders/fulfilled",
    action: orderFulfilled,
    genuine: { id: 450789469, customer: { id: 207119551 }, fulfillments: [fulfillment()] },
    wrongShape: { id: 450789469, fulfillments: [{ id: 5001 }] },
  },
];
const pathOf = (topic: string) => `/webhooks/${topic}`;
const table = ROUTES.map((route) => [route.topic, route] as const);
// The topics whose payload names its shop; the others are bound to the shop by the HMAC alone.
const NAMING_THE_SHOP = ["app/uninstalled", "customers/data_request", "customers/redact", "shop/redact"];

/** Nothing a delivery could have done: no delivery recorded, no facts, no compliance work, the session kept. */
async function expectNothingDone() {
  expect(await prisma.webhookDelivery.count()).toBe(0);
  expect(await prisma.deliveryFact.count()).toBe(0);
  expect(await prisma.complianceRequest.count()).toBe(0);
  expect(await prisma.session.findMany({ select: { shop: true, scope: true } })).toEqual([
    { shop: TEST_SHOP, scope: process.env.SCOPES },
  ]);
}

/** The payload's values that would give its contents away (the shop's domain is in the header anyway). */
const valuesIn = (payload: unknown): string[] =>
  typeof payload === "string"
    ? payload.length >= 4 && payload !== TEST_SHOP
      ? [payload]
      : []
    : typeof payload === "number"
      ? payload >= 1000
        ? [String(payload)]
        : []
      : payload !== null && typeof payload === "object"
        ? Object.values(payload).flatMap(valuesIn)
        : [];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("every webhook route is bound to what Shopify signed", () => {
  it.each(table)("%s answers 200 to a genuine delivery and does its work once", async (topic, { action, genuine }) => {
    // GIVEN an installed shop
    await installTestShop();
    // WHEN the same genuine delivery arrives twice
    const webhookId = `wh-${topic}`;
    const first = await webhookRequest(pathOf(topic), topic, genuine, { webhookId });
    const again = await webhookRequest(pathOf(topic), topic, genuine, { webhookId });
    // THEN both are acknowledged and the work is recorded once
    expect(await statusOf(action(routeArgs(first)))).toBe(200);
    expect(await statusOf(action(routeArgs(again)))).toBe(200);
    expect(await prisma.webhookDelivery.findMany({ select: { webhookId: true, shop: true } })).toEqual([
      { webhookId, shop: TEST_SHOP },
    ]);
  });

  it.each(table)("%s answers 401 to a forged delivery and does nothing", async (topic, { action, genuine }) => {
    // GIVEN an installed shop
    await installTestShop();
    // WHEN a delivery signed with the wrong secret arrives
    const forged = await webhookRequest(pathOf(topic), topic, genuine, { apiSecretKey: "not-the-app-secret" });
    // THEN it is rejected and nothing changes
    expect(await statusOf(action(routeArgs(forged)))).toBe(401);
    await expectNothingDone();
  });

  it.each(table)("%s answers 400 to signed malformed JSON, logged without its contents", async (topic, { action }) => {
    // GIVEN an installed shop
    await installTestShop();
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    // WHEN a correctly signed delivery carries a body that is not JSON
    const request = await webhookRequest(pathOf(topic), topic, null, {
      webhookId: "wh-malformed",
      rawBody: '{"secret-word": "plover", ',
    });
    const answer = await answerOf(action(routeArgs(request)));
    // THEN it is refused for good (Shopify does not retry a 4xx), nothing is done, and the log names
    // the delivery but not what it carried
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: { code: "malformed_json", message: `The ${topic} webhook's body is not valid JSON.` },
    });
    await expectNothingDone();
    expect(warn.mock.calls).toEqual([
      ["Webhook delivery rejected: malformed_json", { topic, shop: TEST_SHOP, webhookId: "wh-malformed" }],
    ]);
  });

  it.each(table)("%s answers 400 to a signed payload of the wrong shape", async (topic, { action, wrongShape }) => {
    // GIVEN an installed shop
    await installTestShop();
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    // WHEN a correctly signed delivery carries JSON that is not this topic's payload
    const request = await webhookRequest(pathOf(topic), topic, wrongShape, { webhookId: "wh-shape" });
    const answer = await answerOf(action(routeArgs(request)));
    // THEN it is refused for good and nothing is done
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: "invalid_payload" } });
    await expectNothingDone();
    // The log says where the payload is wrong, never the values it carried.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe("Webhook delivery rejected: invalid_payload");
    expect(warn.mock.calls[0]?.[1]).toMatchObject({ topic, shop: TEST_SHOP, webhookId: "wh-shape" });
    const logged = JSON.stringify(warn.mock.calls);
    expect(valuesIn(wrongShape).filter((value) => logged.includes(value))).toEqual([]);
  });

  it.each(table)("%s answers 400 to a delivery of another topic", async (topic, { action, genuine }) => {
    // GIVEN an installed shop
    await installTestShop();
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    // WHEN a signed delivery whose topic header is another topic is posted to this route
    const request = await webhookRequest(pathOf(topic), "products/update", genuine);
    const answer = await answerOf(action(routeArgs(request)));
    // THEN it is refused and nothing is done
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: {
        code: "topic_mismatch",
        message: `This address receives ${topic} webhooks, not PRODUCTS_UPDATE.`,
      },
    });
    await expectNothingDone();
  });

  it.each(table.filter(([topic]) => NAMING_THE_SHOP.includes(topic)))(
    "%s answers 400 when the signed payload names another shop than the header",
    async (topic, { action, genuine }) => {
      // GIVEN two installed shops
      await installTestShop();
      await installTestShop(OTHER_SHOP);
      vi.spyOn(logger, "warn").mockImplementation(() => {});
      // WHEN the test shop's signed payload arrives with the other shop's domain header
      const request = await webhookRequest(pathOf(topic), topic, genuine, { shop: OTHER_SHOP });
      const answer = await answerOf(action(routeArgs(request)));
      // THEN it is refused and neither shop is touched
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({
        error: {
          code: "shop_mismatch",
          message: "The payload names another shop than the X-Shopify-Shop-Domain header.",
        },
      });
      expect(await prisma.webhookDelivery.count()).toBe(0);
      expect(await prisma.complianceRequest.count()).toBe(0);
      expect(await prisma.session.count()).toBe(2);
    },
  );

  it.each(table)("%s answers 413 to a declared body over the limit", async (topic, { action }) => {
    // GIVEN an installed shop
    await installTestShop();
    // WHEN a delivery declares a body of a gigabyte
    const signed = await webhookRequest(pathOf(topic), topic, {});
    const headers = new Headers(signed.headers);
    headers.set("content-length", String(1024 * MiB));
    const request = new Request(signed.url, { method: "POST", headers, body: "{}" });
    // THEN it is refused before anything is read
    expect(await statusOf(action(routeArgs(request)))).toBe(413);
    await expectNothingDone();
  });

  it.each(table)("%s answers 413 to a chunked body over the limit", async (topic, { action }) => {
    // GIVEN an installed shop
    await installTestShop();
    // WHEN a delivery streams 20 MiB without declaring its length
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 20) return controller.close();
        sent += 1;
        controller.enqueue(new Uint8Array(MiB).fill(32));
      },
    });
    const signed = await webhookRequest(pathOf(topic), topic, {});
    const request = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body,
      duplex: "half", // Node's fetch needs it for a streamed body
    });
    // THEN it is refused once the limit is passed, without reading the rest
    expect(await statusOf(action(routeArgs(request)))).toBe(413);
    expect(sent).toBeLessThan(BODY_LIMITS.webhook / MiB + 4);
    await expectNothingDone();
  });
});

describe("a signed body replayed against another shop or topic (the attack in the issue)", () => {
  async function fileClaim(shop: string, claimId: string) {
    const { state } = submitClaim(
      {
        claimId,
        orderId: "gid://shopify/Order/450789469",
        type: "warranty",
        responseHours: 48,
        returnRequired: true,
        returnShippingPaidBy: "decided_on_review",
        evidence: ["issue_video"],
        items: [
          {
            lineItemId: "gid://shopify/LineItem/466157049",
            productId: "gid://shopify/Product/632910392",
            quantity: 1,
            components: [],
            returnLocations: [{ locationId: "gid://shopify/Location/24826418", quantity: 1 }],
          },
        ],
        note: "The drone stopped charging.",
      },
      new Date("2026-06-01T10:00:00Z"),
      { type: "customer", id: "gid://shopify/Customer/207119551" },
    );
    await prisma.$transaction((tx) =>
      insertClaim(tx, {
        shop,
        state,
        orderName: "#1001",
        customerId: "gid://shopify/Customer/207119551",
        customerName: "Bob Buyer",
        customerEmail: "bob@example.com",
      }),
    );
  }

  /** What each shop holds: claims, delivery records, sessions. */
  async function holdings(shop: string) {
    return {
      claims: await prisma.claim.count({ where: { shop } }),
      deliveryFacts: await prisma.deliveryFact.count({ where: { shop } }),
      sessions: await prisma.session.count({ where: { shop } }),
    };
  }

  it("deletes nothing of either shop, whichever headers come with the body", async () => {
    // GIVEN two installed shops, each with a claim and delivery records
    for (const [shop, claimId, fulfillmentId, lineItemId] of [
      [TEST_SHOP, "claim-a", 5001, 466157049],
      [OTHER_SHOP, "claim-b", 6001, 566157049],
    ] as const) {
      await installTestShop(shop);
      await fileClaim(shop, claimId);
      const shipped = fulfillment({ id: fulfillmentId, line_items: [{ id: lineItemId, quantity: 1 }] });
      const delivery = await webhookRequest("/webhooks/fulfillments/create", "fulfillments/create", shipped, { shop });
      expect(await statusOf(fulfillmentCreated(routeArgs(delivery)))).toBe(200);
    }
    const before = { a: await holdings(TEST_SHOP), b: await holdings(OTHER_SHOP) };
    expect(before.b).toEqual({ claims: 1, deliveryFacts: 1, sessions: 1 });
    vi.spyOn(logger, "warn").mockImplementation(() => {});

    // WHEN shop A's signed customers/data_request body is posted to /webhooks/shop/redact...
    const attempts: [string, Awaited<ReturnType<typeof webhookRequest>>][] = [
      // ...as it was sent, with shop B's domain header
      [
        "its own topic header, shop B",
        await webhookRequest("/webhooks/shop/redact", "customers/data_request", dataRequest(), { shop: OTHER_SHOP }),
      ],
      // ...with the route's topic header and shop B's domain header
      [
        "shop/redact, shop B",
        await webhookRequest("/webhooks/shop/redact", "shop/redact", dataRequest(), { shop: OTHER_SHOP }),
      ],
      // ...with the route's topic header and shop A's own domain header (the body is no shop/redact)
      ["shop/redact, shop A", await webhookRequest("/webhooks/shop/redact", "shop/redact", dataRequest())],
      // ...and shop A's genuine shop/redact body with shop B's domain header
      [
        "shop A's shop/redact, shop B",
        await webhookRequest(
          "/webhooks/shop/redact",
          "shop/redact",
          { shop_id: 548380009, shop_domain: TEST_SHOP },
          { shop: OTHER_SHOP },
        ),
      ],
    ];
    const answers: [string, number][] = [];
    for (const [name, request] of attempts) answers.push([name, await statusOf(shopRedact(routeArgs(request)))]);

    // THEN every attempt is refused and both shops keep everything
    expect(answers).toEqual([
      ["its own topic header, shop B", 400],
      ["shop/redact, shop B", 400],
      ["shop/redact, shop A", 400],
      ["shop A's shop/redact, shop B", 400],
    ]);
    expect({ a: await holdings(TEST_SHOP), b: await holdings(OTHER_SHOP) }).toEqual(before);
    expect(await prisma.complianceRequest.count()).toBe(0);
  });

  it("a customers/data_request body is no customers/redact either", async () => {
    // GIVEN an installed shop with a claim
    await installTestShop();
    await fileClaim(TEST_SHOP, "claim-a");
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    // WHEN the customer's signed data request is posted as an erasure
    const request = await webhookRequest("/webhooks/customers/redact", "customers/redact", dataRequest());
    // THEN it is refused and the claim keeps its customer's details
    expect(await statusOf(customersRedact(routeArgs(request)))).toBe(400);
    expect(await prisma.claim.findFirstOrThrow({ select: { customerName: true } })).toEqual({
      customerName: "Bob Buyer",
    });
  });
});

describe("our own failures stay 5xx", () => {
  it("a database failure while doing the work is not turned into a 4xx, so Shopify retries", async () => {
    // GIVEN an installed shop whose database fails on the webhook's transaction
    await installTestShop();
    vi.spyOn(prisma, "$transaction").mockRejectedValue(new Error("database down"));
    // WHEN a genuine delivery arrives
    const request = await webhookRequest("/webhooks/shop/redact", "shop/redact", {
      shop_id: 548380009,
      shop_domain: TEST_SHOP,
    });
    // THEN the error reaches Remix (a 500), not a Response
    await expect(shopRedact(routeArgs(request))).rejects.toThrow("database down");
  });
});

describe("app/uninstalled", () => {
  it("removes the shop's sessions", async () => {
    await installTestShop();
    await installTestShop(OTHER_SHOP);
    const request = await webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", shopResource());
    expect(await statusOf(appUninstalled(routeArgs(request)))).toBe(200);
    expect(await prisma.session.findMany({ select: { shop: true } })).toEqual([{ shop: OTHER_SHOP }]);
  });

  it("compares the payload's myshopify domain, not its primary (custom) domain", async () => {
    // GIVEN a shop whose primary domain is its own
    await installTestShop();
    // WHEN its uninstall arrives with a custom domain in `domain`
    const request = await webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", {
      ...shopResource(),
      domain: "www.drones.example",
    });
    // THEN it is accepted
    expect(await statusOf(appUninstalled(routeArgs(request)))).toBe(200);
    expect(await prisma.session.count()).toBe(0);
  });
});

describe("app/scopes_update", () => {
  it("stores the scopes the merchant granted on the shop's sessions", async () => {
    await installTestShop();
    const request = await webhookRequest("/webhooks/app/scopes_update", "app/scopes_update", {
      id: 1,
      current: ["read_orders", "write_returns"],
      previous: ["read_orders"],
      updated_at: "2026-10-01T00:00:00Z",
    });
    expect(await statusOf(scopesUpdate(routeArgs(request)))).toBe(200);
    const session = await prisma.session.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(session.scope).toBe("read_orders,write_returns");
  });
});

describe("compliance webhooks", () => {
  it("records a customer data request with the customer and orders it names", async () => {
    const request = await webhookRequest("/webhooks/customers/data_request", "customers/data_request", dataRequest());
    expect(await statusOf(customersDataRequest(routeArgs(request)))).toBe(200);
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
      routeArgs(
        await webhookRequest("/webhooks/app/uninstalled", "app/uninstalled", shopResource(), { webhookId: "u1" }),
      ),
    );
    await installTestShop();
    const request = await webhookRequest(
      "/webhooks/shop/redact",
      "shop/redact",
      { shop_id: 1, shop_domain: TEST_SHOP },
      { webhookId: "r1" },
    );
    expect(await statusOf(shopRedact(routeArgs(request)))).toBe(200);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.webhookDelivery.findMany({ select: { webhookId: true } })).toEqual([{ webhookId: "r1" }]);
    expect(await prisma.complianceRequest.findFirstOrThrow()).toMatchObject({
      topic: "shop/redact",
      resultSummary: expect.stringContaining("1 sessions, 1 webhookRecords"),
    });
  });
});
