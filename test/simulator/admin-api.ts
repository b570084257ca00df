import { readFileSync } from "node:fs";
import {
  buildClientSchema,
  graphql,
  type GraphQLFieldResolver,
  GraphQLError,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { GRAPHQL_PROJECTS } from "../../graphql.config.mjs";

// The start of the store simulator: an Admin API that runs on Shopify's published 2026-10 schema.
// Every request is parsed and validated against the real schema before it runs, and a field the
// simulator does not implement answers an error naming it (never a silent null).

let adminSchema: GraphQLSchema | undefined;
export function loadAdminSchema(): GraphQLSchema {
  if (!adminSchema) {
    const json = JSON.parse(readFileSync(GRAPHQL_PROJECTS.admin.schema, "utf8")) as { data: IntrospectionQuery };
    adminSchema = buildClientSchema(json.data);
  }
  return adminSchema;
}

export interface SimulatedShop {
  id: string;
  name: string;
  myshopifyDomain: string;
  ianaTimezone: string;
  currencyCode: string;
}

export interface SimulatedStore {
  shop: SimulatedShop;
}

const strictFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  const value = source && typeof source === "object" ? (source as Record<string, unknown>)[info.fieldName] : undefined;
  if (value === undefined) {
    throw new GraphQLError(
      `The store simulator does not implement ${info.parentType.name}.${info.fieldName}; add it to test/simulator before using it.`,
    );
  }
  return typeof value === "function" ? (value as (args: unknown) => unknown)(_args) : value;
};

export async function executeAdminQuery(
  store: SimulatedStore,
  body: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
) {
  return graphql({
    schema: loadAdminSchema(),
    source: body.query,
    variableValues: body.variables ?? undefined,
    operationName: body.operationName ?? undefined,
    rootValue: { shop: store.shop },
    fieldResolver: strictFieldResolver,
  });
}
