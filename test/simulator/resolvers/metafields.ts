import { gidType } from "../gid";
import type { MetafieldState } from "../state";
import { connection, userError, type ResolverContext, type View } from "./context";

// Metafields on any owner. "$app" namespaces resolve to the calling app's reserved namespace, as on
// Shopify ("$app" → "app--<app id>", "$app:foo" → "app--<app id>--foo").

export const SIMULATED_APP_ID = 9100001;

export function resolveNamespace(namespace: string | null | undefined): string {
  const value = namespace ?? "$app";
  if (value === "$app") return `app--${SIMULATED_APP_ID}`;
  if (value.startsWith("$app:")) return `app--${SIMULATED_APP_ID}--${value.slice(5)}`;
  return value;
}

const JSON_TYPES = new Set(["json", "money", "rating", "dimension", "volume", "weight", "link"]);

export function metafieldView(metafield: MetafieldState): View {
  return {
    __typename: "Metafield",
    id: metafield.id,
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: () => {
      if (JSON_TYPES.has(metafield.type) || metafield.type.startsWith("list."))
        return JSON.parse(metafield.value) as unknown;
      if (metafield.type === "number_integer") return Number.parseInt(metafield.value, 10);
      if (metafield.type === "boolean") return metafield.value === "true";
      return metafield.value;
    },
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
    ownerType: ownerType(metafield.ownerId),
  };
}

function ownerType(ownerId: string): string {
  const map: Record<string, string> = {
    Product: "PRODUCT",
    ProductVariant: "PRODUCTVARIANT",
    Order: "ORDER",
    Customer: "CUSTOMER",
    Shop: "SHOP",
    DraftOrder: "DRAFTORDER",
    Location: "LOCATION",
  };
  return map[gidType(ownerId) ?? ""] ?? "SHOP";
}

/** The metafield/metafields fields every HasMetafields owner shares. */
export function metafieldFields(ctx: ResolverContext, ownerId: string): View {
  return {
    metafield: ({ namespace, key }: Record<string, unknown>) => {
      const found = ctx.store
        .metafieldsOf(ownerId)
        .find((m) => m.namespace === resolveNamespace(namespace as string | null) && m.key === key);
      return found ? metafieldView(found) : null;
    },
    metafields: (args: Record<string, unknown>) => {
      const namespace = args.namespace as string | null | undefined;
      const keys = args.keys as string[] | null | undefined;
      const list = ctx.store.metafieldsOf(ownerId).filter((m) => {
        if (namespace !== undefined && namespace !== null && m.namespace !== resolveNamespace(namespace)) return false;
        if (keys && !keys.includes(`${m.namespace}.${m.key}`)) return false;
        return true;
      });
      return connection(list, args, metafieldView);
    },
  };
}

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
}

const SUPPORTED_OWNERS = new Set(["Product", "ProductVariant", "Order", "Customer", "Shop", "DraftOrder", "Location"]);

export function metafieldsSet(ctx: ResolverContext, args: Record<string, unknown>): View {
  const inputs = args.metafields as MetafieldsSetInput[];
  const errors: ReturnType<typeof userError>[] = [];
  if (inputs.length > 25) errors.push(userError(["metafields"], "Exceeded the maximum metafields input limit of 25."));
  inputs.forEach((input, index) => {
    const type = gidType(input.ownerId);
    const exists =
      type === "Shop"
        ? input.ownerId === ctx.store.shop.id
        : type === "Product"
          ? Boolean(ctx.store.product(input.ownerId))
          : type === "ProductVariant"
            ? Boolean(ctx.store.variant(input.ownerId))
            : type === "Order"
              ? Boolean(ctx.store.order(input.ownerId))
              : type === "Customer"
                ? Boolean(ctx.store.customer(input.ownerId))
                : type === "DraftOrder"
                  ? Boolean(ctx.store.draftOrder(input.ownerId))
                  : type === "Location"
                    ? Boolean(ctx.store.location(input.ownerId))
                    : false;
    if (!type || !SUPPORTED_OWNERS.has(type) || !exists) {
      errors.push(userError(["metafields", String(index), "ownerId"], "Owner does not exist."));
    }
    const existing = ctx.store
      .metafieldsOf(input.ownerId)
      .find((m) => m.namespace === resolveNamespace(input.namespace) && m.key === input.key);
    if (!input.type && !existing) {
      errors.push(userError(["metafields", String(index), "type"], "Type can't be blank."));
    }
    if ((input.type ?? existing?.type) === "json") {
      try {
        JSON.parse(input.value);
      } catch {
        errors.push(userError(["metafields", String(index), "value"], "Value is invalid JSON."));
      }
    }
  });
  if (errors.length > 0)
    return { metafields: null, userErrors: errors.map((e) => ({ ...e, code: "INVALID_VALUE", elementIndex: null })) };
  const written = inputs.map((input) => {
    const namespace = resolveNamespace(input.namespace);
    const existing = ctx.store
      .metafieldsOf(input.ownerId)
      .find((m) => m.namespace === namespace && m.key === input.key);
    return ctx.store.setMetafield(
      input.ownerId,
      { namespace, key: input.key, type: input.type ?? existing?.type ?? "single_line_text_field", value: input.value },
      ctx.now,
    );
  });
  return { metafields: written.map(metafieldView), userErrors: [] };
}
