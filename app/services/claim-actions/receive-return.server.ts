import { z } from "zod";
import { unrequestedReturnOf } from "../../domain/claim-lifecycle/guards";
import { allowedNow, optionalNote, runReturnStep } from "./return-steps.server";
import { defineClaimAction } from "./define-claim-action.server";

const approvedOnly = new Set(["approved", "partially_approved"]);

/**
 * The parcel arrived (tracked or not): the claim waits for its inspection. Nothing changes in
 * Shopify: the claim's Shopify return is processed when the claim resolves (closeClaimReturn).
 */
export const receiveReturn = defineClaimAction({
  intent: "receive_return",
  input: z.object({ note: optionalNote }),
  // Before a return is requested, only an item that arrived unrequested can be received.
  available: (claim) =>
    allowedNow("receive_return")(claim) &&
    (!approvedOnly.has(claim.state.status) || unrequestedReturnOf(claim.state) !== null),
  run: async (context, input) => {
    const stored = await runReturnStep(
      context,
      { type: "receive_return", ...(input.note ? { note: input.note } : {}) },
      {
        notNow: "This claim is not waiting for a return, so there is nothing to mark received.",
        "claim.return_not_arrived":
          "Nothing has come back for this claim yet: request the return first, or record a return that arrived without a request.",
      },
    );
    return { message: `Return of claim #${stored.meta.number} received: inspect it next` };
  },
});
