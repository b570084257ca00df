import { z } from "zod";
import type { StoredClaim } from "../../db/claims.server";
import type { ClaimCommandType } from "../../domain/claim-lifecycle/claim-commands";
import { DomainError, isDomainError } from "../../domain/errors";
import { statusesAllowing } from "../../domain/claim-lifecycle/transitions";
import { runClaimCommand, type LocalClaimCommand } from "../claim-commands.server";
import type { ClaimActionContext } from "./define-claim-action.server";

// What the return's steps on the claim page share: an optional note, the status check, and the
// domain's refusals worded for the merchant with what to do next (the domain's own messages name
// commands and ids, which are for logs).

/** A note for the claim's log; an empty field is no note. */
export const optionalNote = z
  .string()
  .trim()
  .max(5000, "keep the note under 5,000 characters")
  .optional()
  .transform((note) => (note ? note : undefined));

export const allowedNow = (command: ClaimCommandType) => (claim: StoredClaim) =>
  statusesAllowing(command).includes(claim.state.status);

const NEXT_STEPS = "Reload the claim to see what you can do next.";

/** Runs one local claim command on the version the merchant saw, refusals in the merchant's words. */
export async function runReturnStep(
  context: ClaimActionContext,
  command: LocalClaimCommand,
  refusals: { notNow: string } & Partial<Record<string, string>>,
): Promise<StoredClaim> {
  const { db, shop, claimId, actor, now, version } = context;
  try {
    return await runClaimCommand(db, shop, claimId, command, actor, now, version);
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "conflict") throw error;
    if (error.code === "claim.invalid_transition") {
      throw new DomainError("conflict", error.code, `${refusals.notNow} ${NEXT_STEPS}`);
    }
    const worded = refusals[error.code];
    if (worded) throw new DomainError("conflict", error.code, `${worded} ${NEXT_STEPS}`);
    throw error;
  }
}
