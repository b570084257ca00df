import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { recordDeliveryFacts } from "../../app/db/delivery-facts.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import type { Actor } from "../../app/domain/claim-lifecycle/claim-state";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { previewClaim, submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest, type ScenarioKey } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { appTomlScopes } from "../support/app-toml";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// The claim services against the store simulator: Shopify's real schema and behaviour (60-day
// visibility, suggested refunds, idempotent refundCreate) at the network edge.

const merchant = { type: "merchant" as const, id: "staff-1" };
const WITHOUT_READ_ALL_ORDERS = appTomlScopes().filter((scope) => scope !== "read_all_orders");
let manifest: DemoManifest;
let graphql: AdminGraphql;

function scenario(key: ScenarioKey) {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === key);
    if (order) return { customerId: customer.id, orderId: order.id };
  }
  throw new Error(`no ${key} order in the seed`);
}

async function adminGraphql(scopes?: string[]) {
  await installTestShop(TEST_SHOP, scopes ? { scopes } : {});
  return (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
}

/**
 * The 11-month-old order, as our records know it once Shopify hides it: its first line's delivery
 * facts, naming `customerId` (orders/fulfilled, backfill) or nobody (fulfillment webhooks alone).
 */
async function hiddenOrderOnRecord(customerId: "owner" | null) {
  const context = { shop: TEST_SHOP, ...scenario("delivered-11-months-ago") };
  const facts = await fetchOrderFacts(graphql, context.orderId);
  const line = facts!.lines[0]!;
  const shipped = line.fulfilled[0]!;
  await recordDeliveryFacts(prisma, [
    {
      shop: TEST_SHOP,
      orderId: context.orderId,
      fulfillmentId: shipped.fulfillmentId,
      lineItemId: line.lineItemId,
      productId: line.productId,
      variantId: line.variantId,
      customerId: customerId === "owner" ? context.customerId : null,
      quantity: shipped.quantity,
      fulfilledAt: new Date(shipped.fulfilledAt),
      deliveredAt: new Date(shipped.deliveredAt!),
      estimatedDeliveryAt: null,
      locationId: shipped.locationId,
      sourceUpdatedAt: new Date(shipped.updatedAt),
    },
  ]);
  return { context, line };
}

const arrivalClaimOn = (lineItemId: string) => ({
  type: "arrival",
  items: [{ lineItemId, quantity: 1 }],
  evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
  preferredResolution: "refund",
});

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  graphql = await adminGraphql();
});

describe("order facts", () => {
  it("reads a split shipment with the warehouse each part shipped from", async () => {
    const { orderId } = scenario("split-shipment");
    const facts = await fetchOrderFacts(graphql, orderId);
    const warehouses = facts!.lines.map((line) => line.fulfilled.map((f) => f.locationId));
    expect(new Set(warehouses.flat()).size).toBe(2);
    expect(facts!.lines.every((line) => line.fulfilled.every((f) => f.deliveredAt !== null))).toBe(true);
    expect(facts!.shop.timezone).toBe("Europe/Berlin");
  });

  it("is null for an order older than 60 days when the app may not read all orders", async () => {
    const limited = await adminGraphql(WITHOUT_READ_ALL_ORDERS);
    expect(await fetchOrderFacts(limited, scenario("delivered-11-months-ago").orderId)).toBeNull();
    expect(await fetchOrderFacts(limited, scenario("delivered-2-days-ago").orderId)).not.toBeNull();
  });
});

describe("submitting a claim", () => {
  it("previews an arrival claim inside the window as eligible", async () => {
    const context = { shop: TEST_SHOP, ...scenario("delivered-2-days-ago") };
    const facts = await fetchOrderFacts(graphql, context.orderId);
    const evaluation = await previewClaim(
      prisma,
      graphql,
      context,
      arrivalClaimOn(facts!.lines[0]!.lineItemId),
      new Date(),
    );
    expect(evaluation).toMatchObject({ eligible: true, reasons: [], missingEvidence: [] });
  });

  it("suggests a warranty claim when the arrival window closed", async () => {
    const context = { shop: TEST_SHOP, ...scenario("delivered-4-days-ago") };
    const facts = await fetchOrderFacts(graphql, context.orderId);
    const evaluation = await previewClaim(
      prisma,
      graphql,
      context,
      arrivalClaimOn(facts!.lines[0]!.lineItemId),
      new Date(),
    );
    expect(evaluation).toMatchObject({ eligible: false, suggestedType: "warranty" });
    expect(evaluation.items[0]?.reasons).toEqual(["window_expired"]);
  });

  it("stores an eligible claim with where the item goes back, and counts it against later claims", async () => {
    const context = { shop: TEST_SHOP, ...scenario("delivered-2-days-ago") };
    const facts = await fetchOrderFacts(graphql, context.orderId);
    const line = facts!.lines[0]!;
    const { claim } = await submitClaim(
      prisma,
      graphql,
      context,
      { claim: arrivalClaimOn(line.lineItemId), note: "Cracked shade." },
      new Date(),
    );
    expect(claim.meta).toMatchObject({ number: 1001, customerId: context.customerId, orderName: facts!.orderName });
    expect(claim.state.items[0]?.returnLocations).toEqual([{ locationId: line.fulfilled[0]!.locationId, quantity: 1 }]);
    // The line had one unit: it cannot be claimed twice.
    await expect(
      submitClaim(prisma, graphql, context, { claim: arrivalClaimOn(line.lineItemId) }, new Date()),
    ).rejects.toMatchObject({ kind: "invalid", code: "claim.not_eligible" });
  });

  it("refuses an order that is not the shopper's, as if it did not exist", async () => {
    const { orderId } = scenario("delivered-2-days-ago");
    const stranger = manifest.customers.find((c) => !c.orders.some((o) => o.id === orderId))!;
    await expect(
      previewClaim(
        prisma,
        graphql,
        { shop: TEST_SHOP, orderId, customerId: stranger.id },
        arrivalClaimOn("gid://shopify/LineItem/1"),
        new Date(),
      ),
    ).rejects.toMatchObject({ kind: "not_found", code: "order.not_found" });
  });

  it("refuses an order Shopify hides when our records do not say it is the shopper's", async () => {
    // GIVEN facts from the fulfillment webhooks only (they do not name the customer)
    const { context, line } = await hiddenOrderOnRecord(null);
    const limited = await adminGraphql(WITHOUT_READ_ALL_ORDERS);
    await expect(
      previewClaim(
        prisma,
        limited,
        context,
        { type: "warranty", items: [{ lineItemId: line.lineItemId, quantity: 1 }], evidence: [] },
        new Date(),
      ),
    ).rejects.toMatchObject({ kind: "not_found", code: "order.not_found" });
  });

  it("evaluates a warranty claim from our delivery records when Shopify hides the order", async () => {
    // GIVEN the delivery facts kept from the webhooks, and an app without read_all_orders
    const { context, line } = await hiddenOrderOnRecord("owner");
    const limited = await adminGraphql(WITHOUT_READ_ALL_ORDERS);
    // WHEN the shopper checks a warranty claim
    const evaluation = await previewClaim(
      prisma,
      limited,
      context,
      {
        type: "warranty",
        items: [{ lineItemId: line.lineItemId, quantity: 1 }],
        evidence: ["issue_video"],
        answers: {},
      },
      new Date(),
    );
    // THEN the 12-month warranty still covers it
    expect(evaluation).toMatchObject({ eligible: true });
  });
});

describe("resolving with a refund to the original payment methods", () => {
  async function approvedClaim() {
    const context = { shop: TEST_SHOP, ...scenario("card-and-gift-card") };
    const facts = await fetchOrderFacts(graphql, context.orderId);
    const line = facts!.lines[1]!;
    const { claim } = await submitClaim(
      prisma,
      graphql,
      context,
      { claim: arrivalClaimOn(line.lineItemId) },
      new Date(),
    );
    const run = (command: Parameters<typeof runClaimCommand>[3]) =>
      runClaimCommand(prisma, TEST_SHOP, claim.state.id, command, merchant, new Date());
    await run({
      type: "decide_item",
      lineItemId: line.lineItemId,
      decision: { kind: "approve", resolution: "refund" },
    });
    await run({ type: "finalize_decision", returnRequired: false });
    return { claimId: claim.state.id, orderId: context.orderId, line };
  }
  const resolve = (claimId: string) =>
    resolveClaim(prisma, graphql, { shop: TEST_SHOP, claimId, actor: merchant, items: [] }, new Date());

  it("refunds what was paid for the item, split as Shopify suggests, and resolves the claim", async () => {
    const { claimId, orderId, line } = await approvedClaim();
    const { claim, refund } = await resolve(claimId);
    expect(claim.state.status).toBe("resolved");
    expect(refund!.totalRefunded).toEqual({ amount: line.unitPricePaid.presentment.amount, currencyCode: "EUR" });
    const order = simulator.store(TEST_SHOP).order(orderId)!;
    expect(order.refunds).toHaveLength(1);
    expect(order.refunds[0]!.lineItems).toEqual([
      expect.objectContaining({ lineItemId: line.lineItemId, quantity: 1 }),
    ]);
    expect(refund!.plan.transactions.length).toBeGreaterThan(0);
    const action = await prisma.shopifyAction.findFirstOrThrow();
    expect(action).toMatchObject({ kind: "refund", status: "succeeded", shopifyId: refund!.refundId });
  });

  it("puts a returned item back in stock at the warehouse that received it, when the merchant asks", async () => {
    // GIVEN an approved claim whose item came back and was inspected
    const context = { shop: TEST_SHOP, ...scenario("split-shipment") };
    const facts = await fetchOrderFacts(graphql, context.orderId);
    const line = facts!.lines.find((l) => l.fulfilled.length > 0)!;
    const { claim } = await submitClaim(
      prisma,
      graphql,
      context,
      { claim: { type: "warranty", items: [{ lineItemId: line.lineItemId, quantity: 1 }], evidence: ["issue_video"] } },
      new Date(),
    );
    const step = (command: Parameters<typeof runClaimCommand>[3], actor: Actor = merchant) =>
      runClaimCommand(prisma, TEST_SHOP, claim.state.id, command, actor, new Date());
    await step({
      type: "decide_item",
      lineItemId: line.lineItemId,
      decision: { kind: "approve", resolution: "refund" },
    });
    await step({ type: "finalize_decision" });
    await step({ type: "request_return", shippingPaidBy: "merchant" });
    await step({ type: "ship_return", trackingNumber: "JJD0001" }, { type: "customer", id: context.customerId });
    await step({ type: "receive_return" });
    await step({ type: "inspect_return", items: [{ lineItemId: line.lineItemId, missingComponents: [] }] });
    // WHEN it is resolved with restocking
    await resolveClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, claimId: claim.state.id, actor: merchant, items: [], restock: true },
      new Date(),
    );
    // THEN Shopify's refund restocks it where it was shipped from (and so returned to)
    const [refund] = simulator.store(TEST_SHOP).order(context.orderId)!.refunds;
    expect(refund!.lineItems).toEqual([
      expect.objectContaining({
        lineItemId: line.lineItemId,
        quantity: 1,
        restockType: "RETURN",
        locationId: line.fulfilled[0]!.locationId,
      }),
    ]);
  });

  it("completes after a crash between Shopify's refund and our database write, without a second refund", async () => {
    const { claimId, orderId } = await approvedClaim();
    // GIVEN the refund went through in Shopify but the claim was never updated (the process died)
    const intent = await resolve(claimId).then(async (result) => {
      const action = await prisma.shopifyAction.findFirstOrThrow();
      return { result, action };
    });
    await prisma.shopifyAction.update({
      where: { id: intent.action.id },
      data: { status: "pending", resultJson: null },
    });
    await prisma.claim.update({ where: { id: claimId }, data: { status: "approved", version: { decrement: 1 } } });
    await prisma.claimEvent.deleteMany({ where: { claimId, type: "resolved" } });
    // WHEN the merchant resolves again
    const { claim, refund } = await resolve(claimId);
    // THEN Shopify returns the same refund for the same key, and the claim is resolved
    expect(refund!.refundId).toBe(intent.result.refund!.refundId);
    expect(simulator.store(TEST_SHOP).order(orderId)!.refunds).toHaveLength(1);
    expect(claim.state.status).toBe("resolved");
  });
});
