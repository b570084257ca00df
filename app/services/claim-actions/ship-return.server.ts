import { z } from "zod";
import { allowedNow, runReturnStep } from "./return-steps.server";
import { defineClaimAction } from "./define-claim-action.server";

/** The shopper sent the item back and told the merchant how: the claim waits for the parcel. */
export const shipReturn = defineClaimAction({
  intent: "ship_return",
  input: z.object({
    trackingNumber: z
      .string()
      .trim()
      .min(1, "enter the tracking number the shopper gave you")
      .max(100, "a tracking number has at most 100 characters"),
    carrier: z
      .string()
      .trim()
      .max(100, "a carrier's name has at most 100 characters")
      .optional()
      .transform((carrier) => (carrier ? carrier : undefined)),
  }),
  available: allowedNow("ship_return"),
  run: async (context, input) => {
    const command = {
      type: "ship_return" as const,
      trackingNumber: input.trackingNumber,
      ...(input.carrier ? { carrier: input.carrier } : {}),
    };
    const stored = await runReturnStep(context, command, {
      notNow: "This claim is not waiting for a return, so no shipment can be recorded on it.",
    });
    const via = input.carrier ? `${input.carrier} ${input.trackingNumber}` : input.trackingNumber;
    return { message: `Return of claim #${stored.meta.number} recorded in transit (${via})` };
  },
});
