import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

/** The library's Admin GraphQL client, the one thing every adapter in app/shopify receives. */
export type AdminGraphql = AdminApiContext["graphql"];
