import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { executeAdminQuery, type SimulatedStore } from "./admin-api";

// Shopify's network edge for tests: the hosts the app calls are answered here, in-process, so the
// library's real code (token exchange, Admin GraphQL client) runs unchanged. A request to any other
// host fails the test (onUnhandledRequest: "error").

export function defaultStore(shopDomain: string): SimulatedStore {
  return {
    shop: {
      id: "gid://shopify/Shop/1",
      name: "Test Shop",
      myshopifyDomain: shopDomain,
      ianaTimezone: "Europe/Berlin",
      currencyCode: "EUR",
    },
  };
}

const stores = new Map<string, SimulatedStore>();
export function storeFor(shopDomain: string): SimulatedStore {
  let store = stores.get(shopDomain);
  if (!store) {
    store = defaultStore(shopDomain);
    stores.set(shopDomain, store);
  }
  return store;
}
export function resetStores(): void {
  stores.clear();
}

export interface EdgeRequestLog {
  shop: string;
  operationName: string | undefined;
  accessToken: string | null;
}
export const adminRequests: EdgeRequestLog[] = [];

const adminGraphql = http.post("https://:shop/admin/api/:version/graphql.json", async ({ request, params }) => {
  const shop = String(params.shop);
  const body = (await request.json()) as { query: string; variables?: Record<string, unknown> };
  const operationName = body.query.match(/(?:query|mutation)\s+(\w+)/)?.[1];
  adminRequests.push({ shop, operationName, accessToken: request.headers.get("X-Shopify-Access-Token") });
  if (!request.headers.get("X-Shopify-Access-Token")) {
    return HttpResponse.json(
      { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
      { status: 401 },
    );
  }
  const result = await executeAdminQuery(storeFor(shop), body);
  return HttpResponse.json(result);
});

export const shopifyEdge = setupServer(adminGraphql);
