import type { useAppBridge } from "@shopify/app-bridge-react";

type AppBridge = ReturnType<typeof useAppBridge>;

// Products are picked with Shopify's resource picker (App Bridge), whole products only: the policy
// engine keeps overrides per product (docs/decisions/021-overrides-per-product-and-the-product-block.md).

const PRODUCT_NUMBER = /^gid:\/\/shopify\/Product\/(\d+)$/;

/** A product's number (the digits of its GID), as the app's URLs name it. */
export const productNumber = (productId: string) => PRODUCT_NUMBER.exec(productId)?.[1] ?? productId;

/** The picked products' numbers (the digits of their GIDs); none when the merchant cancels. */
export async function pickProducts(shopify: AppBridge, selectedIds: readonly string[]): Promise<string[]> {
  const picked = await shopify.resourcePicker({
    type: "product",
    action: "select",
    multiple: true,
    filter: { variants: false },
    selectionIds: selectedIds.map((id) => ({ id })),
  });
  return (picked ?? []).flatMap((product) => PRODUCT_NUMBER.exec(product.id)?.[1] ?? []);
}

/** The override editor for these products (their numbers). */
export const editorUrl = (productNumbers: readonly string[]) =>
  `/app/products/edit?${productNumbers.map((n) => `product=${encodeURIComponent(n)}`).join("&")}`;
