import { ZodError } from "zod";
import { isDomainError, type DomainErrorKind } from "../domain/errors";
import { RateLimitedError } from "../services/rate-limits.server";
import { ShopifyUnavailableError, ShopifyUserError } from "../shopify/errors.server";
import { logger } from "./logger.server";
import { RequestInputError } from "./request-input.server";

// One mapping from errors to HTTP, used by every route: a DomainError's kind picks the status and
// its code and message reach the client; only request input that fails its schema
// (RequestInputError, from parseRequestInput) is the sender's 400. Anything else, a stored row or
// a Shopify answer that fails its schema (a bare ZodError) included, is a 500 with a generic
// message and a log line, so internals never leak and the person asking is never blamed.

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_allowed: 403,
  not_found: 404,
  conflict: 409,
};

export interface ErrorBody {
  /** `field`: the path of the input a validation error is about, e.g. "items[0].quantity". */
  error: { code: string; message: string; field?: string };
}

/** The 405 for a method the address does not answer; `allow` lists the ones it does. */
export function methodNotAllowed(allow: string): Response {
  return Response.json(
    { error: { code: "method_not_allowed", message: "This address does not answer this kind of request." } },
    { status: 405, headers: { Allow: allow } },
  );
}

export function errorResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (isDomainError(error)) {
    return Response.json({ error: { code: error.code, message: error.message } } satisfies ErrorBody, {
      status: STATUS_BY_KIND[error.kind],
    });
  }
  if (error instanceof RateLimitedError) {
    return Response.json({ error: { code: error.code, message: error.message } } satisfies ErrorBody, {
      status: 429,
      headers: { "Retry-After": String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof RequestInputError) {
    return Response.json(
      { error: { code: error.code, message: error.message, field: error.field } } satisfies ErrorBody,
      { status: 400 },
    );
  }
  if (error instanceof ShopifyUnavailableError) {
    const retryAfter: Record<string, string> =
      error.retryAfterMs === null ? {} : { "Retry-After": String(Math.ceil(error.retryAfterMs / 1000)) };
    return Response.json({ error: { code: "shopify_unavailable", message: error.message } } satisfies ErrorBody, {
      status: 503,
      headers: retryAfter,
    });
  }
  if (error instanceof ShopifyUserError) {
    return Response.json(
      {
        error: { code: "shopify_rejected", message: `Shopify did not accept this: ${error.readableMessage}` },
      } satisfies ErrorBody,
      { status: 422 },
    );
  }
  if (error instanceof ZodError) {
    // Where the data is wrong, never what it holds (a row or an answer may carry personal data).
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), code: issue.code }));
    logger.error("Data failed its schema (a stored row or a Shopify answer)", { issues, stack: error.stack });
  } else {
    logger.error("Unexpected error", { error });
  }
  return Response.json(
    {
      error: {
        code: "internal_error",
        message: "Something went wrong on our side. Please try again; if it keeps happening, contact support.",
      },
    } satisfies ErrorBody,
    { status: 500 },
  );
}
