import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { ShopifySimulator } from "./simulator";
import type { SimulatedStore } from "./store";
import { DEFAULT_THROTTLE, type ThrottleSettings } from "./throttle";

// Shopify's network edge for tests: every request to https://*.myshopify.com is answered by the
// store simulator, in-process, so the library's real code (token exchange, Admin GraphQL client)
// runs unchanged. A request to any other host fails the test (onUnhandledRequest: "error").
// The simulator uses the keys Shopify's test helpers (and testConfig()) sign with.

export const simulator = new ShopifySimulator({ apiKey: API_KEY, apiSecret: API_SECRET_KEY });

const shopifyHosts = http.all(/^https:\/\/[a-z0-9][a-z0-9-]*\.myshopify\.com\//, async ({ request }) => {
  return (await simulator.handle(request)) ?? undefined;
});

export const shopifyEdge = setupServer(shopifyHosts);

/** The simulated store of a shop (created empty with a default profile on first use). */
export function storeFor(shopDomain: string): SimulatedStore {
  return simulator.store(shopDomain);
}

/**
 * Turns on Shopify's rate limits for this test: the leaky bucket (THROTTLED) and/or HTTP 429 on
 * request floods. resetStores() turns them off again.
 */
export function limitRates(limits: {
  throttle?: Omit<ThrottleSettings, "enabled">;
  floodLimit?: { maxRequests: number; perMs: number };
}) {
  // The simulator reads its settings at construction; the singleton's are changed in place
  // (buckets made afterwards, i.e. after resetStores(), use them).
  if (limits.throttle) Object.assign(simulator["throttleSettings"], { enabled: true, ...limits.throttle });
  if (limits.floodLimit) simulator.options.floodLimit = limits.floodLimit;
}

/** Back to no rate limits (the default). */
export function liftRateLimits(): void {
  Object.assign(simulator["throttleSettings"], DEFAULT_THROTTLE);
  simulator.options.floodLimit = null;
}

/**
 * Makes Shopify answer these operations slowly for this test, e.g. `{ WarrantyDeskRefundCreate: 300 }`
 * (milliseconds, by GraphQL operation name). resetStores() makes it prompt again.
 */
export function slowDown(latencyMs: Record<string, number>): void {
  simulator.options.latencyMs = { ...simulator.options.latencyMs, ...latencyMs };
}

/** Forgets every store, token and log, lifts the rate limits and answers promptly again. */
export function resetStores(): void {
  simulator.reset();
  liftRateLimits();
  simulator.options.latencyMs = {};
}

/** Admin GraphQL requests seen at the edge: { shop, operationName, accessToken }. */
export const adminRequests = simulator.adminRequests;

/**
 * Answers the next Admin request whose document contains `operation` with a network failure:
 * before Shopify runs it, or after (`afterShopifyRanIt`: Shopify did it, the answer is lost on the
 * way back). `holdUntil` keeps it in flight until the promise settles; `arrival` resolves when it
 * comes.
 */
export function failNextOperation(
  operation: string,
  options: { afterShopifyRanIt?: boolean; holdUntil?: Promise<unknown> } = {},
) {
  let failed = false;
  let arrived!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  shopifyEdge.use(
    http.post(/^https:\/\/[a-z0-9-]+\.myshopify\.com\/admin\/api\/[^/]+\/graphql\.json$/, async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string };
      if (failed || !body.query?.includes(operation)) return undefined;
      failed = true;
      arrived();
      await options.holdUntil;
      if (options.afterShopifyRanIt) await simulator.handle(request);
      return HttpResponse.error();
    }),
  );
  return { arrival };
}
