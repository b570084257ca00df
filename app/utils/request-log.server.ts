import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "./logger.server";

// One JSON line per HTTP request (docs/decisions/026-production-server-image-and-structured-logs.md):
// method, path (never the query string: it carries id_token, hmac and signed-URL signatures),
// status, duration, the request id (the caller's X-Request-Id when it is a plain token, else a new
// UUID; echoed in the response) and, when known, the shop and the claim.

export const REQUEST_ID_HEADER = "x-request-id";
const PLAIN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
// /app/claims/:claimId... and /api/claims/:claimId..., and their single-fetch data URLs (".data").
const CLAIM_PATH = /^\/(?:app|api)\/claims\/([A-Za-z0-9_-]+?)(?:\.data)?(?:\/|$)/;
// Static segments that sit where a claim id would (api.claims.preview.tsx, app.claims._index).
const NOT_CLAIM_IDS = new Set(["preview", "_index"]);

/** The caller's request id when it is a plain token (no spaces, quotes or newlines), else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate !== undefined && PLAIN_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * The shop a request is about, for the log line only: the `shop` parameter, else the `dest` of the
 * session token (Authorization: Bearer, or the embedded document's `id_token` parameter). The
 * token's signature is NOT checked here (the route's authentication does that), so this labels a
 * line and must never decide anything; only a well-formed *.myshopify.com domain is kept.
 */
export function shopOfRequest(url: URL, authorization: string | undefined): string | undefined {
  const fromParam = url.searchParams.get("shop");
  if (fromParam !== null && SHOP_DOMAIN.test(fromParam)) return fromParam;
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? url.searchParams.get("id_token") ?? undefined;
  return token === undefined ? undefined : shopOfSessionToken(token);
}

function shopOfSessionToken(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const dest = typeof claims === "object" && claims !== null ? (claims as { dest?: unknown }).dest : undefined;
    if (typeof dest !== "string") return undefined;
    // Admin tokens say "https://shop.myshopify.com"; customer-account tokens say "shop.myshopify.com".
    const host = dest.replace(/^https:\/\//, "");
    return SHOP_DOMAIN.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

export function claimIdOfPath(pathname: string): string | undefined {
  const id = CLAIM_PATH.exec(pathname)?.[1];
  return id === undefined || NOT_CLAIM_IDS.has(id) ? undefined : id;
}

type Next = (error?: unknown) => void;

/**
 * Middleware (Express or a bare node:http server) that gives each request an id, echoes it in the
 * response, passes it on to the app in the X-Request-Id request header, and logs one line when the
 * response is finished or the connection closes first.
 */
export function logRequests(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const url = new URL(req.url ?? "/", "http://request.invalid");
    let logged = false;
    const logOnce = () => {
      if (logged) return;
      logged = true;
      const status = res.statusCode;
      const fields = {
        requestId,
        method: req.method,
        path: url.pathname,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 10_000) / 100,
        shop: shopOfRequest(url, req.headers.authorization),
        claimId: claimIdOfPath(url.pathname),
        // The client went away before the whole response was sent.
        aborted: res.writableFinished ? undefined : true,
      };
      if (status >= 500) logger.error("request", fields);
      else logger.info("request", fields);
    };
    res.once("finish", logOnce);
    res.once("close", logOnce);
    next();
  };
}
