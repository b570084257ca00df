import type { Prisma, PrismaClient } from "@prisma/client";
import { ProductOverrideSchema, type ProductOverride } from "../domain/policy/policy-schema";
import { env } from "../utils/env.server";

// The products page's reads of per-product overrides: one page of a shop's overrides, searched by
// product title, by title then id (a shop has tens of overrides, rarely hundreds: an offset page is
// fine here, unlike the claims inbox). Writes stay in policies.server.ts, beside the engine's reads.

export const OVERRIDES_PAGE_SIZE = 50;

interface OverrideRow {
  override: ProductOverride;
  productTitle: string | null;
  updatedAt: Date;
}

// SQLite's LIKE ignores case (ASCII); PostgreSQL's needs Prisma's insensitive mode.
const isPostgres = () => /^postgres(ql)?:/.test(env().DATABASE_URL);
function titleContains(search: string): Prisma.ProductOverrideWhereInput {
  const filter = isPostgres() ? { contains: search, mode: "insensitive" } : { contains: search };
  return { productTitle: filter as Prisma.StringNullableFilter };
}

const toRow = (row: { productId: string; overrideJson: string; productTitle: string | null; updatedAt: Date }) => ({
  override: ProductOverrideSchema.parse({ ...(JSON.parse(row.overrideJson) as object), productId: row.productId }),
  productTitle: row.productTitle,
  updatedAt: row.updatedAt,
});

export async function findProductOverridesPage(
  db: PrismaClient,
  shop: string,
  query: { search: string; page: number },
): Promise<{ rows: OverrideRow[]; total: number }> {
  const where: Prisma.ProductOverrideWhereInput = {
    shop,
    ...(query.search.trim() ? titleContains(query.search.trim()) : {}),
  };
  const [rows, total] = await Promise.all([
    db.productOverride.findMany({
      where,
      orderBy: [{ productTitle: "asc" }, { productId: "asc" }],
      skip: (query.page - 1) * OVERRIDES_PAGE_SIZE,
      take: OVERRIDES_PAGE_SIZE,
    }),
    db.productOverride.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** The stored overrides of these products (with their titles), for the editor. */
export async function findProductOverrides(
  db: PrismaClient,
  shop: string,
  productIds: readonly string[],
): Promise<OverrideRow[]> {
  const rows = await db.productOverride.findMany({ where: { shop, productId: { in: [...productIds] } } });
  return rows.map(toRow);
}
