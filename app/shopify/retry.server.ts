import { GraphqlQueryError, HttpMaxRetriesError, HttpThrottlingError } from "@shopify/shopify-api";
import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { ShopifyUnavailableError } from "./errors.server";

// Shopify's rate limits: the GraphQL Admin API answers THROTTLED (HTTP 200) when a query costs
// more than the leaky bucket holds, and HTTP 429 on request floods. Both are retried here with the
// wait Shopify's answer implies, within a bounded total time; anything else is not ours to retry.

interface RetryOptions {
  /** Longest total wait before giving up with ShopifyUnavailableError. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const ThrottledBody = z.object({
  errors: z.object({
    graphQLErrors: z.array(z.object({ extensions: z.object({ code: z.string() }).partial().optional() })).optional(),
  }),
  extensions: z
    .object({
      cost: z.object({
        requestedQueryCost: z.number(),
        throttleStatus: z.object({ currentlyAvailable: z.number(), restoreRate: z.number() }),
      }),
    })
    .optional(),
});

/** How long to wait before retrying, or null when the error is not a rate limit. */
export function throttleWaitMs(error: unknown, attempt: number): number | null {
  const backoff = Math.min(1000 * 2 ** attempt, 8000);
  if (error instanceof HttpThrottlingError) {
    const retryAfter = error.response.retryAfter;
    return retryAfter !== undefined && Number.isFinite(retryAfter) ? Math.ceil(retryAfter * 1000) : backoff;
  }
  if (error instanceof HttpMaxRetriesError) return backoff;
  if (error instanceof GraphqlQueryError) {
    const body = ThrottledBody.safeParse(error.body);
    if (!body.success) return null;
    const throttled = body.data.errors.graphQLErrors?.some((e) => e.extensions?.code === "THROTTLED");
    if (!throttled) return null;
    const cost = body.data.extensions?.cost;
    if (!cost || cost.throttleStatus.restoreRate <= 0) return backoff;
    const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
    return Math.max(250, Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000));
  }
  return null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Marks a client that already retries, so that wrapping it again (an adapter called by a service
// that wrapped its client) does not multiply the waits.
const RETRYING = Symbol("warranty-desk.shopify-retries");

/**
 * The same client, retrying Shopify's rate limits within `maxWaitMs` (default 20 s). Every adapter
 * in app/shopify calls Shopify through it, so each request retries on its own (a throttled request
 * did not run: retrying a mutation cannot do it twice).
 */
export function withShopifyRetries(graphql: AdminGraphql, options: RetryOptions = {}): AdminGraphql {
  if (RETRYING in graphql && Object.keys(options).length === 0) return graphql;
  const maxWaitMs = options.maxWaitMs ?? 20_000;
  const sleep = options.sleep ?? defaultSleep;
  const retrying = async (query: string, requestOptions?: Parameters<AdminGraphql>[1]) => {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await graphql(query, requestOptions);
      } catch (error) {
        const wait = throttleWaitMs(error, attempt);
        if (wait === null) throw error;
        if (waited + wait > maxWaitMs) {
          throw new ShopifyUnavailableError(
            "Shopify is busy with this store's requests right now. Please try again in a minute.",
            wait,
          );
        }
        await sleep(wait);
        waited += wait;
      }
    }
  };
  Object.defineProperty(retrying, RETRYING, { value: true });
  // The client's type is generic over the query string; the wrapper passes everything through.
  return retrying as AdminGraphql;
}
