import type { PrismaClient } from "@prisma/client";
import { saveProductOverride } from "../../app/services/product-overrides.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { DEMO_PRODUCT_RULES, type DemoManifest } from "../simulator/seed";

// The demo's per-product rules (parts with their charge, policy overrides), saved the way a
// merchant saves them: through the app's override service, which keeps Shopify's copy in step.

export async function seedDemoOverrides(db: PrismaClient, graphql: AdminGraphql, manifest: DemoManifest) {
  for (const [word, rules] of Object.entries(DEMO_PRODUCT_RULES)) {
    const product = manifest.products.find((p) => p.title.includes(word));
    if (!product) throw new Error(`the demo store has no product named like "${word}"`);
    await saveProductOverride(
      db,
      graphql,
      manifest.shop,
      {
        productId: product.id,
        ...(rules.override ?? {}),
        components: rules.components.map(([name, amount]) => ({
          name,
          chargeIfMissing: { amount, currencyCode: "EUR" },
        })),
      },
      product.title,
    );
  }
}
