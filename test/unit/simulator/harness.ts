import { SignJWT } from "jose";
import { ShopifySimulator, type SimulatorOptions } from "../../simulator/simulator";
import { DEMO_SHOP, seedDemoStore, type DemoManifest, type ScenarioKey } from "../../simulator/seed";

// Shared by the simulator's unit tests: a seeded simulator on a fixed clock and a GraphQL caller.

export const API_KEY = "sim-test-key";
export const API_SECRET = "sim-test-secret";
export const NOW = new Date("2026-11-16T10:30:00.000Z");
export const TOKEN = "shpat_test_token";
export const ALL_SCOPES = [
  "read_orders",
  "write_orders",
  "read_all_orders",
  "read_locations",
  "read_products",
  "read_inventory",
  "read_customers",
  "read_merchant_managed_fulfillment_orders",
  "write_returns",
  "write_draft_orders",
  "write_products",
];

export interface Harness {
  sim: ShopifySimulator;
  manifest: DemoManifest;
  clock: { now: Date };
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GqlResponse<T>>;
  order: (scenario: ScenarioKey) => string;
}

export interface GqlResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: {
    cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: Record<string, number> };
  };
}

export function harness(options: Partial<SimulatorOptions> & { scopes?: string[] } = {}): Harness {
  const clock = { now: NOW };
  const sim = new ShopifySimulator({ apiKey: API_KEY, apiSecret: API_SECRET, now: () => clock.now, ...options });
  const manifest = seedDemoStore(sim, { shop: DEMO_SHOP, now: NOW, seed: 7 });
  sim.installApp(DEMO_SHOP, { accessToken: TOKEN, scopes: options.scopes ?? ALL_SCOPES });
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token = TOKEN): Promise<GqlResponse<T>> => {
    const response = await sim.handle(
      new Request(`https://${DEMO_SHOP}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query, variables }),
      }),
    );
    if (!response) throw new Error("the simulator did not answer");
    const text = await response.text();
    const body = (text.startsWith("{") ? JSON.parse(text) : {}) as Omit<GqlResponse<T>, "status" | "headers">;
    return { status: response.status, headers: response.headers, ...body };
  };
  const order = (scenario: ScenarioKey) => {
    const found = manifest.customers.flatMap((c) => c.orders).find((o) => o.scenario === scenario);
    if (!found) throw new Error(`no ${scenario} order`);
    return found.id;
  };
  return { sim, manifest, clock, gql, order };
}

export function sessionToken(
  claims: { shop?: string; aud?: string; exp?: number; secret?: string; now?: Date } = {},
): Promise<string> {
  const shop = claims.shop ?? DEMO_SHOP;
  const now = Math.floor((claims.now ?? NOW).getTime() / 1000);
  return new SignJWT({ dest: `https://${shop}`, sid: "session-1" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${shop}/admin`)
    .setAudience(claims.aud ?? API_KEY)
    .setSubject("42")
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(claims.exp ?? now + 60)
    .setJti("jti-1")
    .sign(new TextEncoder().encode(claims.secret ?? API_SECRET));
}
