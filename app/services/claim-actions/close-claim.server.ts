import { z } from "zod";
import { allowedNow, optionalNote, runReturnStep } from "./return-steps.server";
import { defineClaimAction } from "./define-claim-action.server";

/** A finished claim (denied, resolved, return lost, cancelled) leaves the merchant's open work. */
export const closeClaim = defineClaimAction({
  intent: "close",
  input: z.object({ note: optionalNote }),
  available: allowedNow("close"),
  run: async (context, input) => {
    const stored = await runReturnStep(
      context,
      { type: "close", ...(input.note ? { note: input.note } : {}) },
      { notNow: "Only a denied, resolved or cancelled claim, or one whose return was lost, can be closed." },
    );
    return { message: `Claim #${stored.meta.number} closed` };
  },
});
