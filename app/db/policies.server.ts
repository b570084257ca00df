import type { Prisma, PrismaClient } from "@prisma/client";
import {
  PolicyOverrideSchema,
  ProductOverrideSchema,
  type PolicyOverride,
  type ProductOverride,
} from "../domain/policy/policy-schema";

// The shop's policy (only the fields the merchant changed) and per-product overrides. Stored as
// JSON and parsed with the domain's schemas on the way in and out.

type Db = PrismaClient | Prisma.TransactionClient;

export async function readShopPolicyOverride(db: Db, shop: string): Promise<PolicyOverride> {
  const row = await db.shopPolicy.findUnique({ where: { shop } });
  return row ? PolicyOverrideSchema.parse(JSON.parse(row.overrideJson)) : {};
}

export async function writeShopPolicyOverride(db: Db, shop: string, override: PolicyOverride): Promise<void> {
  const overrideJson = JSON.stringify(PolicyOverrideSchema.parse(override));
  await db.shopPolicy.upsert({ where: { shop }, create: { shop, overrideJson }, update: { overrideJson } });
}

interface StoredProductOverride {
  override: ProductOverride;
  productTitle: string | null;
  updatedAt: Date;
}

function toProductOverride(row: {
  productId: string;
  overrideJson: string;
  productTitle: string | null;
  updatedAt: Date;
}) {
  return {
    override: ProductOverrideSchema.parse({ ...(JSON.parse(row.overrideJson) as object), productId: row.productId }),
    productTitle: row.productTitle,
    updatedAt: row.updatedAt,
  };
}

export async function listProductOverrides(db: Db, shop: string): Promise<StoredProductOverride[]> {
  const rows = await db.productOverride.findMany({
    where: { shop },
    orderBy: [{ productTitle: "asc" }, { productId: "asc" }],
  });
  return rows.map(toProductOverride);
}

/** The overrides of just these products (what one claim's evaluation needs). */
export async function productOverridesFor(db: Db, shop: string, productIds: string[]): Promise<ProductOverride[]> {
  const rows = await db.productOverride.findMany({ where: { shop, productId: { in: productIds } } });
  return rows.map((row) => toProductOverride(row).override);
}

export async function writeProductOverride(
  db: Db,
  shop: string,
  override: ProductOverride,
  productTitle: string | null,
): Promise<void> {
  const { productId, ...fields } = ProductOverrideSchema.parse(override);
  const overrideJson = JSON.stringify(fields);
  await db.productOverride.upsert({
    where: { shop_productId: { shop, productId } },
    create: { shop, productId, productTitle, overrideJson },
    update: { productTitle, overrideJson },
  });
}

export async function deleteProductOverride(db: Db, shop: string, productId: string): Promise<boolean> {
  const { count } = await db.productOverride.deleteMany({ where: { shop, productId } });
  return count > 0;
}
