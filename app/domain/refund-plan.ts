import { z } from "zod";
import type { ClaimState } from "./claim-lifecycle/claim-state";
import { DomainError } from "./errors";
import {
  add,
  clampAtZero,
  CurrencyCodeSchema,
  DecimalAmountSchema,
  formatAmount,
  fromMoneyInput,
  min,
  parseMoney,
  prorate,
  subtract,
  sum,
  zero,
  type Money,
} from "./money";
import { formatIssues, positiveInteger, reportMissing, shopifyGid } from "./validation";

/**
 * What a refund for a claim's approved items should be, before any call to Shopify. Amounts are
 * decimal strings in one currency (the order's), as Shopify's MoneyV2 has them.
 */
const RefundPlanInputSchema = z.strictObject({
  currencyCode: CurrencyCodeSchema,
  items: z.array(
    z.strictObject({
      lineItemId: shopifyGid("LineItem"),
      /** Units approved for a refund. */
      quantity: positiveInteger(),
      /** Units on the order line. */
      lineQuantity: positiveInteger(),
      /** What the shopper paid for the whole line, after all discounts. */
      linePaid: DecimalAmountSchema,
      /** Already refunded on this line by earlier refunds. */
      lineRefunded: DecimalAmountSchema.optional(),
      /** Charges for components missing from the return. */
      deductions: DecimalAmountSchema.optional(),
    }),
  ),
  /** The order's payment transactions, in the order Shopify's suggestedRefund lists them. */
  transactions: z.array(
    z.strictObject({
      id: shopifyGid("OrderTransaction"),
      gateway: z.string().min(1),
      /** What can still be refunded on this transaction. */
      refundable: DecimalAmountSchema,
    }),
  ),
});
export type RefundPlanInput = z.infer<typeof RefundPlanInputSchema>;

export type RefundPlan = {
  readonly currencyCode: string;
  readonly items: ReadonlyArray<{
    readonly lineItemId: string;
    readonly quantity: number;
    readonly paid: string;
    readonly deductions: string;
    readonly amount: string;
  }>;
  readonly total: string;
  /** What the items are owed but the transactions can no longer give back (0 when all fits). */
  readonly shortfall: string;
  readonly transactions: ReadonlyArray<{
    readonly parentId: string;
    readonly gateway: string;
    readonly amount: string;
  }>;
};

/**
 * For each approved item: the share of the line actually paid (after discounts), minus missing
 * component charges, never below zero, never above what is still refundable on the line. The
 * total is capped by what the transactions can still refund and split across them in order.
 */
export function planRefund(input: RefundPlanInput): RefundPlan {
  const parsed = RefundPlanInputSchema.safeParse(input, reportMissing);
  if (!parsed.success) {
    throw new DomainError("invalid", "refund.invalid_input", formatIssues(parsed.error.issues).join("; "));
  }
  const { currencyCode } = parsed.data;
  const amount = (decimal: string | undefined): Money => parseMoney(decimal ?? "0", currencyCode);

  const items = parsed.data.items.map((item) => {
    if (item.quantity > item.lineQuantity) {
      throw new DomainError(
        "invalid",
        "refund.quantity_exceeds_line",
        `Cannot refund ${item.quantity} units of ${item.lineItemId}: the line has ${item.lineQuantity}.`,
      );
    }
    const linePaid = amount(item.linePaid);
    const stillRefundable = clampAtZero(subtract(linePaid, amount(item.lineRefunded)));
    const paid = prorate(linePaid, item.quantity, item.lineQuantity);
    const deductions = amount(item.deductions);
    const refund = min(clampAtZero(subtract(paid, deductions)), stillRefundable);
    return { lineItemId: item.lineItemId, quantity: item.quantity, paid, deductions, refund };
  });

  const owed = sum(
    items.map((item) => item.refund),
    currencyCode,
  );
  let remaining = owed;
  const transactions: { parentId: string; gateway: string; amount: string }[] = [];
  for (const transaction of parsed.data.transactions) {
    if (remaining.minorUnits === 0) break;
    const take = min(remaining, amount(transaction.refundable));
    if (take.minorUnits === 0) continue;
    transactions.push({ parentId: transaction.id, gateway: transaction.gateway, amount: formatAmount(take) });
    remaining = subtract(remaining, take);
  }
  const total = subtract(owed, remaining);

  return {
    currencyCode,
    items: items.map((item) => ({
      lineItemId: item.lineItemId,
      quantity: item.quantity,
      paid: formatAmount(item.paid),
      deductions: formatAmount(item.deductions),
      amount: formatAmount(item.refund),
    })),
    total: formatAmount(total),
    shortfall: formatAmount(remaining),
    transactions,
  };
}

type OrderLinePayment = {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly paid: string;
  readonly refunded?: string;
};

/**
 * The refund plan of a resolved claim: the items whose outcome is a refund (including fallbacks
 * from replacement or repair), with the inspection's deductions.
 */
export function planClaimRefund(
  claim: ClaimState,
  currencyCode: string,
  lines: readonly OrderLinePayment[],
  transactions: RefundPlanInput["transactions"],
): RefundPlan {
  const items = claim.items.flatMap((item) => {
    if (item.outcome?.outcome !== "refunded" || item.decision?.kind !== "approve") return [];
    const line = lines.find((candidate) => candidate.lineItemId === item.lineItemId);
    if (!line) {
      throw new DomainError("not_found", "refund.unknown_line", `No payment information for ${item.lineItemId}.`);
    }
    const deductions = (item.inspection?.deductions ?? []).reduce(
      (total, deduction) => add(total, fromMoneyInput(deduction.charge)),
      zero(currencyCode),
    );
    return [
      {
        lineItemId: item.lineItemId,
        quantity: item.decision.quantity,
        lineQuantity: line.quantity,
        linePaid: line.paid,
        lineRefunded: line.refunded,
        deductions: formatAmount(deductions),
      },
    ];
  });
  return planRefund({ currencyCode, items, transactions });
}
