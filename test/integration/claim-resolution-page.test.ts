import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as claimAction, loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { action as previewAction } from "../../app/routes/app.claims.$claimId.resolution-preview";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import type { ClaimPage } from "../../app/services/claim-page.server";
import { requireClaim } from "../../app/db/claims.server";
import { writeShopPolicyOverride } from "../../app/db/policies.server";
import { saveProductOverride } from "../../app/services/product-overrides.server";
import { requestReturn } from "../../app/services/request-return.server";
import type { ResolutionPreview } from "../../app/services/resolution/preview.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { createRefund } from "../../app/shopify/refunds.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { adminRequests, failNextOperation, simulator, slowDown } from "../simulator/network-edge";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

// Inspecting a return and resolving a claim through the claim page's real routes: the inspect
// action (missing parts become deductions), the resolution preview (what Shopify will do, nothing
// done), the resolve action on the version and preview the merchant saw, and the resolution card's
// data. Shopify is the store simulator. Runs on SQLite and PostgreSQL (DATABASE_URL).

const merchant = { type: "merchant" as const, id: "staff-1" };
const OTHER_SHOP = "other-shop.myshopify.com";
const REFUND_CREATE = "WarrantyDeskRefundCreate";
let manifest: DemoManifest;
let graphql: AdminGraphql;

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

const store = () => simulator.store(TEST_SHOP);

/** The order paid by card (€164.40) plus a €50 gift card: earbuds (€129.00) and a lamp (€79.50). */
async function cardAndGiftCardOrder(m = manifest, g = graphql) {
  const customer = m.customers.find((c) => c.orders.some((o) => o.scenario === "card-and-gift-card"))!;
  const orderId = customer.orders.find((o) => o.scenario === "card-and-gift-card")!.id;
  const facts = (await fetchOrderFacts(g, orderId))!;
  const [earbuds, lamp] = facts.lines as [(typeof facts.lines)[number], (typeof facts.lines)[number]];
  return { customerId: customer.id, orderId, orderName: facts.orderName, earbuds, lamp };
}

type Resolution = "refund" | "replacement" | "repair";

/**
 * GIVEN an arrival claim on `items` of that order, approved with `resolution`; with `returned`, the
 * return requested (a Shopify return opened), shipped and received, waiting for its inspection.
 */
async function approvedClaim(
  pick: (order: Awaited<ReturnType<typeof cardAndGiftCardOrder>>) => string[],
  resolution: Resolution,
  { returned = true, lost = false, shop = TEST_SHOP, m = manifest, g = graphql } = {},
) {
  const order = await cardAndGiftCardOrder(m, g);
  const lineItemIds = pick(order);
  // The parts that must come back, as the merchant set them on the products (the claim keeps a copy).
  const parts = (...items: [string, string][]) =>
    items.map(([name, amount]) => ({ name, chargeIfMissing: eur(amount) }));
  await saveProductOverride(
    prisma,
    g,
    shop,
    { productId: order.earbuds.productId!, components: parts(["charger", "24.90"], ["cable", "7.90"]) },
    null,
  );
  await saveProductOverride(
    prisma,
    g,
    shop,
    { productId: order.lamp.productId!, components: parts(["cable", "6.90"]) },
    null,
  );
  const { claim } = await submitClaim(
    prisma,
    g,
    { shop, customerId: order.customerId, orderId: order.orderId },
    {
      claim: {
        // Repairs are for faults under the warranty; arrival claims are refunded or replaced.
        type: resolution === "repair" ? "warranty" : "arrival",
        items: lineItemIds.map((lineItemId) => ({ lineItemId, quantity: 1 })),
        evidence: ["issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"],
        preferredResolution: resolution,
      },
    },
    new Date(),
  );
  const claimId = claim.state.id;
  const run = (command: Parameters<typeof runClaimCommand>[3]) =>
    runClaimCommand(prisma, shop, claimId, command, merchant, new Date());
  for (const lineItemId of lineItemIds) {
    await run({ type: "decide_item", lineItemId, decision: { kind: "approve", resolution } });
  }
  await run({ type: "finalize_decision", returnRequired: returned || lost });
  if (lost) {
    await requestReturn(prisma, g, { shop, claimId, actor: merchant, shippingPaidBy: "merchant" }, new Date());
    await run({ type: "ship_return", trackingNumber: "00340434161094000008", carrier: "DHL" });
    await run({ type: "mark_return_lost", note: "DHL confirmed the loss" });
  }
  if (returned) {
    await requestReturn(prisma, g, { shop, claimId, actor: merchant, shippingPaidBy: "merchant" }, new Date());
    await run({ type: "ship_return", trackingNumber: "00340434161094000009", carrier: "DHL" });
    await run({ type: "receive_return" });
  }
  return { ...order, claimId, number: claim.meta.number };
}

async function claimPage(claimId: string): Promise<ClaimPage> {
  const request = await adminDocumentRequest(`/app/claims/${claimId}`);
  return (await claimLoader({ ...routeArgs(request), params: { claimId } })) as ClaimPage;
}

async function post(
  route: typeof claimAction,
  path: string,
  claimId: string,
  body: unknown,
  shop = TEST_SHOP,
): Promise<{
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; field?: string } };
}> {
  const request = await adminDataRequest(
    path,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    shop,
  );
  const result = (await route({ ...routeArgs(request), params: { claimId } })) as unknown;
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as never };
  return { status: 200, body: result as never };
}

const act = (claimId: string, body: Record<string, unknown>) =>
  post(claimAction, `/app/claims/${claimId}`, claimId, body);

async function preview(claimId: string, body: Record<string, unknown> = {}): Promise<ResolutionPreview> {
  const answer = await post(
    previewAction as typeof claimAction,
    `/app/claims/${claimId}/resolution-preview`,
    claimId,
    body,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as unknown as ResolutionPreview;
}

const eur = (amount: string) => ({ amount, currencyCode: "EUR" });
const refundsOf = (orderId: string) => store().order(orderId)!.refunds;
const transactionsOf = (orderId: string) => store().order(orderId)!.transactions;
const cardOf = (orderId: string) => transactionsOf(orderId).find((t) => t.gateway === "shopify_payments")!;
const giftCardOf = (orderId: string) => transactionsOf(orderId).find((t) => t.gateway === "gift_card")!;

describe("inspecting a return with a missing part, then resolving with a refund", () => {
  it("GIVEN both items came back, the lamp without its cable WHEN the merchant inspects, previews and resolves THEN the simulator holds exactly one refund with the deduction, split over card and gift card", async () => {
    const claim = await approvedClaim(({ earbuds, lamp }) => [earbuds.lineItemId, lamp.lineItemId], "refund");
    const before = await claimPage(claim.claimId);
    expect(before.actions).toContain("inspect_return");
    expect(before.resolution.items.map((i) => [i.title, i.components])).toEqual([
      [
        expect.any(String),
        [
          { name: "charger", charge: eur("24.90") },
          { name: "cable", charge: eur("7.90") },
        ],
      ],
      [expect.any(String), [{ name: "cable", charge: eur("6.90") }]],
    ]);

    // WHEN the merchant inspects: the earbuds complete, the lamp's cable missing
    const inspected = await act(claim.claimId, {
      intent: "inspect_return",
      version: before.version,
      items: [
        { lineItemId: claim.earbuds.lineItemId, missing: [] },
        { lineItemId: claim.lamp.lineItemId, missing: [{ name: "cable", quantity: 1 }] },
      ],
    });
    expect(inspected).toEqual({
      status: 200,
      body: {
        ok: true,
        intent: "inspect_return",
        number: claim.number,
        message: `Inspection of claim #${claim.number} recorded: €6.90 for missing parts`,
      },
    });
    // THEN nothing happened in Shopify, and the page shows the deduction
    expect(refundsOf(claim.orderId)).toEqual([]);
    const page = await claimPage(claim.claimId);
    expect(page.status).toBe("inspected");
    expect(page.actions).toContain("resolve");
    expect(page.resolution.items[1]!.inspection).toEqual({
      missing: [{ name: "cable", quantity: 1 }],
      deductions: [{ name: "cable", charge: eur("6.90") }],
    });

    // WHEN the merchant opens Resolve THEN the preview says what Shopify will do, and does none of it
    const seen = await preview(claim.claimId);
    const card = cardOf(claim.orderId);
    const giftCard = giftCardOf(claim.orderId);
    expect(seen.refund).toMatchObject({
      total: eur("201.60"),
      shortfall: eur("0.00"),
      items: [
        { lineItemId: claim.earbuds.lineItemId, paid: eur("129.00"), deductions: eur("0.00"), amount: eur("129.00") },
        { lineItemId: claim.lamp.lineItemId, paid: eur("79.50"), deductions: eur("6.90"), amount: eur("72.60") },
      ],
      transactions: [
        { parentId: card.id, paymentMethod: "Visa •••• 4242", amount: eur("164.40") },
        { parentId: giftCard.id, paymentMethod: "the gift card", amount: eur("37.20") },
      ],
      retried: false,
    });
    expect(seen.summary).toEqual([
      `Refund €164.40 to Visa •••• 4242 and €37.20 to the gift card on order ${claim.orderName}.`,
      "Close the Shopify return of this claim.",
    ]);
    expect(refundsOf(claim.orderId)).toEqual([]);
    expect(await prisma.shopifyAction.count({ where: { claimId: claim.claimId, kind: "refund" } })).toBe(0);

    // WHEN the merchant confirms the preview on the version they saw
    const resolved = await act(claim.claimId, { intent: "resolve", version: page.version, digest: seen.digest });
    // THEN the toast says what happened, with a link to the order
    expect(resolved).toEqual({
      status: 200,
      body: {
        ok: true,
        intent: "resolve",
        number: claim.number,
        message: `Claim #${claim.number} resolved: €201.60 refunded`,
        link: { label: "View order", url: `shopify://admin/orders/${claim.orderId.split("/").at(-1)}` },
      },
    });
    // AND the simulator holds exactly one refund, the deduction taken off, split over card and gift card
    const refunds = refundsOf(claim.orderId);
    expect(refunds).toHaveLength(1);
    const refundTransactions = transactionsOf(claim.orderId).filter((t) => t.kind === "REFUND");
    expect(refundTransactions.map((t) => [t.parentId, t.amount])).toEqual([
      [card.id, 16440],
      [giftCard.id, 3720],
    ]);
    // AND the page's resolution card shows the refund per payment method
    const after = await claimPage(claim.claimId);
    expect(after.status).toBe("resolved");
    expect(after.resolution).toMatchObject({
      refund: {
        total: eur("201.60"),
        transactions: [
          { paymentMethod: "Visa •••• 4242", amount: eur("164.40") },
          { paymentMethod: "the gift card", amount: eur("37.20") },
        ],
        orderUrl: `shopify://admin/orders/${claim.orderId.split("/").at(-1)}`,
      },
      replacement: null,
      paymentRequest: null,
      unfinished: [],
    });
    expect(after.actions).not.toContain("resolve");
  });
});

describe("a replacement with a missing part", () => {
  it("GIVEN the lamp came back without its cable and is replaced WHEN the merchant resolves (twice) THEN a $0 replacement order is created and the shopper is sent one payment request for the cable", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "replacement");
    const inspected = await act(claim.claimId, {
      intent: "inspect_return",
      version: (await claimPage(claim.claimId)).version,
      items: [{ lineItemId: claim.lamp.lineItemId, missing: [{ name: "cable", quantity: 1 }] }],
    });
    expect(inspected.status).toBe(200);
    const page = await claimPage(claim.claimId);
    const body = { items: [{ lineItemId: claim.lamp.lineItemId }] };

    const seen = await preview(claim.claimId, body);
    expect(seen.refund).toBeNull();
    expect(seen.paymentRequest).toEqual({
      lines: [{ title: `Missing part: cable (${claim.lamp.name})`, quantity: 1, unitPrice: eur("6.90") }],
      total: eur("6.90"),
      // The shopper's email the claim kept from the order at submission.
      sendTo: (await requireClaim(prisma, TEST_SHOP, claim.claimId)).meta.customerEmail,
    });
    expect(seen.summary).toEqual([
      `Create a €0.00 replacement order, shipped to the shopper, for 1 × ${claim.lamp.name}.`,
      `Email the shopper (${(await requireClaim(prisma, TEST_SHOP, claim.claimId)).meta.customerEmail}) an invoice of €6.90 for the missing parts (a draft order in Shopify).`,
      "Close the Shopify return of this claim.",
    ]);
    expect(store().state.draftOrders).toEqual([]);

    const resolved = await act(claim.claimId, {
      intent: "resolve",
      version: page.version,
      digest: seen.digest,
      ...body,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const drafts = store().state.draftOrders;
    const replacement = drafts.find((d) => d.tags.includes("Warranty replacement"))!;
    const paymentRequest = drafts.find((d) => d.tags.includes("Missing parts"))!;
    expect(resolved.body).toMatchObject({
      message: `Claim #${claim.number} resolved: replacement order ${store().order(replacement.orderId!)!.name} created, payment request of €6.90 sent`,
      link: {
        label: "View replacement order",
        url: `shopify://admin/orders/${replacement.orderId!.split("/").at(-1)}`,
      },
    });
    expect(paymentRequest).toMatchObject({
      status: "INVOICE_SENT",
      lineItems: [
        expect.objectContaining({
          title: `Missing part: cable (${claim.lamp.name})`,
          quantity: 1,
          originalUnitPrice: 690,
          requiresShipping: false,
        }),
      ],
    });
    expect(paymentRequest.invoicesSent).toHaveLength(1);

    // WHEN the merchant resolves again (a double click on the old page) THEN nothing is sent twice
    const again = await act(claim.claimId, { intent: "resolve", version: page.version, digest: seen.digest, ...body });
    expect(again.status).toBe(409);
    expect(store().state.draftOrders).toHaveLength(2);
    expect(paymentRequest.invoicesSent).toHaveLength(1);
    expect(refundsOf(claim.orderId)).toEqual([]);
    // AND the resolution card shows the replacement order and the payment request, as Shopify has it now
    const after = await claimPage(claim.claimId);
    expect(after.resolution).toMatchObject({
      refund: null,
      replacement: { orderName: store().order(replacement.orderId!)!.name },
      paymentRequest: {
        draftOrderName: paymentRequest.name,
        total: eur("6.90"),
        status: "INVOICE_SENT",
        url: `shopify://admin/draft_orders/${paymentRequest.id.split("/").at(-1)}`,
      },
    });
  });
});

describe("a payment request whose answer was lost", () => {
  it("GIVEN Shopify sent the invoice but its answer never came back WHEN the merchant resolves again THEN the same draft order is kept and the invoice is not sent twice", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "repair");
    const inspect = {
      intent: "inspect_return",
      items: [{ lineItemId: claim.lamp.lineItemId, missing: [{ name: "cable", quantity: 1 }] }],
    };
    expect((await act(claim.claimId, { ...inspect, version: (await claimPage(claim.claimId)).version })).status).toBe(
      200,
    );
    const body = { items: [{ lineItemId: claim.lamp.lineItemId, repairPossible: true }], note: "New switch fitted." };
    const seen = await preview(claim.claimId, body);
    expect(seen.summary).toEqual([
      `Nothing changes in Shopify for the repair of ${claim.lamp.name}: your repair notes are kept with the resolution.`,
      `Email the shopper (${(await requireClaim(prisma, TEST_SHOP, claim.claimId)).meta.customerEmail}) an invoice of €6.90 for the missing parts (a draft order in Shopify).`,
      "Close the Shopify return of this claim.",
    ]);
    failNextOperation("WarrantyDeskPaymentRequestInvoiceSend", { afterShopifyRanIt: true });
    const lost = await act(claim.claimId, { intent: "resolve", version: seen.version, digest: seen.digest, ...body });
    expect([lost.status, lost.body.error?.code]).toEqual([503, "shopify_unavailable"]);
    expect(store().state.draftOrders.flatMap((d) => d.invoicesSent ?? [])).toHaveLength(1);

    const again = await preview(claim.claimId, body);
    const resolved = await act(claim.claimId, {
      intent: "resolve",
      version: again.version,
      digest: again.digest,
      ...body,
    });

    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(store().state.draftOrders).toHaveLength(1);
    expect(store().state.draftOrders[0]!.invoicesSent).toHaveLength(1);
    const page = await claimPage(claim.claimId);
    expect(page.resolution).toMatchObject({
      note: "New switch fitted.",
      paymentRequest: { status: "INVOICE_SENT", total: eur("6.90") },
      unfinished: [],
    });
  });
});

describe("a payment request Shopify refuses", () => {
  it("GIVEN the shopper has no email in Shopify WHEN the merchant resolves THEN the payment request is refused with Shopify's reason, and once fixed in Shopify the same draft order is sent", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "replacement");
    const page = await claimPage(claim.claimId);
    const inspect = { lineItemId: claim.lamp.lineItemId, missing: [{ name: "cable", quantity: 1 }] };
    expect(
      (await act(claim.claimId, { intent: "inspect_return", version: page.version, items: [inspect] })).status,
    ).toBe(200);
    // GIVEN the customer's email was removed in Shopify
    const customer = store().customer(store().order(claim.orderId)!.customerId!)!;
    const email = customer.email;
    customer.email = "";
    const body = { items: [{ lineItemId: claim.lamp.lineItemId }] };
    const seen = await preview(claim.claimId, body);
    const refused = await act(claim.claimId, {
      intent: "resolve",
      version: seen.version,
      digest: seen.digest,
      ...body,
    });
    expect(refused).toEqual({
      status: 409,
      body: {
        error: {
          code: "payment_request.rejected_by_shopify",
          message:
            "Shopify refused the payment request: To can't be blank Fix it in Shopify (the shopper's email, say), then resolve again: the same draft order is sent.",
        },
      },
    });
    const after = await claimPage(claim.claimId);
    expect(after.status).toBe("inspected");
    expect(after.resolution.unfinished).toEqual([
      { kind: "payment_request", label: "payment request", status: "refused", refusal: "To can't be blank" },
    ]);
    // WHEN the merchant adds the email on the draft order in Shopify and resolves again
    const draft = store().state.draftOrders.find((d) => d.tags.includes("Missing parts"))!;
    draft.email = email;
    const again = await preview(claim.claimId, body);
    const resolved = await act(claim.claimId, {
      intent: "resolve",
      version: again.version,
      digest: again.digest,
      ...body,
    });
    // THEN the same draft's invoice is sent, once, and the replacement order was made once
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(store().state.draftOrders.filter((d) => d.tags.includes("Missing parts"))).toHaveLength(1);
    expect(draft.invoicesSent).toEqual([expect.objectContaining({ to: email })]);
    expect(store().state.draftOrders.filter((d) => d.tags.includes("Warranty replacement"))).toHaveLength(1);
    expect((await claimPage(claim.claimId)).resolution.unfinished).toEqual([]);
  });
});

describe("a return lost in transit, covered anyway", () => {
  it("GIVEN the parcel was lost WHEN the merchant resolves the claim anyway THEN the refund is made, the Shopify return stays open and the preview said so", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund", { returned: false, lost: true });
    const page = await claimPage(claim.claimId);
    expect(page.status).toBe("return_lost");
    expect(page.actions).toContain("resolve");

    const seen = await preview(claim.claimId);
    expect(seen.summary).toEqual([
      `Refund €79.50 to Visa •••• 4242 on order ${claim.orderName}.`,
      "The Shopify return stays open, since the parcel never arrived: cancel it in the order in Shopify.",
    ]);
    const resolved = await act(claim.claimId, { intent: "resolve", version: page.version, digest: seen.digest });

    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(refundsOf(claim.orderId)).toHaveLength(1);
    expect(
      store()
        .returnsOf(claim.orderId)
        .map((r) => r.status),
    ).toEqual(["OPEN"]);
    const after = await claimPage(claim.claimId);
    expect(after.status).toBe("resolved");
    expect(after.timeline.at(-1)).toMatchObject({ type: "resolved", from: "return_lost" });
  });
});

describe("a refund Shopify refuses", () => {
  it("GIVEN a stored refund plan the merchant made stale by refunding by hand WHEN the merchant resolves THEN the step is refused with Shopify's reason, and a fresh preview resolves the claim under a new key", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund", { returned: false });
    const card = cardOf(claim.orderId);
    const giftCard = giftCardOf(claim.orderId);
    // GIVEN a first resolution whose refundCreate never reached Shopify: its plan (€79.50 to the card) is stored
    const first = await preview(claim.claimId);
    failNextOperation(REFUND_CREATE);
    const lost = await act(claim.claimId, { intent: "resolve", version: first.version, digest: first.digest });
    expect(lost).toEqual({
      status: 503,
      body: {
        error: {
          code: "shopify_unavailable",
          message:
            "Shopify did not answer while the refund was being made. Try again in a moment: what Shopify did already is not done twice.",
        },
      },
    });
    // AND meanwhile the merchant refunded the earbuds by hand from the card: €35.40 is left on it
    await createRefund(graphql, "shopify-admin:refund:1", {
      orderId: claim.orderId,
      lines: [{ lineItemId: claim.earbuds.lineItemId, quantity: 1, restockType: "NO_RESTOCK" }],
      transactions: [{ parentTransactionId: card.id, gateway: "shopify_payments", amount: "129.00" }],
      currencyCode: "EUR",
      note: "Refunded by hand",
      notifyCustomer: false,
    });
    // WHEN the merchant resolves again: the preview shows the stored plan, sent again under its key
    const retried = await preview(claim.claimId);
    expect(retried.refund).toMatchObject({ retried: true, transactions: [{ amount: eur("79.50") }] });
    const refused = await act(claim.claimId, { intent: "resolve", version: retried.version, digest: retried.digest });
    // THEN Shopify refuses it, and the merchant reads Shopify's reason and what to do
    expect(refused).toEqual({
      status: 409,
      body: {
        error: {
          code: "refund.rejected_by_shopify",
          message: `Shopify refused the refund: Refund amount 79.5 is greater than the 35.4 that can be refunded on transaction ${card.id}. Open Resolve again: a fresh preview shows what the order still allows.`,
        },
      },
    });
    const page = await claimPage(claim.claimId);
    expect(page.status).toBe("approved");
    expect(page.actions).toContain("resolve");
    expect(page.resolution.unfinished).toEqual([
      {
        kind: "refund",
        label: "refund",
        status: "refused",
        refusal: `Refund amount 79.5 is greater than the 35.4 that can be refunded on transaction ${card.id}.`,
      },
    ]);
    // WHEN the merchant opens Resolve again THEN a fresh plan splits the lamp's €79.50 over what is left
    const fresh = await preview(claim.claimId);
    expect(fresh.refund).toMatchObject({
      retried: false,
      transactions: [
        { parentId: card.id, amount: eur("35.40") },
        { parentId: giftCard.id, amount: eur("44.10") },
      ],
    });
    // AND confirming it resolves the claim, under a new key
    const resolved = await act(claim.claimId, { intent: "resolve", version: page.version, digest: fresh.digest });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(refundsOf(claim.orderId)).toHaveLength(2);
    expect(
      await prisma.shopifyAction.findFirstOrThrow({ where: { claimId: claim.claimId, kind: "refund" } }),
    ).toMatchObject({
      status: "succeeded",
      idempotencyKey: `warranty-desk:claim:${claim.claimId}:refund:2`,
    });
    expect((await claimPage(claim.claimId)).resolution.unfinished).toEqual([]);
  });

  it("GIVEN the order changed after the preview WHEN the merchant confirms the old preview THEN nothing is refunded and the answer shows what Shopify would do now", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund", { returned: false });
    const seen = await preview(claim.claimId);
    await createRefund(graphql, "shopify-admin:refund:1", {
      orderId: claim.orderId,
      lines: [{ lineItemId: claim.earbuds.lineItemId, quantity: 1, restockType: "NO_RESTOCK" }],
      transactions: [{ parentTransactionId: cardOf(claim.orderId).id, gateway: "shopify_payments", amount: "129.00" }],
      currencyCode: "EUR",
      note: "Refunded by hand",
      notifyCustomer: false,
    });
    const answer = await act(claim.claimId, { intent: "resolve", version: seen.version, digest: seen.digest });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({
      code: "resolution.preview_outdated",
      message: `What Shopify would do changed since your preview: Refund €35.40 to Visa •••• 4242 and €44.10 to the gift card on order ${claim.orderName}. Review the new preview and confirm again.`,
    });
    expect(refundsOf(claim.orderId)).toHaveLength(1);
    expect((await claimPage(claim.claimId)).status).toBe("approved");
  });
});

describe("two merchants resolving at once", () => {
  it("GIVEN ten resolutions of the same preview WHEN they run at once with Shopify answering slowly THEN one refund is made, and each answers the outcome or a conflict", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund", { returned: false });
    const seen = await preview(claim.claimId);
    slowDown({ [REFUND_CREATE]: 300 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        act(claim.claimId, { intent: "resolve", version: seen.version, digest: seen.digest }),
      ),
    );
    expect(adminRequests.filter((r) => r.operationName === REFUND_CREATE)).toHaveLength(1);
    expect(refundsOf(claim.orderId)).toHaveLength(1);
    for (const answer of answers) {
      if (answer.status === 200) {
        expect(answer.body.message).toBe(`Claim #${claim.number} resolved: €79.50 refunded`);
      } else {
        expect(answer.status).toBe(409);
        expect(["claim.action_in_progress", "claim.changed_meanwhile"]).toContain(answer.body.error!.code);
      }
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect((await claimPage(claim.claimId)).status).toBe("resolved");
  }, 30_000);
});

describe("what the routes refuse", () => {
  it.each([
    [
      { intent: "inspect_return", items: [{ lineItemId: "x", missing: [{ name: "cable", quantity: 0 }] }] },
      "items.0.missing.0.quantity",
    ],
    [{ intent: "inspect_return", items: [] }, "items"],
    [{ intent: "resolve", items: "all" }, "items"],
    [{ intent: "resolve" }, "digest"],
  ])(
    "GIVEN the body %j WHEN it is posted THEN it is a 400 naming %s and the claim is unchanged",
    async (body, field) => {
      const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund");
      const page = await claimPage(claim.claimId);
      const answer = await act(claim.claimId, { ...body, version: page.version });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "invalid_request", field });
      expect((await claimPage(claim.claimId)).version).toBe(page.version);
    },
  );

  it("GIVEN a return not inspected yet WHEN the merchant previews or resolves THEN it is a 409 saying what to do, and nothing happens in Shopify", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund");
    const page = await claimPage(claim.claimId);
    expect(page.actions).not.toContain("resolve");
    const refusal = {
      code: "claim.invalid_transition",
      message: "This claim cannot be resolved in its current status. Reload the claim to see what you can do next.",
    };
    const previewed = await post(
      previewAction as typeof claimAction,
      `/app/claims/${claim.claimId}/resolution-preview`,
      claim.claimId,
      {},
    );
    expect([previewed.status, previewed.body.error]).toEqual([409, refusal]);
    const resolved = await act(claim.claimId, { intent: "resolve", version: page.version, digest: "seen" });
    expect([resolved.status, resolved.body.error]).toEqual([409, refusal]);
    expect(refundsOf(claim.orderId)).toEqual([]);
  });

  it("GIVEN a preview with bad choices WHEN it is posted THEN it is a 400 naming the field", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund", { returned: false });
    const answer = await post(
      previewAction as typeof claimAction,
      `/app/claims/${claim.claimId}/resolution-preview`,
      claim.claimId,
      { restock: "yes" },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "invalid_request", field: "restock" });
  });

  it("GIVEN another shop's claim WHEN this shop's merchant previews, inspects or resolves it THEN each is a 404 and nothing happens", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    const theirManifest = seedDemoStore(simulator, { shop: OTHER_SHOP, now: new Date(), seed: 11 });
    const theirGraphql = (await unauthenticated.admin(OTHER_SHOP)).admin.graphql;
    const theirs = await approvedClaim(({ lamp }) => [lamp.lineItemId], "refund", {
      shop: OTHER_SHOP,
      m: theirManifest,
      g: theirGraphql,
    });
    const path = `/app/claims/${theirs.claimId}`;
    const answers = [
      await post(previewAction as typeof claimAction, `${path}/resolution-preview`, theirs.claimId, {}),
      await act(theirs.claimId, { intent: "inspect_return", version: 1, items: [] }),
      await act(theirs.claimId, { intent: "resolve", version: 1, digest: "x" }),
    ];
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      [404, "claim.not_found"],
      [404, "claim.not_found"],
      [404, "claim.not_found"],
    ]);
    expect(simulator.store(OTHER_SHOP).order(theirs.orderId)!.refunds).toEqual([]);
  });
});

describe("a replacement out of stock, as the claim's policy says", () => {
  const outOfStock = (variantId: string | null) => {
    const variant = store().variant(variantId!)!;
    for (const location of Object.keys(variant.inventory)) variant.inventory[location] = 0;
  };
  /** The merchant confirms the preview they saw, with the choices it was made with. */
  const confirm = (claimId: string, version: number, seen: ResolutionPreview, choices: Record<string, unknown>) =>
    act(claimId, { intent: "resolve", version, digest: seen.digest, ...choices });

  it("GIVEN the claim was filed under a policy that leaves it to the merchant and the lamp is out of stock WHEN the merchant previews and resolves THEN nothing is refunded until they choose, and their choice refunds it", async () => {
    await writeShopPolicyOverride(prisma, TEST_SHOP, { outOfStockFallback: "merchant_decides" });
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "replacement", { returned: false });
    outOfStock(claim.lamp.variantId);
    const page = await claimPage(claim.claimId);
    expect(page.resolution.outOfStockFallback).toBe("merchant_decides");
    const body = { items: [{ lineItemId: claim.lamp.lineItemId }] };

    // WHEN the merchant opens the resolve modal
    const seen = await preview(claim.claimId, body);
    // THEN the preview says the replacement is out of stock and the choice is theirs: no refund planned
    const why = `${claim.lamp.name} is out of stock in Shopify (0 available, 1 needed for a replacement).`;
    const choice =
      "This claim's policy leaves the choice to you: refund it instead, or resolve the claim later when it is back in stock.";
    expect(seen).toMatchObject({
      refund: null,
      awaitingChoice: [{ lineItemId: claim.lamp.lineItemId, title: claim.lamp.name, message: `${why} ${choice}` }],
      summary: [
        "Nothing happens in Shopify yet: a replacement is out of stock and this claim's policy does not refund it on its own.",
        `${why} ${choice}`,
      ],
    });

    // WHEN they confirm that preview anyway (an old page, a crafted request)
    const refused = await confirm(claim.claimId, page.version, seen, body);
    // THEN it is a conflict saying so; nothing is refunded, sent or stored
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "resolution.replacement_unavailable" });
    expect(refused.body.error!.message).toContain(choice);
    expect(refundsOf(claim.orderId)).toEqual([]);
    expect(store().state.draftOrders).toEqual([]);
    expect(await prisma.shopifyAction.count({ where: { claimId: claim.claimId } })).toBe(0);
    expect((await claimPage(claim.claimId)).status).toBe("approved");

    // WHEN the merchant chooses to refund it instead
    const chosen = { items: [{ lineItemId: claim.lamp.lineItemId, replacementInStock: false }] };
    const refundPreview = await preview(claim.claimId, chosen);
    expect(refundPreview.awaitingChoice).toEqual([]);
    expect(refundPreview.refund?.items.map((item) => item.lineItemId)).toEqual([claim.lamp.lineItemId]);
    const resolved = await confirm(claim.claimId, page.version, refundPreview, chosen);
    // THEN the lamp is refunded, as they chose
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(refundsOf(claim.orderId)).toHaveLength(1);
    expect(store().state.draftOrders).toEqual([]);
  });

  it("GIVEN the claim was filed under the guarantee's refund fallback and the shop leaves it to the merchant since WHEN the lamp is out of stock THEN it is refunded as the claim's policy said", async () => {
    const claim = await approvedClaim(({ lamp }) => [lamp.lineItemId], "replacement", { returned: false });
    await writeShopPolicyOverride(prisma, TEST_SHOP, { outOfStockFallback: "merchant_decides" });
    outOfStock(claim.lamp.variantId);
    const page = await claimPage(claim.claimId);
    expect(page.resolution.outOfStockFallback).toBe("refund");
    const body = { items: [{ lineItemId: claim.lamp.lineItemId }] };

    const seen = await preview(claim.claimId, body);
    expect(seen.awaitingChoice).toEqual([]);
    expect(seen.summary).toContain(
      `${claim.lamp.name} is out of stock in Shopify (0 available, 1 needed for a replacement). It is refunded instead, as the guarantee promises.`,
    );
    const resolved = await confirm(claim.claimId, page.version, seen, body);
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(refundsOf(claim.orderId)).toHaveLength(1);
  });
});
