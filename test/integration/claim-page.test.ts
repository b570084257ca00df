import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as claimAction, loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import type { ClaimPage } from "../../app/services/claim-page.server";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims, type SeededDemoClaim } from "../demo/seed-claims";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

// The claim page, through its real loader on the admin's document request: the stored claim, what
// the shopper said, the order's facts from the simulated store, the evidence with signed URLs, the
// conversation and the log; another shop's claim and an unknown id are the same 404.

const HOUR = 60 * 60 * 1000;
const OTHER_SHOP = "other-shop.myshopify.com";
const NOW = new Date();
const ANSWERED = new Date(NOW.getTime() - HOUR / 2);
let claims: SeededDemoClaim[];
let manifest: DemoManifest;

async function seedClaims(shopManifest: DemoManifest) {
  const graphql = (await unauthenticated.admin(shopManifest.shop)).admin.graphql;
  return seedDemoClaims(prisma, graphql, simulator, shopManifest, NOW, DEMO_CLAIM_PLANS);
}

async function claimPage(claimId: string): Promise<ClaimPage> {
  const request = await adminDocumentRequest(`/app/claims/${claimId}`);
  return (await claimLoader({ ...routeArgs(request), params: { claimId } })) as ClaimPage;
}

async function refused(claimId: string): Promise<{ status: number; code: string }> {
  try {
    await claimPage(claimId);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    const body = (await thrown.json()) as { error: { code: string } };
    return { status: thrown.status, code: body.error.code };
  }
  throw new Error(`the claim page answered ${claimId}`);
}

const seeded = (status: string) => claims.find((c) => c.status === status)!;

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  claims = await seedClaims(manifest);
});

describe("the claim page", () => {
  it("GIVEN a warranty claim the merchant asked about WHEN its page loads THEN it shows the claim, the order's facts, the shopper's report, the conversation and the log", async () => {
    const asked = seeded("needs_information");
    // The shopper answered the question: the conversation holds both sides.
    const customerId = (await prisma.claim.findUniqueOrThrow({ where: { id: asked.claimId } })).customerId!;
    await runClaimCommand(
      prisma,
      TEST_SHOP,
      asked.claimId,
      { type: "provide_information", answer: "Here is the box.", evidence: [] },
      { type: "customer", id: customerId },
      ANSWERED,
    );

    const page = await claimPage(asked.claimId);

    const row = await prisma.claim.findUniqueOrThrow({ where: { id: asked.claimId } });
    const order = simulator.store(TEST_SHOP).state.orders.find((o) => o.id === row.orderId)!;
    const store = simulator.store(TEST_SHOP).state;
    const shippedFrom = store.locations.find((l) => l.id === order.fulfillments[0]!.locationId)!;
    expect(page).toMatchObject({
      id: asked.claimId,
      number: asked.number,
      version: 3,
      status: "submitted",
      type: "arrival",
      orderName: asked.orderName,
      orderUrl: `shopify://admin/orders/${row.orderId.split("/").at(-1)}`,
      customerName: asked.customerName,
      policy: { responseHours: 48, returnRequired: row.returnRequired, returnShippingPaidBy: row.returnShippingPaidBy },
      submission: {
        problem: "damaged",
        description: "The box was crushed and the item is cracked.",
        preferredResolution: "refund",
        answers: [],
        problemFirstNoticedAt: null,
        evidenceKinds: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      },
      order: { shown: true, timezone: expect.any(String) },
      evidence: [],
    });
    expect(page.orderUrl).toMatch(/^shopify:\/\/admin\/orders\/\d+$/);
    // Submitted 20 h ago, asked 3 h later (the clock paused), answered 30 min ago: 45 h from then.
    expect(page.clock).toEqual({ label: "due in 44 h", tone: "info" });
    expect(page.items).toEqual([
      {
        lineItemId: order.lineItems[0]!.id,
        title: "Aurora Desk Lamp",
        quantity: 1,
        decision: null,
        facts: {
          unitPricePaid: expect.objectContaining({ currencyCode: expect.any(String) }),
          orderedQuantity: 1,
          shipments: [
            {
              // The seeder delivers arrival claims 6 h before the report, shipped 48 h before that.
              fulfilledAt: new Date(NOW.getTime() - (20 + 6 + 48) * HOUR).toISOString(),
              deliveredAt: new Date(NOW.getTime() - (20 + 6) * HOUR).toISOString(),
              estimatedDeliveryAt: null,
              locationId: shippedFrom.id,
              warehouse: shippedFrom.name,
            },
          ],
        },
      },
    ]);
    expect(page.conversation).toEqual([
      {
        at: new Date(NOW.getTime() - 17 * HOUR).toISOString(),
        from: "merchant",
        text: "Could you send a photo of the box?",
      },
      { at: ANSWERED.toISOString(), from: "customer", text: "Here is the box." },
    ]);
    expect(page.timeline.map((e) => [e.type, e.actor, e.from, e.to])).toEqual([
      ["submitted", "customer", null, "submitted"],
      ["information_requested", "merchant", "submitted", "needs_information"],
      ["information_provided", "customer", "needs_information", "submitted"],
    ]);
  });

  it("GIVEN a warranty claim with exclusion answers and evidence WHEN its page loads THEN it lists the answers and the files with signed URLs", async () => {
    const warranty = claims.find((c) => c.status === "submitted" && c.productTitle === "Trail Water Bottle")!;
    const evidenceId = randomUUID();
    await prisma.evidence.create({
      data: {
        id: evidenceId,
        shop: TEST_SHOP,
        orderId: "gid://shopify/Order/1",
        claimId: warranty.claimId,
        kind: "issue_photo",
        fileName: "crack.jpg",
        contentType: "image/jpeg",
        byteSize: 1234,
        sha256: "0".repeat(64),
        storageKey: `${TEST_SHOP}/${evidenceId}/file`,
        thumbnailKey: `${TEST_SHOP}/${evidenceId}/thumbnail`,
        uploadedAt: NOW,
        attachedAt: NOW,
      },
    });

    const page = await claimPage(warranty.claimId);

    expect(page.type).toBe("warranty");
    expect(page.submission).toEqual({
      problem: "fault",
      description: "It stopped working.",
      preferredResolution: "refund",
      answers: [
        { key: "bodyOpened", answer: false },
        { key: "accidentalDamage", answer: false },
      ],
      problemFirstNoticedAt: null,
      evidenceKinds: ["issue_photo"],
    });
    expect(page.evidence).toHaveLength(1);
    expect(page.evidence[0]).toMatchObject({ id: evidenceId, kind: "issue_photo", fileName: "crack.jpg" });
    expect(page.evidence[0]!.url).toMatch(new RegExp(`^/evidence/${evidenceId}\\?.+`));
    expect(page.evidence[0]!.thumbnailUrl).toMatch(new RegExp(`^/evidence/${evidenceId}\\?.*variant=thumbnail`));
  });

  it("GIVEN the order is gone from Shopify WHEN the claim page loads THEN it says so and still shows the stored claim", async () => {
    const claim = seeded("approved");
    await prisma.claim.update({ where: { id: claim.claimId }, data: { orderId: "gid://shopify/Order/999999999" } });

    const page = await claimPage(claim.claimId);

    expect(page.order).toEqual({ shown: false, reason: "not_in_shopify" });
    expect(page.items.map((i) => [i.title, i.quantity, i.facts])).toEqual([["Nimbus Power Bank 20000", 1, null]]);
    expect(page.orderUrl).toBe("shopify://admin/orders/999999999");
  });

  it("GIVEN another shop's claim WHEN this shop's merchant opens it THEN the answer is the same 404 as an unknown id", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    const theirs = await seedClaims(seedDemoStore(simulator, { shop: OTHER_SHOP, now: NOW, seed: 11 }));

    expect(await refused(theirs[0]!.claimId)).toEqual({ status: 404, code: "claim.not_found" });
    expect(await refused("no-such-claim")).toEqual({ status: 404, code: "claim.not_found" });
  });
});

async function act(claimId: string, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const request = await adminDataRequest(`/app/claims/${claimId}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const result = await claimAction({ ...routeArgs(request), params: { claimId } });
  if (result instanceof Response) return { status: result.status, body: await result.json() };
  return { status: 200, body: result };
}

describe("asking the shopper for more information", () => {
  it("GIVEN a new claim WHEN the merchant asks for more information THEN the claim waits on the shopper, the clock pauses and the question is in the conversation", async () => {
    const claim = claims.find((c) => c.status === "submitted")!;
    const before = await claimPage(claim.claimId);
    expect(before.actions).toContain("request_information");
    expect(before.clock).not.toBeNull();

    const answer = await act(claim.claimId, {
      intent: "request_information",
      message: "  Could you send a photo of the serial number?  ",
      version: String(before.version),
    });

    expect(answer).toEqual({
      status: 200,
      body: {
        ok: true,
        intent: "request_information",
        number: claim.number,
        message: `Message sent to the shopper on claim #${claim.number}`,
      },
    });
    const after = await claimPage(claim.claimId);
    expect(after.status).toBe("needs_information");
    expect(after.version).toBe(before.version + 1);
    expect(after.clock).toEqual({ label: "paused", tone: "paused" });
    // Asked already: the claim waits on the shopper (the decision stays open).
    expect(after.actions).not.toContain("request_information");
    expect(after.conversation.map((m) => [m.from, m.text])).toEqual([
      ["merchant", "Could you send a photo of the serial number?"],
    ]);
    expect(after.timeline.at(-1)).toMatchObject({ type: "information_requested", actor: "merchant" });
  });

  it("GIVEN another merchant changed the claim WHEN this merchant sends on the version they saw THEN it is a conflict and nothing is asked twice", async () => {
    const claim = claims.find((c) => c.status === "submitted")!;
    const seen = await claimPage(claim.claimId);
    const form = { intent: "request_information", message: "Photo of the box, please.", version: String(seen.version) };
    expect((await act(claim.claimId, form)).status).toBe(200);

    const second = await act(claim.claimId, { ...form, message: "And the label?" });

    expect(second).toEqual({
      status: 409,
      body: {
        error: {
          code: "claim.changed_meanwhile",
          message: "Someone else changed this claim a moment ago. Reload it to see what changed, then try again.",
        },
      },
    });
    const after = await claimPage(claim.claimId);
    expect(after.conversation.map((m) => m.text)).toEqual(["Photo of the box, please."]);
  });

  it.each([
    [{ intent: "request_information", message: "   ", version: "1" }, "message: write what you need from the shopper"],
    [{ intent: "request_information", message: "Why?", version: "x" }, "version: "],
    [{ intent: "approve_everything", message: "Why?", version: "1" }, "intent: "],
  ])(
    "GIVEN the form %j WHEN it is posted THEN it is a 400 naming the field and the claim is unchanged",
    async (form, said) => {
      const claim = claims.find((c) => c.status === "submitted")!;
      const answer = (await act(claim.claimId, form)) as { status: number; body: { error: { message: string } } };
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain(said);
      expect((await claimPage(claim.claimId)).status).toBe("submitted");
    },
  );

  it("GIVEN another shop's claim WHEN this shop's merchant posts to it THEN it is a 404 and their claim is unchanged", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    const theirs = await seedClaims(seedDemoStore(simulator, { shop: OTHER_SHOP, now: NOW, seed: 11 }));
    const answer = await act(theirs[0]!.claimId, { intent: "request_information", message: "Hi", version: "1" });
    expect(answer.status).toBe(404);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: theirs[0]!.claimId } });
    expect([row.status, row.version]).toEqual(["submitted", 1]);
  });
});
