import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { authenticate } from "../shopify.server";
import { skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Products · Warranty Desk" }];

// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

// Per-product overrides of the shop policy: the list (app.products._index) and the editor for
// one or several products (app.products.edit).
export default function ProductOverridesLayout() {
  return <Outlet />;
}
