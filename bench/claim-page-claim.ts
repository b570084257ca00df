import { randomBytes } from "node:crypto";
import prisma from "../app/db.server";
import { runClaimCommand } from "../app/services/claim-commands.server";
import { unauthenticated } from "../app/shopify.server";
import { seedDemoClaims } from "../test/demo/seed-claims";
import type { DemoManifest } from "../test/simulator/seed";
import type { ShopifySimulator } from "../test/simulator/simulator";

const HOUR = 60 * 60 * 1000;
const EVIDENCE_KINDS = ["issue_photo", "shipping_label_photo", "packaging_photo", "issue_video"] as const;

/**
 * The claim the claim-page scenario opens: submitted through the app's submit service on an order
 * of the simulated store (so the page's Shopify reads are real), then a conversation of merchant
 * questions and shopper answers through the claim command service until its log holds
 * `eventCount` events, and `evidenceCount` evidence files attached (metadata only: the page signs
 * their URLs and never reads the files).
 */
export async function seedClaimPageClaim(options: {
  simulator: ShopifySimulator;
  manifest: DemoManifest;
  eventCount: number;
  evidenceCount: number;
}): Promise<string> {
  const { simulator, manifest, eventCount, evidenceCount } = options;
  const now = new Date();
  const submittedHoursAgo = 40;
  const { admin } = await unauthenticated.admin(manifest.shop);
  const [seeded] = await seedDemoClaims(prisma, admin.graphql, simulator, manifest, now, [
    { product: "lamp", type: "arrival", submittedHoursAgo, steps: [], status: "submitted" },
  ]);
  if (!seeded) throw new Error("The claim page's claim was not submitted");
  const claim = await prisma.claim.findUniqueOrThrow({ where: { id: seeded.claimId } });
  const merchant = { type: "merchant" as const, id: "bench-staff" };
  const customer = { type: "customer" as const, id: claim.customerId ?? "" };
  // Spread over the hours since submission, one minute apart at most, so times keep their order.
  let at = now.getTime() - submittedHoursAgo * HOUR;
  for (let events = 1; events < eventCount; events++) {
    at += 60_000;
    const command =
      events % 2 === 1
        ? { type: "request_information" as const, question: `Could you send a photo of side ${events}?` }
        : { type: "provide_information" as const, answer: `Here is side ${events - 1}.`, evidence: [] };
    await runClaimCommand(
      prisma,
      manifest.shop,
      claim.id,
      command,
      command.type === "request_information" ? merchant : customer,
      new Date(at),
    );
  }
  await prisma.evidence.createMany({
    data: Array.from({ length: evidenceCount }, (_, index) => {
      const kind = EVIDENCE_KINDS[index % EVIDENCE_KINDS.length]!;
      const key = `bench/${claim.id}/${index}-${randomBytes(4).toString("hex")}`;
      return {
        claimId: claim.id,
        shop: manifest.shop,
        orderId: claim.orderId,
        customerId: claim.customerId,
        kind,
        fileName: kind === "issue_video" ? `video-${index}.mp4` : `photo-${index}.jpg`,
        contentType: kind === "issue_video" ? "video/mp4" : "image/jpeg",
        byteSize: 2_000_000 + index,
        sha256: randomBytes(32).toString("hex"),
        storageKey: key,
        thumbnailKey: kind === "issue_video" ? null : `${key}.thumb`,
        uploadedAt: claim.submittedAt,
        attachedAt: claim.submittedAt,
      };
    }),
  });
  const events = await prisma.claimEvent.count({ where: { claimId: claim.id } });
  if (events !== eventCount) throw new Error(`The claim page's claim has ${events} events, not ${eventCount}`);
  return claim.id;
}
