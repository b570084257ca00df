import { describe, expect, it } from "vitest";
import { ShopifySimulator } from "../../simulator/simulator";
import { DEMO_SHOP, seedDemoStore, type ScenarioKey } from "../../simulator/seed";
import { API_KEY, API_SECRET, harness, NOW, sessionToken } from "./harness";

const TOKEN_URL = `https://${DEMO_SHOP}/admin/oauth/access_token`;
const exchangeBody = (subjectToken: string, extra: Record<string, string> = {}) => ({
  client_id: API_KEY,
  client_secret: API_SECRET,
  grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
  subject_token: subjectToken,
  subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
  requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
  expiring: "1",
  ...extra,
});
const post = (sim: ShopifySimulator, body: Record<string, string>, form = false) =>
  sim.handle(
    new Request(TOKEN_URL, {
      method: "POST",
      headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json" },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    }),
  ) as Promise<Response>;

describe("token exchange (POST /admin/oauth/access_token)", () => {
  it("exchanges a valid session token for an expiring offline token that the Admin API accepts", async () => {
    const h = harness();
    const response = await post(h.sim, exchangeBody(await sessionToken()));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^shpat_/),
      scope: expect.stringContaining("read_orders"),
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      refresh_token_expires_in: 7776000,
    });
    const res = await h.gql<{ shop: { name: string } }>("query { shop { name } }", {}, body.access_token as string);
    expect(res.data?.shop.name).toBe("Warranty Desk Demo");
    h.clock.now = new Date(NOW.getTime() + 3601 * 1000);
    expect((await h.gql("query { shop { name } }", {}, body.access_token as string)).status).toBe(401);
  });

  it("accepts a form-encoded body", async () => {
    const h = harness();
    expect((await post(h.sim, exchangeBody(await sessionToken()), true)).status).toBe(200);
  });

  it.each([
    ["a token signed with another secret", () => sessionToken({ secret: "not-the-secret" })],
    ["a token for another app", () => sessionToken({ aud: "another-app" })],
    ["a token for another shop", () => sessionToken({ shop: "elsewhere.myshopify.com" })],
    ["an expired token", () => sessionToken({ now: new Date(NOW.getTime() - 10 * 60 * 1000) })],
    ["a tampered token", async () => `${(await sessionToken()).slice(0, -3)}abc`],
  ])("answers 400 invalid_subject_token for %s", async (_name, make) => {
    const h = harness();
    const response = await post(h.sim, exchangeBody(await make()));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_subject_token" });
  });

  it("rotates an expiring token with grant_type=refresh_token; the old refresh token stops working", async () => {
    const h = harness();
    const first = (await (await post(h.sim, exchangeBody(await sessionToken()))).json()) as Record<string, string>;
    const refresh = {
      client_id: API_KEY,
      client_secret: API_SECRET,
      grant_type: "refresh_token",
      refresh_token: first.refresh_token as string,
    };
    const second = await post(h.sim, refresh);
    expect(second.status).toBe(200);
    const body = (await second.json()) as Record<string, string>;
    expect(body.access_token).not.toBe(first.access_token);
    expect((await h.gql("query { shop { name } }", {}, first.access_token)).status).toBe(401);
    expect((await h.gql("query { shop { name } }", {}, body.access_token)).status).toBe(200);
    expect((await post(h.sim, refresh)).status).toBe(400);
  });

  it("refuses wrong client credentials", async () => {
    const h = harness();
    const response = await post(h.sim, { ...exchangeBody(await sessionToken()), client_secret: "nope" });
    expect(response.status).toBe(401);
  });
});

describe("the seeded demo store", () => {
  const seedAt = (now: Date, seed = 7) => {
    const sim = new ShopifySimulator({ apiKey: API_KEY, apiSecret: API_SECRET, now: () => now });
    return { sim, manifest: seedDemoStore(sim, { shop: DEMO_SHOP, now, seed }) };
  };

  it("is deterministic for a given clock and seed", () => {
    const a = seedAt(NOW);
    const b = seedAt(NOW);
    expect(b.sim.toJSON()).toEqual(a.sim.toJSON());
    expect(b.manifest).toEqual(a.manifest);
    expect(seedAt(NOW, 8).manifest.customers[0]?.email).not.toBe(a.manifest.customers[0]?.email);
  });

  it("covers every scenario, each order owned by a customer, in a non-UTC EUR shop with two warehouses", () => {
    const { sim, manifest } = seedAt(NOW);
    const scenarios: ScenarioKey[] = [
      "delivered-today",
      "delivered-2-days-ago",
      "delivered-4-days-ago",
      "delivered-11-months-ago",
      "delivered-13-months-ago",
      "split-shipment",
      "estimated-delivery-only",
      "no-delivery-date",
      "unfulfilled",
      "card-and-gift-card",
      "discounted-line",
    ];
    const orders = manifest.customers.flatMap((c) => c.orders.map((o) => ({ ...o, customerId: c.id })));
    expect(orders.map((o) => o.scenario).sort()).toEqual([...scenarios].sort());
    expect(manifest.customers.every((c) => c.orders.length > 0)).toBe(true);
    const store = sim.store(DEMO_SHOP);
    expect(store.shop).toMatchObject({ ianaTimezone: "Europe/Berlin", currencyCode: "EUR" });
    expect(manifest.locations.map((l) => l.countryCode)).toEqual(["DE", "CN"]);
    for (const o of orders) expect(store.order(o.id)?.customerId).toBe(o.customerId);

    const byScenario = (s: ScenarioKey) => store.order(orders.find((o) => o.scenario === s)?.id ?? "");
    const daysAgo = (iso: string | null | undefined) => (NOW.getTime() - new Date(iso ?? NaN).getTime()) / 86_400_000;
    const deliveredDaysAgo = (s: ScenarioKey) => daysAgo(byScenario(s)?.fulfillments[0]?.deliveredAt);
    expect(deliveredDaysAgo("delivered-today")).toBeLessThan(1);
    expect(Math.floor(deliveredDaysAgo("delivered-2-days-ago"))).toBe(2);
    expect(Math.floor(deliveredDaysAgo("delivered-4-days-ago"))).toBe(4);
    expect(Math.round(deliveredDaysAgo("delivered-11-months-ago") / 30.4)).toBe(11);
    expect(Math.round(deliveredDaysAgo("delivered-13-months-ago") / 30.4)).toBe(13);
    expect(new Set(byScenario("split-shipment")?.fulfillments.map((f) => f.locationId)).size).toBe(2);
    expect(byScenario("estimated-delivery-only")?.fulfillments[0]).toMatchObject({
      deliveredAt: null,
      estimatedDeliveryAt: expect.any(String),
    });
    expect(byScenario("no-delivery-date")?.fulfillments[0]).toMatchObject({
      deliveredAt: null,
      estimatedDeliveryAt: null,
    });
    expect(byScenario("unfulfilled")?.fulfillments).toEqual([]);
    expect(byScenario("card-and-gift-card")?.transactions.map((t) => t.gateway)).toEqual([
      "shopify_payments",
      "gift_card",
    ]);
    expect(byScenario("discounted-line")?.lineItems[0]?.discountAllocations).toHaveLength(1);
    expect(Object.values(store.variant(manifest.outOfStockVariantId)?.inventory ?? { x: 1 })).toEqual([0, 0]);
    expect(manifest.products.filter((p) => p.components.length > 0).length).toBeGreaterThan(0);
    expect(manifest.products.some((p) => p.components.length === 0 && !p.hasPolicyOverride)).toBe(true);
    expect(manifest.products.find((p) => p.title.includes("Scooter"))?.components).toEqual([
      "charger",
      "battery",
      "cable",
    ]);
  });

  it("survives toJSON/fromJSON (demo persistence), tokens included", async () => {
    const h = harness();
    const restored = ShopifySimulator.fromJSON(JSON.parse(JSON.stringify(h.sim.toJSON())), h.sim.options);
    expect(restored.toJSON()).toEqual(h.sim.toJSON());
    expect(restored.grants(DEMO_SHOP)).toHaveLength(1);
    expect(() => ShopifySimulator.fromJSON({ nope: true }, h.sim.options)).toThrow(/Not a store simulator snapshot/);
  });
});
