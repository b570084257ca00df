import type { PrismaClient } from "@prisma/client";
import type { ClaimState } from "../domain/claim-lifecycle/claim-state";
import { claimChangedMeanwhile, requireClaim, saveClaimChange, type StoredClaim } from "./claims.server";

/**
 * Applies a change made of several commands (a decision: each item, then the claim) to the claim
 * at the version the merchant saw, in one transaction: all of it is saved, or none of it.
 */
export async function changeClaimAtVersion(
  db: PrismaClient,
  shop: string,
  claimId: string,
  expectedVersion: number,
  change: (state: ClaimState) => ClaimState,
): Promise<StoredClaim> {
  return db.$transaction(async (tx) => {
    const stored = await requireClaim(tx, shop, claimId);
    if (stored.meta.version !== expectedVersion) throw claimChangedMeanwhile();
    return saveClaimChange(tx, shop, expectedVersion, stored.state, change(stored.state));
  });
}
