import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { requireClaim } from "../../app/db/claims.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { ShopifyUnavailableError } from "../../app/shopify/errors.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { liftRateLimits, limitRates, shopifyEdge, simulator } from "../simulator/network-edge";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// Shopify's rate limits at the network edge (the simulator's leaky bucket answering THROTTLED,
// and HTTP 429 on request floods): every adapter retries them within a bounded time, so a claim
// is submitted and resolved all the same, and gives up with a clear error when the wait is too long.

const merchant = { type: "merchant" as const, id: "staff-1" };
let manifest: DemoManifest;
let graphql: AdminGraphql;
const refusals = { throttled: 0, flooded: 0 };

const countRefusals = async ({ response }: { response: Response }) => {
  if (response.status === 429) refusals.flooded++;
  else if ((await response.clone().text()).includes('"THROTTLED"')) refusals.throttled++;
};

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
  refusals.throttled = 0;
  refusals.flooded = 0;
  shopifyEdge.events.on("response:mocked", countRefusals);
});
afterEach(() => {
  shopifyEdge.events.removeListener("response:mocked", countRefusals);
});

/** Submits, approves (replacement) and resolves the desk lamp delivered 2 days ago. */
async function claimAndResolveReplacement() {
  const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "delivered-2-days-ago"))!;
  const orderId = customer.orders.find((o) => o.scenario === "delivered-2-days-ago")!.id;
  const lineItemId = simulator.store(TEST_SHOP).order(orderId)!.lineItems[0]!.id;
  const { claim } = await submitClaim(
    prisma,
    graphql,
    { shop: TEST_SHOP, customerId: customer.id, orderId },
    {
      claim: {
        type: "arrival",
        items: [{ lineItemId, quantity: 1 }],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
        preferredResolution: "replacement",
      },
    },
    new Date(),
  );
  const claimId = claim.state.id;
  await runClaimCommand(
    prisma,
    TEST_SHOP,
    claimId,
    { type: "decide_item", lineItemId, decision: { kind: "approve", resolution: "replacement" } },
    merchant,
    new Date(),
  );
  await runClaimCommand(
    prisma,
    TEST_SHOP,
    claimId,
    { type: "finalize_decision", returnRequired: false },
    merchant,
    new Date(),
  );
  const result = await resolveClaim(
    prisma,
    graphql,
    { shop: TEST_SHOP, claimId, actor: merchant, items: [] },
    new Date(),
  );
  return { claimId, result };
}

describe("Shopify's rate limits", () => {
  it("a claim is submitted and resolved with a replacement while Shopify answers THROTTLED", async () => {
    // GIVEN a small bucket: a query costs more than what is left after the one before it
    limitRates({ throttle: { maximumAvailable: 300, restoreRate: 25 } });
    // WHEN the claim goes from submission to a replacement order
    const { result } = await claimAndResolveReplacement();
    // THEN Shopify throttled some requests, and the flow completed all the same
    expect(refusals.throttled).toBeGreaterThan(0);
    expect(result.claim.state.status).toBe("resolved");
    expect(result.replacement?.orderId).toBeTruthy();
    expect(simulator.store(TEST_SHOP).state.draftOrders.map((d) => d.status)).toEqual(["COMPLETED"]);
  }, 30_000);

  it("a claim is resolved while Shopify answers HTTP 429 to a request flood", async () => {
    // GIVEN at most 4 requests a second
    limitRates({ floodLimit: { maxRequests: 4, perMs: 1000 } });
    const { result } = await claimAndResolveReplacement();
    expect(refusals.flooded).toBeGreaterThan(0);
    expect(result.claim.state.status).toBe("resolved");
    expect(simulator.store(TEST_SHOP).state.draftOrders).toHaveLength(1);
  }, 30_000);

  it("gives up with a clear error when the wait would be too long, leaving nothing half-done", async () => {
    const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "delivered-2-days-ago"))!;
    const orderId = customer.orders.find((o) => o.scenario === "delivered-2-days-ago")!.id;
    // GIVEN a bucket that refills so slowly that the order facts query would wait minutes
    limitRates({ throttle: { maximumAvailable: 100, restoreRate: 1 } });
    // WHEN the app reads the order THEN it says Shopify is busy, at once
    const started = Date.now();
    await expect(fetchOrderFacts(graphql, orderId)).rejects.toBeInstanceOf(ShopifyUnavailableError);
    await expect(fetchOrderFacts(graphql, orderId)).rejects.toThrow(
      "Shopify is busy with this store's requests right now. Please try again in a minute.",
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await prisma.claim.count()).toBe(0);
  });

  it("a claim whose resolution was throttled too long stays unresolved and can be resolved later", async () => {
    // GIVEN Shopify stops answering in time right after the claim was approved
    const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "delivered-2-days-ago"))!;
    const orderId = customer.orders.find((o) => o.scenario === "delivered-2-days-ago")!.id;
    const lineItemId = simulator.store(TEST_SHOP).order(orderId)!.lineItems[0]!.id;
    const { claim } = await submitClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, customerId: customer.id, orderId },
      {
        claim: {
          type: "arrival",
          items: [{ lineItemId, quantity: 1 }],
          evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
          preferredResolution: "refund",
        },
      },
      new Date(),
    );
    const claimId = claim.state.id;
    await runClaimCommand(
      prisma,
      TEST_SHOP,
      claimId,
      { type: "decide_item", lineItemId, decision: { kind: "approve", resolution: "refund" } },
      merchant,
      new Date(),
    );
    await runClaimCommand(
      prisma,
      TEST_SHOP,
      claimId,
      { type: "finalize_decision", returnRequired: false },
      merchant,
      new Date(),
    );
    limitRates({ throttle: { maximumAvailable: 100, restoreRate: 1 } });
    const resolve = () =>
      resolveClaim(prisma, graphql, { shop: TEST_SHOP, claimId, actor: merchant, items: [] }, new Date());
    await expect(resolve()).rejects.toBeInstanceOf(ShopifyUnavailableError);
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("approved");
    expect(simulator.store(TEST_SHOP).order(orderId)!.refunds).toHaveLength(0);
    // WHEN Shopify answers again THEN the merchant's retry resolves it, with one refund
    liftRateLimits();
    const { claim: resolved } = await resolve();
    expect(resolved.state.status).toBe("resolved");
    expect(simulator.store(TEST_SHOP).order(orderId)!.refunds).toHaveLength(1);
  });
});
