import type { PrismaClient } from "@prisma/client";
import { z, ZodError } from "zod";
import { readReturnAddresses, writeReturnAddress } from "../db/return-addresses.server";
import {
  localWarehouseReceiving,
  ReturnCentreSchema,
  type ReturnAddressSetting,
  type ReturnCentre,
} from "../domain/return-addresses";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchShopLocations, type ShopLocation } from "../shopify/locations.server";
import { parseRequestInput, RequestInputError } from "../utils/request-input.server";

// Settings, Return addresses: the shop's Shopify locations, each with where its returns go (its
// own address or a returns centre) and whether it is an overseas warehouse. Saved all at once.

export interface ReturnAddressRow {
  location: { id: string; name: string; isActive: boolean; address: string[] };
  sendTo: "own" | "centre";
  centre: ReturnCentre | null;
  overseas: boolean;
}

export interface ReturnAddressesPage {
  locations: ReturnAddressRow[];
}

function rowsOf(locations: ShopLocation[], settings: ReadonlyMap<string, ReturnAddressSetting>): ReturnAddressRow[] {
  return locations.map((location) => {
    const setting = settings.get(location.id);
    return {
      location: { id: location.id, name: location.name, isActive: location.isActive, address: location.address },
      sendTo: setting?.centre ? "centre" : "own",
      centre: setting?.centre ?? null,
      overseas: setting?.overseas ?? false,
    };
  });
}

export async function loadReturnAddresses(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
): Promise<ReturnAddressesPage> {
  const [locations, settings] = await Promise.all([fetchShopLocations(graphql), readReturnAddresses(db, shop)]);
  return { locations: rowsOf(locations, settings) };
}

const LocationSettingInputSchema = z.discriminatedUnion(
  "sendTo",
  [
    z.strictObject({
      locationId: z.string().min(1, "name the location"),
      sendTo: z.literal("own"),
      overseas: z.boolean({ error: "say whether it is an overseas warehouse" }),
    }),
    z.strictObject({
      locationId: z.string().min(1, "name the location"),
      sendTo: z.literal("centre"),
      centre: ReturnCentreSchema,
      overseas: z.boolean({ error: "say whether it is an overseas warehouse" }),
    }),
  ],
  { error: 'choose "own" (its own address) or "centre" (another address)' },
);
const SaveReturnAddressesSchema = z.strictObject({
  locations: z.array(LocationSettingInputSchema).min(1, "send at least one location"),
});

const badField = (path: (string | number)[], message: string) =>
  new RequestInputError(new ZodError([{ code: "custom", path, message, input: undefined }]));

/** Saves every location's setting sent; a bad one is the merchant's 400 naming its field, and nothing is saved. */
export async function saveReturnAddresses(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  body: unknown,
): Promise<{ message: string }> {
  const input = parseRequestInput(SaveReturnAddressesSchema, body);
  const locations = await fetchShopLocations(graphql);
  const settings = input.locations.map((sent): ReturnAddressSetting => ({
    locationId: sent.locationId,
    centre: sent.sendTo === "centre" ? sent.centre : null,
    overseas: sent.overseas,
  }));
  const stored = await readReturnAddresses(db, shop);
  const overseasIds = new Set(
    locations
      .map((location) => location.id)
      .filter((id) => settings.find((s) => s.locationId === id)?.overseas ?? stored.get(id)?.overseas ?? false),
  );
  settings.forEach((setting, index) => {
    if (!locations.some((location) => location.id === setting.locationId)) {
      throw badField(
        ["locations", index, "locationId"],
        "this location is not in your Shopify store any more: reload the page",
      );
    }
    const local = localWarehouseReceiving(setting, locations, overseasIds);
    if (local) {
      throw badField(
        ["locations", index, "centre", "address1"],
        `this is the address of ${local.name}, a local warehouse: the guarantee says items from an overseas warehouse cannot be returned to a local one`,
      );
    }
  });
  await db.$transaction(async (tx) => {
    for (const setting of settings) await writeReturnAddress(tx, shop, setting);
  });
  return { message: "Return addresses saved; shoppers see them on the return instructions" };
}
