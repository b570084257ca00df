import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP_HANDLE, merchantClaimUrl, shopperClaimUrl } from "./compose-email.server";

describe("the links in the emails", () => {
  it("GIVEN an order THEN the shopper's link is its page in customer accounts, by the order's numeric id", () => {
    expect(shopperClaimUrl("velo-shop.myshopify.com", "gid://shopify/Order/5550001")).toBe(
      "https://velo-shop.myshopify.com/account/orders/5550001",
    );
    expect(() => shopperClaimUrl("velo-shop.myshopify.com", "gid://shopify/Order/")).toThrow(
      "expected a Shopify GID with a numeric id",
    );
  });

  it("GIVEN a claim THEN the merchant's link is the app's claim page in the admin, under the store's handle", () => {
    expect(merchantClaimUrl("velo-shop.myshopify.com", "cm3claim")).toBe(
      "https://admin.shopify.com/store/velo-shop/apps/warranty-desk/app/claims/cm3claim",
    );
  });

  it("GIVEN shopify.app.toml THEN its handle is the one the links use", () => {
    const toml = z.object({ handle: z.string() }).parse(parse(readFileSync("shopify.app.toml", "utf8")));
    expect(toml.handle).toBe(APP_HANDLE);
  });
});
