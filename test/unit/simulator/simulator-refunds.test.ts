import { describe, expect, it } from "vitest";
import { harness } from "./harness";

const SUGGEST = /* GraphQL */ `
  query Suggest($id: ID!, $lines: [RefundLineItemInput!]) {
    order(id: $id) {
      suggestedRefund(refundLineItems: $lines, refundShipping: true, refundMethodAllocation: ORIGINAL_PAYMENT_METHODS) {
        amountSet {
          shopMoney {
            amount
          }
        }
        shipping {
          amountSet {
            shopMoney {
              amount
            }
          }
        }
        suggestedTransactions {
          gateway
          amountSet {
            shopMoney {
              amount
            }
          }
          parentTransaction {
            id
          }
        }
      }
    }
  }
`;

const REFUND = /* GraphQL */ `
  mutation Refund($input: RefundInput!, $key: String!) {
    refundCreate(input: $input) @idempotent(key: $key) {
      refund {
        id
        totalRefundedSet {
          shopMoney {
            amount
          }
        }
        transactions(first: 5) {
          nodes {
            id
            kind
            gateway
            amountSet {
              shopMoney {
                amount
              }
            }
            parentTransaction {
              id
            }
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const LINES = /* GraphQL */ `
  query Lines($id: ID!) {
    order(id: $id) {
      displayFinancialStatus
      lineItems(first: 5) {
        nodes {
          id
          refundableQuantity
          currentQuantity
          variant {
            id
            inventoryItem {
              inventoryLevels(first: 5) {
                nodes {
                  location {
                    id
                  }
                  quantities(names: ["available"]) {
                    name
                    quantity
                  }
                }
              }
            }
          }
        }
      }
      transactions {
        id
        kind
        gateway
        amountSet {
          shopMoney {
            amount
          }
        }
        parentTransaction {
          id
        }
      }
      refunds {
        id
      }
    }
  }
`;

type Suggested = {
  order: {
    suggestedRefund: {
      amountSet: { shopMoney: { amount: string } };
      shipping: { amountSet: { shopMoney: { amount: string } } };
      suggestedTransactions: {
        gateway: string;
        amountSet: { shopMoney: { amount: string } };
        parentTransaction: { id: string };
      }[];
    };
  };
};
type Lines = {
  order: {
    displayFinancialStatus: string;
    lineItems: {
      nodes: {
        id: string;
        refundableQuantity: number;
        currentQuantity: number;
        variant: {
          id: string;
          inventoryItem: {
            inventoryLevels: { nodes: { location: { id: string }; quantities: { quantity: number }[] }[] };
          };
        };
      }[];
    };
    transactions: {
      id: string;
      kind: string;
      gateway: string;
      amountSet: { shopMoney: { amount: string } };
      parentTransaction: { id: string } | null;
    }[];
    refunds: { id: string }[];
  };
};
type RefundResult = {
  refundCreate: {
    refund: {
      id: string;
      totalRefundedSet: { shopMoney: { amount: string } };
      transactions: { nodes: { gateway: string; amountSet: { shopMoney: { amount: string } } }[] };
    } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
};

async function orderLines(h: ReturnType<typeof harness>, id: string) {
  return (await h.gql<Lines>(LINES, { id })).data?.order as Lines["order"];
}

describe("Order.suggestedRefund", () => {
  it("splits a refund over the card and the gift card, card first, within what each can give back", async () => {
    const h = harness();
    const id = h.order("card-and-gift-card");
    const before = await orderLines(h, id);
    const [card, giftCard] = before.transactions;
    // Everything: earbuds 129.00 + lamp 79.50 + shipping 5.90 = 214.40, of which 50.00 was paid by gift card.
    const res = await h.gql<Suggested>(SUGGEST, {
      id,
      lines: before.lineItems.nodes.map((l) => ({ lineItemId: l.id, quantity: 1 })),
    });
    const suggested = res.data?.order.suggestedRefund;
    expect(suggested?.amountSet.shopMoney.amount).toBe("214.4");
    expect(suggested?.shipping.amountSet.shopMoney.amount).toBe("5.9");
    expect(suggested?.suggestedTransactions).toEqual([
      {
        gateway: "shopify_payments",
        amountSet: { shopMoney: { amount: "164.4" } },
        parentTransaction: { id: card?.id },
      },
      { gateway: "gift_card", amountSet: { shopMoney: { amount: "50.0" } }, parentTransaction: { id: giftCard?.id } },
    ]);
  });

  it("suggests the card alone when the card covers the amount", async () => {
    const h = harness();
    const id = h.order("card-and-gift-card");
    const lamp = (await orderLines(h, id)).lineItems.nodes[1];
    const res = await h.gql<Suggested>(SUGGEST, { id, lines: [{ lineItemId: lamp?.id, quantity: 1 }] });
    expect(
      res.data?.order.suggestedRefund.suggestedTransactions.map((t) => [t.gateway, t.amountSet.shopMoney.amount]),
    ).toEqual([["shopify_payments", "85.4"]]);
  });
});

describe("refundCreate", () => {
  async function refundLamp(h: ReturnType<typeof harness>, key: string, extra: Record<string, unknown> = {}) {
    const id = h.order("card-and-gift-card");
    const before = await orderLines(h, id);
    const card = before.transactions[0];
    const lamp = before.lineItems.nodes[1];
    const input = {
      orderId: id,
      refundLineItems: [
        { lineItemId: lamp?.id, quantity: 1, restockType: "RETURN", locationId: h.manifest.locations[0]?.id },
      ],
      transactions: [{ orderId: id, parentId: card?.id, amount: "79.50", gateway: "shopify_payments", kind: "REFUND" }],
      ...extra,
    };
    return { id, before, result: await h.gql<RefundResult>(REFUND, { input, key }) };
  }

  it("requires the @idempotent directive, as Shopify does from 2026-04", async () => {
    const h = harness();
    const id = h.order("unfulfilled");
    const res = await h.gql(
      `mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }`,
      { input: { orderId: id, shipping: { fullRefund: true } } },
    );
    expect(res.errors?.[0]?.message).toMatch(/@idempotent directive is required for the refundCreate mutation/);
    expect((await orderLines(h, id)).refunds).toEqual([]);
  });

  it("records the refund against the parent transaction, updates refundable quantities and restocks", async () => {
    const h = harness();
    const { id, before, result } = await refundLamp(h, "key-1");
    expect(result.data?.refundCreate.userErrors).toEqual([]);
    expect(result.data?.refundCreate.refund?.totalRefundedSet.shopMoney.amount).toBe("79.5");
    const after = await orderLines(h, id);
    const refundTx = after.transactions.find((t) => t.kind === "REFUND");
    expect(refundTx).toMatchObject({
      gateway: "shopify_payments",
      amountSet: { shopMoney: { amount: "79.5" } },
      parentTransaction: { id: before.transactions[0]?.id },
    });
    expect(after.lineItems.nodes[1]).toMatchObject({ refundableQuantity: 0, currentQuantity: 0 });
    expect(after.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    const stock = (o: Lines["order"]) =>
      o.lineItems.nodes[1]?.variant.inventoryItem.inventoryLevels.nodes[0]?.quantities[0]?.quantity ?? NaN;
    expect(stock(after)).toBe(stock(before) + 1);
  });

  it("returns the same refund for a repeated idempotency key and refunds only once", async () => {
    const h = harness();
    const first = await refundLamp(h, "retry-key");
    const second = await refundLamp(h, "retry-key");
    expect(second.result.data?.refundCreate.refund?.id).toBe(first.result.data?.refundCreate.refund?.id);
    const after = await orderLines(h, first.id);
    expect(after.refunds).toHaveLength(1);
    expect(after.transactions.filter((t) => t.kind === "REFUND")).toHaveLength(1);
  });

  it("refuses to refund more items than are refundable, with a userErrors entry", async () => {
    const h = harness();
    await refundLamp(h, "first");
    const again = await refundLamp(h, "second", { transactions: [] });
    expect(again.result.data?.refundCreate.refund).toBeNull();
    expect(again.result.data?.refundCreate.userErrors).toEqual([
      { field: ["refundLineItems", "0", "quantity"], message: expect.stringMatching(/cannot refund more items/) },
    ]);
  });

  it("refuses to refund more money than the parent transaction can give back", async () => {
    const h = harness();
    const id = h.order("card-and-gift-card");
    const giftCard = (await orderLines(h, id)).transactions[1];
    const res = await h.gql<RefundResult>(REFUND, {
      key: "too-much",
      input: {
        orderId: id,
        transactions: [{ orderId: id, parentId: giftCard?.id, amount: "50.01", gateway: "gift_card", kind: "REFUND" }],
      },
    });
    expect(res.data?.refundCreate.refund).toBeNull();
    expect(res.data?.refundCreate.userErrors[0]?.field).toEqual(["transactions", "0", "amount"]);
    expect(res.data?.refundCreate.userErrors[0]?.message).toMatch(/greater than the 50.0 that can be refunded/);
    expect((await orderLines(h, id)).transactions.filter((t) => t.kind === "REFUND")).toEqual([]);
  });
});
