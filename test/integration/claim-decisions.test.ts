import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { writeProductOverride } from "../../app/db/policies.server";
import { loader as shopperClaimLoader } from "../../app/routes/api.claims.$claimId";
import { action as claimAction, loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import type { ClaimPage } from "../../app/services/claim-page.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims, type SeededDemoClaim } from "../demo/seed-claims";
import { failNextOperation, simulator } from "../simulator/network-edge";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { shopperRequest } from "../support/customer-account-requests";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

// The merchant's decision on the claim page, through the real route: the evaluation as the policy
// saw the claim when it was filed, then each item approved or denied citing a clause in one
// change on the version the merchant saw; a required return is opened in Shopify (the simulator),
// and the shopper reads the clause in plain words through their API.

const HOUR = 60 * 60 * 1000;
const OTHER_SHOP = "other-shop.myshopify.com";
const NOW = new Date();
let claims: SeededDemoClaim[];
let manifest: DemoManifest;

const store = () => simulator.store(TEST_SHOP);
const graphqlOf = async (shop: string) => (await unauthenticated.admin(shop)).admin.graphql;

async function claimPage(claimId: string): Promise<ClaimPage> {
  const request = await adminDocumentRequest(`/app/claims/${claimId}`);
  return (await claimLoader({ ...routeArgs(request), params: { claimId } })) as ClaimPage;
}

type Answer = {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; field?: string } };
};

async function act(claimId: string, body: Record<string, unknown>): Promise<Answer> {
  const request = await adminDataRequest(`/app/claims/${claimId}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const result = await claimAction({ ...routeArgs(request), params: { claimId } });
  if (result instanceof Response) return { status: result.status, body: await result.json() };
  return { status: 200, body: result as unknown as Answer["body"] };
}

/** What the shopper's API says about their claim, in their language. */
async function shopperView(claimId: string, language = "en") {
  const row = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
  const request = await shopperRequest(`/api/claims/${claimId}`, row.customerId, {
    headers: { "Accept-Language": language },
  });
  const response = await shopperClaimLoader({ request, params: { claimId }, context: {} });
  return ((await response.json()) as { claim: { status: string; denial: unknown } }).claim;
}

const seeded = (status: string, product?: string) =>
  claims.find((c) => c.status === status && (product === undefined || c.productTitle === product))!;

/** A claim on two items of one order (a desk lamp and two power banks from Berlin), filed 2 h ago. */
async function twoItemClaim(preferredResolution: "refund" | "replacement" = "replacement") {
  const customer = manifest.customers[0]!;
  const variantOf = (title: string) => {
    const product = store().state.products.find((p) => p.title === title)!;
    return store().state.variants.find((v) => v.productId === product.id)!;
  };
  const deliveredAt = new Date(NOW.getTime() - 8 * HOUR);
  const shippedAt = new Date(deliveredAt.getTime() - 48 * HOUR);
  const order = store().addOrder({
    createdAt: new Date(shippedAt.getTime() - 24 * HOUR),
    customerId: customer.id,
    lines: [
      { variantId: variantOf("Aurora Desk Lamp").id, quantity: 1 },
      { variantId: variantOf("Nimbus Power Bank 20000").id, quantity: 2 },
    ],
    fulfillments: [
      {
        lines: [{ index: 0 }, { index: 1 }],
        createdAt: shippedAt,
        inTransitAt: shippedAt,
        deliveredAt,
        deliveredEventAt: deliveredAt,
        tracking: [{ company: "DHL", number: "00340434999999", url: null }],
      },
    ],
  });
  const [lamp, powerBanks] = order.lineItems;
  const { claim } = await submitClaim(
    prisma,
    await graphqlOf(TEST_SHOP),
    { shop: TEST_SHOP, customerId: customer.id, orderId: order.id },
    {
      claim: {
        type: "arrival",
        items: [
          { lineItemId: lamp!.id, quantity: 1 },
          { lineItemId: powerBanks!.id, quantity: 2 },
        ],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
        preferredResolution,
      },
      problem: "damaged",
      note: "The parcel was crushed.",
    },
    new Date(NOW.getTime() - 2 * HOUR),
  );
  return {
    claimId: claim.state.id,
    number: claim.meta.number,
    order,
    lamp: lamp!,
    powerBanks: powerBanks!,
    deliveredAt,
  };
}

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  claims = await seedDemoClaims(prisma, await graphqlOf(TEST_SHOP), simulator, manifest, NOW, DEMO_CLAIM_PLANS);
});

describe("the evaluation on the claim page", () => {
  it("GIVEN a claim on two items WHEN its page loads THEN it shows what the policy said when it was filed: eligible, each delivery's windows in the shop's timezone, where each item goes back", async () => {
    const { claimId, lamp, powerBanks, deliveredAt } = await twoItemClaim();

    const page = await claimPage(claimId);

    const berlin = manifest.locations.find((l) => l.name === "Berlin Warehouse")!;
    expect(page.actions).toContain("decide");
    expect(page.evaluation.asFiled).toMatchObject({
      evaluatedAt: new Date(NOW.getTime() - 2 * HOUR).toISOString(),
      timezone: "Europe/Berlin",
      eligible: true,
      reasons: [],
      flags: [],
      missingEvidence: [],
      evidenceRequired: ["issue_media", "shipping_label_photo", "packaging_photo"],
      exclusionHandling: "review",
    });
    const items = page.evaluation.asFiled!.items;
    expect(items.map((i) => [i.lineItemId, i.eligible, i.eligibleQuantity, i.reasons])).toEqual([
      [lamp.id, true, 1, []],
      [powerBanks.id, true, 2, []],
    ]);
    const [delivery] = items[1]!.deliveries;
    expect(items[1]!.deliveries).toHaveLength(1);
    expect(delivery).toMatchObject({ quantity: 2, deliveredAt: deliveredAt.toISOString(), estimated: false });
    // The windows end at the last millisecond of a Berlin calendar day.
    for (const end of [delivery!.arrivalWindowEndsAt!, delivery!.warrantyWindowEndsAt!]) {
      const berlinTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", timeStyle: "medium" });
      expect(berlinTime.format(new Date(end))).toBe("23:59:59");
    }
    const days = (Date.parse(delivery!.arrivalWindowEndsAt!) - deliveredAt.getTime()) / (24 * HOUR);
    expect(days).toBeGreaterThan(3);
    expect(days).toBeLessThanOrEqual(4);
    expect(page.evaluation.returnTo).toEqual({
      [lamp.id]: [{ locationId: berlin.id, warehouse: "Berlin Warehouse", quantity: 1 }],
      [powerBanks.id]: [{ locationId: berlin.id, warehouse: "Berlin Warehouse", quantity: 2 }],
    });
  });

  it("GIVEN the shop's policy changed after the claim was filed WHEN its page loads THEN the evaluation is still the one it was filed under", async () => {
    const { claimId } = await twoItemClaim();
    const before = await claimPage(claimId);
    await prisma.shopPolicy.upsert({
      where: { shop: TEST_SHOP },
      create: {
        shop: TEST_SHOP,
        overrideJson: JSON.stringify({ arrivalWindowDays: 1, arrivalEvidence: ["issue_video"] }),
      },
      update: { overrideJson: JSON.stringify({ arrivalWindowDays: 1, arrivalEvidence: ["issue_video"] }) },
    });

    const after = await claimPage(claimId);

    expect(after.evaluation).toEqual(before.evaluation);
  });

  it("GIVEN a warranty claim with an exclusion answered yes WHEN its page loads THEN the flag comes with the shopper's answer", async () => {
    const customer = manifest.customers[1]!;
    const product = store().state.products.find((p) => p.title === "Trail Water Bottle")!;
    const variant = store().state.variants.find((v) => v.productId === product.id)!;
    const deliveredAt = new Date(NOW.getTime() - 40 * 24 * HOUR);
    const order = store().addOrder({
      createdAt: new Date(deliveredAt.getTime() - 72 * HOUR),
      customerId: customer.id,
      lines: [{ variantId: variant.id, quantity: 1 }],
      fulfillments: [
        {
          lines: [{ index: 0 }],
          createdAt: new Date(deliveredAt.getTime() - 48 * HOUR),
          inTransitAt: new Date(deliveredAt.getTime() - 48 * HOUR),
          deliveredAt,
          deliveredEventAt: deliveredAt,
          tracking: [],
        },
      ],
    });
    const noticed = new Date(NOW.getTime() - 10 * 24 * HOUR).toISOString();
    const { claim } = await submitClaim(
      prisma,
      await graphqlOf(TEST_SHOP),
      { shop: TEST_SHOP, customerId: customer.id, orderId: order.id },
      {
        claim: {
          type: "warranty",
          items: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
          evidence: ["issue_photo"],
          answers: { bodyOpened: true, accidentalDamage: false, problemFirstNoticedAt: noticed },
        },
        problem: "fault",
      },
      NOW,
    );

    const page = await claimPage(claim.state.id);

    expect(page.evaluation.asFiled).toMatchObject({
      eligible: true,
      flags: [
        { flag: "body_opened", answer: { kind: "yes" } },
        { flag: "late_report", answer: { kind: "noticed_at", at: noticed } },
      ],
      exclusionHandling: "review",
      reportWithinDaysOfNotice: 3,
    });
  });
});

describe("deciding a claim", () => {
  it("GIVEN an arrival claim WHEN the merchant approves it with the return the policy requires THEN the claim awaits the return and Shopify has one return open to the warehouse that shipped it", async () => {
    const claim = seeded("submitted", "Nimbus Power Bank 20000");
    const seen = await claimPage(claim.claimId);
    const [item] = seen.items;

    const answer = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId: item!.lineItemId, decision: "approve", resolution: "refund" }],
    });

    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    const returns = store().returnsOf(row.orderId);
    expect(returns).toHaveLength(1);
    expect(returns[0]!.lineItems.map((l) => [l.lineItemId, l.quantity])).toEqual([[item!.lineItemId, 1]]);
    expect(answer).toEqual({
      status: 200,
      body: {
        ok: true,
        intent: "decide",
        number: claim.number,
        message: `Claim #${claim.number} approved; return ${returns[0]!.name} opened in Shopify`,
        link: { label: "View order", url: seen.orderUrl },
      },
    });
    const after = await claimPage(claim.claimId);
    expect(after.status).toBe("awaiting_return");
    expect(after.items[0]!.decision).toEqual({ kind: "approve", quantity: 1, resolution: "refund" });
    expect(after.timeline.slice(-3).map((e) => [e.type, e.to])).toEqual([
      ["item_decided", "submitted"],
      ["claim_decided", "approved"],
      ["return_requested", "awaiting_return"],
    ]);
    expect(after.actions).not.toContain("decide");
  });

  it("GIVEN an arrival claim WHEN the merchant approves it without a return THEN it is approved, Shopify is untouched and the shopper sees the decision's message", async () => {
    const claim = seeded("submitted", "Aurora Desk Lamp");
    const seen = await claimPage(claim.claimId);

    const answer = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId: seen.items[0]!.lineItemId, decision: "approve", resolution: "replacement" }],
      returnRequired: false,
      note: "  A new lamp is on its way; keep the broken one.  ",
    });

    expect(answer.status).toBe(200);
    expect(answer.body.message).toBe(
      `Claim #${claim.number} approved; resolve it when you are ready to refund, replace or repair`,
    );
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    expect([row.status, row.returnRequired]).toEqual(["approved", false]);
    expect(store().returnsOf(row.orderId)).toEqual([]);
    const after = await claimPage(claim.claimId);
    expect(after.timeline.at(-1)).toMatchObject({
      type: "claim_decided",
      note: "A new lamp is on its way; keep the broken one.",
    });
    expect(after.actions).not.toContain("request_return");
  });

  it("GIVEN a warranty claim WHEN the merchant denies it citing a clause THEN it is denied and the shopper reads the clause in plain words in their language", async () => {
    const claim = seeded("submitted", "Trail Water Bottle");
    const seen = await claimPage(claim.claimId);

    const answer = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [
        { lineItemId: seen.items[0]!.lineItemId, decision: "deny", clause: "wear_and_tear", note: "The seal is worn." },
      ],
    });

    expect(answer.status).toBe(200);
    expect(answer.body.message).toBe(`Claim #${claim.number} denied; the shopper sees why on their claim`);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    expect(row.status).toBe("denied");
    expect(store().returnsOf(row.orderId)).toEqual([]);
    const lineItemId = seen.items[0]!.lineItemId;
    expect(await shopperView(claim.claimId)).toMatchObject({
      status: "denied",
      denial: {
        items: [
          {
            lineItemId,
            reason: "wear_and_tear",
            clause: "The guarantee does not cover general wear and tear.",
            note: "The seal is worn.",
          },
        ],
      },
    });
    expect((await shopperView(claim.claimId, "de")).denial).toMatchObject({
      items: [{ clause: "Die Garantie deckt keine normale Abnutzung." }],
    });
    expect((await shopperView(claim.claimId, "es")).denial).toMatchObject({
      items: [{ clause: "La garantía no cubre el desgaste normal." }],
    });
  });

  it("GIVEN a claim on two items WHEN the merchant approves one with a return and denies the other THEN it is partly approved, only the approved one goes back in Shopify and only the denied one shows a clause", async () => {
    const { claimId, number, order, lamp, powerBanks } = await twoItemClaim();
    const seen = await claimPage(claimId);

    const answer = await act(claimId, {
      intent: "decide",
      version: seen.version,
      items: [
        { lineItemId: powerBanks.id, decision: "deny", clause: "misuse" },
        { lineItemId: lamp.id, decision: "approve", resolution: "replacement", quantity: 1 },
      ],
    });

    expect(answer.status).toBe(200);
    const returns = store().returnsOf(order.id);
    expect(answer.body.message).toBe(`Claim #${number} partly approved; return ${returns[0]!.name} opened in Shopify`);
    expect(returns.map((r) => r.lineItems.map((l) => [l.lineItemId, l.quantity]))).toEqual([[[lamp.id, 1]]]);
    const after = await claimPage(claimId);
    expect(after.status).toBe("awaiting_return");
    expect(after.items.map((i) => [i.lineItemId, i.decision])).toEqual([
      [lamp.id, { kind: "approve", quantity: 1, resolution: "replacement" }],
      [
        powerBanks.id,
        {
          kind: "deny",
          reason: "misuse",
          note: null,
          // The clause's words as the shopper was told them, kept with the denial.
          clause: {
            label: "Misuse",
            shopperWords: expect.objectContaining({ en: "The guarantee does not cover damage from misuse." }),
          },
        },
      ],
    ]);
    expect((await shopperView(claimId)).denial).toEqual({
      items: [
        {
          lineItemId: powerBanks.id,
          reason: "misuse",
          clause: "The guarantee does not cover damage from misuse.",
          note: null,
        },
      ],
    });
  });

  it.each<[string, (ids: { lamp: string; powerBanks: string }) => Record<string, unknown>, string, string]>([
    [
      "a denial for no clause of the list without a note",
      ({ lamp, powerBanks }) => ({
        items: [
          { lineItemId: lamp, decision: "approve", resolution: "refund" },
          { lineItemId: powerBanks, decision: "deny", clause: "other" },
        ],
      }),
      "items.1.note",
      "say why you deny it",
    ],
    [
      "an unknown clause",
      ({ lamp, powerBanks }) => ({
        items: [
          { lineItemId: lamp, decision: "deny", clause: "bad_mood" },
          { lineItemId: powerBanks, decision: "deny", clause: "misuse" },
        ],
      }),
      "items.0.clause",
      "",
    ],
    [
      "one item left undecided",
      ({ lamp }) => ({ items: [{ lineItemId: lamp, decision: "approve", resolution: "refund" }] }),
      "items",
      "approve or deny every item of the claim",
    ],
    [
      "more units approved than claimed",
      ({ lamp, powerBanks }) => ({
        items: [
          { lineItemId: lamp, decision: "approve", resolution: "refund" },
          { lineItemId: powerBanks, decision: "approve", resolution: "refund", quantity: 3 },
        ],
      }),
      "items.1.quantity",
      "approve at most the 2 claimed",
    ],
    [
      "a repair for damage on arrival",
      ({ lamp, powerBanks }) => ({
        items: [
          { lineItemId: lamp, decision: "approve", resolution: "repair" },
          { lineItemId: powerBanks, decision: "deny", clause: "misuse" },
        ],
      }),
      "items.0.resolution",
      "this claim's policy offers refund or replacement: choose one of them",
    ],
    [
      "an item of another claim",
      ({ lamp }) => ({
        items: [
          { lineItemId: lamp, decision: "approve", resolution: "refund" },
          { lineItemId: "gid://shopify/LineItem/999999", decision: "deny", clause: "misuse" },
        ],
      }),
      "items.1.lineItemId",
      "this item is not part of the claim",
    ],
    [
      "neither approve nor deny",
      ({ lamp }) => ({ items: [{ lineItemId: lamp, decision: "maybe" }] }),
      "items.0.decision",
      'choose "approve" or "deny"',
    ],
    [
      "a return paid by nobody",
      ({ lamp, powerBanks }) => ({
        items: [
          { lineItemId: lamp, decision: "approve", resolution: "refund" },
          { lineItemId: powerBanks, decision: "deny", clause: "misuse" },
        ],
        returnShippingPaidBy: "nobody",
      }),
      "returnShippingPaidBy",
      'choose "merchant" or "customer"',
    ],
  ])(
    "GIVEN %s WHEN the decision is posted THEN it is a 400 naming the field and nothing is decided",
    async (_, form, field, said) => {
      const { claimId, lamp, powerBanks } = await twoItemClaim();
      const seen = await claimPage(claimId);

      const answer = await act(claimId, {
        intent: "decide",
        version: seen.version,
        ...form({ lamp: lamp.id, powerBanks: powerBanks.id }),
      });

      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "invalid_request", field });
      expect(answer.body.error!.message).toContain(`${field}: ${said}`);
      const after = await claimPage(claimId);
      expect([after.status, after.version, after.items.map((i) => i.decision)]).toEqual([
        "submitted",
        seen.version,
        [null, null],
      ]);
    },
  );

  it("GIVEN the lamp's policy offered only a refund when the claim was filed WHEN the merchant decides THEN the modal offers only a refund, a replacement is a 400 naming the field, and a later change of the policy changes nothing", async () => {
    const lampProduct = store().state.products.find((p) => p.title === "Aurora Desk Lamp")!;
    await writeProductOverride(prisma, TEST_SHOP, { productId: lampProduct.id, arrivalResolutions: ["refund"] }, null);
    const claim = await twoItemClaim("refund");
    // the shop offers replacements on lamps again after the claim was filed
    await writeProductOverride(
      prisma,
      TEST_SHOP,
      { productId: lampProduct.id, arrivalResolutions: ["replacement"] },
      null,
    );
    const seen = await claimPage(claim.claimId);
    expect(seen.evaluation.resolutions).toEqual(["refund"]);
    const approveLampWith = (resolution: string) =>
      act(claim.claimId, {
        intent: "decide",
        version: seen.version,
        items: [
          { lineItemId: claim.lamp.id, decision: "approve", resolution },
          { lineItemId: claim.powerBanks.id, decision: "approve", resolution: "refund" },
        ],
        returnRequired: false,
      });

    const replaced = await approveLampWith("replacement");
    expect(replaced.status).toBe(400);
    expect(replaced.body.error).toMatchObject({
      field: "items.0.resolution",
      message: "items.0.resolution: this claim's policy offers refund: choose one of them",
    });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } })).status).toBe("submitted");

    const refunded = await approveLampWith("refund");
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
  });

  it("GIVEN a warranty claim whose return shipping is decided on review WHEN it is approved with a return and no payer THEN it is a 400 naming returnShippingPaidBy", async () => {
    const claim = seeded("submitted", "Trail Water Bottle");
    const seen = await claimPage(claim.claimId);
    expect(seen.policy.returnShippingPaidBy).toBe("decided_on_review");

    const answer = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId: seen.items[0]!.lineItemId, decision: "approve", resolution: "repair" }],
    });

    expect(answer.status).toBe(400);
    expect(answer.body.error?.field).toBe("returnShippingPaidBy");
    expect((await claimPage(claim.claimId)).status).toBe("submitted");
  });

  it("GIVEN another merchant decided meanwhile WHEN this merchant posts a decision on the version they saw THEN it is a 409 and nothing is decided twice", async () => {
    const claim = seeded("submitted", "Nimbus Power Bank 20000");
    const seen = await claimPage(claim.claimId);
    const lineItemId = seen.items[0]!.lineItemId;
    const first = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId, decision: "approve", resolution: "refund" }],
    });
    expect(first.status).toBe(200);

    const second = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId, decision: "deny", clause: "misuse" }],
    });

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
    expect(after.timeline.filter((e) => e.type === "claim_decided")).toHaveLength(1);
    expect(after.items[0]!.decision).toMatchObject({ kind: "approve" });
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    expect(store().returnsOf(row.orderId)).toHaveLength(1);
  });

  it("GIVEN two merchants post the same decision at once WHEN both arrive THEN one wins, the other gets the conflict, and Shopify has one return", async () => {
    const claim = seeded("submitted", "Nimbus Power Bank 20000");
    const seen = await claimPage(claim.claimId);
    const form = {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId: seen.items[0]!.lineItemId, decision: "approve", resolution: "refund" }],
    };

    const answers = await Promise.all([act(claim.claimId, form), act(claim.claimId, form), act(claim.claimId, form)]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    // The losers are told someone else changed the claim (not that it cannot be decided any more).
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error?.code)).toEqual([
      "claim.changed_meanwhile",
      "claim.changed_meanwhile",
    ]);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    expect(row.status).toBe("awaiting_return");
    expect(store().returnsOf(row.orderId)).toHaveLength(1);
  });

  it("GIVEN Shopify does not answer when the return is opened WHEN the merchant approves THEN the decision is saved, the answer says what to do, and opening the return again opens one", async () => {
    const claim = seeded("submitted", "Nimbus Power Bank 20000");
    const seen = await claimPage(claim.claimId);
    failNextOperation("WarrantyDeskReturnCreate");

    const answer = await act(claim.claimId, {
      intent: "decide",
      version: seen.version,
      items: [{ lineItemId: seen.items[0]!.lineItemId, decision: "approve", resolution: "refund" }],
    });

    expect(answer.status).toBe(200);
    expect(answer.body.message).toBe(`Claim #${claim.number} approved; the return is not open in Shopify yet`);
    expect(answer.body.notices).toEqual([
      'Shopify did not answer when the return was opened. The decision is saved and the shopper sees it. Choose "Open the return in Shopify" on the claim to try again.',
    ]);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    expect(store().returnsOf(row.orderId)).toEqual([]);
    const decided = await claimPage(claim.claimId);
    expect(decided.status).toBe("approved");
    expect(decided.actions).toContain("request_return");

    const retried = await act(claim.claimId, { intent: "request_return", version: decided.version });

    const returns = store().returnsOf(row.orderId);
    expect(returns).toHaveLength(1);
    expect(retried).toMatchObject({
      status: 200,
      body: {
        intent: "request_return",
        message: `Return ${returns[0]!.name} opened in Shopify for claim #${claim.number}`,
      },
    });
    expect((await claimPage(claim.claimId)).status).toBe("awaiting_return");
  });

  it("GIVEN another shop's claim WHEN this shop's merchant posts a decision THEN it is a 404 and their claim is unchanged", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    const theirs = await seedDemoClaims(
      prisma,
      await graphqlOf(OTHER_SHOP),
      simulator,
      seedDemoStore(simulator, { shop: OTHER_SHOP, now: NOW, seed: 11 }),
      NOW,
      DEMO_CLAIM_PLANS,
    );
    const target = theirs.find((c) => c.status === "submitted")!;
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: target.claimId }, include: { items: true } });

    const answer = await act(target.claimId, {
      intent: "decide",
      version: row.version,
      items: [{ lineItemId: row.items[0]!.lineItemId, decision: "deny", clause: "misuse" }],
    });

    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe("claim.not_found");
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: target.claimId } });
    expect([after.status, after.version]).toEqual(["submitted", row.version]);
  });
});
