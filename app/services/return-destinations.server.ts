import type { Prisma, PrismaClient } from "@prisma/client";
import { readReturnAddresses } from "../db/return-addresses.server";
import type { ReturnInstructions } from "../domain/claim-lifecycle/claim-state";
import { returnDestinationAddress, type ReturnDestinationAddress } from "../domain/return-addresses";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchLocations, type ReturnLocation } from "../shopify/locations.server";

type Db = PrismaClient | Prisma.TransactionClient;

export type ReturnDestinationOf = ReturnDestinationAddress & {
  items: ReturnInstructions["destinations"][number]["items"];
};

/**
 * Where each destination of a claim's return instructions is sent now: the warehouse that shipped
 * the items (its name and address from Shopify), or the returns centre the merchant set for it.
 * For the shopper's claim page and their email. Without a Shopify client the locations' own
 * addresses are unknown: a returns centre is still named, else name and address stay empty.
 */
export async function returnDestinationsOf(
  db: Db,
  shop: string,
  instructions: ReturnInstructions,
  graphql: AdminGraphql | null,
): Promise<ReturnDestinationOf[]> {
  const ids = instructions.destinations.map((destination) => destination.locationId);
  const [locations, settings] = await Promise.all([
    graphql ? fetchLocations(graphql, ids) : Promise.resolve(new Map<string, ReturnLocation>()),
    readReturnAddresses(db, shop),
  ]);
  return instructions.destinations.map((destination) => ({
    ...returnDestinationAddress(locations.get(destination.locationId) ?? null, settings.get(destination.locationId)),
    items: destination.items,
  }));
}
