import type { LoginError } from "@shopify/shopify-app-remix/server";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";

interface LoginErrorMessage {
  shop?: string;
}

export function loginErrorMessage(loginErrors: LoginError | undefined | null): LoginErrorMessage {
  if (loginErrors?.shop === LoginErrorType.MissingShop) {
    return { shop: "Enter your store's domain to log in, for example my-store.myshopify.com" };
  } else if (loginErrors?.shop === LoginErrorType.InvalidShop) {
    return { shop: "That is not a Shopify store domain: use the form my-store.myshopify.com" };
  }
  return {};
}
