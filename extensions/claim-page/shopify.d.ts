// The `shopify` global the target module sees, in the form the Shopify CLI generates.
import "@shopify/ui-extensions";

declare module "./src/ClaimPage.tsx" {
  const shopify: import("@shopify/ui-extensions/customer-account.order.page.render").Api;
  const globalThis: { shopify: typeof shopify };
}
