import { http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { requireClaim } from "../../app/db/claims.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { createRefund } from "../../app/shopify/refunds.server";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { errorResponse } from "../../app/utils/http.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { adminRequests, failNextOperation, shopifyEdge, simulator, slowDown } from "../simulator/network-edge";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// A claim's refund is carried out exactly once, and never stalls: under many concurrent
// resolutions with Shopify answering slowly, after a lost answer, after Shopify refused the stored
// plan (the merchant refunded by hand in the admin meanwhile), and when a holder whose lease
// expired fails late. Runs on SQLite and PostgreSQL (DATABASE_URL).

const merchant = { type: "merchant" as const, id: "staff-1" };
const REFUND_CREATE = "WarrantyDeskRefundCreate";
const MINUTE = 60 * 1000;
let manifest: DemoManifest;
let graphql: AdminGraphql;

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

const store = () => simulator.store(TEST_SHOP);
const refundCreateCalls = () => adminRequests.filter((r) => r.operationName === REFUND_CREATE).length;

/**
 * GIVEN the order paid by card (€164.40) plus a €50 gift card, with earbuds (€129.00) and a lamp
 * (€79.50): an arrival claim on the lamp, approved for a refund, no return needed.
 */
async function approvedLampClaim() {
  const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "card-and-gift-card"))!;
  const orderId = customer.orders.find((o) => o.scenario === "card-and-gift-card")!.id;
  const facts = (await fetchOrderFacts(graphql, orderId))!;
  const [earbuds, lamp] = facts.lines as [(typeof facts.lines)[number], (typeof facts.lines)[number]];
  const { claim } = await submitClaim(
    prisma,
    graphql,
    { shop: TEST_SHOP, customerId: customer.id, orderId },
    {
      claim: {
        type: "arrival",
        items: [{ lineItemId: lamp.lineItemId, quantity: 1 }],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
        preferredResolution: "refund",
      },
    },
    new Date(),
  );
  const run = (command: Parameters<typeof runClaimCommand>[3]) =>
    runClaimCommand(prisma, TEST_SHOP, claim.state.id, command, merchant, new Date());
  await run({ type: "decide_item", lineItemId: lamp.lineItemId, decision: { kind: "approve", resolution: "refund" } });
  await run({ type: "finalize_decision", returnRequired: false });
  const card = store()
    .order(orderId)!
    .transactions.find((t) => t.gateway === "shopify_payments")!;
  const giftCard = store()
    .order(orderId)!
    .transactions.find((t) => t.gateway === "gift_card")!;
  return { claimId: claim.state.id, orderId, earbuds, lamp, card, giftCard };
}

const resolve = (claimId: string, now = new Date()) =>
  resolveClaim(prisma, graphql, { shop: TEST_SHOP, claimId, actor: merchant, items: [] }, now);

const refundAction = () => prisma.shopifyAction.findFirstOrThrow({ where: { kind: "refund" } });

/** The idempotency key of every refundCreate the app sent, in order (use after failNextOperation). */
function recordRefundKeys(): string[] {
  const keys: string[] = [];
  shopifyEdge.use(
    http.post(/^https:\/\/[a-z0-9-]+\.myshopify\.com\/admin\/api\/[^/]+\/graphql\.json$/, async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string; variables?: { idempotencyKey?: string } };
      if (body.query?.includes(REFUND_CREATE)) keys.push(String(body.variables?.idempotencyKey));
      return undefined;
    }),
  );
  return keys;
}

describe("50 merchants resolving one claim at once, with Shopify answering slowly", () => {
  it("send one refundCreate, make one refund, and each get the result or a 409 conflict", async () => {
    const { claimId, orderId, lamp } = await approvedLampClaim();
    // GIVEN Shopify takes 400 ms to create a refund
    slowDown({ [REFUND_CREATE]: 400 });
    // WHEN 50 resolutions of the claim run at once
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => resolve(claimId)));
    // THEN exactly one refundCreate reached Shopify, and the order has exactly one refund
    expect(refundCreateCalls()).toBe(1);
    const refunds = store().order(orderId)!.refunds;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.lineItems).toEqual([expect.objectContaining({ lineItemId: lamp.lineItemId, quantity: 1 })]);
    // AND every request answered the refund or the readable conflict, none an error of ours
    const answers = await Promise.all(
      results.map(async (r) =>
        r.status === "fulfilled"
          ? { status: 200, refundId: r.value.refund?.refundId, claim: r.value.claim.state.status }
          : { status: errorResponse(r.reason).status, body: await errorResponse(r.reason).json() },
      ),
    );
    for (const answer of answers) {
      if (answer.status === 200) {
        expect(answer).toEqual({ status: 200, refundId: refunds[0]!.id, claim: "resolved" });
      } else {
        expect(answer).toEqual({
          status: 409,
          body: {
            error: {
              code: "claim.action_in_progress",
              message:
                "The refund for this claim is being created by another request right now. Reload the claim in a moment.",
            },
          },
        });
      }
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    // AND the claim is resolved, its refund step succeeded once
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("resolved");
    expect(await refundAction()).toMatchObject({ status: "succeeded", shopifyId: refunds[0]!.id, attempts: 1 });
  }, 60_000);
});

describe("a refund whose answer was lost", () => {
  it("is asked again with the same key and plan, and Shopify answers the same refund", async () => {
    const { claimId, orderId } = await approvedLampClaim();
    // GIVEN Shopify created the refund but the answer never reached the app
    failNextOperation(REFUND_CREATE, { afterShopifyRanIt: true });
    const keys = recordRefundKeys();
    await expect(resolve(claimId)).rejects.toThrow();
    expect(store().order(orderId)!.refunds).toHaveLength(1);
    expect(await refundAction()).toMatchObject({ status: "failed", errorMessage: "Shopify could not be reached." });
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("approved");
    // WHEN the merchant resolves again
    const { claim, refund } = await resolve(claimId);
    // THEN the same key went to Shopify twice, and the first refund is the claim's
    expect(keys).toEqual([`warranty-desk:claim:${claimId}:refund`, `warranty-desk:claim:${claimId}:refund`]);
    const refunds = store().order(orderId)!.refunds;
    expect(refunds).toHaveLength(1);
    expect(refund!.refundId).toBe(refunds[0]!.id);
    expect(claim.state.status).toBe("resolved");
  });
});

describe("a stored refund plan Shopify refuses", () => {
  it("is marked refused with Shopify's reason, and the next resolution plans afresh under a new key", async () => {
    const { claimId, orderId, earbuds, lamp, card, giftCard } = await approvedLampClaim();
    // GIVEN the planned refund (€79.50 back to the card) never reached Shopify
    failNextOperation(REFUND_CREATE);
    const keys = recordRefundKeys();
    await expect(resolve(claimId)).rejects.toThrow();
    const stored = await refundAction();
    expect(stored).toMatchObject({ status: "failed", idempotencyKey: `warranty-desk:claim:${claimId}:refund` });
    // AND meanwhile the merchant refunded the earbuds by hand in the admin, from the card: €35.40 is left on it
    await createRefund(graphql, "shopify-admin:refund:1", {
      orderId,
      lines: [{ lineItemId: earbuds.lineItemId, quantity: 1, restockType: "NO_RESTOCK" }],
      transactions: [{ parentTransactionId: card.id, gateway: "shopify_payments", amount: "129.00" }],
      currencyCode: "EUR",
      note: "Refunded by hand",
      notifyCustomer: false,
    });
    // WHEN the merchant resolves again THEN Shopify refuses the stored plan, and the merchant reads why
    const refusal = await resolve(claimId).catch((err: unknown) => err);
    expect(refusal).toMatchObject({ kind: "conflict", code: "refund.rejected_by_shopify" });
    expect((refusal as Error).message).toBe(
      `Shopify refused the refund: Refund amount 79.5 is greater than the 35.4 that can be refunded on transaction ${card.id}. Open Resolve again: a fresh preview shows what the order still allows.`,
    );
    expect(await refundAction()).toMatchObject({
      status: "refused",
      errorMessage: `Refund amount 79.5 is greater than the 35.4 that can be refunded on transaction ${card.id}.`,
    });
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("approved");
    // WHEN the merchant resolves once more
    const { claim, refund } = await resolve(claimId);
    // THEN a fresh plan splits the lamp's €79.50 across what is left: €35.40 card, €44.10 gift card
    expect(claim.state.status).toBe("resolved");
    expect(refund!.plan.transactions).toEqual([
      { parentId: card.id, gateway: "shopify_payments", amount: "35.40" },
      { parentId: giftCard.id, gateway: "gift_card", amount: "44.10" },
    ]);
    expect(refund!.totalRefunded).toEqual({ amount: lamp.unitPricePaid.presentment.amount, currencyCode: "EUR" });
    // AND it went to Shopify under a new key (a reused key would answer the first request's outcome)
    expect(keys).toEqual([
      `warranty-desk:claim:${claimId}:refund`,
      "shopify-admin:refund:1",
      `warranty-desk:claim:${claimId}:refund`,
      `warranty-desk:claim:${claimId}:refund:2`,
    ]);
    const refunds = store().order(orderId)!.refunds;
    expect(refunds).toHaveLength(2);
    expect(refunds[1]!.lineItems).toEqual([expect.objectContaining({ lineItemId: lamp.lineItemId, quantity: 1 })]);
    expect(await refundAction()).toMatchObject({
      status: "succeeded",
      idempotencyKey: `warranty-desk:claim:${claimId}:refund:2`,
      shopifyId: refunds[1]!.id,
      errorMessage: null,
    });
  });

  it("resolves without paying twice when the merchant refunded the claimed item itself by hand", async () => {
    const { claimId, orderId, lamp, card } = await approvedLampClaim();
    failNextOperation(REFUND_CREATE);
    await expect(resolve(claimId)).rejects.toThrow();
    // GIVEN the merchant refunded the lamp itself by hand meanwhile
    await createRefund(graphql, "shopify-admin:refund:1", {
      orderId,
      lines: [{ lineItemId: lamp.lineItemId, quantity: 1, restockType: "NO_RESTOCK" }],
      transactions: [{ parentTransactionId: card.id, gateway: "shopify_payments", amount: "79.50" }],
      currencyCode: "EUR",
      note: "Refunded by hand",
      notifyCustomer: false,
    });
    // WHEN the merchant resolves: the stored plan is refused; and again
    await expect(resolve(claimId)).rejects.toMatchObject({ code: "refund.rejected_by_shopify" });
    const { claim, refund } = await resolve(claimId);
    // THEN the claim is resolved, nothing more is refunded: the fresh plan owes nothing
    expect(claim.state.status).toBe("resolved");
    expect(refund!.totalRefunded).toEqual({ amount: "0.00", currencyCode: "EUR" });
    expect(refund!.transactions).toEqual([]);
    expect(store().order(orderId)!.refunds).toHaveLength(1);
    // (the merchant's refund, and the stored plan Shopify refused; the first never reached Shopify)
    expect(refundCreateCalls()).toBe(2);
  });
});

describe("a late answer from a request whose lease expired", () => {
  it("does not overwrite the refund another request made meanwhile", async () => {
    const { claimId, orderId } = await approvedLampClaim();
    const started = new Date();
    // GIVEN a first resolution whose refundCreate hangs, then fails on the network
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { arrival } = failNextOperation(REFUND_CREATE, { holdUntil: released });
    const first = resolve(claimId, started);
    await arrival;
    // AND three minutes later another resolution takes over the expired lease and refunds
    const second = await resolve(claimId, new Date(started.getTime() + 3 * MINUTE));
    expect(second.refund!.refundId).toBe(store().order(orderId)!.refunds[0]!.id);
    // WHEN the first request's failure finally comes back
    release();
    const late = await first;
    // THEN the success stands, and the late request answers it too
    expect(await refundAction()).toMatchObject({
      status: "succeeded",
      shopifyId: second.refund!.refundId,
      errorMessage: null,
    });
    expect(late.refund!.refundId).toBe(second.refund!.refundId);
    expect(store().order(orderId)!.refunds).toHaveLength(1);
    expect((await requireClaim(prisma, TEST_SHOP, claimId)).state.status).toBe("resolved");
  });
});
