import type { PrismaClient } from "@prisma/client";
import { claimChangedMeanwhile, requireClaim, saveClaimChange, type StoredClaim } from "../db/claims.server";
import { applyClaimCommand } from "../domain/claim-lifecycle/apply-claim-command";
import type { ClaimCommand } from "../domain/claim-lifecycle/claim-commands";
import type { Actor } from "../domain/claim-lifecycle/claim-state";

// The claim's steps that touch only our database (asking for information, answering, deciding
// items, finalising the decision, return shipped / received / inspected, cancelling, closing):
// load, let the domain check and apply the command, save as the next version. A merchant acting
// on a claim someone else changed meanwhile gets a conflict and reloads; nothing is half-done.
// Steps with a side effect in Shopify (resolve: refunds, replacements) have their own services.

export type LocalClaimCommand = Exclude<ClaimCommand, { type: "resolve" }>;

export async function runClaimCommand(
  db: PrismaClient,
  shop: string,
  claimId: string,
  command: LocalClaimCommand,
  actor: Actor,
  now: Date,
  /** The version the actor saw; a stale one is a conflict. Defaults to the current one. */
  expectedVersion?: number,
): Promise<StoredClaim> {
  return db.$transaction(async (tx) => {
    const stored = await requireClaim(tx, shop, claimId);
    // A stale version is a conflict before anything else: the command was meant for the claim
    // as the actor saw it, which may not allow it any more.
    if (expectedVersion !== undefined && expectedVersion !== stored.meta.version) throw claimChangedMeanwhile();
    const version = stored.meta.version;
    const { state } = applyClaimCommand(stored.state, command, now, actor);
    return saveClaimChange(tx, shop, version, stored.state, state);
  });
}
