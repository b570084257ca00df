import { z } from "zod";
import { claimChangedMeanwhile, type StoredClaim } from "../../db/claims.server";
import { statusesAllowing } from "../../domain/claim-lifecycle/transitions";
import { DomainError } from "../../domain/errors";
import { orderAdminUrl } from "../claim-page.server";
import { previewResolution, ResolveInputSchema } from "../resolution/preview.server";
import { resolvedState, resolveClaim, withStockAssumed, type ResolveClaimResult } from "../resolve-claim.server";
import { defineClaimAction, type ClaimActionOutcome } from "./define-claim-action.server";

// Resolve: the merchant confirms the preview (resolution/preview.server.ts) of this version of the
// claim, and the resolution's steps run in Shopify (resolve-claim.server.ts). The preview is
// computed again first: when what Shopify would do changed since the merchant saw it (the order
// was refunded by hand meanwhile, the last replacement sold), nothing happens and the merchant
// reviews the new preview. A stale version is the usual conflict, never a second refund.

/** What the merchant saw: the preview's digest. */
const ResolveActionInputSchema = ResolveInputSchema.extend({
  digest: z.string().min(1, "open the preview before resolving"),
});

/** Whether the domain would let the merchant resolve the claim now (assuming stock and repairs are possible). */
function resolvable(claim: StoredClaim): boolean {
  if (!statusesAllowing("resolve").includes(claim.state.status)) return false;
  const items = claim.state.items.flatMap((item) =>
    item.decision?.kind === "approve" && item.decision.resolution === "repair"
      ? [{ lineItemId: item.lineItemId, repairPossible: true }]
      : [],
  );
  try {
    resolvedState(claim, withStockAssumed(claim, items), undefined, { type: "merchant" }, new Date());
    return true;
  } catch {
    return false;
  }
}

const display = ({ amount, currencyCode }: { amount: string; currencyCode: string }) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: currencyCode }).format(Number(amount));

function resolutionOutcome(result: ResolveClaimResult): ClaimActionOutcome {
  const { claim, refund, replacement, paymentRequest, fallbacks } = result;
  const done: string[] = [];
  if (refund) done.push(`${display(refund.totalRefunded)} refunded`);
  if (replacement) done.push(`replacement order ${replacement.orderName ?? replacement.draftOrderName} created`);
  if (paymentRequest)
    done.push(
      `payment request of ${display({ amount: paymentRequest.intent.total, currencyCode: paymentRequest.intent.currencyCode })} sent`,
    );
  const message = `Claim #${claim.meta.number} resolved${done.length > 0 ? `: ${done.join(", ")}` : ""}`;
  const link = replacement?.orderId
    ? { label: "View replacement order", url: orderAdminUrl(replacement.orderId) }
    : { label: "View order", url: orderAdminUrl(claim.state.orderId) };
  const notices = fallbacks.map((fallback) => fallback.message);
  return { message, link, ...(notices.length > 0 ? { notices } : {}) };
}

export const resolve = defineClaimAction({
  intent: "resolve",
  input: ResolveActionInputSchema,
  available: resolvable,
  run: async ({ db, graphql, shop, claimId, actor, now, version }, input) => {
    const { digest, ...choices } = input;
    const preview = await previewResolution(db, graphql, { shop, claimId, ...choices }, now);
    if (preview.version !== version) throw claimChangedMeanwhile();
    if (preview.digest !== digest) {
      throw new DomainError(
        "conflict",
        "resolution.preview_outdated",
        `What Shopify would do changed since your preview: ${preview.summary.join(" ")} Review the new preview and confirm again.`,
      );
    }
    const result = await resolveClaim(db, graphql, { shop, claimId, actor, ...choices, expectedVersion: version }, now);
    return resolutionOutcome(result);
  },
});
