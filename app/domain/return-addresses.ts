import { z } from "zod";

// Where returns go. The guarantee: "Items must be returned to the warehouse they came from ... if
// you ordered from an overseas warehouse, you can not return the defective product to a local
// warehouse." Each Shopify location sends its returns to its own address or to another place the
// merchant names (a returns centre); an overseas warehouse's returns never go to a local one.

const text = (max: number, missing: string) =>
  z.string().trim().min(1, missing).max(max, `keep it under ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `keep it under ${max} characters`);

/** Another place a location's returns go to, such as a returns centre. */
export const ReturnCentreSchema = z.strictObject({
  name: text(100, "name the place returns go to, e.g. your returns centre"),
  address1: text(200, "enter the street and number"),
  address2: optionalText(200),
  city: text(100, "enter the city"),
  province: optionalText(100),
  zip: optionalText(20),
  countryCode: z.string().regex(/^[A-Z]{2}$/, "choose the country"),
});
export type ReturnCentre = z.infer<typeof ReturnCentreSchema>;

/** A location's return setting; a location without one sends returns to its own address, as a local warehouse. */
export interface ReturnAddressSetting {
  locationId: string;
  /** Null: the location's own address. */
  centre: ReturnCentre | null;
  overseas: boolean;
}

/** A Shopify location as the settings need it: its own postal address. */
export interface LocationAddress {
  id: string;
  name: string;
  address1: string | null;
  zip: string | null;
  countryCode: string | null;
}

export function countryName(countryCode: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(countryCode) ?? countryCode;
  } catch {
    return countryCode;
  }
}

/** The returns centre's postal address as lines, the way an address label reads. */
export function returnCentreLines(centre: ReturnCentre): string[] {
  const town = [centre.zip, centre.city].filter(Boolean).join(" ");
  return [centre.address1, centre.address2, town, centre.province, countryName(centre.countryCode)].filter(
    (line) => line !== "",
  );
}

const same = (a: string | null, b: string | null) =>
  (a ?? "").replace(/\s+/g, " ").trim().toUpperCase() === (b ?? "").replace(/\s+/g, " ").trim().toUpperCase();

/**
 * The local warehouse an overseas warehouse's returns would wrongly go to (the returns centre has
 * the address of a location that is not overseas), or null when the setting keeps to the guarantee.
 */
export function localWarehouseReceiving(
  setting: ReturnAddressSetting,
  locations: readonly LocationAddress[],
  overseasIds: ReadonlySet<string>,
): LocationAddress | null {
  const centre = setting.centre;
  if (!setting.overseas || !centre) return null;
  return (
    locations.find(
      (location) =>
        location.id !== setting.locationId &&
        !overseasIds.has(location.id) &&
        same(location.address1, centre.address1) &&
        same(location.zip, centre.zip) &&
        same(location.countryCode, centre.countryCode),
    ) ?? null
  );
}

/** Where one location's returns are sent, as the shopper and the merchant read it. */
export interface ReturnDestinationAddress {
  /** The location's name, or the returns centre's. */
  name: string | null;
  address: string[];
  /** The returns go to another place than the location itself. */
  returnsCentre: boolean;
  overseas: boolean;
}

export function returnDestinationAddress(
  location: { name: string; address: string[] } | null,
  setting: ReturnAddressSetting | undefined,
): ReturnDestinationAddress {
  const overseas = setting?.overseas ?? false;
  if (setting?.centre) {
    return { name: setting.centre.name, address: returnCentreLines(setting.centre), returnsCentre: true, overseas };
  }
  return { name: location?.name ?? null, address: location?.address ?? [], returnsCentre: false, overseas };
}
