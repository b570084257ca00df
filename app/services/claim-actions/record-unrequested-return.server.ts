import { z } from "zod";
import { unrequestedReturnOf } from "../../domain/claim-lifecycle/guards";
import { allowedNow, optionalNote, runReturnStep } from "./return-steps.server";
import { defineClaimAction } from "./define-claim-action.server";

/**
 * The item came back although no return was requested (the guarantee asks shoppers to contact the
 * shop first). Before the decision it is only recorded; after an approval it is ready to inspect.
 * Nothing changes in Shopify (docs/decisions/015-returns-that-arrive-unrequested.md).
 */
export const recordUnrequestedReturn = defineClaimAction({
  intent: "record_unrequested_return",
  input: z.object({ note: optionalNote }),
  available: (claim) => allowedNow("record_unrequested_return")(claim) && unrequestedReturnOf(claim.state) === null,
  run: async (context, input) => {
    const stored = await runReturnStep(
      context,
      { type: "record_unrequested_return", ...(input.note ? { note: input.note } : {}) },
      {
        notNow: "A return that arrived without a request can be recorded only before one is requested.",
        "claim.return_already_arrived": "This claim's return was already recorded as arrived.",
      },
    );
    const decided = stored.state.status === "return_received";
    return {
      message: decided
        ? `Return of claim #${stored.meta.number} recorded as arrived unrequested: inspect it next`
        : `Return of claim #${stored.meta.number} recorded as arrived unrequested: decide the claim next`,
    };
  },
});
