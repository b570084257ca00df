import { z } from "zod";
import { listClaimEmails, requeueFailedEmail } from "../../db/email-outbox.server";
import { DomainError } from "../../domain/errors";
import { defineClaimAction } from "./define-claim-action.server";

/**
 * "Send again": an email of this claim that failed after its last try goes back to the outbox
 * with a fresh set of tries, under its same Message-ID. It changes nothing on the claim, so any
 * status allows it and the version the merchant saw does not matter.
 */
export const resendEmail = defineClaimAction({
  intent: "resend_email",
  input: z.object({
    emailId: z.string({ error: "name the email to send again" }).min(1, "name the email to send again"),
  }),
  available: () => true,
  run: async ({ db, shop, claimId, now }, { emailId }) => {
    const email = (await listClaimEmails(db, shop, claimId)).find((row) => row.id === emailId);
    if (!email) {
      throw new DomainError("not_found", "email.not_found", "This claim has no such email. Reload the claim page.");
    }
    if (!(await requeueFailedEmail(db, shop, emailId, now))) {
      throw new DomainError(
        "conflict",
        "email.not_failed",
        "This email has not failed, so there is nothing to send again: reload the claim page to see where it stands.",
      );
    }
    return { message: "Email queued to be sent again" };
  },
});
