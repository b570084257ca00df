// Where the GraphQL documents live and which of Shopify's published schemas each is checked
// against. Read by codegen.ts and by test/unit/graphql-documents.test.ts, so the two agree.
// The schema files come from scripts/fetch-shopify-schema.mjs (see docs/decisions/004-graphql-schema-source.md).
export const ADMIN_API_VERSION = "2026-10";
export const CUSTOMER_API_VERSION = "2026-07";

export const GRAPHQL_PROJECTS = {
  admin: {
    schema: `.cache/shopify-schema/admin_${ADMIN_API_VERSION}.json`,
    documents: ["app/**/*.{ts,tsx}", "!app/**/*.test.{ts,tsx}", "!app/types/**"],
  },
  customer: {
    schema: `.cache/shopify-schema/customer_${CUSTOMER_API_VERSION}.json`,
    documents: ["extensions/**/*.{ts,tsx,js,jsx}", "!extensions/**/node_modules/**", "!extensions/**/*.test.{ts,tsx}"],
  },
};
