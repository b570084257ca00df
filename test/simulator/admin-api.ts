import {
  execute,
  getNamedType,
  getOperationAST,
  GraphQLError,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from "graphql";
import { queryCost, SINGLE_QUERY_MAX_COST } from "./cost";
import { mutationRoot, queryRoot } from "./resolvers/root";
import type { FieldFn, ResolverContext } from "./resolvers/context";
import { adminSchema } from "./schema";
import { hasAccess, parseRequiredAccess } from "./scopes";
import type { LeakyBucket, ThrottleStatus } from "./throttle";

export { loadAdminSchema } from "./schema";

// The Admin API's execution: parse, validate against Shopify's schema, price the query, take it
// from the bucket, run it with the strict resolver (access scopes checked field by field), and
// answer with extensions.cost as Shopify does.

const ACCESS_DOC = "https://shopify.dev/api/usage/access-scopes";

function notImplemented(info: GraphQLResolveInfo): GraphQLError {
  return new GraphQLError(
    `The store simulator does not implement ${info.parentType.name}.${info.fieldName}; add it to test/simulator before using it.`,
    { extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR", field: `${info.parentType.name}.${info.fieldName}` } },
  );
}

function accessDenied(info: GraphQLResolveInfo, requiredAccess: string): GraphQLError {
  return new GraphQLError(`Access denied for ${info.fieldName} field. Required access: ${requiredAccess}`, {
    extensions: { code: "ACCESS_DENIED", documentation: ACCESS_DOC, requiredAccess },
  });
}

/** The type whose requirement guards a field: its return type, or a connection's/edge's node type. */
function guardedTypeName(info: GraphQLResolveInfo): string {
  const named = getNamedType(info.returnType).name;
  if (named.endsWith("Connection")) return named.slice(0, -"Connection".length);
  if (named.endsWith("Edge")) return named.slice(0, -"Edge".length);
  return named;
}

export function checkAccess(
  ctx: ResolverContext,
  typeName: string,
  fieldName: string,
  isMutation: boolean,
  guarded: string | null,
): string | null {
  const { requiredAccess } = adminSchema();
  for (const key of [`${typeName}.${fieldName}`, guarded]) {
    if (!key) continue;
    const text = requiredAccess.get(key);
    if (!text) continue;
    const scopes = parseRequiredAccess(text, isMutation && key.includes("."));
    if (scopes && !hasAccess(ctx.scopes, scopes)) return text;
  }
  return null;
}

const strictFieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, ctx, info) => {
  const isMutation = info.parentType === info.schema.getMutationType();
  const guarded = guardedTypeName(info);
  const denied = checkAccess(
    ctx,
    info.parentType.name,
    info.fieldName,
    isMutation,
    guarded === info.parentType.name ? null : guarded,
  );
  if (denied) throw accessDenied(info, denied);
  const value = source && typeof source === "object" ? (source as Record<string, unknown>)[info.fieldName] : undefined;
  if (value === undefined) throw notImplemented(info);
  const resolved = typeof value === "function" ? (value as FieldFn)(args, ctx, info) : value;
  // An abstract field (node, nodes) answers a concrete object: check that type's scopes too.
  if (
    resolved &&
    typeof resolved === "object" &&
    "__typename" in resolved &&
    !isObjectType(getNamedType(info.returnType))
  ) {
    const concrete = String((resolved as { __typename: unknown }).__typename);
    const text = adminSchema().requiredAccess.get(concrete);
    const scopes = text ? parseRequiredAccess(text, false) : null;
    if (text && scopes && !hasAccess(ctx.scopes, scopes)) throw accessDenied(info, text);
  }
  return resolved;
};

const typeResolver: GraphQLTypeResolver<unknown, ResolverContext> = (value, _ctx, info, abstractType) => {
  const name = value && typeof value === "object" ? (value as { __typename?: unknown }).__typename : undefined;
  if (typeof name !== "string") {
    throw new GraphQLError(`The store simulator cannot tell which ${abstractType.name} this is (${info.fieldName}).`);
  }
  return name;
};

export interface GraphqlBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export type AdminResult = ExecutionResult & { extensions?: { cost?: CostExtension } & Record<string, unknown> };

const documentCache = new Map<string, DocumentNode | readonly GraphQLError[]>();

function parseAndValidate(query: string): DocumentNode | readonly GraphQLError[] {
  const cached = documentCache.get(query);
  if (cached) return cached;
  let result: DocumentNode | readonly GraphQLError[];
  try {
    const document = parse(query);
    const errors = validate(adminSchema().schema, document);
    result = errors.length > 0 ? errors : document;
  } catch (error) {
    result = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  if (documentCache.size > 500) documentCache.clear();
  documentCache.set(query, result);
  return result;
}

export async function executeAdminRequest(
  ctx: ResolverContext,
  body: GraphqlBody,
  bucket: LeakyBucket,
): Promise<AdminResult> {
  const { schema } = adminSchema();
  const parsed = parseAndValidate(body.query);
  if (!("kind" in parsed)) return { errors: parsed };
  const document = parsed;
  const operation = getOperationAST(document, body.operationName ?? undefined);
  if (!operation)
    return { errors: [new GraphQLError("An operation name is required when the document has several operations.")] };
  const variables = body.variables ?? {};
  const requested = queryCost({ schema, document, operation, variables });
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      errors: [
        new GraphQLError(
          `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          { extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST } },
        ),
      ],
    };
  }
  if (!bucket.take(requested, ctx.now)) {
    return {
      errors: [
        new GraphQLError("Throttled", {
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        }),
      ],
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status(ctx.now) },
      },
    };
  }
  const rootValue = operation.operation === "mutation" ? mutationRoot(ctx) : queryRoot(ctx);
  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: ctx,
    variableValues: variables,
    operationName: body.operationName ?? undefined,
    fieldResolver: strictFieldResolver,
    typeResolver,
  });
  const actual = queryCost({ schema, document, operation, variables, data: result.data ?? null });
  bucket.giveBack(requested - actual, ctx.now);
  return {
    ...result,
    extensions: {
      ...result.extensions,
      cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status(ctx.now) },
    },
  };
}
