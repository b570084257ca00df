import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { z } from "zod";

const text = readFileSync("shopify.app.toml", "utf8");
const Toml = z.object({
  access_scopes: z.object({ scopes: z.string() }),
  webhooks: z.object({
    api_version: z.string(),
    subscriptions: z.array(
      z.object({
        topics: z.array(z.string()).optional(),
        compliance_topics: z.array(z.string()).optional(),
        uri: z.string(),
      }),
    ),
  }),
});
const toml = Toml.parse(parse(text));

// Remix flat routes: /webhooks/app/scopes_update -> app/routes/webhooks.app.scopes_update.tsx
const routeFileFor = (uri: string) => `app/routes/${uri.replace(/^\//, "").replaceAll("/", ".")}.tsx`;

describe("shopify.app.toml", () => {
  it("requests every scope the product needs", () => {
    const scopes = toml.access_scopes.scopes.split(",");
    for (const scope of [
      "read_orders",
      "write_orders",
      "read_all_orders",
      "read_fulfillments",
      "read_merchant_managed_fulfillment_orders",
      "read_locations",
      "read_products",
      "write_products",
      "read_inventory",
      "read_returns",
      "write_returns",
      "write_draft_orders",
      "read_customers",
      "customer_read_orders",
    ]) {
      expect(scopes).toContain(scope);
    }
  });

  it("subscribes to the app webhooks and the three mandatory compliance topics on the app's API version", () => {
    expect(toml.webhooks.api_version).toBe("2026-10");
    const topics = toml.webhooks.subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]);
    expect(topics).toEqual(
      expect.arrayContaining([
        "app/uninstalled",
        "app/scopes_update",
        "customers/data_request",
        "customers/redact",
        "shop/redact",
      ]),
    );
  });

  it("names, above each subscription, the route file that handles it, and that file serves the subscription's uri", () => {
    const blocks = text.split("[[webhooks.subscriptions]]");
    toml.webhooks.subscriptions.forEach((subscription, i) => {
      const comment = blocks[i]!.match(/# Handled by: (\S+)\s*$/)?.[1];
      expect(comment, `subscription ${subscription.uri} has no "# Handled by:" comment`).toBeDefined();
      expect(comment).toBe(routeFileFor(subscription.uri));
      expect(existsSync(comment!)).toBe(true);
    });
  });

  it("declares the app-owned product metafield the per-product policy is mirrored into", () => {
    // GIVEN the metafield app/shopify/product-metafields.server.ts writes ($app.policy_override, json)
    const Declaration = z.object({
      product: z.object({
        metafields: z.object({
          app: z.object({
            policy_override: z.object({
              type: z.string(),
              name: z.string().min(1),
              description: z.string().min(1),
              access: z.object({ admin: z.string(), storefront: z.string() }),
            }),
          }),
        }),
      }),
    });
    // WHEN shopify.app.toml is read THEN it declares it as JSON, read-only for merchants (the app is the source)
    const declared = Declaration.parse(parse(text)).product.metafields.app.policy_override;
    expect(declared).toMatchObject({
      type: "json",
      access: { admin: "merchant_read", storefront: "public_read" },
    });
  });
});
