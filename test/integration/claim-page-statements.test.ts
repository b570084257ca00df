import { expect, it } from "vitest";
import { loadClaimPage } from "../../app/services/claim-page.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedClaimPageClaim } from "../../bench/claim-page-claim";
import { seedDemoStore } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { countingClient } from "../support/counting-client";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// How many statements the claim page's loader sends for a long claim (the bench's: 100 events, 20
// evidence files), counted from Prisma's query events: a read per event or per file would show here
// before it shows in `npm run bench`.

it("GIVEN a claim with 100 events and 20 evidence files WHEN its page loads THEN it reads each table once", async () => {
  await installTestShop(TEST_SHOP);
  const manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 20261129 });
  const claimId = await seedClaimPageClaim({ simulator, manifest, eventCount: 100, evidenceCount: 20 });
  const { db, statements } = countingClient();
  try {
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const page = await loadClaimPage(db, graphql, TEST_SHOP, claimId, new Date());

    expect(page.timeline).toHaveLength(100);
    expect(page.evidence).toHaveLength(20);
    expect(page.order.shown).toBe(true);
    // In any order: the claim's reads go out together.
    expect(statements.sort()).toEqual([
      "SELECT Claim",
      "SELECT ClaimEvent",
      "SELECT ClaimItem",
      "SELECT DenialClause",
      "SELECT EmailMessage",
      "SELECT Evidence",
      "SELECT NotificationSettings",
      "SELECT ShopifyAction",
    ]);
  } finally {
    await db.$disconnect();
  }
}, 120_000);
