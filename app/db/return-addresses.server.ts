import type { Prisma, PrismaClient } from "@prisma/client";
import { ReturnCentreSchema, type ReturnAddressSetting } from "../domain/return-addresses";

// Where each location's returns go (app/domain/return-addresses.ts), one row per location the
// merchant set; the returns centre is JSON parsed with the domain's schema (a bad row is our 500).

type Db = PrismaClient | Prisma.TransactionClient;

function toSetting(row: { locationId: string; addressJson: string | null; overseas: boolean }): ReturnAddressSetting {
  return {
    locationId: row.locationId,
    centre: row.addressJson === null ? null : ReturnCentreSchema.parse(JSON.parse(row.addressJson)),
    overseas: row.overseas,
  };
}

/** The shop's settings by location id. */
export async function readReturnAddresses(db: Db, shop: string): Promise<Map<string, ReturnAddressSetting>> {
  const rows = await db.returnAddress.findMany({ where: { shop } });
  return new Map(rows.map((row) => [row.locationId, toSetting(row)]));
}

export async function writeReturnAddress(db: Db, shop: string, setting: ReturnAddressSetting): Promise<void> {
  const data = {
    addressJson: setting.centre ? JSON.stringify(ReturnCentreSchema.parse(setting.centre)) : null,
    overseas: setting.overseas,
  };
  await db.returnAddress.upsert({
    where: { shop_locationId: { shop, locationId: setting.locationId } },
    create: { shop, locationId: setting.locationId, ...data },
    update: data,
  });
}
