import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { writeShopPolicyOverride } from "../../app/db/policies.server";
import { action as testerAction, loader as testerLoader } from "../../app/routes/app.policy-tester";
import type { PolicyTesterPage, PolicyTestResult } from "../../app/services/policy-tester.server";
import { previewClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore, type DemoManifest, type ScenarioKey } from "../simulator/seed";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The policy tester through its real loader and action: orders searched by name in the simulated
// store, the engine's answer on the same path as the shopper's preview, nothing stored but the
// setup guide's tick, the caller's mistakes as 400s and another shop's order as not found.

const OTHER_SHOP = "other-shop.myshopify.com";
const EVIDENCE = ["issue_photo", "shipping_label_photo", "packaging_photo"];
let manifest: DemoManifest;

function orderOf(scenario: ScenarioKey, from = manifest) {
  for (const customer of from.customers) {
    const order = customer.orders.find((o) => o.scenario === scenario);
    if (order) return { ...order, customerId: customer.id };
  }
  throw new Error(scenario);
}

const lineOf = (orderId: string, shop = TEST_SHOP) => simulator.store(shop).order(orderId)!.lineItems[0]!.id;

async function page(query: string): Promise<PolicyTesterPage> {
  return testerLoader(routeArgs(await adminDataRequest(`/app/policy-tester${query}`)));
}

async function test(body: unknown): Promise<PolicyTestResult | Response> {
  const request = await adminDataRequest("/app/policy-tester", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const outcome = await testerAction(routeArgs(request));
  return outcome instanceof Response ? outcome : outcome.result;
}

async function tested(body: unknown): Promise<PolicyTestResult> {
  const outcome = await test(body);
  if (outcome instanceof Response) throw new Error(`${outcome.status}: ${await outcome.text()}`);
  return outcome;
}

async function refused(body: unknown) {
  const outcome = await test(body);
  if (!(outcome instanceof Response)) throw new Error("the tester answered");
  return { status: outcome.status, ...((await outcome.json()) as { error: { code: string; field?: string } }) };
}

const arrivalClaim = (orderId: string) => ({
  orderId,
  type: "arrival",
  problem: "damaged",
  items: [{ lineItemId: lineOf(orderId), quantity: 1 }],
  evidence: EVIDENCE,
  preferredResolution: "refund",
});

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
});

describe("the policy tester's order picker", () => {
  it("GIVEN the store's orders WHEN the merchant searches a name THEN that order is found, with or without #", async () => {
    const order = orderOf("delivered-2-days-ago");
    for (const q of [order.name, order.name.replace("#", "")]) {
      const found = await page(`?q=${encodeURIComponent(q)}`);
      expect(found.results?.map((o) => o.id)).toEqual([order.id]);
      expect(found.results?.[0]?.customerName).toEqual(expect.any(String));
      expect(found.resultsTimezone).toBe("Europe/Berlin");
    }
    expect((await page("?q=%23999999")).results).toEqual([]);
    expect((await page("")).results).toBeNull();
  });

  it("GIVEN an order picked THEN its lines show with what can be claimed and until when, in the shop's timezone", async () => {
    const order = orderOf("delivered-2-days-ago");
    const { order: picked } = await page(`?orderId=${encodeURIComponent(order.id)}`);
    expect(picked).toMatchObject({ orderId: order.id, orderName: order.name, timezone: "Europe/Berlin" });
    expect(picked!.items).toEqual([
      expect.objectContaining({
        lineItemId: lineOf(order.id),
        claimableQuantity: 1,
        arrival: expect.objectContaining({ open: true, windowEndsAt: expect.any(String) }),
        warranty: expect.objectContaining({ open: true }),
      }),
    ]);
  });

  it("refuses a search with quotes and an order id that is not one as the caller's 400", async () => {
    for (const query of ["?q=%22%231001", "?orderId=42"]) {
      const thrown = await page(query).catch((e: unknown) => e);
      expect((thrown as Response).status).toBe(400);
    }
  });

  it("GIVEN another shop's order THEN it is not found here, neither to pick nor to test", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-token" });
    const theirs = seedDemoStore(simulator, { shop: OTHER_SHOP, now: new Date(), seed: 12 });
    const order = orderOf("delivered-2-days-ago", theirs);
    // Both simulated stores number their orders alike: the order exists in the other store only.
    const ours = simulator.store(TEST_SHOP).state;
    ours.orders = ours.orders.filter((o) => o.id !== order.id);
    const thrown = await page(`?orderId=${encodeURIComponent(order.id)}`).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);
    const outcome = await test({
      orderId: order.id,
      type: "arrival",
      problem: "damaged",
      items: [{ lineItemId: lineOf(order.id, OTHER_SHOP), quantity: 1 }],
      evidence: EVIDENCE,
    });
    expect((outcome as Response).status).toBe(404);
  });
});

describe("the policy tester's evaluation", () => {
  it("GIVEN an order delivered 2 days ago WHEN an arrival claim is tested THEN the engine answers as it answers the shopper, and no claim is created", async () => {
    const order = orderOf("delivered-2-days-ago");
    const result = await tested(arrivalClaim(order.id));
    // THEN eligible, with the unit's delivery and its windows
    expect(result).toMatchObject({ eligible: true, reasons: [], orderName: order.name, timezone: "Europe/Berlin" });
    expect(result.items).toEqual([
      expect.objectContaining({
        lineItemId: lineOf(order.id),
        eligible: true,
        eligibleQuantity: 1,
        deliveries: [
          expect.objectContaining({ quantity: 1, estimated: false, arrivalWindowEndsAt: expect.any(String) }),
        ],
      }),
    ]);
    expect(result.returnTo).toEqual([expect.objectContaining({ warehouse: expect.any(String) })]);
    // ...the same answer the shopper's preview gives for the same claim on the same order
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const { problem: _problem, orderId: _orderId, ...claim } = arrivalClaim(order.id);
    const shopper = await previewClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, customerId: order.customerId, orderId: order.id },
      { ...claim, answers: {} },
      new Date(),
    );
    expect(result).toMatchObject({
      eligible: shopper.eligible,
      reasons: shopper.reasons,
      flags: shopper.flags,
      missingEvidence: shopper.missingEvidence,
      returnRequired: shopper.returnRequired,
      returnShippingPaidBy: shopper.returnShippingPaidBy,
    });
    expect(result.items.map((i) => [i.eligible, i.windowEndsAt, i.reasons])).toEqual(
      shopper.items.map((i) => [i.eligible, i.windowEndsAt, i.reasons]),
    );
    // ...and nothing was filed; the setup guide's step is ticked
    expect(await prisma.claim.count()).toBe(0);
    expect(await prisma.setupStep.findMany({ select: { shop: true, step: true } })).toEqual([
      { shop: TEST_SHOP, step: "try_policy_tester" },
    ]);
  });

  it("GIVEN missing evidence and a yes to an exclusion THEN the reasons, flags and the shopper's words say so", async () => {
    const order = orderOf("delivered-2-days-ago");
    const missing = await tested({ ...arrivalClaim(order.id), evidence: ["issue_photo"] });
    expect(missing).toMatchObject({
      eligible: false,
      reasons: ["missing_evidence"],
      missingEvidence: ["shipping_label_photo", "packaging_photo"],
    });
    expect(missing.shopperSees).toEqual([
      "Some photos or a video are still missing.",
      "Add a photo of the shipping label.",
      "Add a photo of the packaging.",
    ]);
    const warranty = await tested({
      ...arrivalClaim(order.id),
      type: "warranty",
      problem: "fault",
      answers: { bodyOpened: true, problemFirstNoticedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() },
    });
    expect(warranty.flags).toEqual(["body_opened", "late_report"]);
    expect(warranty.exclusionHandling).toBe("review");
  });

  it("GIVEN water bottles delivered 4 days ago WHEN the shop widens its arrival window to 7 days THEN the tester's answer changes", async () => {
    const order = orderOf("delivered-4-days-ago");
    const before = await tested(arrivalClaim(order.id));
    expect(before.eligible).toBe(false);
    expect(before.items[0]!.reasons).toEqual(["window_expired"]);
    expect(before.suggestedType).toBe("warranty");
    await writeShopPolicyOverride(prisma, TEST_SHOP, { arrivalWindowDays: 7 });
    const after = await tested(arrivalClaim(order.id));
    expect(after).toMatchObject({ eligible: true, suggestedType: null });
    expect(after.items[0]!.reasons).toEqual([]);
  });

  it("GIVEN the shop offers only replacements on arrival and the shop pays wrong items' returns WHEN a refund for a wrong item is tested THEN the tester refuses it as the shopper would be, with the offer and the problem's payer", async () => {
    const order = orderOf("delivered-2-days-ago");
    await writeShopPolicyOverride(prisma, TEST_SHOP, {
      arrivalResolutions: ["replacement"],
      arrivalReturnShippingPaidBy: "customer",
      returnShippingPaidByProblem: { wrong_item: "merchant" },
      outOfStockFallback: "merchant_decides",
    });
    const result = await tested({ ...arrivalClaim(order.id), problem: "wrong_item" });
    expect(result).toMatchObject({
      eligible: false,
      reasons: ["resolution_not_offered"],
      resolutions: ["replacement"],
      outOfStockFallback: "merchant_decides",
      returnShippingPaidBy: "merchant",
      shopperSees: ["The store does not offer the solution you chose for these items. Choose another one."],
    });
    const damaged = await tested({ ...arrivalClaim(order.id), preferredResolution: "replacement" });
    expect(damaged).toMatchObject({ eligible: true, returnShippingPaidBy: "customer" });
  });

  it.each([
    ["a problem that is not of the claim type", { problem: "fault" }, "problem"],
    ["no items", { items: [] }, "items"],
    ["a repair asked on arrival", { preferredResolution: "repair" }, "preferredResolution"],
    ["an unknown kind of evidence", { evidence: ["selfie"] }, "evidence.0"],
    ["a field the tester does not take", { description: "x" }, ""],
  ])("refuses %s as the caller's 400 naming the field, and stores nothing", async (_what, change, field) => {
    const outcome = await refused({ ...arrivalClaim(orderOf("delivered-2-days-ago").id), ...change });
    expect(outcome).toMatchObject({ status: 400, error: { code: "invalid_request", field } });
    expect(await prisma.setupStep.count()).toBe(0);
  });
});
