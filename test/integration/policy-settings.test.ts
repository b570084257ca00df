import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { readShopPolicyOverride, writeShopPolicyOverride } from "../../app/db/policies.server";
import { DEFAULT_POLICY, type Policy } from "../../app/domain/policy/policy-schema";
import { loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/app.settings";
import type { ClaimPage } from "../../app/services/claim-page.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoClaims } from "../demo/seed-claims";
import { seedDemoStore } from "../simulator/seed";
import { simulator, storeFor } from "../simulator/network-edge";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

// The shop policy settings page through its real loader and action: the policy in force, a save
// that stores only what differs from the defaults, a bad value refused naming its field with
// nothing saved, another shop untouched, and open claims keeping the policy they were filed under.

const OTHER_SHOP = "other-shop.myshopify.com";

async function loadSettings() {
  return settingsLoader(routeArgs(await adminDataRequest("/app/settings")));
}

async function save(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const request = await adminDataRequest("/app/settings", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await settingsAction(routeArgs(request));
  if (answer instanceof Response)
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  return { status: 200, body: answer as unknown as Record<string, unknown> };
}

const policy = (fields: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...fields });

beforeEach(async () => {
  await installTestShop();
  Object.assign(storeFor(TEST_SHOP).shop, { ianaTimezone: "Europe/Berlin", currencyCode: "EUR" });
});

describe("the shop policy settings", () => {
  it("GIVEN a shop that never changed its policy WHEN the page loads THEN it shows the defaults of the written guarantee and the store's timezone", async () => {
    const data = await loadSettings();

    expect(data.policy).toEqual(DEFAULT_POLICY);
    expect(data.shop).toMatchObject({ ianaTimezone: "Europe/Berlin", currencyCode: "EUR" });
    expect(Date.parse(data.now)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("GIVEN the merchant changes the arrival window, the warranty and a component WHEN they save THEN the page shows them after a reload and only the changes are stored", async () => {
    const chosen = policy({
      arrivalWindowDays: 5,
      warrantyMonths: 24,
      exclusionHandling: "deny",
      components: [{ name: "Charger", chargeIfMissing: { amount: "12.50", currencyCode: "EUR" } }],
    });

    const answer = await save({ policy: chosen });

    expect(answer).toEqual({ status: 200, body: expect.objectContaining({ ok: true, policy: chosen }) });
    expect((await loadSettings()).policy).toEqual(chosen);
    expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toEqual({
      arrivalWindowDays: 5,
      warrantyMonths: 24,
      exclusionHandling: "deny",
      components: chosen.components,
    });

    // Back to a default value: the field is no longer an override.
    await save({ policy: policy({ warrantyMonths: 24 }) });
    expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toEqual({ warrantyMonths: 24 });
  });

  it.each([
    [{ arrivalWindowDays: -1 }, "policy.arrivalWindowDays", "expected a whole number from 0 to 3,650"],
    [{ warrantyMonths: "twelve" }, "policy.warrantyMonths", "expected a whole number from 0 to 1,200"],
    [{ responseHours: 0 }, "policy.responseHours", "expected a whole number from 1 to 8,760"],
    [{ arrivalEvidence: ["issue_photo", "issue_photo"] }, "policy.arrivalEvidence.1", 'duplicate "issue_photo"'],
    [{ warrantyReturnShippingPaidBy: "nobody" }, "policy.warrantyReturnShippingPaidBy", ""],
    [
      { components: [{ name: "", chargeIfMissing: { amount: "1.00", currencyCode: "EUR" } }] },
      "policy.components.0.name",
      "expected a component name",
    ],
    [{ arrivalWindowDay: 5 }, "policy", 'policy: unknown field "arrivalWindowDay"'],
    [
      { arrivalResolutions: ["refund", "repair"] },
      "policy.arrivalResolutions.1",
      'arrival claims take "refund", "replacement"',
    ],
    [{ warrantyResolutions: [] }, "policy.warrantyResolutions", "expected at least one resolution"],
    [{ outOfStockFallback: "wait" }, "policy.outOfStockFallback", ""],
    [{ returnShippingPaidByProblem: { fault: "nobody" } }, "policy.returnShippingPaidByProblem.fault", ""],
  ])(
    "GIVEN a saved policy WHEN the merchant sends %j THEN the answer is a 400 naming %s and nothing is saved",
    async (bad, field, message) => {
      await writeShopPolicyOverride(prisma, TEST_SHOP, { warrantyMonths: 18 });

      const answer = await save({ policy: { ...policy({ warrantyMonths: 18 }), ...bad } });

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: { code: "invalid_request", field, message: expect.stringContaining(message) },
      });
      expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toEqual({ warrantyMonths: 18 });
    },
  );

  it("GIVEN the merchant narrows resolutions, lets themselves decide on stock and names a payer for a problem WHEN they save THEN the page shows them after a reload and only they are stored", async () => {
    const chosen = policy({
      arrivalResolutions: ["replacement"],
      warrantyResolutions: ["refund", "repair"],
      outOfStockFallback: "merchant_decides",
      returnShippingPaidByProblem: { wrong_item: "merchant", fault: "customer" },
    });

    const answer = await save({ policy: chosen });

    expect(answer).toEqual({ status: 200, body: expect.objectContaining({ ok: true, policy: chosen }) });
    expect((await loadSettings()).policy).toEqual(chosen);
    expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toEqual({
      arrivalResolutions: ["replacement"],
      warrantyResolutions: ["refund", "repair"],
      outOfStockFallback: "merchant_decides",
      returnShippingPaidByProblem: { wrong_item: "merchant", fault: "customer" },
    });
  });

  it("GIVEN a policy stored before resolutions were settings WHEN the page loads THEN it shows the guarantee's resolutions and refund fallback", async () => {
    await prisma.shopPolicy.upsert({
      where: { shop: TEST_SHOP },
      create: { shop: TEST_SHOP, overrideJson: JSON.stringify({ warrantyMonths: 18 }) },
      update: { overrideJson: JSON.stringify({ warrantyMonths: 18 }) },
    });

    expect((await loadSettings()).policy).toEqual({ ...DEFAULT_POLICY, warrantyMonths: 18 });
  });

  it("GIVEN a policy with a field left out WHEN it is sent THEN the 400 names the missing field", async () => {
    const { responseHours: _left, ...partial } = policy();

    const answer = await save({ policy: partial });

    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_request",
          field: "policy.responseHours",
          message: expect.stringMatching(/^policy\.responseHours: /),
        },
      },
    });
    expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toEqual({});
  });

  it("GIVEN another shop with its own policy WHEN this shop saves THEN the other shop's policy is untouched", async () => {
    await writeShopPolicyOverride(prisma, OTHER_SHOP, { warrantyMonths: 6 });

    await save({ policy: policy({ warrantyMonths: 36 }) });

    expect(await readShopPolicyOverride(prisma, OTHER_SHOP)).toEqual({ warrantyMonths: 6 });
    expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toEqual({ warrantyMonths: 36 });
  });

  it("GIVEN an open arrival claim WHEN the merchant changes the arrival window and the warranty THEN the claim's page still shows the windows it was filed under", async () => {
    const now = new Date();
    const manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now, seed: 11 });
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const claims = await seedDemoClaims(prisma, graphql, simulator, manifest, now);
    const open = claims.find((c) => c.status === "submitted" && c.productTitle === "Aurora Desk Lamp")!;
    const claimPage = async () =>
      (await claimLoader({
        ...routeArgs(await adminDocumentRequest(`/app/claims/${open.claimId}`)),
        params: { claimId: open.claimId },
      })) as ClaimPage;
    const filed = (await claimPage()).evaluation.asFiled!;
    const [delivery] = filed.items[0]!.deliveries;

    expect(
      await save({ policy: policy({ arrivalWindowDays: 30, warrantyMonths: 60, exclusionHandling: "deny" }) }),
    ).toMatchObject({ status: 200 });

    // The save took effect for new claims...
    expect(await readShopPolicyOverride(prisma, TEST_SHOP)).toMatchObject({
      arrivalWindowDays: 30,
      warrantyMonths: 60,
    });
    // ...and the open claim still shows what it was filed under.
    const after = (await claimPage()).evaluation.asFiled!;
    expect(after).toEqual(filed);
    // The windows it shows are the ones counted at filing, not 30 days and 60 months.
    const deliveredDay = Date.parse(delivery!.deliveredAt);
    expect(Date.parse(after.items[0]!.deliveries[0]!.arrivalWindowEndsAt!)).toBeLessThan(
      deliveredDay + 10 * 86_400_000,
    );
    expect(Date.parse(after.items[0]!.deliveries[0]!.warrantyWindowEndsAt!)).toBeLessThan(
      deliveredDay + 5 * 365 * 86_400_000 - 30 * 86_400_000,
    );
    expect(after.exclusionHandling).toBe("review");
  });
});
