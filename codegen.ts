import type { CodegenConfig } from "@graphql-codegen/cli";
import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";
import { GRAPHQL_PROJECTS } from "./graphql.config.mjs";

// Types for every `#graphql` operation in app/, generated from Shopify's published Admin schema
// (the local introspection file, never the network) in the layout @shopify/api-codegen-preset
// uses, so `admin.graphql(QUERY)` is typed through @shopify/admin-api-client.
// Run `npm run codegen`; CI fails when app/types is stale.
const admin = GRAPHQL_PROJECTS.admin;

const config: CodegenConfig = {
  overwrite: true,
  // Shopify's pluck rules find `#graphql` inside template literals; its type is wider than codegen's.
  pluckConfig: pluckConfig as CodegenConfig["pluckConfig"],
  generates: {
    "./app/types/admin.types.d.ts": {
      schema: admin.schema,
      plugins: ["typescript"],
      // Enums as string unions: declarations cannot carry runtime enums, and unions accept literals.
      config: { defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsTypes: true },
    },
    "./app/types/admin.generated.d.ts": {
      schema: admin.schema,
      documents: admin.documents,
      preset,
      presetConfig: { apiType: ApiType.Admin },
    },
  },
};

export default config;
