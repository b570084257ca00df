import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { requireClaim } from "../../app/db/claims.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { requestReturn } from "../../app/services/request-return.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { shopifyEdge, simulator } from "../simulator/network-edge";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// Shopify returns for claims that need the item back, against the store simulator: opened for the
// claimed fulfillment line items when the return is requested (to the warehouse that shipped
// them), kept on the claim, processed when the claim resolves; never opened twice.

const merchant = { type: "merchant" as const, id: "staff-1" };
let manifest: DemoManifest;
let graphql: AdminGraphql;

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

const store = () => simulator.store(TEST_SHOP);
const shenzhen = () => manifest.locations.find((l) => l.countryCode === "CN")!.id;

/**
 * GIVEN the split shipment (scooter from Berlin, power bank from Shenzhen, delivered yesterday):
 * an arrival claim on the power bank, approved for a refund with the item to come back.
 */
async function approvedClaimNeedingReturn() {
  const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "split-shipment"))!;
  const orderId = customer.orders.find((o) => o.scenario === "split-shipment")!.id;
  const facts = (await fetchOrderFacts(graphql, orderId))!;
  const line = facts.lines.find((l) => l.fulfilled.some((f) => f.locationId === shenzhen()))!;
  const { claim } = await submitClaim(
    prisma,
    graphql,
    { shop: TEST_SHOP, customerId: customer.id, orderId },
    {
      claim: {
        type: "arrival",
        items: [{ lineItemId: line.lineItemId, quantity: 1 }],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
        preferredResolution: "refund",
      },
    },
    new Date(),
  );
  await run(claim.state.id, {
    type: "decide_item",
    lineItemId: line.lineItemId,
    decision: { kind: "approve", resolution: "refund" },
  });
  await run(claim.state.id, { type: "finalize_decision", returnRequired: true });
  return { claimId: claim.state.id, number: claim.meta.number, orderId, line };
}

const run = (claimId: string, command: Parameters<typeof runClaimCommand>[3]) =>
  runClaimCommand(prisma, TEST_SHOP, claimId, command, merchant, new Date());

const askForReturn = (claimId: string) =>
  requestReturn(prisma, graphql, { shop: TEST_SHOP, claimId, actor: merchant, shippingPaidBy: "merchant" }, new Date());

const shopifyReturnIdOf = async (claimId: string) =>
  (await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).shopifyReturnId;

/** Loses the answer to the next Admin request containing `operation`, after Shopify ran it. */
function loseAnswerOf(operation: string) {
  let done = false;
  shopifyEdge.use(
    http.post(/^https:\/\/[a-z0-9-]+\.myshopify\.com\/admin\/api\/[^/]+\/graphql\.json$/, async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string };
      if (done || !body.query?.includes(operation)) return undefined;
      done = true;
      await simulator.handle(request);
      return HttpResponse.error();
    }),
  );
}

describe("requesting a return", () => {
  it("opens a Shopify return for the claimed fulfillment line item, to the warehouse that shipped it", async () => {
    const { claimId, number, orderId, line } = await approvedClaimNeedingReturn();
    // WHEN the merchant asks for the item back
    const result = await askForReturn(claimId);
    // THEN the claim awaits the return, to Shenzhen (where the power bank shipped from)
    expect(result.claim.state.status).toBe("awaiting_return");
    expect(result.claim.state.returnInstructions!.destinations).toEqual([
      { locationId: shenzhen(), items: [{ lineItemId: line.lineItemId, quantity: 1, includeComponents: [] }] },
    ]);
    // AND Shopify has one open return for that fulfillment line item, marked with the claim
    const returns = store().returnsOf(orderId);
    expect(returns).toHaveLength(1);
    expect(returns[0]).toMatchObject({
      status: "OPEN",
      lineItems: [
        {
          fulfillmentLineItemId: line.fulfilled[0]!.fulfillmentLineItemId,
          lineItemId: line.lineItemId,
          quantity: 1,
          returnReasonNote: `Warranty Desk claim #${number}`,
        },
      ],
    });
    // AND the claim keeps its id
    expect(result.shopifyReturn?.returnId).toBe(returns[0]!.id);
    expect(await shopifyReturnIdOf(claimId)).toBe(returns[0]!.id);
    expect(result.notice).toBeNull();
  });

  it("processes (closes) the Shopify return when the claim resolves, beside the refund", async () => {
    const { claimId, orderId, line } = await approvedClaimNeedingReturn();
    await askForReturn(claimId);
    // GIVEN the item came back complete
    await run(claimId, { type: "ship_return", trackingNumber: "LP00123456789CN" });
    await run(claimId, { type: "receive_return" });
    await run(claimId, { type: "inspect_return", items: [{ lineItemId: line.lineItemId, missingComponents: [] }] });
    // WHEN the merchant resolves the claim
    const result = await resolveClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, claimId, actor: merchant, items: [] },
      new Date(),
    );
    // THEN the shopper is refunded and the Shopify return is closed with its unit processed
    expect(result.claim.state.status).toBe("resolved");
    expect(store().order(orderId)!.refunds).toHaveLength(1);
    const [closed] = store().returnsOf(orderId);
    expect(closed).toMatchObject({ status: "CLOSED", lineItems: [expect.objectContaining({ processedQuantity: 1 })] });
    expect(result.shopifyReturn).toEqual({ returnId: closed!.id, status: "CLOSED", name: closed!.name });
    const actions = await prisma.shopifyAction.findMany({ where: { claimId }, orderBy: { kind: "asc" } });
    expect(actions.map((a) => [a.kind, a.status])).toEqual([
      ["refund", "succeeded"],
      ["return_close", "succeeded"],
      ["return_open", "succeeded"],
    ]);
  });

  it("leaves a return the merchant already closed in the admin as it is", async () => {
    const { claimId, orderId, line } = await approvedClaimNeedingReturn();
    await askForReturn(claimId);
    await run(claimId, { type: "receive_return" });
    await run(claimId, { type: "inspect_return", items: [{ lineItemId: line.lineItemId, missingComponents: [] }] });
    // GIVEN the merchant closed the return in Shopify themselves
    store().returnsOf(orderId)[0]!.status = "CLOSED";
    // WHEN the claim resolves THEN it resolves, and the return is reported as it is
    const result = await resolveClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, claimId, actor: merchant, items: [] },
      new Date(),
    );
    expect(result.claim.state.status).toBe("resolved");
    expect(result.shopifyReturn?.status).toBe("CLOSED");
    expect(store().returnsOf(orderId)[0]!.lineItems[0]!.processedQuantity).toBe(0);
  });

  it("opens one return for a double click or two merchants at once", async () => {
    const { claimId, orderId } = await approvedClaimNeedingReturn();
    const results = await Promise.allSettled([askForReturn(claimId), askForReturn(claimId)]);
    const again = await askForReturn(claimId);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ kind: "conflict" });
    }
    expect(store().returnsOf(orderId)).toHaveLength(1);
    expect(again.shopifyReturn?.returnId).toBe(store().returnsOf(orderId)[0]!.id);
    expect(await shopifyReturnIdOf(claimId)).toBe(store().returnsOf(orderId)[0]!.id);
  });

  it("finds the return it opened when Shopify's answer was lost, instead of opening another", async () => {
    const { claimId, orderId } = await approvedClaimNeedingReturn();
    // GIVEN returnCreate ran in Shopify but the answer never reached the app
    loseAnswerOf("WarrantyDeskReturnCreate");
    await expect(askForReturn(claimId)).rejects.toThrow();
    expect(store().returnsOf(orderId)).toHaveLength(1);
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("approved");
    // WHEN the merchant asks again
    const result = await askForReturn(claimId);
    // THEN the claim links to that return and no second one is opened
    expect(store().returnsOf(orderId)).toHaveLength(1);
    expect(result.claim.state.status).toBe("awaiting_return");
    expect(await shopifyReturnIdOf(claimId)).toBe(store().returnsOf(orderId)[0]!.id);
  });
});
