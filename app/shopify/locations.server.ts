import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

const LOCATIONS_QUERY = `#graphql
  query WarrantyDeskReturnLocations($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Location {
        id
        name
        address {
          formatted
        }
      }
    }
  }
`;

// Where returns go: the warehouses that shipped the items (read_locations), by name and postal
// address as Shopify formats it for the location's country.
const LocationNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.object({ formatted: z.array(z.string()) }),
});
const NodesSchema = z.array(z.union([LocationNodeSchema, z.null(), z.object({}).strict()]));

export interface ReturnLocation {
  name: string;
  address: string[];
}

/** The locations by id; a deleted or unknown one is missing from the map. */
export async function fetchLocations(
  graphql: AdminGraphql,
  ids: readonly string[],
): Promise<Map<string, ReturnLocation>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const response = await withShopifyRetries(graphql)(LOCATIONS_QUERY, { variables: { ids: unique } });
  const body = await response.json();
  const locations = new Map<string, ReturnLocation>();
  for (const node of NodesSchema.parse(body.data?.nodes)) {
    if (node && "id" in node) locations.set(node.id, { name: node.name, address: node.address.formatted });
  }
  return locations;
}
