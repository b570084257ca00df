import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyClaimCommand, submitClaim } from "./claim-lifecycle/apply-claim-command";
import type { Actor } from "./claim-lifecycle/claim-state";
import { DomainError } from "./errors";
import { parseMoney } from "./money";
import { planClaimRefund, planRefund, type RefundPlanInput } from "./refund-plan";
import { gid } from "./test-factories";

const LINE_1 = gid("LineItem", 1);
const LINE_2 = gid("LineItem", 2);
const CARD = { id: gid("OrderTransaction", 1), gateway: "shopify_payments", refundable: "100.00" };
const GIFT_CARD = { id: gid("OrderTransaction", 2), gateway: "gift_card", refundable: "30.00" };

function item(overrides: Partial<RefundPlanInput["items"][number]> = {}): RefundPlanInput["items"][number] {
  return { lineItemId: LINE_1, quantity: 1, lineQuantity: 2, linePaid: "80.00", ...overrides };
}

describe("planRefund", () => {
  it.each<
    [
      string,
      RefundPlanInput["items"],
      RefundPlanInput["transactions"],
      { items: string[]; total: string; shortfall: string; transactions: string[] },
    ]
  >([
    [
      "one of two units, paid after discounts",
      [item()],
      [CARD],
      { items: ["40.00"], total: "40.00", shortfall: "0.00", transactions: ["40.00"] },
    ],
    [
      "a missing charger is deducted",
      [item({ deductions: "12.50" })],
      [CARD],
      { items: ["27.50"], total: "27.50", shortfall: "0.00", transactions: ["27.50"] },
    ],
    [
      "deductions above the price stop at zero",
      [item({ deductions: "55.00" }), item({ lineItemId: LINE_2, linePaid: "20.00", lineQuantity: 1 })],
      [CARD],
      { items: ["0.00", "20.00"], total: "20.00", shortfall: "0.00", transactions: ["20.00"] },
    ],
    [
      "already partly refunded line",
      [item({ quantity: 2, lineRefunded: "70.00" })],
      [CARD],
      { items: ["10.00"], total: "10.00", shortfall: "0.00", transactions: ["10.00"] },
    ],
    [
      "fully refunded line",
      [item({ lineRefunded: "80.00" })],
      [CARD],
      { items: ["0.00"], total: "0.00", shortfall: "0.00", transactions: [] },
    ],
    [
      "uneven split of a discounted line",
      [item({ linePaid: "10.00", lineQuantity: 3 })],
      [CARD],
      { items: ["3.33"], total: "3.33", shortfall: "0.00", transactions: ["3.33"] },
    ],
    [
      "split across transactions in Shopify's order",
      [item({ quantity: 2, linePaid: "120.00" })],
      [GIFT_CARD, CARD],
      { items: ["120.00"], total: "120.00", shortfall: "0.00", transactions: ["30.00", "90.00"] },
    ],
    [
      "a transaction with nothing left is skipped",
      [item()],
      [{ ...GIFT_CARD, refundable: "0.00" }, CARD],
      { items: ["40.00"], total: "40.00", shortfall: "0.00", transactions: ["40.00"] },
    ],
    [
      "not enough left on the transactions",
      [item({ quantity: 2, linePaid: "150.00" })],
      [GIFT_CARD, CARD],
      { items: ["150.00"], total: "130.00", shortfall: "20.00", transactions: ["30.00", "100.00"] },
    ],
    ["no approved items", [], [CARD], { items: [], total: "0.00", shortfall: "0.00", transactions: [] }],
  ])("GIVEN %s THEN the plan refunds exactly that", (_, items, transactions, expected) => {
    const plan = planRefund({ currencyCode: "EUR", items, transactions });
    expect(plan.items.map((i) => i.amount)).toEqual(expected.items);
    expect(plan.total).toBe(expected.total);
    expect(plan.shortfall).toBe(expected.shortfall);
    expect(plan.transactions.map((t) => t.amount)).toEqual(expected.transactions);
  });

  it("GIVEN the first example THEN the whole plan reads naturally", () => {
    expect(
      planRefund({ currencyCode: "EUR", items: [item({ deductions: "12.50" })], transactions: [GIFT_CARD, CARD] }),
    ).toEqual({
      currencyCode: "EUR",
      items: [{ lineItemId: LINE_1, quantity: 1, paid: "40.00", deductions: "12.50", amount: "27.50" }],
      total: "27.50",
      shortfall: "0.00",
      transactions: [{ parentId: GIFT_CARD.id, gateway: "gift_card", amount: "27.50" }],
    });
  });

  it.each<[string, RefundPlanInput, string, string]>([
    [
      "more units than the line",
      { currencyCode: "EUR", items: [item({ quantity: 3 })], transactions: [CARD] },
      "refund.quantity_exceeds_line",
      "Cannot refund 3 units of gid://shopify/LineItem/1: the line has 2.",
    ],
    [
      "a float amount",
      { currencyCode: "EUR", items: [item({ linePaid: 80 as unknown as string })], transactions: [CARD] },
      "refund.invalid_input",
      'items[0].linePaid: expected a decimal string like "12.50"',
    ],
    [
      "too many decimals",
      { currencyCode: "EUR", items: [item({ linePaid: "80.001" })], transactions: [CARD] },
      "money.too_precise",
      '"80.001" has more decimal places than EUR allows (2).',
    ],
  ])("GIVEN %s THEN a precise error", (_, input, code, message) => {
    expect(() => planRefund(input)).toThrow(new DomainError("invalid", code, message));
    expect(() => planRefund(input)).toThrow(expect.objectContaining({ code }));
  });

  const amount = fc.integer({ min: 0, max: 1_000_000 }).map((minor) => (minor / 100).toFixed(2));
  const planInput = fc
    .record({
      items: fc.array(
        fc.record({
          lineQuantity: fc.integer({ min: 1, max: 5 }),
          seed: fc.nat(),
          linePaid: amount,
          lineRefunded: amount,
          deductions: amount,
        }),
        { maxLength: 4 },
      ),
      transactions: fc.array(amount, { maxLength: 3 }),
    })
    .map(({ items, transactions }) => ({
      currencyCode: "EUR",
      items: items.map((i, index) => ({
        lineItemId: gid("LineItem", index + 1),
        quantity: 1 + (i.seed % i.lineQuantity),
        lineQuantity: i.lineQuantity,
        linePaid: i.linePaid,
        lineRefunded: i.lineRefunded,
        deductions: i.deductions,
      })),
      transactions: transactions.map((refundable, index) => ({
        id: gid("OrderTransaction", index + 1),
        gateway: "manual",
        refundable,
      })),
    }));
  const minor = (decimal: string) => parseMoney(decimal, "EUR").minorUnits;

  it("never refunds more than was paid, than is still refundable, or than the transactions hold; never below zero", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = planRefund(input);
        plan.items.forEach((planned, index) => {
          const source = input.items[index]!;
          expect(minor(planned.amount)).toBeGreaterThanOrEqual(0);
          expect(minor(planned.amount)).toBeLessThanOrEqual(minor(planned.paid));
          expect(minor(planned.paid)).toBeLessThanOrEqual(minor(source.linePaid));
          expect(minor(planned.amount)).toBeLessThanOrEqual(
            Math.max(0, minor(source.linePaid) - minor(source.lineRefunded)),
          );
        });
        const itemsTotal = plan.items.reduce((total, planned) => total + minor(planned.amount), 0);
        const transactionsTotal = plan.transactions.reduce((total, t) => total + minor(t.amount), 0);
        expect(transactionsTotal).toBe(minor(plan.total));
        expect(minor(plan.total) + minor(plan.shortfall)).toBe(itemsTotal);
        plan.transactions.forEach((t) => {
          const source = input.transactions.find((candidate) => candidate.id === t.parentId)!;
          expect(minor(t.amount)).toBeGreaterThan(0);
          expect(minor(t.amount)).toBeLessThanOrEqual(minor(source.refundable));
        });
        const available = input.transactions.reduce((total, t) => total + minor(t.refundable), 0);
        expect(minor(plan.total)).toBe(Math.min(itemsTotal, available));
      }),
      { numRuns: 300 },
    );
  });
});

describe("planClaimRefund", () => {
  const customer: Actor = { type: "customer" };
  const merchant: Actor = { type: "merchant" };
  const at = (h: number) => new Date(Date.parse("2026-03-04T12:00:00Z") + h * 3_600_000);

  it("GIVEN a resolved claim THEN refunded items (incl. fallbacks) are planned with their deductions; replaced ones are not", () => {
    let state = submitClaim(
      {
        claimId: "c-1",
        orderId: gid("Order", 1),
        type: "arrival",
        responseHours: 48,
        returnRequired: true,
        returnShippingPaidBy: "merchant",
        evidence: ["issue_photo"],
        items: [
          {
            lineItemId: LINE_1,
            productId: gid("Product", 1),
            quantity: 1,
            components: [{ name: "Charger", chargeIfMissing: { amount: "12.50", currencyCode: "EUR" } }],
            returnLocations: [{ locationId: gid("Location", 1), quantity: 1 }],
          },
          {
            lineItemId: LINE_2,
            productId: gid("Product", 2),
            quantity: 1,
            components: [],
            returnLocations: [{ locationId: gid("Location", 1), quantity: 1 }],
          },
        ],
      },
      at(0),
      customer,
    ).state;
    const steps: Parameters<typeof applyClaimCommand>[1][] = [
      { type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "replacement" } },
      { type: "decide_item", lineItemId: LINE_2, decision: { kind: "approve", resolution: "replacement" } },
      { type: "finalize_decision" },
      { type: "request_return" },
      { type: "receive_return" },
      {
        type: "inspect_return",
        items: [
          { lineItemId: LINE_1, missingComponents: [{ name: "Charger", quantity: 1 }] },
          { lineItemId: LINE_2, missingComponents: [] },
        ],
      },
      {
        type: "resolve",
        items: [
          { lineItemId: LINE_1, replacementInStock: false },
          { lineItemId: LINE_2, replacementInStock: true },
        ],
      },
    ];
    steps.forEach((command, index) => {
      state = applyClaimCommand(state, command, at(index + 1), merchant).state;
    });
    const plan = planClaimRefund(
      state,
      "EUR",
      [
        { lineItemId: LINE_1, quantity: 2, paid: "80.00" },
        { lineItemId: LINE_2, quantity: 1, paid: "15.00" },
      ],
      [CARD],
    );
    expect(plan.items).toEqual([
      { lineItemId: LINE_1, quantity: 1, paid: "40.00", deductions: "12.50", amount: "27.50" },
    ]);
    expect(plan.transactions).toEqual([{ parentId: CARD.id, gateway: "shopify_payments", amount: "27.50" }]);
  });
});
