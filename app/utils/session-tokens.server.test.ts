import { describe, expect, it } from "vitest";
import {
  assertNoForeignAdminToken,
  customerAccountIdentity,
  isAdminSessionToken,
  sessionTokenOf,
  unverifiedClaims,
} from "./session-tokens.server";

// Claims as shopify.dev documents them: the admin's session token and a customer account UI
// extension's (no iss, no sid; dest without a scheme; sub only when logged in).
const SHOP = "exampleshop.myshopify.com";
const ADMIN = {
  iss: `https://${SHOP}/admin`,
  dest: `https://${SHOP}`,
  aud: "client-id-123",
  sub: "42",
  exp: 1591765058,
  nbf: 1591764998,
  iat: 1591764998,
  jti: "f8912129-1af6-4cad-9ca3-76b0f7621087",
  sid: "aaea182f2732d44c23057c0fea584021a4485b2bd25d3eb7fd349313ad24c685",
};
const CUSTOMER = {
  dest: SHOP,
  aud: "client-id-123",
  exp: 1679954053,
  nbf: 1679953753,
  iat: 1679953753,
  jti: "6c992878-dbaf-48d1-bb9d-6d9b59814fd1",
  sub: "gid://shopify/Customer/7",
};
const unsignedJwt = (claims: object) =>
  `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

describe("isAdminSessionToken", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["the admin's token", ADMIN, true],
    ["the admin's token with iss without https:// (Shopify's test helper)", { ...ADMIN, iss: `${SHOP}/admin` }, true],
    ["a customer account's token", CUSTOMER, false],
    ["a customer account's token with dest as a URL", { ...CUSTOMER, dest: `https://${SHOP}` }, false],
    ["a token whose iss names another shop", { ...ADMIN, iss: "https://other.myshopify.com/admin" }, false],
    ["a token whose iss is not the admin", { ...ADMIN, iss: `https://${SHOP}` }, false],
    ["an admin-shaped token for a customer", { ...ADMIN, sub: "gid://shopify/Customer/7" }, false],
    ["a token whose dest has a path", { ...ADMIN, dest: `https://${SHOP}/x`, iss: `https://${SHOP}/x/admin` }, false],
  ])("%s", (_case, claims, expected) => {
    expect(isAdminSessionToken(claims)).toBe(expected);
  });
});

describe("sessionTokenOf and unverifiedClaims", () => {
  it("reads the bearer header first, then ?id_token=, as the library does", () => {
    const both = new Request("https://app.test/app?id_token=from-url", {
      headers: { Authorization: "Bearer from-header" },
    });
    expect(sessionTokenOf(both)).toBe("from-header");
    expect(sessionTokenOf(new Request("https://app.test/app?id_token=from-url"))).toBe("from-url");
    expect(sessionTokenOf(new Request("https://app.test/app"))).toBeNull();
  });

  it("reads a JWT's claims, and null for anything else", () => {
    expect(unverifiedClaims(unsignedJwt(CUSTOMER))).toEqual(CUSTOMER);
    expect(unverifiedClaims("forged.token.value")).toBeNull();
    expect(unverifiedClaims("no-dots")).toBeNull();
    expect(unverifiedClaims(`x.${Buffer.from("[1]").toString("base64url")}.y`)).toBeNull();
  });
});

describe("assertNoForeignAdminToken", () => {
  const bearer = (token: string) =>
    new Request("https://app.test/app", { headers: { Authorization: `Bearer ${token}` } });

  it("throws the 401 for a customer account's token, on the header or in ?id_token=", () => {
    for (const request of [
      bearer(unsignedJwt(CUSTOMER)),
      new Request(`https://app.test/app?id_token=${unsignedJwt(CUSTOMER)}`),
    ]) {
      let thrown: unknown;
      try {
        assertNoForeignAdminToken(request);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(401);
    }
  });

  it("lets the admin's token, no token and an unreadable one through to the library", () => {
    expect(() => assertNoForeignAdminToken(bearer(unsignedJwt(ADMIN)))).not.toThrow();
    expect(() => assertNoForeignAdminToken(new Request("https://app.test/app"))).not.toThrow();
    expect(() => assertNoForeignAdminToken(bearer("forged.token.value"))).not.toThrow();
  });
});

describe("customerAccountIdentity", () => {
  it("takes the shop from dest (with or without https://) and the customer from sub", () => {
    expect(customerAccountIdentity(CUSTOMER)).toEqual({ shop: SHOP, customerId: "gid://shopify/Customer/7" });
    expect(customerAccountIdentity({ ...CUSTOMER, dest: `https://${SHOP}` }).shop).toBe(SHOP);
  });

  it("has no customer when the shopper is not logged in", () => {
    const { sub: _sub, ...anonymous } = CUSTOMER;
    expect(customerAccountIdentity(anonymous)).toEqual({ shop: SHOP, customerId: null });
    expect(customerAccountIdentity({ ...anonymous, sub: "" })).toEqual({ shop: SHOP, customerId: null });
  });

  it("throws the 401 for a staff user's token (a user id, not a customer GID) or one without dest", () => {
    for (const claims of [ADMIN, { ...CUSTOMER, dest: undefined }]) {
      let thrown: unknown;
      try {
        customerAccountIdentity(claims);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Response).status).toBe(401);
    }
  });
});
