import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../simulator/seed";
import { expandScopes, parseRequiredAccess } from "../../simulator/scopes";
import { harness, NOW } from "./harness";

describe("query cost (extensions.cost)", () => {
  it.each([
    ["query { shop { name currencyCode } }", 1],
    ["query { products(first: 10) { edges { node { title } } } }", 12],
    ["query { products(first: 10) { nodes { title } pageInfo { hasNextPage } } }", 12],
    ["query { orders(first: 5) { nodes { id lineItems(first: 10) { nodes { title } } } } }", 67],
    ["query { shop { name } locations(first: 3) { nodes { id address { city } } } }", 1 + 2 + 3 * 2],
  ])("prices %s at %i", async (query, cost) => {
    const { gql } = harness();
    const res = await gql(query);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cost.requestedQueryCost).toBe(cost);
  });

  it("charges the actual cost for the nodes returned and reports the bucket", async () => {
    const { gql } = harness();
    const res = await gql("query { products(first: 50) { nodes { title } } }");
    expect(res.extensions?.cost).toEqual({
      requestedQueryCost: 52,
      actualQueryCost: 2 + 5,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1993, restoreRate: 100 },
    });
  });

  it("prices a mutation at 10", async () => {
    const { gql, order } = harness();
    const res = await gql(
      `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message } } }`,
      {
        m: [
          {
            ownerId: order("unfulfilled"),
            namespace: "$app",
            key: "claim",
            type: "single_line_text_field",
            value: "x",
          },
        ],
      },
    );
    expect(res.extensions?.cost.requestedQueryCost).toBe(10);
  });

  it("refuses a query above the single-query maximum of 1000", async () => {
    const { gql } = harness();
    const res = await gql("query { orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }");
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
  });
});

describe("throttling", () => {
  it("answers THROTTLED (HTTP 200) when the bucket holds less than the requested cost, and restores over time", async () => {
    const h = harness({ throttle: { enabled: true, maximumAvailable: 100, restoreRate: 10 } });
    const query = "query { products(first: 40) { nodes { title } } }"; // requested 42, actual 7
    const costs: (number | undefined)[] = [];
    let throttled;
    for (let i = 0; i < 30 && !throttled; i++) {
      const res = await h.gql(query.replace("40", "90")); // requested 92, actual 7: takes 92 up front, gives 85 back
      if (res.errors?.[0]?.extensions?.code === "THROTTLED") throttled = res;
      costs.push(res.extensions?.cost.throttleStatus.currentlyAvailable);
    }
    // 100 → 93 → 86: the third request (92 requested) no longer fits.
    expect(costs.slice(0, 3)).toEqual([93, 86, 86]);
    expect(throttled?.status).toBe(200);
    expect(throttled?.errors).toEqual([
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ]);
    expect(throttled?.data).toBeUndefined();
    h.clock.now = new Date(NOW.getTime() + 1000); // +10 points
    expect((await h.gql(query.replace("40", "90"))).errors).toBeUndefined();
  });

  it("answers HTTP 429 with Retry-After on a request flood", async () => {
    const h = harness({ floodLimit: { maxRequests: 3, perMs: 1000 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.gql("query { shop { name } }")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await h.gql("query { shop { name } }");
    expect(refused.headers.get("Retry-After")).toBe("1.0");
    h.clock.now = new Date(NOW.getTime() + 1000);
    expect((await h.gql("query { shop { name } }")).status).toBe(200);
  });
});

describe("the 60-day order window", () => {
  const OLD = "delivered-11-months-ago" as const;

  it("hides orders older than 60 days without read_all_orders", async () => {
    const h = harness({ scopes: ["read_orders", "write_orders"] });
    const id = h.order(OLD);
    expect((await h.gql<{ order: null }>(`query($id: ID!) { order(id: $id) { id } }`, { id })).data?.order).toBeNull();
    expect((await h.gql<{ node: null }>(`query($id: ID!) { node(id: $id) { id } }`, { id })).data?.node).toBeNull();
    const listed = await h.gql<{ orders: { nodes: { id: string }[] } }>(`query { orders(first: 50) { nodes { id } } }`);
    const ids = listed.data?.orders.nodes.map((n) => n.id) ?? [];
    expect(ids).not.toContain(id);
    expect(ids).not.toContain(h.order("delivered-13-months-ago"));
    expect(ids).toContain(h.order("delivered-4-days-ago"));
  });

  it("shows them with read_all_orders", async () => {
    const h = harness();
    const id = h.order(OLD);
    expect(
      (await h.gql<{ order: { id: string } }>(`query($id: ID!) { order(id: $id) { id } }`, { id })).data?.order.id,
    ).toBe(id);
  });
});

describe("access scopes", () => {
  it("parses Shopify's requiredAccess texts: any listed scope suffices", () => {
    expect(parseRequiredAccess("`read_orders` access scope.", false)).toEqual(["read_orders"]);
    expect(parseRequiredAccess("`read_products` access scope or `read_publications` access scope.", false)).toEqual([
      "read_products",
      "read_publications",
    ]);
    expect(
      parseRequiredAccess(
        "`orders` access scope, `marketplace_orders` access scope or `buyer_membership_orders` access scope.",
        true,
      ),
    ).toEqual(["write_orders", "write_marketplace_orders", "write_buyer_membership_orders"]);
    expect(
      parseRequiredAccess("`write_draft_orders` access scope. Also: The user must have access to mark as paid.", true),
    ).toEqual(["write_draft_orders"]);
    expect(parseRequiredAccess("The staff member must have permission to manage app billing.", false)).toBeNull();
    expect([...expandScopes(["write_orders"])]).toEqual(["write_orders", "read_orders"]);
  });

  it("denies a field whose type needs a scope the token lacks, naming the field and the scope", async () => {
    const h = harness({ scopes: ["read_orders", "write_orders"] });
    const res = await h.gql<{ order: { fulfillments: { location: unknown }[] } }>(
      `query($id: ID!) { order(id: $id) { id fulfillments { id location { name } } } }`,
      { id: h.order("delivered-today") },
    );
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^Access denied for location field\. Required access: `read_locations` access scope/,
      ),
      path: ["order", "fulfillments", 0, "location"],
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("denies a mutation without its write scope, and read_X does not grant write_X", async () => {
    const h = harness({ scopes: ["read_orders"] });
    const res = await h.gql(
      `mutation($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "k") { refund { id } } }`,
      { input: { orderId: h.order("delivered-today"), shipping: { fullRefund: true } } },
    );
    expect(res.errors?.[0]).toMatchObject({ path: ["refundCreate"], extensions: { code: "ACCESS_DENIED" } });
  });

  it("checks the concrete type behind node()", async () => {
    const h = harness({ scopes: ["read_products"] });
    const res = await h.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: h.order("delivered-today") });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "ACCESS_DENIED" } });
    expect(DEMO_SHOP).toBe("warranty-desk-demo.myshopify.com");
  });
});
