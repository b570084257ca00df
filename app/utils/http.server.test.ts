import { describe, expect, it, vi } from "vitest";
import { DomainError } from "../domain/errors";
import { errorResponse } from "./http.server";

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
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("relation Claim does not exist"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("relation");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("passes a thrown Response (Shopify's redirects and 401s) through unchanged", () => {
    const thrown = new Response(null, { status: 302, headers: { Location: "/auth/login" } });
    expect(errorResponse(thrown)).toBe(thrown);
  });
});
