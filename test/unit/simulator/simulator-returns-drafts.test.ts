import { describe, expect, it } from "vitest";
import { harness } from "./harness";

describe("returns", () => {
  it("creates a return for a fulfillment line item and processes it with a refund", async () => {
    const h = harness();
    const id = h.order("delivered-2-days-ago");
    const read = await h.gql<{
      order: { fulfillments: { fulfillmentLineItems: { nodes: { id: string }[] } }[]; transactions: { id: string }[] };
    }>(
      `query($id: ID!) { order(id: $id) { fulfillments { fulfillmentLineItems(first: 5) { nodes { id } } } transactions { id } } }`,
      { id },
    );
    const fli = read.data?.order.fulfillments[0]?.fulfillmentLineItems.nodes[0]?.id;
    const created = await h.gql<{
      returnCreate: {
        return: { id: string; status: string; returnLineItems: { nodes: { id: string; quantity: number }[] } } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id status returnLineItems(first: 5) { nodes { id quantity } } } userErrors { field message code } } }`,
      {
        input: {
          orderId: id,
          returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonNote: "Arrived broken" }],
        },
      },
    );
    expect(created.data?.returnCreate.userErrors).toEqual([]);
    const ret = created.data?.returnCreate.return;
    expect(ret?.status).toBe("OPEN");
    const tooMany = await h.gql<{ returnCreate: { userErrors: { field: string[] }[] } }>(
      `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id } userErrors { field message code } } }`,
      { input: { orderId: id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1 }] } },
    );
    expect(tooMany.data?.returnCreate.userErrors[0]?.field).toEqual([
      "returnInput",
      "returnLineItems",
      "0",
      "quantity",
    ]);
    const processed = await h.gql<{
      returnProcess: {
        return: {
          status: string;
          refunds: { nodes: { totalRefundedSet: { shopMoney: { amount: string } } }[] };
        } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { return { status refunds(first: 5) { nodes { totalRefundedSet { shopMoney { amount } } } } } userErrors { field message } } }`,
      {
        input: {
          returnId: ret?.id,
          returnLineItems: [{ id: ret?.returnLineItems.nodes[0]?.id, quantity: 1 }],
          financialTransfer: {
            issueRefund: {
              orderTransactions: [
                {
                  parentId: read.data?.order.transactions[0]?.id,
                  transactionAmount: { amount: "79.50", currencyCode: "EUR" },
                },
              ],
            },
          },
        },
      },
    );
    expect(processed.data?.returnProcess.userErrors).toEqual([]);
    expect(processed.data?.returnProcess.return?.status).toBe("CLOSED");
    expect(processed.data?.returnProcess.return?.refunds.nodes[0]?.totalRefundedSet.shopMoney.amount).toBe("79.5");
    const returns = await h.gql<{ order: { returns: { nodes: { status: string }[] } } }>(
      `query($id: ID!) { order(id: $id) { returns(first: 5) { nodes { status } } } }`,
      { id },
    );
    expect(returns.data?.order.returns.nodes).toEqual([{ status: "CLOSED" }]);
  });
});

describe("draft orders", () => {
  it("creates a $0 replacement with a 100% discount and free shipping, and completes it into an order", async () => {
    const h = harness();
    const customer = h.manifest.customers[0];
    const variantId = h.sim.store(h.manifest.shop).state.variants[0]?.id;
    const created = await h.gql<{
      draftOrderCreate: {
        draftOrder: { id: string; totalPriceSet: { shopMoney: { amount: string } }; customer: { id: string } } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation($input: DraftOrderInput!) { draftOrderCreate(input: $input) { draftOrder { id totalPriceSet { shopMoney { amount } } customer { id } } userErrors { field message } } }`,
      {
        input: {
          purchasingEntity: { customerId: customer?.id },
          lineItems: [{ variantId, quantity: 1 }],
          appliedDiscount: { valueType: "PERCENTAGE", value: 100, title: "Warranty replacement" },
          shippingLine: { title: "Free replacement shipping", price: "0.00" },
        },
      },
    );
    expect(created.data?.draftOrderCreate.userErrors).toEqual([]);
    expect(created.data?.draftOrderCreate.draftOrder?.totalPriceSet.shopMoney.amount).toBe("0.0");
    const completed = await h.gql<{
      draftOrderComplete: {
        draftOrder: {
          status: string;
          order: { id: string; totalPriceSet: { shopMoney: { amount: string } }; customer: { id: string } };
        };
      };
    }>(
      `mutation($id: ID!) { draftOrderComplete(id: $id) { draftOrder { status order { id totalPriceSet { shopMoney { amount } } customer { id } } } userErrors { field message } } }`,
      { id: created.data?.draftOrderCreate.draftOrder?.id },
    );
    expect(completed.data?.draftOrderComplete.draftOrder).toMatchObject({
      status: "COMPLETED",
      order: { totalPriceSet: { shopMoney: { amount: "0.0" } }, customer: { id: customer?.id } },
    });
  });
});

describe("metafields", () => {
  it("writes with metafieldsSet in the app namespace and reads back by namespace and key", async () => {
    const h = harness();
    const productId = h.manifest.products.find((p) => p.components.length === 0)?.id;
    const set = await h.gql<{ metafieldsSet: { metafields: { namespace: string }[]; userErrors: unknown[] } }>(
      `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { namespace key } userErrors { field message } } }`,
      {
        m: [
          {
            ownerId: productId,
            namespace: "$app",
            key: "components",
            type: "json",
            value: '[{"name":"lid","chargeIfMissing":{"amount":"3.00","currencyCode":"EUR"}}]',
          },
        ],
      },
    );
    expect(set.data?.metafieldsSet.userErrors).toEqual([]);
    expect(set.data?.metafieldsSet.metafields[0]?.namespace).toMatch(/^app--\d+$/);
    const read = await h.gql<{ product: { metafield: { jsonValue: { name: string }[] } } }>(
      `query($id: ID!) { product(id: $id) { metafield(namespace: "$app", key: "components") { jsonValue } } }`,
      { id: productId },
    );
    expect(read.data?.product.metafield.jsonValue[0]?.name).toBe("lid");
    const bad = await h.gql<{ metafieldsSet: { userErrors: { field: string[] }[] } }>(
      `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message } } }`,
      { m: [{ ownerId: productId, namespace: "$app", key: "x", type: "json", value: "{not json" }] },
    );
    expect(bad.data?.metafieldsSet.userErrors[0]?.field).toEqual(["metafields", "0", "value"]);
  });
});
