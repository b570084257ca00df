import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../simulator/seed";
import { harness, TOKEN } from "./harness";

const ORDER_QUERY = /* GraphQL */ `
  query DemoOrder($id: ID!) {
    order(id: $id) {
      id
      name
      createdAt
      customer {
        id
        displayName
        defaultEmailAddress {
          emailAddress
        }
      }
      lineItems(first: 10) {
        nodes {
          id
          title
          quantity
          currentQuantity
          refundableQuantity
          product {
            id
            title
            components: metafield(namespace: "$app", key: "components") {
              jsonValue
            }
          }
          variant {
            id
            sku
          }
          originalUnitPriceSet {
            shopMoney {
              amount
              currencyCode
            }
            presentmentMoney {
              amount
              currencyCode
            }
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
            }
          }
          discountAllocations {
            allocatedAmountSet {
              shopMoney {
                amount
              }
            }
          }
        }
      }
      shippingLines(first: 5) {
        nodes {
          title
          originalPriceSet {
            shopMoney {
              amount
            }
          }
        }
      }
      fulfillmentOrders(first: 5) {
        nodes {
          id
          status
          assignedLocation {
            countryCode
            location {
              id
            }
          }
        }
      }
      fulfillments {
        id
        createdAt
        deliveredAt
        estimatedDeliveryAt
        inTransitAt
        displayStatus
        location {
          id
          name
        }
        trackingInfo {
          company
          number
        }
        fulfillmentLineItems(first: 10) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
        events(first: 10, sortKey: HAPPENED_AT) {
          nodes {
            status
            happenedAt
          }
        }
      }
      transactions {
        id
        kind
        status
        gateway
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        parentTransaction {
          id
        }
      }
    }
  }
`;

interface OrderData {
  order: {
    name: string;
    customer: { displayName: string; defaultEmailAddress: { emailAddress: string } };
    lineItems: {
      nodes: {
        quantity: number;
        refundableQuantity: number;
        product: { components: { jsonValue: { name: string }[] } | null };
        originalUnitPriceSet: {
          shopMoney: { amount: string; currencyCode: string };
          presentmentMoney: { amount: string };
        };
        discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { amount: string } };
        discountAllocations: { allocatedAmountSet: { shopMoney: { amount: string } } }[];
      }[];
    };
    fulfillmentOrders: { nodes: { assignedLocation: { countryCode: string; location: { id: string } } }[] };
    fulfillments: {
      deliveredAt: string | null;
      estimatedDeliveryAt: string | null;
      inTransitAt: string | null;
      displayStatus: string;
      location: { id: string; name: string };
      fulfillmentLineItems: { nodes: { id: string; quantity: number }[] };
      events: { nodes: { status: string; happenedAt: string }[] };
    }[];
    transactions: {
      kind: string;
      gateway: string;
      amountSet: { shopMoney: { amount: string; currencyCode: string } };
    }[];
  } | null;
}

describe("reading orders from the simulated Admin API", () => {
  it("answers an order with line items, money bags, fulfillments, events and transactions", async () => {
    const { gql, order, manifest } = harness();
    const res = await gql<OrderData>(ORDER_QUERY, { id: order("delivered-today") });
    expect(res.errors).toBeUndefined();
    const o = res.data?.order;
    expect(o?.customer.defaultEmailAddress.emailAddress).toBe(manifest.customers[0]?.email);
    const line = o?.lineItems.nodes[0];
    expect(line?.originalUnitPriceSet.shopMoney).toEqual({ amount: "499.0", currencyCode: "EUR" });
    expect(line?.originalUnitPriceSet.presentmentMoney.amount).toBe("499.0");
    expect(line?.refundableQuantity).toBe(1);
    expect(line?.product.components?.jsonValue.map((c) => c.name)).toEqual(["charger", "battery", "cable"]);
    const f = o?.fulfillments[0];
    expect(f?.displayStatus).toBe("DELIVERED");
    expect(f?.deliveredAt).not.toBeNull();
    expect(f?.events.nodes.map((e) => e.status)).toEqual(["IN_TRANSIT", "DELIVERED"]);
    expect(f?.events.nodes[1]?.happenedAt).toBe(f?.deliveredAt);
    expect(o?.transactions).toEqual([
      expect.objectContaining({
        kind: "SALE",
        gateway: "shopify_payments",
        amountSet: { shopMoney: { amount: "504.9", currencyCode: "EUR" } },
      }),
    ]);
  });

  it("shows a split shipment from two warehouses through fulfillment orders and fulfillment locations", async () => {
    const { gql, order, manifest } = harness();
    const res = await gql<OrderData>(ORDER_QUERY, { id: order("split-shipment") });
    const o = res.data?.order;
    expect(o?.fulfillmentOrders.nodes.map((fo) => fo.assignedLocation.countryCode)).toEqual(["DE", "CN"]);
    expect(o?.fulfillments.map((f) => f.location.id)).toEqual(manifest.locations.map((l) => l.id));
    expect(o?.fulfillments.every((f) => f.fulfillmentLineItems.nodes.length === 1)).toBe(true);
  });

  it("has fulfillments without a delivery date: an estimate only, and neither", async () => {
    const { gql, order } = harness();
    const estimated = (await gql<OrderData>(ORDER_QUERY, { id: order("estimated-delivery-only") })).data?.order
      ?.fulfillments[0];
    expect(estimated).toMatchObject({ deliveredAt: null, displayStatus: "IN_TRANSIT" });
    expect(estimated?.estimatedDeliveryAt).not.toBeNull();
    expect(estimated?.events.nodes.some((e) => e.status === "DELIVERED")).toBe(false);
    const neither = (await gql<OrderData>(ORDER_QUERY, { id: order("no-delivery-date") })).data?.order?.fulfillments[0];
    expect(neither).toMatchObject({
      deliveredAt: null,
      estimatedDeliveryAt: null,
      inTransitAt: null,
      displayStatus: "FULFILLED",
    });
    const unfulfilled = (await gql<OrderData>(ORDER_QUERY, { id: order("unfulfilled") })).data?.order;
    expect(unfulfilled?.fulfillments).toEqual([]);
  });

  it("prices a discounted line after its discount, in decimal strings", async () => {
    const { gql, order } = harness();
    const line = (await gql<OrderData>(ORDER_QUERY, { id: order("discounted-line") })).data?.order?.lineItems.nodes[0];
    expect(line?.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount).toBe("424.15");
    expect(line?.discountAllocations[0]?.allocatedAmountSet.shopMoney.amount).toBe("74.85");
  });

  it("lists orders as a connection with pageInfo, filtered by a search query", async () => {
    const { gql, manifest } = harness();
    const customer = manifest.customers[0];
    const numeric = customer?.id.split("/").pop();
    const res = await gql<{
      orders: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      `query { orders(first: 2, query: "customer_id:${numeric}", sortKey: CREATED_AT) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(res.data?.orders.nodes).toHaveLength(2);
    expect(res.data?.orders.pageInfo.hasNextPage).toBe(true);
    const next = await gql<{ orders: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      `query($after: String) { orders(first: 2, after: $after, query: "customer_id:${numeric}", sortKey: CREATED_AT) { nodes { id } pageInfo { hasNextPage } } }`,
      { after: res.data?.orders.pageInfo.endCursor },
    );
    const all = [...(res.data?.orders.nodes ?? []), ...(next.data?.orders.nodes ?? [])].map((n) => n.id).sort();
    expect(all).toEqual(customer?.orders.map((o) => o.id).sort());
  });

  it("finds objects by GID with node and nodes", async () => {
    const { gql, order, manifest } = harness();
    const res = await gql<{ nodes: ({ __typename: string; id?: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Order { name } ... on Location { name } } }`,
      { ids: [order("unfulfilled"), manifest.locations[1]?.id, "gid://shopify/Order/999999"] },
    );
    expect(res.data?.nodes.map((n) => n?.__typename ?? null)).toEqual(["Order", "Location", null]);
  });
});

describe("the simulator fails clearly", () => {
  it("answers a field it does not implement with an error naming Type.field, never null", async () => {
    const { gql, order } = harness();
    const res = await gql(`query($id: ID!) { order(id: $id) { id billingAddress { city } } }`, {
      id: order("unfulfilled"),
    });
    expect(res.errors?.[0]?.message).toContain("does not implement Order.billingAddress");
    expect(res.errors?.[0]?.path).toEqual(["order", "billingAddress"]);
  });

  it("refuses a field Shopify's schema does not have, before running anything", async () => {
    const { gql } = harness();
    const res = await gql(`query { shop { name deliveredAt } }`);
    expect(res.errors?.[0]?.message).toBe('Cannot query field "deliveredAt" on type "Shop".');
    expect(res.data).toBeUndefined();
  });

  it("answers 401 without a valid access token", async () => {
    const { gql } = harness();
    const res = await gql(`query { shop { name } }`, {}, "shpat_unknown");
    expect(res.status).toBe(401);
    expect(res.errors).toBe("[API] Invalid API key or access token (unrecognized login or wrong password)");
  });

  it("answers only Shopify hosts it simulates", async () => {
    const { sim } = harness();
    expect(
      await sim.handle(new Request("https://example.com/admin/api/2026-10/graphql.json", { method: "POST" })),
    ).toBeNull();
    const other = await sim.handle(
      new Request(`https://${DEMO_SHOP}/admin/api/2024-01/graphql.json`, { method: "POST" }),
    );
    expect(other?.status).toBe(404);
    expect(TOKEN).toBeTruthy();
  });
});
