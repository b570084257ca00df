import { z } from "zod";
import type { LocationAddress } from "../domain/return-addresses";
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

const SHOP_LOCATIONS_QUERY = `#graphql
  query WarrantyDeskShopLocations {
    locations(first: 250, includeInactive: true, sortKey: NAME) {
      nodes {
        id
        name
        isActive
        address {
          address1
          zip
          countryCode
          formatted
        }
      }
    }
  }
`;

const ShopLocationSchema = z.object({
  id: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  address: z.object({
    address1: z.string().nullable(),
    zip: z.string().nullable(),
    countryCode: z.string().nullable(),
    formatted: z.array(z.string()),
  }),
});

export interface ShopLocation extends LocationAddress, ReturnLocation {
  isActive: boolean;
}

/**
 * Every location of the shop, deactivated ones too (items they shipped still go back somewhere).
 * A shop has at most a few hundred locations; the first 250 by name are read.
 */
export async function fetchShopLocations(graphql: AdminGraphql): Promise<ShopLocation[]> {
  const response = await withShopifyRetries(graphql)(SHOP_LOCATIONS_QUERY);
  const body = await response.json();
  const nodes = z.array(ShopLocationSchema).parse(body.data?.locations?.nodes);
  return nodes.map((node) => ({
    id: node.id,
    name: node.name,
    isActive: node.isActive,
    address1: node.address.address1,
    zip: node.address.zip,
    countryCode: node.address.countryCode,
    address: node.address.formatted,
  }));
}
