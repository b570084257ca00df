// Links to the claim pages (extensions/claim-page, a full-page extension on the order). Shopify's
// form for an order-scoped full page: extension:<handle>/customer-account.order.page.render/<order id>/<path>.
export const CLAIM_PAGE_HANDLE = "claim-page";

/** The order's claim page (the form), or one claim's page. */
export function claimPageUrl(orderId: string, claimId?: string): string {
  const orderNumber = orderId.split("/").pop() ?? orderId;
  const base = `extension:${CLAIM_PAGE_HANDLE}/customer-account.order.page.render/${orderNumber}/`;
  return claimId ? `${base}claims/${encodeURIComponent(claimId)}` : base;
}

/** The claim a page URL points at, if any. */
export function claimIdOf(url: string | null | undefined): string | null {
  const match = /\/claims\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url ?? "");
  return match ? decodeURIComponent(match[1]!) : null;
}
