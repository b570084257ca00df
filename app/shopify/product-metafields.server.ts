import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { assertNoUserErrors, UserErrorsSchema } from "./errors.server";
import { withShopifyRetries } from "./retry.server";

// The per-product policy mirrored into the app-owned product metafield `$app.policy_override`
// (declared in shopify.app.toml), so it survives a loss of our database and can be shown on the
// storefront. Our database stays the source the policy engine reads.

const POLICY_OVERRIDE_KEY = "policy_override";

const METAFIELDS_SET_MUTATION = `#graphql
  mutation WarrantyDeskProductPolicyOverrideSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
        value
        updatedAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const ResponseSchema = z.object({
  metafieldsSet: z.object({
    metafields: z
      .array(
        z.object({ id: z.string(), namespace: z.string(), key: z.string(), value: z.string(), updatedAt: z.string() }),
      )
      .nullable(),
    userErrors: UserErrorsSchema,
  }),
});

interface MirroredMetafield {
  metafieldId: string;
  namespace: string;
  value: string;
}

/**
 * Writes the product's override (the fields the merchant changed, as JSON) into its app-owned
 * metafield. An empty object means "no override: the shop's policy applies".
 */
export async function setProductPolicyMetafield(
  graphql: AdminGraphql,
  productId: string,
  override: Record<string, unknown>,
): Promise<MirroredMetafield> {
  const response = await withShopifyRetries(graphql)(METAFIELDS_SET_MUTATION, {
    variables: {
      metafields: [
        {
          ownerId: productId,
          namespace: "$app",
          key: POLICY_OVERRIDE_KEY,
          type: "json",
          value: JSON.stringify(override),
        },
      ],
    },
  });
  const { metafieldsSet } = ResponseSchema.parse((await response.json()).data);
  const written = metafieldsSet.metafields?.[0] ?? null;
  assertNoUserErrors("metafieldsSet", metafieldsSet.userErrors, written, "Shopify wrote no metafield.");
  return { metafieldId: written.id, namespace: written.namespace, value: written.value };
}
