import type { LoaderFunctionArgs } from "@remix-run/node";
import { ShopifyError } from "@shopify/shopify-api";
import { DomainError } from "../domain/errors";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";

const EXIT_IFRAME_PATH = "/auth/exit-iframe";

// Shopify's auth paths (/auth/...): the library handles them and redirects or renders.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  try {
    await authenticate.admin(request);
  } catch (error) {
    // On /auth/exit-iframe the library refuses a missing or untrusted ?exitIframe= destination by
    // throwing a plain error, which would be a 500: it is the caller's mistake.
    if (error instanceof ShopifyError && new URL(request.url).pathname === EXIT_IFRAME_PATH) {
      throw errorResponse(
        new DomainError(
          "invalid",
          "exit_iframe.invalid_destination",
          "This link has no destination, or one outside this app and the Shopify admin. Open the app again from the Shopify admin.",
        ),
      );
    }
    throw error;
  }
  return null;
};
