import { z } from "zod";
import { statusesAllowing } from "../../domain/claim-lifecycle/transitions";
import { runClaimCommand } from "../claim-commands.server";
import { defineClaimAction } from "./define-claim-action.server";

/** Ask the shopper for more: a message on their claim; the response clock pauses until they answer. */
export const requestInformation = defineClaimAction({
  intent: "request_information",
  input: z.object({
    message: z
      .string()
      .trim()
      .min(1, "write what you need from the shopper")
      .max(5000, "keep the message under 5,000 characters"),
  }),
  available: (claim) => statusesAllowing("request_information").includes(claim.state.status),
  run: async ({ db, shop, claimId, actor, now, version }, input) => {
    const command = { type: "request_information" as const, question: input.message };
    const stored = await runClaimCommand(db, shop, claimId, command, actor, now, version);
    return { message: `Message sent to the shopper on claim #${stored.meta.number}` };
  },
});
