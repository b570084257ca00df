import type { PrismaClient } from "@prisma/client";
import { findClaimShopifyReturn } from "../db/claim-returns.server";
import { readReturnAddresses } from "../db/return-addresses.server";
import type { StoredClaim } from "../db/claims.server";
import { unrequestedReturnOf } from "../domain/claim-lifecycle/guards";
import { returnDestinationAddress } from "../domain/return-addresses";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { ShopifyUnavailableError } from "../shopify/errors.server";
import { fetchLocations, type ReturnLocation } from "../shopify/locations.server";
import { fetchReturn } from "../shopify/returns.server";

// The claim page's return card: the return instructions as the shopper sees them (each unit goes
// back to the warehouse that shipped it, at the address its returns go to (Settings, Return
// addresses: its own or a returns centre's, read when shown); the parts to include;
// who pays the shipping; tracked shipping advised), the shopper's tracking, the Shopify return the
// claim opened with its status as Shopify shows it now, and what happened to the parcel.

export interface ClaimReturnDestination {
  locationId: string;
  /** The warehouse that shipped the items, as Shopify names it; null when Shopify no longer knows it. */
  warehouse: string | null;
  /** Where they go: the warehouse itself, or the returns centre set for it; null / empty when unknown. */
  name: string | null;
  address: string[];
  returnsCentre: boolean;
  /** An overseas warehouse: its items cannot go back to a local one. */
  overseas: boolean;
  items: { lineItemId: string; title: string; quantity: number; includeComponents: string[] }[];
}

export interface ClaimReturn {
  /** Asked for with the decision (request_return); null while no return was requested. */
  instructions: null | {
    destinations: ClaimReturnDestination[];
    shippingPaidBy: "merchant" | "customer";
    trackedShippingAdvised: true;
  };
  shipment: { trackingNumber: string; carrier: string | null } | null;
  /** The item came back although no return was requested (the guarantee asks shoppers to ask first). */
  arrivedUnrequested: { at: string; note: string | null } | null;
  receivedAt: string | null;
  lostAt: string | null;
  shopifyReturn: null | {
    name: string | null;
    /** Shopify's ReturnStatus now (OPEN, CLOSED, CANCELED …); "NOT_VISIBLE" when Shopify no longer shows it. */
    status: string;
    /** False when Shopify did not answer: the status is the one it had when it was opened. */
    live: boolean;
  };
}

async function shopifyReturnOf(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredClaim,
): Promise<ClaimReturn["shopifyReturn"]> {
  const kept = await findClaimShopifyReturn(db, stored.meta.shop, stored.state.id);
  if (!kept) return null;
  try {
    const current = await fetchReturn(graphql, kept.returnId);
    return current
      ? { name: current.name, status: current.status, live: true }
      : { name: kept.name, status: "NOT_VISIBLE", live: true };
  } catch (error) {
    // The card still shows the return as it was opened; its status now is a welcome extra.
    if (error instanceof ShopifyUnavailableError)
      return { name: kept.name, status: kept.status ?? "OPEN", live: false };
    throw error;
  }
}

async function locationsOrNone(graphql: AdminGraphql, ids: string[]): Promise<Map<string, ReturnLocation>> {
  if (ids.length === 0) return new Map();
  try {
    return await fetchLocations(graphql, ids);
  } catch (error) {
    // Without Shopify the card names no warehouse, and says so; the rest is ours.
    if (error instanceof ShopifyUnavailableError) return new Map();
    throw error;
  }
}

/**
 * The return card's data, or null when the claim has had nothing to do with a return yet.
 * `knownLocations` are the warehouses the page already read from Shopify (only others are asked for).
 */
export async function loadClaimReturn(
  db: PrismaClient,
  graphql: AdminGraphql,
  stored: StoredClaim,
  knownLocations: ReadonlyMap<string, ReturnLocation> = new Map(),
): Promise<ClaimReturn | null> {
  const { state, meta } = stored;
  const eventAt = (type: string) => state.events.findLast((event) => event.type === type)?.at ?? null;
  const arrived = unrequestedReturnOf(state);
  const view = {
    shipment: state.returnShipment,
    arrivedUnrequested: arrived ? { at: arrived.at, note: arrived.note } : null,
    receivedAt: eventAt("return_received"),
    lostAt: eventAt("return_lost"),
  };
  const instructions = state.returnInstructions;
  if (!instructions && !view.shipment && !view.arrivedUnrequested && !view.lostAt) return null;
  const missing = (instructions?.destinations ?? [])
    .map((destination) => destination.locationId)
    .filter((id) => !knownLocations.has(id));
  const [fetched, shopifyReturn, settings] = await Promise.all([
    locationsOrNone(graphql, missing),
    shopifyReturnOf(db, graphql, stored),
    readReturnAddresses(db, meta.shop),
  ]);
  const location = (id: string) => knownLocations.get(id) ?? fetched.get(id) ?? null;
  return {
    ...view,
    instructions: instructions && {
      destinations: instructions.destinations.map((destination) => ({
        locationId: destination.locationId,
        warehouse: location(destination.locationId)?.name ?? null,
        ...returnDestinationAddress(location(destination.locationId), settings.get(destination.locationId)),
        items: destination.items.map((item) => ({
          lineItemId: item.lineItemId,
          title: meta.itemTitles[item.lineItemId] ?? "Item",
          quantity: item.quantity,
          includeComponents: item.includeComponents,
        })),
      })),
      shippingPaidBy: instructions.shippingPaidBy,
      trackedShippingAdvised: instructions.trackedShippingAdvised,
    },
    shopifyReturn,
  };
}
