import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

const PRODUCT_TITLES_QUERY = `#graphql
  query WarrantyDeskProductTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
      }
    }
  }
`;

// The products a merchant picked, by title as Shopify names them now (read_products): the
// override editor shows them, and the products list keeps the title for search.
const ProductNodeSchema = z.object({ id: z.string(), title: z.string() });
const NodesSchema = z.array(z.union([ProductNodeSchema, z.null(), z.object({}).strict()]));

/** Each product's title by id; a deleted or unknown product is missing from the map. */
export async function fetchProductTitles(graphql: AdminGraphql, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const response = await withShopifyRetries(graphql)(PRODUCT_TITLES_QUERY, { variables: { ids: unique } });
  const body = await response.json();
  const titles = new Map<string, string>();
  for (const node of NodesSchema.parse(body.data?.nodes)) {
    if (node && "id" in node) titles.set(node.id, node.title);
  }
  return titles;
}
