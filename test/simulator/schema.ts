import { readFileSync } from "node:fs";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { GRAPHQL_PROJECTS } from "../../graphql.config.mjs";

// Shopify's published Admin 2026-10 introspection, loaded once. buildClientSchema keeps types and
// fields but drops Shopify's `requiredAccess` annotations, so those are read from the JSON here.

interface ShopifyIntrospectionType {
  name: string;
  requiredAccess?: string | null;
  fields?: { name: string; requiredAccess?: string | null }[] | null;
}

export interface AdminSchema {
  schema: GraphQLSchema;
  /** requiredAccess text by type name ("Order") and by field ("Location.address"). */
  requiredAccess: Map<string, string>;
}

let loaded: AdminSchema | undefined;

export function adminSchema(): AdminSchema {
  if (!loaded) {
    const json = JSON.parse(readFileSync(GRAPHQL_PROJECTS.admin.schema, "utf8")) as { data: IntrospectionQuery };
    const requiredAccess = new Map<string, string>();
    for (const type of json.data.__schema.types as unknown as ShopifyIntrospectionType[]) {
      if (type.requiredAccess) requiredAccess.set(type.name, type.requiredAccess);
      for (const field of type.fields ?? []) {
        if (field.requiredAccess) requiredAccess.set(`${type.name}.${field.name}`, field.requiredAccess);
      }
    }
    loaded = { schema: buildClientSchema(json.data), requiredAccess };
  }
  return loaded;
}

export function loadAdminSchema(): GraphQLSchema {
  return adminSchema().schema;
}
