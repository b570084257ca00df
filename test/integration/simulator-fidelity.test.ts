import { beforeEach, describe, expect, it } from "vitest";
import { GRAPHQL_PROJECTS } from "../../graphql.config.mjs";
import { unauthenticated } from "../../app/shopify.server";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { findDocuments, loadSchema } from "../support/graphql-documents";
import { responseShapeProblems } from "../support/response-shape";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// The simulator's fidelity: every query the app sends is answered with the shapes Shopify's schema
// promises (selected fields present, nulls only where allowed, enums and scalars of the right kind).
// Mutations are exercised with their effects by the services' integration tests.

const schema = loadSchema(GRAPHQL_PROJECTS.admin.schema);
const queries = findDocuments(GRAPHQL_PROJECTS.admin.documents, process.cwd()).filter((d) =>
  /^\s*query /m.test(d.source),
);
let manifest: DemoManifest;

function orderOf(scenario: string) {
  const order = manifest.customers.flatMap((c) => c.orders).find((o) => o.scenario === scenario);
  if (!order) throw new Error(scenario);
  return simulator.store(TEST_SHOP).order(order.id)!;
}

// Variables that make each query find something in the seeded store.
const VARIABLES: Record<string, () => Record<string, unknown>> = {
  WarrantyDeskShopProfile: () => ({}),
  WarrantyDeskShopContact: () => ({}),
  WarrantyDeskOrderFacts: () => ({ id: orderOf("split-shipment").id }),
  WarrantyDeskSuggestedRefund: () => {
    const order = orderOf("card-and-gift-card");
    return {
      orderId: order.id,
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1, restockType: "NO_RESTOCK" }],
    };
  },
  WarrantyDeskVariantAvailability: () => ({
    ids: [manifest.outOfStockVariantId, orderOf("split-shipment").lineItems[0]!.variantId],
  }),
  WarrantyDeskOrderReturns: () => ({ orderId: orderOf("split-shipment").id }),
  WarrantyDeskReturnLocations: () => ({ ids: simulator.store(TEST_SHOP).state.locations.map((l) => l.id) }),
  WarrantyDeskShippedOrders: () => ({ first: 8, query: "-fulfillment_status:unshipped" }),
  WarrantyDeskOrderSearch: () => ({ first: 10, query: `name:"${orderOf("split-shipment").name}"` }),
  // Looked up by id: a draft order and a return that do not exist answer null, as Shopify does.
  WarrantyDeskDraftOrder: () => ({ id: "gid://shopify/DraftOrder/999999" }),
  // A payment request whose invoice was sent: every field it selects has a value.
  WarrantyDeskPaymentRequestDraftOrder: () => {
    const store = simulator.store(TEST_SHOP);
    const at = new Date().toISOString();
    const id = store.nextId("DraftOrder");
    store.state.draftOrders.push({
      id,
      name: "#D1",
      status: "INVOICE_SENT",
      createdAt: at,
      updatedAt: at,
      completedAt: null,
      customerId: null,
      email: "shopper@example.com",
      note: null,
      tags: [],
      lineItems: [],
      appliedDiscount: null,
      shippingLine: null,
      orderId: null,
      invoicesSent: [{ at, to: "shopper@example.com", subject: null, customMessage: null }],
    });
    return { id };
  },
  WarrantyDeskReturn: () => ({ id: "gid://shopify/Return/999999" }),
  WarrantyDeskShopLocations: () => ({}),
  WarrantyDeskProductTitles: () => ({ ids: manifest.products.map((p) => p.id) }),
};

// Stores are reset after each test (test/setup/integration-setup.ts).
beforeEach(() => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 5 });
});

describe("the simulator answers the app's queries as Shopify's schema says", () => {
  it("covers every query the app has", () => {
    const names = queries.map((q) => q.source.match(/query (\w+)/)![1]!);
    expect(names.filter((name) => !VARIABLES[name])).toEqual([]);
  });

  it.each(queries.map((q) => [q.source.match(/query (\w+)/)![1]!, q] as const))("%s", async (name, query) => {
    await installTestShop();
    const { admin } = await unauthenticated.admin(TEST_SHOP);
    const response = await admin.graphql(query.source, { variables: VARIABLES[name]!() });
    const body = (await response.json()) as { data: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(responseShapeProblems(schema, query.source, body.data)).toEqual([]);
  });
});

describe("the shape check itself", () => {
  it("reports a missing field, a forbidden null and a wrong enum", () => {
    const source = "query WarrantyDeskX { shop { id name currencyCode } }";
    expect(
      responseShapeProblems(schema, source, { shop: { id: "gid://shopify/Shop/1", currencyCode: "EURO" } }),
    ).toEqual(["data.shop.name: missing", 'data.shop.currencyCode: "EURO" is not a CurrencyCode']);
    expect(responseShapeProblems(schema, source, { shop: { id: null, name: "S", currencyCode: "EUR" } })).toEqual([
      "data.shop.id: null, but the schema says it never is",
    ]);
  });
});
