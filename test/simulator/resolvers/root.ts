import { GraphQLError } from "graphql";
import { gidType } from "../gid";
import type { OrderState } from "../state";
import { orderTotal, totalRefunded } from "../store";
import { customerView, inventoryItemView, locationView, productView, shopView, variantView } from "./catalog";
import { connection, orderVisible, type FieldFn, type ResolverContext, type View } from "./context";
import { draftOrderComplete, draftOrderCreate, draftOrderInvoiceSend, draftOrderView } from "./draft-orders";
import { metafieldsSet, metafieldView } from "./metafields";
import {
  fulfillmentLineItemView,
  fulfillmentOrderView,
  fulfillmentView,
  lineItemView,
  orderView,
  transactionView,
} from "./orders";
import { refundCreate, refundView } from "./refunds";
import { returnCreate, returnProcess, returnView } from "./returns";

// QueryRoot and Mutation: the entry points the simulator implements. Every other root field
// answers the strict resolver's "not implemented" error.

/** Any object by GID, or null (also for orders outside the 60-day window without read_all_orders). */
export function nodeById(ctx: ResolverContext, id: string): View | null {
  const store = ctx.store;
  const type = gidType(id);
  const visibleOrder = (order: OrderState | undefined) => (order && orderVisible(ctx, order) ? order : undefined);
  switch (type) {
    case "Shop":
      return id === store.shop.id ? shopView(ctx) : null;
    case "Order": {
      const order = visibleOrder(store.order(id));
      return order ? orderView(ctx, order) : null;
    }
    case "Product": {
      const product = store.product(id);
      return product ? productView(ctx, product) : null;
    }
    case "ProductVariant": {
      const variant = store.variant(id);
      return variant ? variantView(ctx, variant) : null;
    }
    case "InventoryItem": {
      const variant = store.state.variants.find((v) => v.inventoryItemId === id);
      return variant ? inventoryItemView(ctx, variant) : null;
    }
    case "Location": {
      const location = store.location(id);
      return location ? locationView(ctx, location) : null;
    }
    case "Customer": {
      const customer = store.customer(id);
      return customer ? customerView(ctx, customer) : null;
    }
    case "DraftOrder": {
      const draft = store.draftOrder(id);
      return draft ? draftOrderView(ctx, draft) : null;
    }
    case "Return": {
      const ret = store.state.returns.find((r) => r.id === id);
      return ret && visibleOrder(store.order(ret.orderId)) ? returnView(ctx, ret) : null;
    }
    case "Metafield": {
      const metafield = store.state.metafields.find((m) => m.id === id);
      return metafield ? metafieldView(metafield) : null;
    }
    case "LineItem":
    case "Fulfillment":
    case "FulfillmentLineItem":
    case "FulfillmentOrder":
    case "OrderTransaction":
    case "Refund": {
      const order = visibleOrder(store.orderOwning(id));
      if (!order) return null;
      if (type === "LineItem") return lineItemView(ctx, order, order.lineItems.find((l) => l.id === id) as never);
      if (type === "Fulfillment")
        return fulfillmentView(ctx, order, order.fulfillments.find((f) => f.id === id) as never);
      if (type === "FulfillmentOrder")
        return fulfillmentOrderView(ctx, order, order.fulfillmentOrders.find((f) => f.id === id) as never);
      if (type === "OrderTransaction")
        return transactionView(ctx, order, order.transactions.find((t) => t.id === id) as never);
      if (type === "Refund") return refundView(ctx, order, order.refunds.find((r) => r.id === id) as never);
      const fli = order.fulfillments.flatMap((f) => f.lineItems).find((l) => l.id === id);
      return fli ? fulfillmentLineItemView(ctx, order, fli) : null;
    }
    default:
      if (type === null)
        throw new GraphQLError(`Invalid global id '${id}'`, { extensions: { code: "argumentLiteralsIncompatible" } });
      throw new GraphQLError(`The store simulator does not implement node lookup for ${type} ids.`);
  }
}

// ---- search syntax ---------------------------------------------------------------------------------------

interface SearchTerm {
  field: string | null;
  op: ":" | ">" | "<" | ">=" | "<=";
  value: string;
  negate: boolean;
}

function parseSearch(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(/(-)?(?:(\w+):(>=|<=|>|<)?)?("([^"]*)"|'([^']*)'|\S+)/g)) {
    const [, negate, field, op, raw, dq, sq] = match;
    if (!raw || raw === "AND") continue;
    if (raw === "OR") throw new GraphQLError("The store simulator does not implement OR in search queries.");
    terms.push({
      field: field ?? null,
      op: (op as SearchTerm["op"] | undefined) ?? ":",
      value: dq ?? sq ?? raw,
      negate: Boolean(negate),
    });
  }
  return terms;
}

function compareDate(actual: string, term: SearchTerm, ctx: ResolverContext): boolean {
  const t = new Date(actual).getTime();
  const days = /^-?(\d+)d$/.exec(term.value) ?? /^now-(\d+)d$/.exec(term.value);
  const v = days ? ctx.now.getTime() - Number(days[1]) * 86_400_000 : new Date(term.value).getTime();
  if (Number.isNaN(v)) throw new GraphQLError(`Invalid date in search query: ${term.value}`);
  switch (term.op) {
    case ">":
      return t > v;
    case ">=":
      return t >= v;
    case "<":
      return t < v;
    case "<=":
      return t <= v;
    default:
      return new Date(actual).toISOString().slice(0, 10) === new Date(v).toISOString().slice(0, 10);
  }
}

const numericId = (id: string) => id.split("/").pop() ?? id;

function orderMatches(ctx: ResolverContext, order: OrderState, term: SearchTerm): boolean {
  const value = term.value.toLowerCase();
  switch (term.field) {
    case null:
      return order.name.toLowerCase().includes(value) || (order.email ?? "").toLowerCase().includes(value);
    case "name":
      return order.name.toLowerCase() === value || order.name.toLowerCase() === `#${value}`;
    case "id":
      return numericId(order.id) === numericId(term.value);
    case "customer_id":
      return order.customerId !== null && numericId(order.customerId) === numericId(term.value);
    case "email":
      return (order.email ?? "").toLowerCase() === value;
    case "created_at":
    case "processed_at":
      return compareDate(order.createdAt, term, ctx);
    case "updated_at":
      return compareDate(order.updatedAt, term, ctx);
    case "status":
      return value === "any" || (value === "open" ? order.closedAt === null : order.closedAt !== null);
    case "financial_status":
      return value === "refunded" ? totalRefunded(order) >= orderTotal(order) : value === "paid";
    case "fulfillment_status": {
      const remaining = order.fulfillmentOrders
        .flatMap((f) => f.lineItems)
        .reduce((s, l) => s + l.remainingQuantity, 0);
      return value === "shipped" || value === "fulfilled"
        ? remaining === 0
        : value === "unshipped" || value === "unfulfilled"
          ? order.fulfillments.length === 0
          : remaining > 0;
    }
    case "tag":
      return order.tags.map((t) => t.toLowerCase()).includes(value);
    default:
      throw new GraphQLError(`The store simulator does not implement the orders search filter '${term.field}'.`);
  }
}

function sorted<T>(items: T[], sortKey: unknown, keys: Record<string, (item: T) => string | number>): T[] {
  const key = typeof sortKey === "string" ? sortKey : "ID";
  const by = keys[key];
  if (!by) throw new GraphQLError(`The store simulator does not implement sortKey ${key} here.`);
  return [...items].sort((a, b) => {
    const x = by(a);
    const y = by(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

const idNumber = (item: { id: string }) => Number(numericId(item.id));

// ---- roots -----------------------------------------------------------------------------------------------

export function queryRoot(ctx: ResolverContext): View {
  const store = ctx.store;
  return {
    shop: () => shopView(ctx),
    node: ({ id }: Record<string, unknown>) => nodeById(ctx, id as string),
    nodes: ({ ids }: Record<string, unknown>) => (ids as string[]).map((id) => nodeById(ctx, id)),
    order: ({ id }: Record<string, unknown>) =>
      gidType(id as string) === "Order" ? nodeById(ctx, id as string) : null,
    orders: (args: Record<string, unknown>) => {
      const terms = parseSearch(args.query as string | undefined);
      const list = store.state.orders
        .filter((o) => orderVisible(ctx, o))
        .filter((o) => terms.every((t) => orderMatches(ctx, o, t) !== t.negate));
      return connection(
        sorted(list, args.sortKey, {
          ID: idNumber,
          CREATED_AT: (o) => o.createdAt,
          PROCESSED_AT: (o) => o.processedAt,
          UPDATED_AT: (o) => o.updatedAt,
          ORDER_NUMBER: (o) => Number(o.name.replace(/\D/g, "")),
        }),
        args,
        (o) => orderView(ctx, o),
      );
    },
    product: ({ id }: Record<string, unknown>) =>
      gidType(id as string) === "Product" ? nodeById(ctx, id as string) : null,
    productVariant: ({ id }: Record<string, unknown>) =>
      gidType(id as string) === "ProductVariant" ? nodeById(ctx, id as string) : null,
    products: (args: Record<string, unknown>) => {
      const terms = parseSearch(args.query as string | undefined);
      const list = store.state.products.filter((p) =>
        terms.every((t) => {
          const v = t.value.toLowerCase().replace(/\*$/, "");
          const hit =
            t.field === null || t.field === "title"
              ? p.title.toLowerCase().includes(v)
              : t.field === "sku"
                ? store.variantsOf(p.id).some((variant) => variant.sku.toLowerCase() === v)
                : t.field === "id"
                  ? numericId(p.id) === numericId(t.value)
                  : (() => {
                      throw new GraphQLError(
                        `The store simulator does not implement the products search filter '${t.field}'.`,
                      );
                    })();
          return hit !== t.negate;
        }),
      );
      return connection(
        sorted(list, args.sortKey, { ID: idNumber, TITLE: (p) => p.title, CREATED_AT: (p) => p.createdAt }),
        args,
        (p) => productView(ctx, p),
      );
    },
    location: ({ id }: Record<string, unknown>) =>
      id === undefined || id === null
        ? ((store.state.locations[0] && locationView(ctx, store.state.locations[0])) ?? null)
        : gidType(id as string) === "Location"
          ? nodeById(ctx, id as string)
          : null,
    locations: (args: Record<string, unknown>) =>
      connection(
        store.state.locations.filter((l) => l.isActive || args.includeInactive === true),
        args,
        (l) => locationView(ctx, l),
      ),
    customer: ({ id }: Record<string, unknown>) =>
      gidType(id as string) === "Customer" ? nodeById(ctx, id as string) : null,
    customers: (args: Record<string, unknown>) => {
      const terms = parseSearch(args.query as string | undefined);
      const list = store.state.customers.filter((c) =>
        terms.every((t) => {
          const v = t.value.toLowerCase();
          const hit =
            t.field === "email"
              ? c.email.toLowerCase() === v
              : t.field === null
                ? `${c.firstName} ${c.lastName} ${c.email}`.toLowerCase().includes(v)
                : (() => {
                    throw new GraphQLError(
                      `The store simulator does not implement the customers search filter '${t.field}'.`,
                    );
                  })();
          return hit !== t.negate;
        }),
      );
      return connection(list, args, (c) => customerView(ctx, c));
    },
    draftOrder: ({ id }: Record<string, unknown>) =>
      gidType(id as string) === "DraftOrder" ? nodeById(ctx, id as string) : null,
    return: ({ id }: Record<string, unknown>) =>
      gidType(id as string) === "Return" ? nodeById(ctx, id as string) : null,
  };
}

export function mutationRoot(ctx: ResolverContext): Record<string, FieldFn> {
  return {
    refundCreate: (args, _ctx, info) => refundCreate(ctx, args, info),
    returnCreate: (args) => returnCreate(ctx, args),
    returnProcess: (args) => returnProcess(ctx, args),
    draftOrderCreate: (args) => draftOrderCreate(ctx, args),
    draftOrderComplete: (args) => draftOrderComplete(ctx, args),
    draftOrderInvoiceSend: (args) => draftOrderInvoiceSend(ctx, args),
    metafieldsSet: (args) => metafieldsSet(ctx, args),
  };
}
