import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/react";
import { authenticate } from "../shopify.server";
import { skipRevalidationAfterLostConnection } from "../utils/client-action";

// The app's home is the claims inbox. Shopify opens /app with its embedded params (shop, host,
// id_token …): they travel along, so the inbox authenticates the same document request.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const url = new URL(request.url);
  return redirect(`/app/claims${url.search}`);
};
