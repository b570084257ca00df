import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { requireClaim } from "../../app/db/claims.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest, type ScenarioKey } from "../simulator/seed";
import { failNextOperation, simulator } from "../simulator/network-edge";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";
import { orderTotal } from "../simulator/store";

// Replacements as $0 orders (docs/decisions/007) against the store simulator: the stock check,
// the out-of-stock fallback to a refund, and draft orders created and completed exactly once
// through double clicks, concurrent merchants and crashes half-way.

const merchant = { type: "merchant" as const, id: "staff-1" };
let manifest: DemoManifest;
let graphql: AdminGraphql;

function scenario(key: ScenarioKey) {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === key);
    if (order) return { customerId: customer.id, orderId: order.id };
  }
  throw new Error(`no ${key} order in the seed`);
}

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

const store = () => simulator.store(TEST_SHOP);

/** GIVEN the desk lamp delivered 2 days ago, claimed on arrival and approved for a replacement. */
async function approvedReplacement() {
  const context = { shop: TEST_SHOP, ...scenario("delivered-2-days-ago") };
  const facts = await fetchOrderFacts(graphql, context.orderId);
  const line = facts!.lines[0]!;
  const { claim } = await submitClaim(
    prisma,
    graphql,
    context,
    {
      claim: {
        type: "arrival",
        items: [{ lineItemId: line.lineItemId, quantity: 1 }],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
        preferredResolution: "replacement",
      },
    },
    new Date(),
  );
  const run = (command: Parameters<typeof runClaimCommand>[3]) =>
    runClaimCommand(prisma, TEST_SHOP, claim.state.id, command, merchant, new Date());
  await run({
    type: "decide_item",
    lineItemId: line.lineItemId,
    decision: { kind: "approve", resolution: "replacement" },
  });
  await run({ type: "finalize_decision", returnRequired: false });
  const variant = store().variant(line.variantId!)!;
  return { claimId: claim.state.id, number: claim.meta.number, context, line, facts: facts!, variant };
}

const resolve = (claimId: string, now = new Date()) =>
  resolveClaim(prisma, graphql, { shop: TEST_SHOP, claimId, actor: merchant, items: [] }, now);

const replacementOrders = () => store().state.orders.filter((o) => o.sourceDraftOrderId !== null);

describe("resolving with a replacement", () => {
  it("creates and completes a $0 order for the claimed variant, for the shopper, linked to the claim", async () => {
    const { claimId, number, context, line, facts, variant } = await approvedReplacement();
    const stockBefore = Object.values(variant.inventory).reduce((s, n) => s + n, 0);
    // WHEN the merchant resolves the claim
    const result = await resolve(claimId);
    // THEN the claim is resolved with the item replaced, nothing refunded
    expect(result.claim.state.status).toBe("resolved");
    expect(result.claim.state.items[0]!.outcome).toEqual({ outcome: "replaced", fallback: null });
    expect(result.refund).toBeNull();
    expect(result.fallbacks).toEqual([]);
    expect(store().order(context.orderId)!.refunds).toHaveLength(0);
    // AND Shopify has one completed draft order: 100% off, free shipping, the shopper, claim and order in note and tags
    expect(store().state.draftOrders).toHaveLength(1);
    const draft = store().state.draftOrders[0]!;
    expect(draft).toMatchObject({
      status: "COMPLETED",
      customerId: context.customerId,
      appliedDiscount: { valueType: "PERCENTAGE", value: 100 },
      shippingLine: { price: 0 },
      tags: ["Warranty Desk", "Warranty replacement", `Claim #${number}`, `Order ${facts.orderName}`],
    });
    expect(draft.note).toBe(
      `Warranty Desk claim #${number}: replacement for order ${facts.orderName}, free of charge.`,
    );
    expect(draft.lineItems).toEqual([expect.objectContaining({ variantId: line.variantId, quantity: 1 })]);
    // AND the order it became costs nothing and takes the unit from stock
    const [order] = replacementOrders();
    expect(order!.lineItems).toEqual([expect.objectContaining({ variantId: line.variantId, quantity: 1 })]);
    expect(orderTotal(order!)).toBe(0);
    expect(Object.values(variant.inventory).reduce((s, n) => s + n, 0)).toBe(stockBefore - 1);
    // AND the claim links to it
    expect(result.replacement).toEqual({
      draftOrderId: draft.id,
      draftOrderName: draft.name,
      orderId: order!.id,
      orderName: order!.name,
      lines: [{ lineItemId: line.lineItemId, variantId: line.variantId, quantity: 1 }],
    });
    const action = await prisma.shopifyAction.findFirstOrThrow({ where: { claimId, kind: "replacement" } });
    expect(action).toMatchObject({
      status: "succeeded",
      shopifyId: order!.id,
      idempotencyKey: `warranty-desk:claim:${claimId}:replacement`,
    });
  });

  it("refunds instead when the variant is out of stock everywhere, and tells the merchant why", async () => {
    const { claimId, context, line, variant } = await approvedReplacement();
    // GIVEN no unit of the lamp is left in any warehouse
    for (const location of Object.keys(variant.inventory)) variant.inventory[location] = 0;
    // WHEN the merchant resolves the claim
    const result = await resolve(claimId);
    // THEN the domain falls back to a refund, recorded on the item and explained
    expect(result.claim.state.items[0]!.outcome).toEqual({
      outcome: "refunded",
      fallback: { from: "replacement", reason: "out_of_stock" },
    });
    expect(result.fallbacks).toEqual([
      {
        lineItemId: line.lineItemId,
        from: "replacement",
        reason: "out_of_stock",
        message: `${line.name} is out of stock in Shopify (0 available, 1 needed for a replacement). It is refunded instead, as the guarantee promises.`,
      },
    ]);
    // AND the shopper gets the money back, and no replacement order exists
    expect(result.refund!.totalRefunded).toEqual({
      amount: line.unitPricePaid.presentment.amount,
      currencyCode: "EUR",
    });
    expect(store().order(context.orderId)!.refunds).toHaveLength(1);
    expect(store().state.draftOrders).toHaveLength(0);
    expect(result.replacement).toBeNull();
  });

  it("refunds instead when the merchant says the replacement is out of stock", async () => {
    const { claimId, line } = await approvedReplacement();
    const result = await resolveClaim(
      prisma,
      graphql,
      {
        shop: TEST_SHOP,
        claimId,
        actor: merchant,
        items: [{ lineItemId: line.lineItemId, replacementInStock: false }],
      },
      new Date(),
    );
    expect(result.fallbacks.map((f) => f.message)).toEqual([
      `You marked the replacement for ${line.name} as out of stock. It is refunded instead, as the guarantee promises.`,
    ]);
    expect(store().state.draftOrders).toHaveLength(0);
  });

  it("never sends two replacements: a double click, or two merchants at once, give one order", async () => {
    const { claimId } = await approvedReplacement();
    // WHEN two resolutions run at once, and one more afterwards
    const results = await Promise.allSettled([resolve(claimId), resolve(claimId)]);
    const again = await resolve(claimId);
    // THEN one draft order and one replacement order exist; the loser, if any, got a conflict
    expect(store().state.draftOrders).toHaveLength(1);
    expect(replacementOrders()).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ kind: "conflict" });
    }
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    // AND the later call answers the same replacement
    expect(again.replacement?.orderId).toBe(replacementOrders()[0]!.id);
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("resolved");
  });

  it("completes the stored draft after a failure between draftOrderCreate and draftOrderComplete", async () => {
    const { claimId } = await approvedReplacement();
    // GIVEN the draft order was created but completing it failed (network)
    failNextOperation("WarrantyDeskReplacementDraftOrderComplete");
    await expect(resolve(claimId)).rejects.toThrow();
    expect(store().state.draftOrders.map((d) => d.status)).toEqual(["OPEN"]);
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("approved");
    const failed = await prisma.shopifyAction.findFirstOrThrow({ where: { claimId, kind: "replacement" } });
    expect(failed).toMatchObject({ status: "failed", errorMessage: "Shopify could not be reached." });
    // WHEN the merchant resolves again
    const result = await resolve(claimId);
    // THEN the same draft is completed: one draft, one order
    expect(store().state.draftOrders.map((d) => d.status)).toEqual(["COMPLETED"]);
    expect(replacementOrders()).toHaveLength(1);
    expect(result.replacement?.draftOrderId).toBe(store().state.draftOrders[0]!.id);
    expect(result.claim.state.status).toBe("resolved");
  });

  it("does not complete twice, nor refund, when Shopify completed the draft but the answer was lost", async () => {
    const { claimId, context, variant } = await approvedReplacement();
    // GIVEN the last unit in stock, and draftOrderComplete ran in Shopify but its answer never arrived
    for (const location of Object.keys(variant.inventory)) variant.inventory[location] = 0;
    variant.inventory[Object.keys(variant.inventory)[0]!] = 1;
    failNextOperation("WarrantyDeskReplacementDraftOrderComplete", { afterShopifyRanIt: true });
    await expect(resolve(claimId)).rejects.toThrow();
    expect(replacementOrders()).toHaveLength(1);
    expect(Object.values(variant.inventory).reduce((s, n) => s + n, 0)).toBe(0);
    // WHEN the merchant resolves again (the replacement took the last unit meanwhile)
    const result = await resolve(claimId);
    // THEN the stored stock check stands: replaced, not refunded; the completed draft is not completed again
    expect(result.claim.state.items[0]!.outcome).toEqual({ outcome: "replaced", fallback: null });
    expect(result.refund).toBeNull();
    expect(store().order(context.orderId)!.refunds).toHaveLength(0);
    expect(replacementOrders()).toHaveLength(1);
    expect(result.replacement?.orderId).toBe(replacementOrders()[0]!.id);
  });

  it("keeps the replacement another request completed after this one's lease expired, when this one fails late", async () => {
    const { claimId } = await approvedReplacement();
    const started = new Date();
    // GIVEN a first resolution created the draft, and its draftOrderComplete hangs, then fails
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { arrival } = failNextOperation("WarrantyDeskReplacementDraftOrderComplete", { holdUntil: released });
    const first = resolve(claimId, started);
    await arrival;
    // AND three minutes later another resolution takes over the expired lease and completes that draft
    const second = await resolve(claimId, new Date(started.getTime() + 3 * 60 * 1000));
    expect(second.replacement?.orderId).toBe(replacementOrders()[0]!.id);
    // WHEN the first request's failure finally comes back
    release();
    const late = await first;
    // THEN the success stands, one draft and one order exist, and the late request answers them too
    const action = await prisma.shopifyAction.findFirstOrThrow({ where: { claimId, kind: "replacement" } });
    expect(action).toMatchObject({ status: "succeeded", shopifyId: replacementOrders()[0]!.id, errorMessage: null });
    expect(store().state.draftOrders.map((d) => d.status)).toEqual(["COMPLETED"]);
    expect(replacementOrders()).toHaveLength(1);
    expect(late.replacement).toEqual(second.replacement);
  });

  it("tells a second request that the replacement is being created while another holds it", async () => {
    const { claimId } = await approvedReplacement();
    // GIVEN another request is creating the replacement right now (its lease is fresh)
    await prisma.shopifyAction.create({
      data: {
        claimId,
        kind: "replacement",
        idempotencyKey: `warranty-desk:claim:${claimId}:replacement`,
        status: "in_progress",
        requestJson: JSON.stringify({
          orderId: scenario("delivered-2-days-ago").orderId,
          orderName: null,
          customerId: null,
          currencyCode: "EUR",
          note: "n",
          tags: [],
          items: [
            {
              lineItemId: (await requireClaim(prisma, TEST_SHOP, claimId)).state.items[0]!.lineItemId,
              variantId: "gid://shopify/ProductVariant/1",
              quantity: 1,
              inStock: true,
              fallbackMessage: null,
            },
          ],
        }),
      },
    });
    // WHEN the merchant resolves THEN it is a conflict to retry, and nothing was created
    await expect(resolve(claimId)).rejects.toMatchObject({ kind: "conflict", code: "claim.action_in_progress" });
    expect(store().state.draftOrders).toHaveLength(0);
  });
});
