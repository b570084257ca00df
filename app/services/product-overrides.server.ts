import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { deleteProductOverride, readShopPolicyOverride, writeProductOverride } from "../db/policies.server";
import { findProductOverrides, findProductOverridesPage, OVERRIDES_PAGE_SIZE } from "../db/product-overrides.server";
import { describeOverride, effectiveRules, type EffectiveRules } from "../domain/policy/effective-rules";
import {
  PolicyOverrideSchema,
  ProductOverrideSchema,
  type Policy,
  type PolicyOverride,
  type ProductOverride,
} from "../domain/policy/policy-schema";
import { resolveShopPolicy } from "../domain/policy/resolve-policy";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { ShopifyUnavailableError, ShopifyUserError } from "../shopify/errors.server";
import { setProductPolicyMetafield } from "../shopify/product-metafields.server";
import { fetchProductTitles } from "../shopify/products.server";
import { fetchShopProfile } from "../shopify/shop.server";
import { parseRequestInput } from "../utils/request-input.server";

// Per-product policy overrides: our database is the source the policy engine reads; each change is
// then mirrored into the product's app-owned metafield ($app.policy_override). A mirror that fails
// does not undo the merchant's change: it is reported, and the next save mirrors it again.

interface OverrideChange {
  /** Whether Shopify's metafield now matches our database. */
  mirrored: boolean;
  /** For the merchant, when it does not. */
  notice: string | null;
}

async function mirror(
  graphql: AdminGraphql,
  productId: string,
  fields: Record<string, unknown>,
): Promise<OverrideChange> {
  try {
    await setProductPolicyMetafield(graphql, productId, fields);
    return { mirrored: true, notice: null };
  } catch (err) {
    if (err instanceof ShopifyUserError || err instanceof ShopifyUnavailableError) {
      const why = err instanceof ShopifyUserError ? err.readableMessage : err.message;
      return {
        mirrored: false,
        notice: `Saved. Shopify's copy on the product (shown on the storefront) was not updated: ${why} Save again to retry.`,
      };
    }
    throw err;
  }
}

export async function saveProductOverride(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  override: ProductOverride,
  productTitle: string | null,
): Promise<OverrideChange> {
  const { productId, ...fields } = ProductOverrideSchema.parse(override);
  await writeProductOverride(db, shop, { productId, ...fields }, productTitle);
  return mirror(graphql, productId, fields);
}

/** Removes the override; the metafield becomes `{}` (no override: the shop's policy applies). */
export async function removeProductOverride(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  productId: string,
): Promise<OverrideChange & { removed: boolean }> {
  const removed = await deleteProductOverride(db, shop, productId);
  return { removed, ...(await mirror(graphql, productId, {})) };
}

// ---- The products page: list, editor, bulk save and remove --------------------------------------

/** How many products one save or removal may cover (the picker's selection, one request). */
const MAX_PRODUCTS_PER_CHANGE = 50;
const PRODUCT_ID = /^gid:\/\/shopify\/Product\/(\d+)$/;

const productNumber = (productId: string) => PRODUCT_ID.exec(productId)?.[1] ?? productId;
const productGid = (number: string) => `gid://shopify/Product/${number}`;

const ListParamsSchema = z.object({
  q: z.string().trim().max(200, { error: "search with at most 200 characters" }).default(""),
  page: z.coerce.number().int().min(1, { error: "expected a page number, 1 or more" }).default(1),
});

export function parseOverrideListParams(url: URL) {
  return parseRequestInput(ListParamsSchema, Object.fromEntries(url.searchParams));
}

export async function loadProductOverrideList(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  params: z.infer<typeof ListParamsSchema>,
) {
  const [{ rows, total }, profile] = await Promise.all([
    findProductOverridesPage(db, shop, { search: params.q, page: params.page }),
    fetchShopProfile(graphql),
  ]);
  return {
    q: params.q,
    page: params.page,
    total,
    hasNext: params.page * OVERRIDES_PAGE_SIZE < total,
    timezone: profile.ianaTimezone,
    rows: rows.map(({ override, productTitle, updatedAt }) => {
      const { productId, ...fields } = override;
      return {
        productId,
        productNumber: productNumber(productId),
        title: productTitle,
        overrides: describeOverride(fields),
        componentsCount: fields.components?.length ?? null,
        updatedAt: updatedAt.toISOString(),
      };
    }),
  };
}

const ProductNumbersSchema = z.object({
  product: z
    .array(z.string().regex(/^\d{1,20}$/, { error: "expected a product number like 1234567890" }), {
      error: "pick at least one product",
    })
    .min(1, { error: "pick at least one product" })
    .max(MAX_PRODUCTS_PER_CHANGE, { error: `pick at most ${MAX_PRODUCTS_PER_CHANGE} products at once` }),
});

/** `?product=123&product=456`: the products the editor opens with. */
export function parseEditorParams(url: URL): string[] {
  const { product } = parseRequestInput(ProductNumbersSchema, { product: url.searchParams.getAll("product") });
  return [...new Set(product)].map(productGid);
}

export interface OverrideEditor {
  products: { id: string; title: string; hasOverride: boolean }[];
  /** Products Shopify does not know (deleted meanwhile): shown, not saved. */
  missing: string[];
  /** The override the form starts from: the products' common one, or none when they differ. */
  override: PolicyOverride;
  /** Whether the products have different overrides now (saving gives them all the form's). */
  mixed: boolean;
  shopPolicy: Policy;
  currencyCode: string;
}

export async function loadOverrideEditor(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  productIds: string[],
): Promise<OverrideEditor> {
  const [titles, stored, shopOverride, profile] = await Promise.all([
    fetchProductTitles(graphql, productIds),
    findProductOverrides(db, shop, productIds),
    readShopPolicyOverride(db, shop),
    fetchShopProfile(graphql),
  ]);
  const byProduct = new Map(stored.map((row) => [row.override.productId, row]));
  const overrides = productIds.map((id) => {
    const { productId: _, ...fields } = byProduct.get(id)?.override ?? { productId: id };
    return JSON.stringify(fields);
  });
  const mixed = new Set(overrides).size > 1;
  return {
    products: productIds
      .filter((id) => titles.has(id) || byProduct.has(id))
      .map((id) => ({
        id,
        title: titles.get(id) ?? byProduct.get(id)?.productTitle ?? "Deleted product",
        hasOverride: byProduct.has(id),
      })),
    missing: productIds.filter((id) => !titles.has(id) && !byProduct.has(id)),
    override: mixed ? {} : PolicyOverrideSchema.parse(JSON.parse(overrides[0] ?? "{}")),
    mixed,
    shopPolicy: resolveShopPolicy(shopOverride),
    currencyCode: profile.currencyCode,
  };
}

const ProductIdsSchema = z
  .array(z.string().regex(PRODUCT_ID, { error: "expected a product id like gid://shopify/Product/123" }), {
    error: "pick at least one product",
  })
  .min(1, { error: "pick at least one product" })
  .max(MAX_PRODUCTS_PER_CHANGE, { error: `pick at most ${MAX_PRODUCTS_PER_CHANGE} products at once` });

const OverrideChangeSchema = z.discriminatedUnion(
  "intent",
  [
    z.strictObject({ intent: z.literal("save"), productIds: ProductIdsSchema, override: PolicyOverrideSchema }),
    z.strictObject({ intent: z.literal("remove"), productIds: ProductIdsSchema }),
  ],
  { error: 'choose "save" or "remove"' },
);

export interface OverridesChanged {
  ok: true;
  intent: "save" | "remove";
  /** How many products now follow the new rules (or the shop policy, after a removal). */
  count: number;
  /** Why Shopify's copy on some product was not updated, for the merchant (null when it was). */
  notice: string | null;
}

/** Components' charges are in the shop's currency: another currency is the sender's mistake. */
function assertShopCurrency(override: PolicyOverride, currencyCode: string) {
  parseRequestInput(
    z.object({
      override: z.object({
        components: z
          .array(
            z.object({
              chargeIfMissing: z.object({
                currencyCode: z.literal(currencyCode, {
                  error: `charges are in your store's currency, ${currencyCode}`,
                }),
              }),
            }),
          )
          .optional(),
      }),
    }),
    { override },
  );
}

/**
 * Saves one override for every picked product (bulk apply replaces each product's override) or
 * removes theirs; each change is mirrored into the product's metafield. An override that keeps
 * nothing of its own is a removal: the product follows the shop policy again.
 */
export async function changeProductOverrides(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  body: unknown,
): Promise<OverridesChanged> {
  const change = parseRequestInput(OverrideChangeSchema, body);
  const productIds = [...new Set(change.productIds)];
  const keeps = change.intent === "save" && Object.keys(change.override).length > 0;
  const outcomes: OverrideChange[] = [];
  if (change.intent === "save" && keeps) {
    const [profile, titles] = await Promise.all([fetchShopProfile(graphql), fetchProductTitles(graphql, productIds)]);
    assertShopCurrency(change.override, profile.currencyCode);
    parseRequestInput(
      z.object({
        productIds: z.array(z.string().refine((id) => titles.has(id), { error: "no such product in your store" })),
      }),
      { productIds },
    );
    for (const productId of productIds) {
      outcomes.push(
        await saveProductOverride(db, graphql, shop, { productId, ...change.override }, titles.get(productId)!),
      );
    }
  } else {
    for (const productId of productIds) outcomes.push(await removeProductOverride(db, graphql, shop, productId));
  }
  const notices = [...new Set(outcomes.flatMap((o) => (o.notice ? [o.notice] : [])))];
  return { ok: true, intent: keeps ? "save" : "remove", count: productIds.length, notice: notices[0] ?? null };
}

/** The admin block on Shopify's product page: the product's rules, shop policy and override merged. */
export async function loadProductRules(
  db: PrismaClient,
  shop: string,
  productNumberParam: string,
): Promise<EffectiveRules & { productId: string; editPath: string }> {
  const { productId } = parseRequestInput(
    z.object({ productId: z.string().regex(/^\d{1,20}$/, { error: "expected a product number like 1234567890" }) }),
    { productId: productNumberParam },
  );
  const gid = productGid(productId);
  const [shopOverride, stored] = await Promise.all([
    readShopPolicyOverride(db, shop),
    findProductOverrides(db, shop, [gid]),
  ]);
  const override = stored[0] ? (({ productId: _, ...fields }) => fields)(stored[0].override) : null;
  return {
    productId: gid,
    editPath: `/app/products/edit?product=${productId}`,
    ...effectiveRules(resolveShopPolicy(shopOverride), override),
  };
}
