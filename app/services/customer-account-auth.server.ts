import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { authenticate, unauthenticated } from "../shopify.server";
import { shopperErrorResponse } from "../i18n/shopper-errors.server";
import { shopperLanguageOf } from "../i18n/shopper-messages";
import { type ErrorBody } from "../utils/http.server";
import { logger } from "../utils/logger.server";
import { limitedBody, withinBodyLimit } from "../utils/request-limits.server";
import { customerAccountIdentity, type CustomerAccountIdentity } from "../utils/session-tokens.server";

// The one way into /api/*, the customer-account extension's backend. Every answer, errors
// included, is JSON with CORS headers, so the extension (another origin) can read its status and
// message: the library answers a missing or invalid token with an empty 401 without them.
// In order, before anything is read: the session token (OPTIONS preflights are answered here),
// the shop's installation, then the body within its family's limit.

type ShopAdmin = Awaited<ReturnType<typeof unauthenticated.admin>>["admin"];

interface CustomerAccountRequest {
  /** The request, its body bounded by the route's family (read it from here, never the original). */
  request: Request;
  identity: CustomerAccountIdentity;
  /** The Admin API for the shop, with its offline token. */
  admin: ShopAdmin;
}

interface CustomerAccountRouteOptions {
  /** The route's body: none (GET), JSON within BODY_LIMITS.api, or one file streamed within BODY_LIMITS.upload. */
  body: "none" | "api" | "upload";
}

// The library's CORS headers (ensureCORSHeadersFactory), on every answer: bearer tokens, no cookies.
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Expose-Headers": "X-Shopify-API-Request-Failure-Reauthorize-Url",
} as const;

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } } satisfies ErrorBody, { status });
}

/** The shopper's identity from the session token; the library's empty refusals become readable ones. */
async function authenticateShopper(request: Request): Promise<CustomerAccountIdentity> {
  let claims: unknown;
  try {
    ({ sessionToken: claims } = await authenticate.public.customerAccount(request));
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    if (thrown.status === 204) throw thrown; // the answered CORS preflight
    if (thrown.status === 401) {
      throw apiError(
        401,
        "session_token_invalid",
        "We could not confirm who you are: your session may have expired. Reload the page and try again.",
      );
    }
    throw apiError(thrown.status, "request_refused", "This request was refused.");
  }
  return customerAccountIdentity(claims);
}

async function shopAdmin(shop: string): Promise<ShopAdmin> {
  try {
    return (await unauthenticated.admin(shop)).admin;
  } catch (error) {
    if (!(error instanceof SessionNotFoundError)) throw error;
    // Uninstalled, or installed and never opened (the token exchange stores the session then).
    logger.warn("Customer-account request for a shop with no offline session (app not installed or never opened)", {
      shop,
    });
    throw apiError(
      503,
      "shop_not_installed",
      "This store's claim service is not available right now. Please contact the store for help with your order.",
    );
  }
}

async function boundedRequest(request: Request, body: CustomerAccountRouteOptions["body"]): Promise<Request> {
  if (body === "none") return request;
  if (body === "api") return withinBodyLimit(request, "api");
  // Uploads are streamed: reading past the limit fails with the 413 Response, which the handler rethrows.
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: limitedBody(request, "upload"),
    signal: request.signal,
    duplex: "half",
  });
}

/**
 * Runs an /api/* loader or action for a logged-in or anonymous shopper: authenticated, for an
 * installed shop, with a bounded body; the handler's errors go through the one error mapping, their
 * messages in the shopper's language.
 */
export async function handleCustomerAccountRequest(
  request: Request,
  options: CustomerAccountRouteOptions,
  handle: (context: CustomerAccountRequest) => Promise<Response>,
): Promise<Response> {
  try {
    const identity = await authenticateShopper(request);
    const admin = await shopAdmin(identity.shop);
    return withCors(await handle({ request: await boundedRequest(request, options.body), identity, admin }));
  } catch (error) {
    return shopperErrorAnswer(request, error);
  }
}

/** Any /api/* error, in the shopper's language (Accept-Language), whichever step failed. */
async function shopperErrorAnswer(request: Request, error: unknown): Promise<Response> {
  return withCors(await shopperErrorResponse(error, shopperLanguageOf(request)));
}

/**
 * Runs an /api/* loader that a signed URL authorises instead of the session token (a thumbnail in
 * an <s-image>, which cannot send one): the handler checks the signature; its answers and errors
 * are those of every other /api/* route.
 */
export async function handleSignedUrlRequest(request: Request, handle: () => Promise<Response>): Promise<Response> {
  try {
    return withCors(await handle());
  } catch (error) {
    return shopperErrorAnswer(request, error);
  }
}
