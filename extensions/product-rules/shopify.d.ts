// The `shopify` global each target module sees, in the form the Shopify CLI generates.
import "@shopify/ui-extensions";

declare module "./src/ProductRulesBlock.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.product-details.block.render").Api;
  const globalThis: { shopify: typeof shopify };
}
