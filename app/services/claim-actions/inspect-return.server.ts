import { z } from "zod";
import { add, formatAmount, fromMoneyInput, zero } from "../../domain/money";
import type { ClaimState } from "../../domain/claim-lifecycle/claim-state";
import { defineClaimAction } from "./define-claim-action.server";
import { allowedNow, optionalNote, runReturnStep } from "./return-steps.server";

// The merchant inspects what came back against each approved item's components checklist (the
// policy's or the product override's components, each with its charge if missing). Missing parts
// become the item's deductions: taken off its refund, or asked for in a payment request when the
// item is replaced or repaired. Nothing changes in Shopify until the claim is resolved.

const InspectInputSchema = z
  .object({
    items: z
      .array(
        z.strictObject({
          lineItemId: z.string().min(1, "name the item"),
          /** The components that did not come back, and how many of each. */
          missing: z.array(
            z.strictObject({
              name: z.string().trim().min(1, "name the missing part"),
              quantity: z.coerce.number().int("count whole parts").positive("count at least 1 missing part"),
            }),
          ),
        }),
      )
      .min(1, "record what came back for each approved item"),
    note: optionalNote,
  })
  .superRefine((input, ctx) => {
    input.items.forEach((item, index) => {
      if (input.items.findIndex((other) => other.lineItemId === item.lineItemId) !== index) {
        ctx.addIssue({ code: "custom", path: ["items", index, "lineItemId"], message: "this item is inspected twice" });
      }
    });
  });

/** What the inspection deducts in all, in the charges' currency; null when nothing is missing. */
function inspectionDeductions(state: ClaimState): { amount: string; currencyCode: string } | null {
  const charges = state.items.flatMap((item) => item.inspection?.deductions ?? []).map((d) => fromMoneyInput(d.charge));
  if (charges.length === 0) return null;
  const currencyCode = charges[0]!.currencyCode;
  return { amount: formatAmount(charges.reduce(add, zero(currencyCode))), currencyCode };
}

export const inspectReturn = defineClaimAction({
  intent: "inspect_return",
  input: InspectInputSchema,
  available: allowedNow("inspect_return"),
  run: async (context, input) => {
    const stored = await runReturnStep(
      context,
      {
        type: "inspect_return",
        items: input.items.map((item) => ({ lineItemId: item.lineItemId, missingComponents: item.missing })),
        ...(input.note ? { note: input.note } : {}),
      },
      { notNow: "This claim has no received return to inspect." },
    );
    const deducted = inspectionDeductions(stored.state);
    const money = deducted
      ? new Intl.NumberFormat("en-GB", { style: "currency", currency: deducted.currencyCode }).format(
          Number(deducted.amount),
        )
      : null;
    return {
      message: money
        ? `Inspection of claim #${stored.meta.number} recorded: ${money} for missing parts`
        : `Inspection of claim #${stored.meta.number} recorded: everything came back`,
    };
  },
});
