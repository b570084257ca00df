import { createHmac, randomUUID } from "node:crypto";
import {
  API_KEY,
  API_SECRET_KEY,
  RequestType,
  setUpValidRequest,
  setUpValidSession,
  TEST_SHOP,
  TEST_SHOP_NAME,
} from "@shopify/shopify-api/test-helpers";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { simulator } from "../simulator/network-edge";

// Requests as Shopify sends them, built with Shopify's own test helpers and signed with the keys
// testConfig() gives the app (test/setup/integration-setup.ts puts them in the environment).

export { TEST_SHOP, TEST_SHOP_NAME };
const config = testConfig();
const APP = config.appUrl;

/**
 * Stores a valid expiring offline session for the test shop, as the token exchange would, and
 * registers its access token with the store simulator (which answers 401 to unknown tokens).
 */
export async function installTestShop(shop = TEST_SHOP, options: { scopes?: string[]; accessToken?: string } = {}) {
  const { sessionStorage } = await import("../../app/shopify.server");
  const session = setUpValidSession({
    shop,
    // A second installed shop needs a token of its own (the simulator knows a token's shop).
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
    expires: new Date(Date.now() + 60 * 60 * 1000),
    refreshToken: "test-refresh-token",
    refreshTokenExpires: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
    scope: options.scopes ? options.scopes.join(",") : process.env.SCOPES,
  });
  await sessionStorage.storeSession(session);
  simulator.installApp(shop, {
    accessToken: session.accessToken as string,
    scopes: (session.scope ?? "").split(",").filter(Boolean),
    expiresAt: session.expires ?? null,
  });
  return session;
}

/** The admin's first load of an embedded page: ?embedded=1&shop=…&host=…&id_token=JWT. */
export function adminDocumentRequest(path: string): Promise<Request> {
  return setUpValidRequest(
    { type: RequestType.Admin, store: TEST_SHOP_NAME, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
    new Request(`${APP}${path}`),
  );
}

/** A data request from the embedded app: Authorization: Bearer <session token> (of the test shop, or `shop`'s). */
export function adminDataRequest(path: string, init?: RequestInit, shop = TEST_SHOP): Promise<Request> {
  const store = shop.replace(/\.myshopify\.com$/, "");
  return setUpValidRequest(
    { type: RequestType.Bearer, store, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
    new Request(`${APP}${path}`, init),
  );
}

export interface WebhookOptions {
  webhookId?: string;
  /** Sign with another secret to forge a delivery. */
  apiSecretKey?: string;
  /** The X-Shopify-Shop-Domain header (unsigned, as in Shopify's deliveries); the test shop by default. */
  shop?: string;
  /** Send (and sign) this text as the body instead of the payload's JSON, e.g. malformed JSON. */
  rawBody?: string;
}

/** A webhook delivery with Shopify's headers and an HMAC over the body. */
export async function webhookRequest(path: string, topic: string, payload: unknown, options: WebhookOptions = {}) {
  const apiSecretKey = options.apiSecretKey ?? API_SECRET_KEY;
  const signed = await setUpValidRequest(
    {
      type: RequestType.Extension,
      store: TEST_SHOP_NAME,
      apiSecretKey,
      body: payload,
      headers: {
        "X-Shopify-Topic": topic,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
        "X-Shopify-Event-Id": randomUUID(),
        "X-Shopify-Triggered-At": new Date().toISOString(),
        "Content-Type": "application/json",
        ...(options.shop ? { "X-Shopify-Shop-Domain": options.shop } : {}),
      },
    },
    new Request(`${APP}${path}`),
  );
  if (options.rawBody === undefined) return signed;
  const headers = new Headers(signed.headers);
  headers.set("X-Shopify-Hmac-Sha256", createHmac("sha256", apiSecretKey).update(options.rawBody).digest("base64"));
  return new Request(signed.url, { method: "POST", headers, body: options.rawBody });
}

export const routeArgs = (request: Request) => ({ request, params: {}, context: {} });
