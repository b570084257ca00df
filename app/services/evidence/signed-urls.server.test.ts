import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { grantLifetime, signEvidenceGrant, signedThumbnailUrl, type EvidenceGrant } from "./signed-urls.server";

const SECRET = "test-secret";
const NOW = new Date("2026-12-01T10:00:30Z");
const seconds = (date: Date) => date.getTime() / 1000;
const signature = (query: URLSearchParams) => ({ expires: query.get("expires"), signature: query.get("signature") });

describe("signed evidence URLs", () => {
  it("GIVEN a shopper's upload WHEN its thumbnail URL is signed THEN it is exactly what docs/shopper-api.md describes", () => {
    const expires = seconds(new Date("2026-12-01T10:11:00Z")); // 10 minutes ahead, up to the whole minute
    const expected = createHmac("sha256", SECRET)
      .update(
        ["warranty-desk/thumbnail/v1", "ev1", "a.myshopify.com", "gid://shopify/Customer/1", String(expires)].join(
          "\n",
        ),
      )
      .digest("base64url");
    expect(
      signedThumbnailUrl({ id: "ev1", shop: "a.myshopify.com", customerId: "gid://shopify/Customer/1" }, NOW, SECRET),
    ).toBe(`/api/uploads/ev1/thumbnail?expires=${expires}&signature=${expected}`);
  });

  it("GIVEN a merchant's URL WHEN checked THEN it lives an hour and opens only its evidence, shop and variant", () => {
    const grant: EvidenceGrant = {
      purpose: "merchant-evidence",
      evidenceId: "ev1",
      shop: "a.myshopify.com",
      variant: "original",
    };
    const query = signature(signEvidenceGrant(grant, NOW, SECRET));
    expect(query.expires).toBe(String(seconds(new Date("2026-12-01T11:01:00Z"))));
    expect(grantLifetime(grant, query, NOW, SECRET)).toBe(3630);
    expect(grantLifetime({ ...grant, variant: "thumbnail" }, query, NOW, SECRET)).toBeNull();
    expect(grantLifetime({ ...grant, evidenceId: "ev2" }, query, NOW, SECRET)).toBeNull();
    expect(grantLifetime({ ...grant, shop: "b.myshopify.com" }, query, NOW, SECRET)).toBeNull();
    expect(grantLifetime(grant, query, new Date("2026-12-01T11:01:00Z"), SECRET)).toBeNull();
    expect(grantLifetime(grant, query, NOW, "another-secret")).toBeNull();
  });

  it("GIVEN a shopper's thumbnail signature WHEN presented as a merchant's (same id and shop) THEN it opens nothing", () => {
    const shopper: EvidenceGrant = {
      purpose: "shopper-thumbnail",
      evidenceId: "ev1",
      shop: "a.myshopify.com",
      customerId: "thumbnail",
    };
    const query = signature(signEvidenceGrant(shopper, NOW, SECRET));
    expect(grantLifetime(shopper, query, NOW, SECRET)).not.toBeNull();
    expect(
      grantLifetime(
        { purpose: "merchant-evidence", evidenceId: "ev1", shop: "a.myshopify.com", variant: "thumbnail" },
        query,
        NOW,
        SECRET,
      ),
    ).toBeNull();
  });
});
