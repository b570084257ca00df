import { render } from "preact";
import { claimPageUrl } from "../../shared/src/links";

// The order's action menu entry: opens the order's claim page (the full-page claim-page extension).
export default async () => {
  render(<MenuItem />, document.body);
};

function MenuItem() {
  return <s-button href={claimPageUrl(shopify.orderId)}>{shopify.i18n.translate("menuItem")}</s-button>;
}
