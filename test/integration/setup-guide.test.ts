import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { writeShopPolicyOverride } from "../../app/db/policies.server";
import type { SetupGuideState } from "../../app/domain/setup-guide";
import { loader as inboxLoader } from "../../app/routes/app.claims._index";
import { action as setupGuideAction, loader as setupGuideLoader } from "../../app/routes/app.setup-guide";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims } from "../demo/seed-claims";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore } from "../simulator/seed";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The first-run setup guide on the app's home (the claims inbox): what the app sees done by
// itself, what the merchant marks, dismissing it, and bad requests as the caller's 400. Its
// marks are SetupStep rows; the policy tester's own step is covered in policy-tester.test.ts.

const OTHER_SHOP = "other-shop.myshopify.com";

async function guide(shop = TEST_SHOP): Promise<SetupGuideState> {
  const home = await inboxLoader(routeArgs(await adminDataRequest("/app/claims", undefined, shop)));
  return home.setupGuide;
}

const doneSteps = (state: SetupGuideState) =>
  state.steps.filter((s) => s.done).map((s) => `${s.step}:${s.doneBy ?? ""}`);

async function post(body: unknown, shop = TEST_SHOP) {
  const request = await adminDataRequest(
    "/app/setup-guide",
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    shop,
  );
  return setupGuideAction(routeArgs(request));
}

async function refused(body: unknown) {
  const outcome = await post(body);
  if (!(outcome instanceof Response)) throw new Error(`the guide accepted ${JSON.stringify(body)}`);
  return { status: outcome.status, ...((await outcome.json()) as { error: { code: string; field?: string } }) };
}

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
});

describe("the setup guide on the app's home", () => {
  it("GIVEN a shop that just installed the app WHEN the home loads THEN the guide shows every step to do, 0 of 3", async () => {
    const state = await guide();
    expect(state.visible).toBe(true);
    expect(state.steps.map((s) => [s.step, s.optional, s.done])).toEqual([
      ["review_policy", false, false],
      ["add_claim_extension", false, false],
      ["set_return_addresses", true, false],
      ["try_policy_tester", false, false],
    ]);
    expect([state.doneCount, state.requiredCount]).toEqual([0, 3]);
  });

  it("GIVEN the policy was saved, a shopper filed a claim and a return address was set THEN those steps are done without a mark", async () => {
    // GIVEN the merchant saved the shop policy, and a shopper filed a claim through the extension
    await writeShopPolicyOverride(prisma, TEST_SHOP, { arrivalWindowDays: 5 });
    const manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    await seedDemoClaims(prisma, graphql, simulator, manifest, new Date(), DEMO_CLAIM_PLANS.slice(0, 1));
    // WHEN the home loads THEN both steps are done, as seen by the app, and the guide still shows
    const state = await guide();
    expect(doneSteps(state)).toEqual(["review_policy:detected", "add_claim_extension:detected"]);
    expect([state.doneCount, state.visible]).toEqual([2, true]);
    // ...and no mark was stored for them (they stay done because the facts do)
    expect(await prisma.setupStep.count()).toBe(0);
    // GIVEN the merchant then marks a warehouse as overseas on the return addresses page THEN that step is done too
    await prisma.returnAddress.create({
      data: { shop: TEST_SHOP, locationId: "gid://shopify/Location/1", addressJson: null, overseas: true },
    });
    expect(doneSteps(await guide())).toContain("set_return_addresses:detected");
  });

  it("GIVEN the extension step WHEN the merchant ticks it THEN it is done, kept, and unticking undoes it", async () => {
    const marked = await post({ intent: "mark", step: "add_claim_extension", done: true });
    expect(doneSteps((marked as { guide: SetupGuideState }).guide)).toEqual(["add_claim_extension:marked"]);
    // Kept: the next load of the home says the same; marking twice keeps the first time.
    const first = await prisma.setupStep.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    await post({ intent: "mark", step: "add_claim_extension", done: true });
    expect((await prisma.setupStep.findFirstOrThrow({ where: { shop: TEST_SHOP } })).doneAt).toEqual(first.doneAt);
    expect(doneSteps(await guide())).toEqual(["add_claim_extension:marked"]);
    // Another shop's guide knows nothing of it
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-token" });
    expect(doneSteps(await guide(OTHER_SHOP))).toEqual([]);
    // WHEN unticked THEN it is to do again
    await post({ intent: "mark", step: "add_claim_extension", done: false });
    expect(doneSteps(await guide())).toEqual([]);
  });

  it("GIVEN every required step done THEN the guide no longer shows, the optional return addresses aside", async () => {
    await writeShopPolicyOverride(prisma, TEST_SHOP, {});
    await post({ intent: "mark", step: "add_claim_extension", done: true });
    expect((await guide()).visible).toBe(true);
    await post({ intent: "mark", step: "try_policy_tester", done: true });
    const state = await guide();
    expect([state.complete, state.visible, state.doneCount]).toEqual([true, false, 3]);
  });

  it("GIVEN a guide with steps to do WHEN the merchant dismisses it THEN it no longer shows, for this shop only", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-token" });
    const outcome = (await post({ intent: "dismiss" })) as { guide: SetupGuideState };
    expect([outcome.guide.dismissed, outcome.guide.visible]).toEqual([true, false]);
    expect((await guide()).visible).toBe(false);
    expect((await guide(OTHER_SHOP)).visible).toBe(true);
  });

  it("refuses a step it does not know, a mark without its answer and a GET as the caller's errors", async () => {
    expect(await refused({ intent: "mark", step: "install_theme", done: true })).toMatchObject({
      status: 400,
      error: { code: "invalid_request", field: "step" },
    });
    expect(await refused({ intent: "mark", step: "review_policy" })).toMatchObject({
      status: 400,
      error: { field: "done" },
    });
    expect(await refused({ intent: "tick" })).toMatchObject({ status: 400, error: { field: "intent" } });
    expect(await prisma.setupStep.count()).toBe(0);
    const get = await setupGuideLoader(routeArgs(await adminDataRequest("/app/setup-guide"))).catch((e: unknown) => e);
    expect((get as Response).status).toBe(405);
  });
});
