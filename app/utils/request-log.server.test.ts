import { describe, expect, it } from "vitest";
import { claimIdOfPath, requestIdFor, shopOfRequest } from "./request-log.server";

const token = (payload: object) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.c2lnbmF0dXJl`;

describe("claimIdOfPath", () => {
  it.each([
    ["/app/claims/clx0claim00000000000000001", "clx0claim00000000000000001"],
    ["/app/claims/clx0claim00000000000000001.data", "clx0claim00000000000000001"],
    ["/app/claims/clx0claim00000000000000001/resolution-preview", "clx0claim00000000000000001"],
    ["/api/claims/clx0claim00000000000000001/replies", "clx0claim00000000000000001"],
    ["/api/claims/preview", undefined],
    ["/app/claims", undefined],
    ["/app/claims.data", undefined],
    ["/api/uploads/up_1", undefined],
  ])("%s -> %s", (path, claimId) => {
    expect(claimIdOfPath(path)).toBe(claimId);
  });
});

describe("shopOfRequest", () => {
  const url = (query: string) => new URL(`http://app.test/app?${query}`);

  it("GIVEN a shop parameter THEN it is the shop", () => {
    expect(shopOfRequest(url("shop=demo.myshopify.com"), undefined)).toBe("demo.myshopify.com");
  });

  it("GIVEN an admin session token (dest with https://) in the Authorization header THEN its dest's host", () => {
    expect(shopOfRequest(url(""), `Bearer ${token({ dest: "https://demo.myshopify.com" })}`)).toBe(
      "demo.myshopify.com",
    );
  });

  it("GIVEN a customer-account token (dest without a scheme) as the id_token parameter THEN its dest", () => {
    expect(shopOfRequest(url(`id_token=${token({ dest: "demo.myshopify.com" })}`), undefined)).toBe(
      "demo.myshopify.com",
    );
  });

  it.each([
    ["a shop parameter that is not a shop domain", url("shop=evil.example.com"), undefined],
    ["a token whose dest is not a shop", url(""), `Bearer ${token({ dest: "https://evil.example.com/x" })}`],
    ["a token that is not JSON", url(""), "Bearer abc.not-json.sig"],
    ["no shop at all", url(""), undefined],
  ])("GIVEN %s THEN no shop", (_case, requestUrl, authorization) => {
    expect(shopOfRequest(requestUrl, authorization)).toBeUndefined();
  });
});

describe("requestIdFor", () => {
  it("keeps a plain incoming id and replaces one with spaces, quotes or too many characters", () => {
    expect(requestIdFor("req-123_abc.9:z")).toBe("req-123_abc.9:z");
    for (const bad of ['a"b', "two words", "x".repeat(129), "line\nbreak", ""]) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFor(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
