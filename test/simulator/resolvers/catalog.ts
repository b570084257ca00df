import { formatMoney } from "../money";
import { gid, parseGid } from "../gid";
import type { CustomerState, LocationState, ProductState, VariantState } from "../state";
import { connection, count, type ResolverContext, type View } from "./context";
import { metafieldFields } from "./metafields";
import { orderVisible } from "./context";
import { orderView } from "./orders";

// Shop, locations, products, variants, inventory and customers.

const legacyId = (id: string) => parseGid(id)?.id ?? id;

export function shopView(ctx: ResolverContext): View {
  const shop = ctx.store.shop;
  return {
    __typename: "Shop",
    id: shop.id,
    name: shop.name,
    myshopifyDomain: shop.myshopifyDomain,
    ianaTimezone: shop.ianaTimezone,
    currencyCode: shop.currencyCode,
    email: shop.email,
    contactEmail: shop.email,
    url: `https://${shop.myshopifyDomain}`,
    enabledPresentmentCurrencies: [shop.currencyCode],
    taxesIncluded: true,
    ...metafieldFields(ctx, shop.id),
  };
}

export function locationView(ctx: ResolverContext, location: LocationState): View {
  return {
    __typename: "Location",
    id: location.id,
    legacyResourceId: legacyId(location.id),
    name: location.name,
    isActive: location.isActive,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    address: {
      address1: location.address1,
      address2: null,
      city: location.city,
      zip: location.zip,
      province: null,
      provinceCode: null,
      countryCode: location.countryCode,
      country: regionName(location.countryCode),
      phone: null,
      latitude: null,
      longitude: null,
      formatted: [location.address1, `${location.zip} ${location.city}`, regionName(location.countryCode)],
    },
    inventoryLevels: (args: Record<string, unknown>) =>
      connection(
        ctx.store.state.variants.filter((v) => location.id in v.inventory).map((v) => levelOf(v, location)),
        args,
        (level) => inventoryLevelView(ctx, level.variant, level.location),
      ),
  };
}

function regionName(countryCode: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(countryCode) ?? countryCode;
  } catch {
    return countryCode;
  }
}

const levelOf = (variant: VariantState, location: LocationState) => ({
  id: `${gid("InventoryLevel", legacyId(variant.inventoryItemId))}?inventory_item_id=${legacyId(variant.inventoryItemId)}&location_id=${legacyId(location.id)}`,
  variant,
  location,
});

export function inventoryLevelView(ctx: ResolverContext, variant: VariantState, location: LocationState): View {
  const available = variant.inventory[location.id] ?? 0;
  const now = ctx.now.toISOString();
  return {
    __typename: "InventoryLevel",
    id: levelOf(variant, location).id,
    isActive: true,
    canDeactivate: true,
    createdAt: ctx.store.product(variant.productId)?.createdAt ?? now,
    updatedAt: now,
    location: locationView(ctx, location),
    item: inventoryItemView(ctx, variant),
    quantities: ({ names }: Record<string, unknown>) =>
      (names as string[]).map((name) => ({
        id: `${levelOf(variant, location).id}&name=${name}`,
        name,
        // The simulator keeps one number per location: nothing is committed, reserved or incoming.
        quantity: name === "available" || name === "on_hand" ? available : 0,
        updatedAt: now,
      })),
  };
}

export function inventoryItemView(ctx: ResolverContext, variant: VariantState): View {
  const locations = ctx.store.state.locations.filter((l) => l.id in variant.inventory);
  return {
    __typename: "InventoryItem",
    id: variant.inventoryItemId,
    legacyResourceId: legacyId(variant.inventoryItemId),
    sku: variant.sku,
    tracked: true,
    requiresShipping: true,
    variant: () => variantView(ctx, variant),
    inventoryLevels: (args: Record<string, unknown>) =>
      connection(
        locations.map((l) => levelOf(variant, l)),
        args,
        (level) => inventoryLevelView(ctx, variant, level.location),
      ),
    inventoryLevel: ({ locationId }: Record<string, unknown>) => {
      const location = locations.find((l) => l.id === locationId);
      return location ? inventoryLevelView(ctx, variant, location) : null;
    },
    locationsCount: count(locations.length),
  };
}

export function variantView(ctx: ResolverContext, variant: VariantState): View {
  const product = ctx.store.product(variant.productId);
  const currency = ctx.store.shop.currencyCode;
  const quantity = Object.values(variant.inventory).reduce((s, n) => s + n, 0);
  return {
    __typename: "ProductVariant",
    id: variant.id,
    legacyResourceId: legacyId(variant.id),
    title: variant.title,
    displayName: `${product?.title ?? ""} - ${variant.title}`,
    sku: variant.sku,
    price: formatMoney(variant.price, currency),
    compareAtPrice: null,
    inventoryQuantity: quantity,
    availableForSale: quantity > 0,
    selectedOptions: [{ name: "Title", value: variant.title }],
    product: () => (product ? productView(ctx, product) : null),
    inventoryItem: () => inventoryItemView(ctx, variant),
    ...metafieldFields(ctx, variant.id),
  };
}

export function productView(ctx: ResolverContext, product: ProductState): View {
  const variants = ctx.store.variantsOf(product.id);
  return {
    __typename: "Product",
    id: product.id,
    legacyResourceId: legacyId(product.id),
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.createdAt,
    tags: [],
    totalInventory: variants.reduce((s, v) => s + Object.values(v.inventory).reduce((a, n) => a + n, 0), 0),
    hasOnlyDefaultVariant: variants.length === 1 && variants[0]?.title === "Default Title",
    variants: (args: Record<string, unknown>) => connection(variants, args, (v) => variantView(ctx, v)),
    variantsCount: count(variants.length),
    featuredMedia: null,
    ...metafieldFields(ctx, product.id),
  };
}

export function customerView(ctx: ResolverContext, customer: CustomerState): View {
  const orders = ctx.store.state.orders.filter((o) => o.customerId === customer.id);
  return {
    __typename: "Customer",
    id: customer.id,
    legacyResourceId: legacyId(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`.trim(),
    email: customer.email,
    phone: customer.phone,
    createdAt: customer.createdAt,
    updatedAt: customer.createdAt,
    locale: "en",
    defaultEmailAddress: {
      emailAddress: customer.email,
      marketingState: "NOT_SUBSCRIBED",
      validFormat: true,
    },
    defaultPhoneNumber: customer.phone ? { phoneNumber: customer.phone, marketingState: "NOT_SUBSCRIBED" } : null,
    numberOfOrders: String(orders.length),
    orders: (args: Record<string, unknown>) =>
      connection(
        orders.filter((o) => orderVisible(ctx, o)),
        args,
        (o) => orderView(ctx, o),
      ),
    ...metafieldFields(ctx, customer.id),
  };
}
