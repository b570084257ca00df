import { z } from "zod";
import { allowedNow, optionalNote, runReturnStep } from "./return-steps.server";
import { defineClaimAction } from "./define-claim-action.server";

/**
 * The return never arrived. The guarantee does not cover items lost on their way back, so the
 * claim ends uncovered: the merchant closes it, or resolves it anyway to cover it.
 */
export const markReturnLost = defineClaimAction({
  intent: "mark_return_lost",
  input: z.object({ note: optionalNote }),
  available: allowedNow("mark_return_lost"),
  run: async (context, input) => {
    const stored = await runReturnStep(
      context,
      { type: "mark_return_lost", ...(input.note ? { note: input.note } : {}) },
      { notNow: "This claim is not waiting for a return, so it cannot be marked lost." },
    );
    return {
      message: `Return of claim #${stored.meta.number} marked lost: close the claim, or resolve it to cover it anyway`,
    };
  },
});
