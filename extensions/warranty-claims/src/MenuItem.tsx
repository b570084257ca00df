import "@shopify/ui-extensions/preact";
import { render } from "preact";

// The order's action menu entry. A button without href opens this extension's action target.
export default async () => {
  render(<MenuItem />, document.body);
};

function MenuItem() {
  return <s-button>{shopify.i18n.translate("menuItem")}</s-button>;
}
