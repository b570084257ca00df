import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

// How many units of a variant can be sold right now, per location: the "available" quantity of
// its inventory item's levels. A variant whose inventory is not tracked is always available.
// Used before a replacement order is created (out of stock falls back to a refund).

const VARIANT_AVAILABILITY_QUERY = `#graphql
  query WarrantyDeskVariantAvailability($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        displayName
        inventoryItem {
          tracked
          inventoryLevels(first: 20) {
            nodes {
              location {
                id
              }
              quantities(names: ["available"]) {
                name
                quantity
              }
            }
          }
        }
      }
    }
  }
`;

/** Keeps each request well under the 1,000-point single-query cost limit (about 45 points a variant). */
const VARIANTS_PER_REQUEST = 15;

const VariantNodeSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  inventoryItem: z.object({
    tracked: z.boolean(),
    inventoryLevels: z.object({
      nodes: z.array(
        z.object({
          location: z.object({ id: z.string() }),
          quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
        }),
      ),
    }),
  }),
});
// `nodes` answers null for unknown ids and {} for ids of other types.
const AvailabilityResponseSchema = z.object({
  nodes: z.array(z.union([VariantNodeSchema, z.object({}).strict(), z.null()])),
});

interface VariantAvailability {
  variantId: string;
  displayName: string;
  /** False when Shopify does not track the variant's inventory: it never runs out. */
  tracked: boolean;
  /** Units available across all locations (never negative). */
  available: number;
  byLocation: { locationId: string; available: number }[];
}

/** The availability of each variant Shopify knows; variants it does not know are left out. */
export async function fetchVariantAvailability(
  graphql: AdminGraphql,
  variantIds: readonly string[],
): Promise<Map<string, VariantAvailability>> {
  const result = new Map<string, VariantAvailability>();
  const ids = [...new Set(variantIds)];
  for (let start = 0; start < ids.length; start += VARIANTS_PER_REQUEST) {
    const response = await withShopifyRetries(graphql)(VARIANT_AVAILABILITY_QUERY, {
      variables: { ids: ids.slice(start, start + VARIANTS_PER_REQUEST) },
    });
    const { nodes } = AvailabilityResponseSchema.parse((await response.json()).data);
    for (const node of nodes) {
      if (!node || !("id" in node)) continue;
      const byLocation = node.inventoryItem.inventoryLevels.nodes.map((level) => ({
        locationId: level.location.id,
        available: level.quantities.find((q) => q.name === "available")?.quantity ?? 0,
      }));
      result.set(node.id, {
        variantId: node.id,
        displayName: node.displayName,
        tracked: node.inventoryItem.tracked,
        available: byLocation.reduce((total, level) => total + Math.max(0, level.available), 0),
        byLocation,
      });
    }
  }
  return result;
}
