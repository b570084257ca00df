import { describe, expect, it, vi } from "vitest";
import { DomainError } from "../domain/errors";
import { RateLimitedError } from "../services/rate-limits.server";
import { ShopifyUnavailableError, ShopifyUserError } from "../shopify/errors.server";
import { z } from "zod";
import { errorResponse } from "./http.server";
import { logger } from "./logger.server";
import { parseRequestInput } from "./request-input.server";

describe("errorResponse", () => {
  it.each([
    ["invalid", 400],
    ["not_allowed", 403],
    ["not_found", 404],
    ["conflict", 409],
  ] as const)("maps a %s DomainError to %i with its code and message", async (kind, status) => {
    const response = errorResponse(new DomainError(kind, "claim_already_decided", "Claim #12 was already decided."));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code: "claim_already_decided", message: "Claim #12 was already decided." },
    });
  });

  it("hides unexpected errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("relation Claim does not exist"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("relation");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("tells the merchant to retry when Shopify is busy (503 with Retry-After)", async () => {
    const response = errorResponse(new ShopifyUnavailableError("Shopify is busy. Try again in a minute.", 4200));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect((await response.json()).error.code).toBe("shopify_unavailable");
  });

  it("answers a shopper over a rate limit with 429, Retry-After in seconds and a readable message", async () => {
    const limit = { name: "submissions.customer", max: 10, windowSeconds: 3600 };
    const response = errorResponse(new RateLimitedError(limit, 125));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("125");
    expect(await response.json()).toEqual({
      error: {
        code: "rate_limited",
        message: "You have done this too often in a short time. Please wait 3 minutes and try again.",
      },
    });
  });

  it("shows Shopify's own words when it refuses an input (422)", async () => {
    const response = errorResponse(
      new ShopifyUserError("refundCreate", [
        { field: ["transactions", "0", "amount"], message: "Amount is greater than refundable" },
      ]),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({
      code: "shopify_rejected",
      message: "Shopify did not accept this: Amount is greater than refundable",
    });
  });

  it("GIVEN request input that fails its schema THEN it is the sender's 400 naming the field", async () => {
    const schema = z.object({ items: z.array(z.object({ quantity: z.number().int().min(1) })) });
    let thrown: unknown;
    try {
      parseRequestInput(schema, { items: [{ quantity: 0 }] });
    } catch (error) {
      thrown = error;
    }
    const response = errorResponse(thrown);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_request", field: "items.0.quantity" });
  });

  it("GIVEN a stored row or a Shopify answer that fails its schema (a bare ZodError) THEN it is our 500, logged, with no paths", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const parsed = z.object({ claimStatus: z.enum(["submitted"]) }).safeParse({ claimStatus: "lost" });
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("claimStatus");
    expect(log).toHaveBeenCalledOnce();
    expect(JSON.stringify(log.mock.calls[0])).toContain("claimStatus");
    expect(JSON.stringify(log.mock.calls[0])).not.toContain("lost");
    log.mockRestore();
  });

  it("passes a thrown Response (Shopify's redirects and 401s) through unchanged", () => {
    const thrown = new Response(null, { status: 302, headers: { Location: "/auth/login" } });
    expect(errorResponse(thrown)).toBe(thrown);
  });
});
