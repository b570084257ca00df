import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { formatMoney } from "../money";
import type { SimulatedStore } from "../store";
import type { OrderState } from "../state";

// What every resolver sees, and the small helpers shared by the domain resolvers.

export interface ResolverContext {
  store: SimulatedStore;
  now: Date;
  /** Effective scopes of the calling token (write implies read). */
  scopes: ReadonlySet<string>;
}

/**
 * An object the strict field resolver reads: each GraphQL field is a value or a function of the
 * field's arguments. A field that is missing here is "not implemented" and answers an error.
 */
export type Resolved = unknown;
export type FieldFn = (args: Record<string, unknown>, ctx: ResolverContext, info: GraphQLResolveInfo) => Resolved;
export interface View {
  __typename?: string;
  [field: string]: Resolved | FieldFn;
}

export const userError = (field: string[] | null, message: string) => ({ field, message });

export function moneyV2(minor: number, currencyCode: string): View {
  return { amount: formatMoney(minor, currencyCode), currencyCode };
}

/** A MoneyBag in the shop currency; the simulator's orders are presented in the shop currency. */
export function moneyBag(ctx: ResolverContext, minor: number): View {
  const money = moneyV2(minor, ctx.store.shop.currencyCode);
  return { shopMoney: money, presentmentMoney: money };
}

// ---- the 60-day order window ------------------------------------------------------------------------

export const ORDER_VISIBILITY_DAYS = 60;

export function orderVisible(ctx: ResolverContext, order: OrderState): boolean {
  if (ctx.scopes.has("read_all_orders")) return true;
  const limit = ctx.now.getTime() - ORDER_VISIBILITY_DAYS * 24 * 60 * 60 * 1000;
  return new Date(order.createdAt).getTime() >= limit;
}

// ---- connections ------------------------------------------------------------------------------------

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

const encodeCursor = (id: string) => Buffer.from(JSON.stringify({ id }), "utf8").toString("base64url");
function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { id?: unknown };
    if (typeof parsed.id === "string") return parsed.id;
  } catch {
    // fall through
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`);
}

export const MAX_PAGE_SIZE = 250;

/** A Relay connection over `items`, paged like Shopify (first or last is required, at most 250). */
export function connection<T extends { id: string }>(
  items: readonly T[],
  rawArgs: Record<string, unknown>,
  toView: (item: T) => Resolved,
): View {
  const args = rawArgs as ConnectionArgs;
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  for (const size of [first, last]) {
    if (typeof size === "number" && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`The first and last arguments must be between 0 and ${MAX_PAGE_SIZE}`, {
        extensions: { code: "BAD_REQUEST" },
      });
    }
  }
  let list = args.reverse ? [...items].reverse() : [...items];
  let start = 0;
  let end = list.length;
  if (args.after) {
    const index = list.findIndex((item) => item.id === decodeCursor(args.after as string));
    start = index + 1;
  }
  if (args.before) {
    const index = list.findIndex((item) => item.id === decodeCursor(args.before as string));
    if (index >= 0) end = index;
  }
  list = list.slice(start, end);
  const windowStart = start;
  const windowLength = list.length;
  let offset = 0;
  if (typeof first === "number") list = list.slice(0, first);
  if (typeof last === "number" && list.length > last) {
    offset = list.length - last;
    list = list.slice(offset);
  }
  const hasNextPage = typeof first === "number" ? windowLength > first : end < items.length;
  const hasPreviousPage = typeof last === "number" ? offset > 0 : windowStart > 0;
  const edges = list.map((item) => ({ cursor: encodeCursor(item.id), node: toView(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A "count" object (Count type) as Shopify returns for *Count fields. */
export const count = (n: number): View => ({ count: n, precision: "EXACT" });

/** Reads an ID argument and checks it is a GID of the expected type. */
export function expectGid(value: unknown, type: string, argument = "id"): string {
  if (typeof value !== "string" || !value.startsWith(`gid://shopify/${type}/`)) {
    throw new GraphQLError(`Invalid id: ${String(value)}`, { extensions: { code: "RESOURCE_NOT_FOUND", argument } });
  }
  return value;
}
