import { API_KEY, API_SECRET_KEY, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { signCustomerAccountSessionToken } from "../demo/session-tokens";

// Requests from the customer-account extension: a customer-account session token (in the shape
// Shopify documents, signed as the demo signs it) on Authorization: Bearer, from the extension's
// origin, with a browser's User-Agent (the library answers bots with 410).

export const SHOPPER_BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

export interface ShopperRequestOptions {
  /** The shop in the token's dest; the test shop by default. */
  shop?: string;
  /** Sign with another secret to forge a token. */
  apiSecret?: string;
}

export async function customerAccountToken(customerId: string | null, options: ShopperRequestOptions = {}) {
  const keys = { apiKey: API_KEY, apiSecret: options.apiSecret ?? API_SECRET_KEY };
  return (await signCustomerAccountSessionToken(keys, options.shop ?? TEST_SHOP, customerId)).token;
}

/** A request from the extension, as the logged-in customer (or an anonymous shopper with null). */
export async function shopperRequest(
  path: string,
  customerId: string | null,
  init: RequestInit = {},
  options: ShopperRequestOptions = {},
): Promise<Request> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${await customerAccountToken(customerId, options)}`);
  headers.set("Origin", "https://extensions.shopifycdn.com");
  headers.set("User-Agent", SHOPPER_BROWSER);
  return new Request(`${testConfig().appUrl}${path}`, { ...init, headers });
}
