import type { PrismaClient } from "@prisma/client";
import { deleteProductOverride, writeProductOverride } from "../db/policies.server";
import { ProductOverrideSchema, type ProductOverride } from "../domain/policy/policy-schema";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { ShopifyUnavailableError, ShopifyUserError } from "../shopify/errors.server";
import { setProductPolicyMetafield } from "../shopify/product-metafields.server";

// Per-product policy overrides: our database is the source the policy engine reads; each change is
// then mirrored into the product's app-owned metafield ($app.policy_override). A mirror that fails
// does not undo the merchant's change: it is reported, and the next save mirrors it again.

interface OverrideChange {
  /** Whether Shopify's metafield now matches our database. */
  mirrored: boolean;
  /** For the merchant, when it does not. */
  notice: string | null;
}

async function mirror(
  graphql: AdminGraphql,
  productId: string,
  fields: Record<string, unknown>,
): Promise<OverrideChange> {
  try {
    await setProductPolicyMetafield(graphql, productId, fields);
    return { mirrored: true, notice: null };
  } catch (err) {
    if (err instanceof ShopifyUserError || err instanceof ShopifyUnavailableError) {
      const why = err instanceof ShopifyUserError ? err.readableMessage : err.message;
      return {
        mirrored: false,
        notice: `Saved. Shopify's copy on the product (shown on the storefront) was not updated: ${why} Save again to retry.`,
      };
    }
    throw err;
  }
}

export async function saveProductOverride(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  override: ProductOverride,
  productTitle: string | null,
): Promise<OverrideChange> {
  const { productId, ...fields } = ProductOverrideSchema.parse(override);
  await writeProductOverride(db, shop, { productId, ...fields }, productTitle);
  return mirror(graphql, productId, fields);
}

/** Removes the override; the metafield becomes `{}` (no override: the shop's policy applies). */
export async function removeProductOverride(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  productId: string,
): Promise<OverrideChange & { removed: boolean }> {
  const removed = await deleteProductOverride(db, shop, productId);
  return { removed, ...(await mirror(graphql, productId, {})) };
}
