// Where a link to one of Shopify's pages leads in the demo. The app's emails link to the shopper's
// order in customer accounts (https://SHOP/account/orders/N) and to a claim in the Shopify admin
// (https://admin.shopify.com/store/STORE/apps/HANDLE/app/…); offline, the demo's own stand-ins
// for those pages answer, as the extension frames' links do (pages.ts, resolveHref).
import { orderPageUrl, type DemoLocale } from "./pages";

export interface DemoLinkContext {
  shop: string;
  customers: readonly { id: string; orders: readonly { id: string }[] }[];
}

/** The demo page a Shopify URL stands for, or null when the demo has none. */
export function demoPageForShopifyUrl(href: string, context: DemoLinkContext, locale: DemoLocale): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== "https:") return null;
  const order = /^\/account\/orders\/(\d+)$/.exec(url.pathname);
  if (url.hostname === context.shop && order) {
    const orderId = `gid://shopify/Order/${order[1]}`;
    const customer = context.customers.find((c) => c.orders.some((o) => o.id === orderId));
    return customer ? orderPageUrl(customer.id, orderId, locale) : null;
  }
  const store = context.shop.replace(/\.myshopify\.com$/, "");
  const admin = /^\/store\/([^/]+)\/apps\/[^/]+(\/app(?:\/[\w-]+)*)$/.exec(url.pathname);
  if (url.hostname === "admin.shopify.com" && admin && decodeURIComponent(admin[1]!) === store) {
    return `/demo/admin?${new URLSearchParams({ path: admin[2]! })}`;
  }
  return null;
}

/** A path inside the embedded app the demo admin may open (`/demo/admin?path=/app/claims/ID`). */
export function appPathOrHome(path: unknown): string {
  return typeof path === "string" && /^\/app(\/[\w-]+)*$/.test(path) ? path : "/app";
}
