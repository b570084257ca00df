import { describe, expect, it } from "vitest";
import { GraphqlQueryError, HttpThrottlingError } from "@shopify/shopify-api";
import type { AdminGraphql } from "./admin-client.server";
import { ShopifyUnavailableError } from "./errors.server";
import { throttleWaitMs, withShopifyRetries } from "./retry.server";

const throttled = (requested: number, available: number, restoreRate = 100) =>
  new GraphqlQueryError({
    message: "Throttled",
    response: new Response(null, { status: 200 }) as never,
    headers: {},
    body: {
      errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] },
      extensions: {
        cost: {
          requestedQueryCost: requested,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate },
        },
      },
    } as never,
  });
const flood = (retryAfter?: number) =>
  new HttpThrottlingError({ message: "429", code: 429, statusText: "Too Many Requests", retryAfter });

describe("throttleWaitMs", () => {
  it("waits for the bucket to refill by what the query lacks", () => {
    expect(throttleWaitMs(throttled(500, 100, 100), 0)).toBe(4000);
  });
  it("honours Retry-After on HTTP 429", () => {
    expect(throttleWaitMs(flood(2), 0)).toBe(2000);
    expect(throttleWaitMs(flood(), 2)).toBe(4000);
  });
  it("does not retry other errors", () => {
    const other = new GraphqlQueryError({
      message: "Field 'x' doesn't exist",
      response: new Response(null) as never,
      headers: {},
      body: { errors: { graphQLErrors: [{ message: "Field 'x' doesn't exist" }] } } as never,
    });
    expect(throttleWaitMs(other, 0)).toBeNull();
    expect(throttleWaitMs(new Error("boom"), 0)).toBeNull();
  });
});

describe("withShopifyRetries", () => {
  const answer = () => new Response(JSON.stringify({ data: { shop: { name: "Shop" } } }));

  it("retries rate limits with the waits Shopify asks for and returns the eventual answer", async () => {
    const waits: number[] = [];
    const failures = [throttled(300, 100), flood(1)];
    const graphql = (async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return answer();
    }) as unknown as AdminGraphql;
    const response = await withShopifyRetries(graphql, { sleep: async (ms) => void waits.push(ms) })(
      "query { shop { name } }",
    );
    expect(await response.json()).toEqual({ data: { shop: { name: "Shop" } } });
    expect(waits).toEqual([2000, 1000]);
  });

  it("gives up with a readable error once the bounded wait is used up", async () => {
    const graphql = (async () => {
      throw throttled(1000, 0, 50);
    }) as unknown as AdminGraphql;
    const call = withShopifyRetries(graphql, { maxWaitMs: 30_000, sleep: async () => {} })("query { shop { name } }");
    await expect(call).rejects.toBeInstanceOf(ShopifyUnavailableError);
    await expect(call).rejects.toThrow("Shopify is busy with this store's requests right now");
  });

  it("passes other errors through at once", async () => {
    let calls = 0;
    const graphql = (async () => {
      calls++;
      throw new Error("network down");
    }) as unknown as AdminGraphql;
    await expect(withShopifyRetries(graphql, { sleep: async () => {} })("query { shop { name } }")).rejects.toThrow(
      "network down",
    );
    expect(calls).toBe(1);
  });
});
