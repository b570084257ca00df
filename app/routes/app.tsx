import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import firstPaintStyles from "../styles/first-paint.css?url";
import { authenticate } from "../shopify.server";
import { env } from "../utils/env.server";
import { skipRevalidationAfterLostConnection } from "../utils/client-action";

export const links = () => [
  { rel: "stylesheet", href: polarisStyles },
  // After Polaris's: what the server renders is seen from the first paint (app/styles/first-paint.css).
  { rel: "stylesheet", href: firstPaintStyles },
];

// The embedded admin: every page below /app is authenticated (session token + token exchange).
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return { apiKey: env().SHOPIFY_API_KEY, appBridgeUrl: env().APP_BRIDGE_URL ?? null };
};

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <NavMenu>
        <Link to="/app/claims" rel="home">
          Claims
        </Link>
        <Link to="/app/settings">Settings</Link>
        <Link to="/app/products">Products</Link>
        <Link to="/app/numbers">Numbers</Link>
        <Link to="/app/policy-tester">Policy tester</Link>
      </NavMenu>
      <main>
        <Outlet />
      </main>
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses (redirects out of the iframe, 401 with the
// retry header) so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
