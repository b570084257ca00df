import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as shopperClaimLoader } from "../../app/routes/api.claims.$claimId";
import { action as claimAction, loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import type { ClaimPage } from "../../app/services/claim-page.server";
import type { ClaimDetail } from "../../app/services/shopper-claims.server";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims, type SeededDemoClaim } from "../demo/seed-claims";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { shopifyEdge, simulator } from "../simulator/network-edge";
import { shopperRequest } from "../support/customer-account-requests";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

// The return's steps on the claim page, through the real route: the return card (where each unit
// goes back, what to include, who pays, the tracking, the Shopify return), recording the return in
// transit, receiving it, recording one that arrived without a request, marking it lost and closing
// the claim; each refused with what to do when the claim does not allow it, a stale version a
// conflict, another shop's claim a 404. The shopper's API shows the same steps.

const OTHER_SHOP = "other-shop.myshopify.com";
const NOW = new Date();
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

type Answer = { status: number; body: { message?: string; error?: { code: string; message: string; field?: string } } };

async function act(claimId: string, body: Record<string, unknown>): Promise<Answer> {
  const request = await adminDataRequest(`/app/claims/${claimId}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const result = await claimAction({ ...routeArgs(request), params: { claimId } });
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as Answer["body"] };
  return { status: 200, body: result as Answer["body"] };
}

/** The claim as its shopper reads it through the customer-account API. */
async function shopperView(claimId: string): Promise<ClaimDetail> {
  const row = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
  const request = await shopperRequest(`/api/claims/${encodeURIComponent(claimId)}`, row.customerId);
  const response = (await shopperClaimLoader({ request, params: { claimId }, context: {} })) as Response;
  expect(response.status).toBe(200);
  return ((await response.json()) as { claim: ClaimDetail }).claim;
}

const seeded = (status: string) => claims.find((c) => c.status === status)!;
const store = () => simulator.store(TEST_SHOP);
const orderIdOf = async (claimId: string) => (await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).orderId;

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  claims = await seedClaims(manifest);
});

describe("the return card", () => {
  it("GIVEN a claim awaiting its return WHEN its page loads THEN it shows where each unit goes back, what to include, who pays, and the Shopify return as Shopify shows it", async () => {
    const awaiting = seeded("awaiting_return");
    const orderId = await orderIdOf(awaiting.claimId);
    const order = store().state.orders.find((o) => o.id === orderId)!;
    const warehouse = store().state.locations.find((l) => l.id === order.fulfillments[0]!.locationId)!;
    const [shopifyReturn] = store().returnsOf(orderId);

    const page = await claimPage(awaiting.claimId);

    expect(page.return).toEqual({
      instructions: {
        destinations: [
          {
            locationId: warehouse.id,
            warehouse: warehouse.name,
            name: warehouse.name,
            address: [warehouse.address1, `${warehouse.zip} ${warehouse.city}`, expect.any(String)],
            returnsCentre: false,
            overseas: false,
            items: [
              {
                lineItemId: order.lineItems[0]!.id,
                title: awaiting.productTitle,
                quantity: 1,
                includeComponents: ["cable"],
              },
            ],
          },
        ],
        shippingPaidBy: "merchant",
        trackedShippingAdvised: true,
      },
      shipment: null,
      arrivedUnrequested: null,
      receivedAt: null,
      lostAt: null,
      shopifyReturn: { name: shopifyReturn!.name, status: "OPEN", live: true },
    });
    expect(page.actions).toEqual(expect.arrayContaining(["ship_return", "receive_return", "mark_return_lost"]));
    expect(page.actions).not.toContain("close");
    expect(page.actions).not.toContain("record_unrequested_return");
  });

  it("GIVEN the merchant closed the Shopify return in the admin WHEN the page loads THEN the card shows its status now", async () => {
    const awaiting = seeded("awaiting_return");
    const [shopifyReturn] = store().returnsOf(await orderIdOf(awaiting.claimId));
    shopifyReturn!.status = "CANCELED";

    const page = await claimPage(awaiting.claimId);

    expect(page.return?.shopifyReturn).toEqual({ name: shopifyReturn!.name, status: "CANCELED", live: true });
  });

  it("GIVEN Shopify is too busy to answer for the return WHEN the page loads THEN the card shows the return as it was opened, and says so", async () => {
    const awaiting = seeded("awaiting_return");
    const [shopifyReturn] = store().returnsOf(await orderIdOf(awaiting.claimId));
    // Throttled for longer than the app waits, on the return's query only.
    shopifyEdge.use(
      http.post(/^https:\/\/[a-z0-9-]+\.myshopify\.com\/admin\/api\/[^/]+\/graphql\.json$/, async ({ request }) => {
        const body = (await request.clone().json()) as { query?: string };
        if (!body.query?.includes("query WarrantyDeskReturn(")) return undefined;
        return HttpResponse.json({
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          extensions: {
            cost: {
              requestedQueryCost: 500,
              actualQueryCost: null,
              throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 1 },
            },
          },
        });
      }),
    );

    const page = await claimPage(awaiting.claimId);

    expect(page.return?.shopifyReturn).toEqual({ name: shopifyReturn!.name, status: "OPEN", live: false });
    expect(page.return?.instructions?.destinations[0]?.name).toEqual(expect.any(String));
  });

  it("GIVEN a claim with nothing to do with a return yet WHEN its page loads THEN there is no return card", async () => {
    expect((await claimPage(seeded("submitted").claimId)).return).toBeNull();
  });
});

describe("recording the return in transit, then received", () => {
  it("GIVEN a claim awaiting its return WHEN the merchant records the shopper's tracking and then the arrival THEN the claim is in transit, then ready to inspect, and Shopify's return is untouched until the claim resolves", async () => {
    const awaiting = seeded("awaiting_return");
    const orderId = await orderIdOf(awaiting.claimId);
    const returnsBefore = structuredClone(store().returnsOf(orderId));
    const before = await claimPage(awaiting.claimId);

    const shipped = await act(awaiting.claimId, {
      intent: "ship_return",
      trackingNumber: "  1Z999AA10123456784 ",
      carrier: "UPS",
      version: before.version,
    });

    expect(shipped).toEqual({
      status: 200,
      body: {
        ok: true,
        intent: "ship_return",
        number: awaiting.number,
        message: `Return of claim #${awaiting.number} recorded in transit (UPS 1Z999AA10123456784)`,
      },
    });
    const inTransit = await claimPage(awaiting.claimId);
    expect(inTransit.status).toBe("return_in_transit");
    expect(inTransit.return?.shipment).toEqual({ trackingNumber: "1Z999AA10123456784", carrier: "UPS" });
    expect(inTransit.timeline.at(-1)).toMatchObject({ type: "return_shipped", actor: "merchant" });
    expect(inTransit.actions).toEqual(expect.arrayContaining(["receive_return", "mark_return_lost"]));
    expect(inTransit.actions).not.toContain("ship_return");
    expect(await shopperView(awaiting.claimId)).toMatchObject({
      status: "return_in_transit",
      nextStep: "wait_for_inspection",
      returnShipment: { trackingNumber: "1Z999AA10123456784", carrier: "UPS" },
      canSendTracking: false,
    });

    const received = await act(awaiting.claimId, {
      intent: "receive_return",
      note: "Box dented, item inside",
      version: inTransit.version,
    });

    expect(received.body).toMatchObject({ message: `Return of claim #${awaiting.number} received: inspect it next` });
    const after = await claimPage(awaiting.claimId);
    expect(after.status).toBe("return_received");
    expect(after.return?.receivedAt).toBe(after.timeline.at(-1)!.at);
    expect(after.timeline.at(-1)).toMatchObject({ type: "return_received", note: "Box dented, item inside" });
    const event = await prisma.claimEvent.findFirstOrThrow({
      where: { claimId: awaiting.claimId, type: "return_received" },
    });
    expect(JSON.parse(event.dataJson)).toEqual({ tracked: true });
    // Nothing in Shopify: the return is processed (closed) when the claim resolves.
    expect(store().returnsOf(orderId)).toEqual(returnsBefore);
    expect(after.return?.shopifyReturn).toMatchObject({ status: "OPEN" });
    expect(await shopperView(awaiting.claimId)).toMatchObject({
      status: "return_received",
      nextStep: "wait_for_inspection",
    });
  });

  it("GIVEN a claim awaiting a return the shopper sent untracked WHEN the merchant marks it received THEN it is received straight from awaiting_return, logged as untracked", async () => {
    const awaiting = seeded("awaiting_return");
    const page = await claimPage(awaiting.claimId);

    const received = await act(awaiting.claimId, { intent: "receive_return", note: "", version: page.version });

    expect(received.status).toBe(200);
    const event = await prisma.claimEvent.findFirstOrThrow({
      where: { claimId: awaiting.claimId, type: "return_received" },
    });
    expect([event.fromStatus, event.note, JSON.parse(event.dataJson)]).toEqual([
      "awaiting_return",
      null,
      { tracked: false },
    ]);
  });
});

describe("a return that arrived without a request", () => {
  it("GIVEN an undecided claim WHEN its item arrives unrequested THEN the claim records it and still needs a decision; once approved, the item is received without asking the shopper for it", async () => {
    const submitted = claims.find((c) => c.status === "submitted" && c.productTitle === "Trail Water Bottle")!;
    const before = await claimPage(submitted.claimId);
    expect(before.actions).toContain("record_unrequested_return");

    const recorded = await act(submitted.claimId, {
      intent: "record_unrequested_return",
      note: "Parcel came back without a note",
      version: before.version,
    });

    expect(recorded.body).toMatchObject({
      message: `Return of claim #${submitted.number} recorded as arrived unrequested: decide the claim next`,
    });
    const page = await claimPage(submitted.claimId);
    expect(page.status).toBe("submitted");
    // The decision is still due: the response clock runs on.
    expect(page.clock).toEqual(before.clock);
    expect(page.return).toEqual({
      instructions: null,
      shipment: null,
      arrivedUnrequested: { at: page.timeline.at(-1)!.at, note: "Parcel came back without a note" },
      receivedAt: null,
      lostAt: null,
      shopifyReturn: null,
    });
    expect(page.actions).not.toContain("record_unrequested_return");
    expect(page.timeline.at(-1)).toMatchObject({
      type: "return_arrived_unrequested",
      from: "submitted",
      to: "submitted",
    });
    const shopper = await shopperView(submitted.claimId);
    expect(shopper).toMatchObject({ status: "submitted", nextStep: "wait_for_reply" });
    expect(shopper.timeline.at(-1)).toMatchObject({ type: "return_arrived_unrequested", message: null });

    // WHEN the merchant approves it with a return required THEN the shopper is not asked for the item
    // and no Shopify return is opened: the item in hand is received
    const lineItemId = (await prisma.claimItem.findFirstOrThrow({ where: { claimId: submitted.claimId } })).lineItemId;
    const decided = await act(submitted.claimId, {
      intent: "decide",
      items: [{ lineItemId, decision: "approve", resolution: "refund" }],
      returnRequired: true,
      returnShippingPaidBy: "merchant",
      version: page.version,
    });
    expect(decided).toMatchObject({
      status: 200,
      body: { message: `Claim #${submitted.number} approved; its item is already back: mark the return received` },
    });
    expect(decided.body).not.toHaveProperty("notices");
    const approved = await claimPage(submitted.claimId);
    expect(approved.status).toBe("approved");
    expect(approved.actions).toContain("receive_return");
    expect(approved.actions).not.toContain("request_return");
    // The shopper is not asked to send anything: the shop checks the item it has.
    expect(await shopperView(submitted.claimId)).toMatchObject({
      status: "approved",
      nextStep: "wait_for_inspection",
      canSendTracking: false,
      returnInstructions: null,
    });
    const received = await act(submitted.claimId, { intent: "receive_return", version: approved.version });
    expect(received.status).toBe(200);
    expect((await claimPage(submitted.claimId)).status).toBe("return_received");
    expect(store().returnsOf(await orderIdOf(submitted.claimId))).toEqual([]);
  });

  it("GIVEN an approved claim without a return requested WHEN its item arrives unrequested THEN it is ready to inspect", async () => {
    const approved = seeded("approved");
    const page = await claimPage(approved.claimId);
    expect(page.actions).toContain("record_unrequested_return");
    expect(page.actions).not.toContain("receive_return");

    const recorded = await act(approved.claimId, { intent: "record_unrequested_return", version: page.version });

    expect(recorded.body).toMatchObject({
      message: `Return of claim #${approved.number} recorded as arrived unrequested: inspect it next`,
    });
    const after = await claimPage(approved.claimId);
    expect(after.status).toBe("return_received");
    expect(after.return?.arrivedUnrequested).toEqual({ at: after.timeline.at(-1)!.at, note: null });
    expect(await shopperView(approved.claimId)).toMatchObject({
      status: "return_received",
      nextStep: "wait_for_inspection",
    });
  });
});

describe("a return lost in transit, and closing", () => {
  it("GIVEN a return in transit WHEN the merchant marks it lost THEN the claim ends uncovered and can be closed, or resolved anyway", async () => {
    const inTransit = seeded("return_in_transit");
    const page = await claimPage(inTransit.claimId);

    const lost = await act(inTransit.claimId, {
      intent: "mark_return_lost",
      note: "DHL confirmed the loss",
      version: page.version,
    });

    expect(lost.body).toMatchObject({
      message: `Return of claim #${inTransit.number} marked lost: close the claim, or resolve it to cover it anyway`,
    });
    const after = await claimPage(inTransit.claimId);
    expect(after.status).toBe("return_lost");
    expect(after.return?.lostAt).toBe(after.timeline.at(-1)!.at);
    expect(after.return?.shipment).toEqual({ trackingNumber: "00340434161094000001", carrier: "DHL" });
    expect(after.actions).toContain("close");
    expect(after.actions).not.toContain("mark_return_lost");
    expect(await shopperView(inTransit.claimId)).toMatchObject({ status: "return_lost", nextStep: "none" });

    const closed = await act(inTransit.claimId, { intent: "close", version: after.version });

    expect(closed.body).toMatchObject({ message: `Claim #${inTransit.number} closed` });
    const final = await claimPage(inTransit.claimId);
    // Nothing left to do on it; only a failed email of the claim may still be sent again.
    expect([final.status, final.actions]).toEqual(["closed", ["resend_email"]]);
    expect(await shopperView(inTransit.claimId)).toMatchObject({ status: "closed", nextStep: "none" });
  });

  it("GIVEN a denied claim WHEN the merchant closes it with a note THEN it is closed and the note is in the log", async () => {
    const denied = seeded("denied");
    const page = await claimPage(denied.claimId);
    expect(page.actions).toContain("close");

    expect((await act(denied.claimId, { intent: "close", note: "Shopper agreed", version: page.version })).status).toBe(
      200,
    );
    expect((await claimPage(denied.claimId)).timeline.at(-1)).toMatchObject({ type: "closed", note: "Shopper agreed" });
  });
});

describe("refusals", () => {
  it.each([
    [{ intent: "ship_return", trackingNumber: "   ", carrier: "DHL" }, "trackingNumber", "enter the tracking number"],
    [{ intent: "ship_return" }, "trackingNumber", "trackingNumber: "],
    [{ intent: "ship_return", trackingNumber: "1Z", carrier: "x".repeat(101) }, "carrier", "at most 100 characters"],
    [{ intent: "receive_return", note: "x".repeat(5001) }, "note", "under 5,000 characters"],
    [{ intent: "mark_return_lost", note: 42 }, "note", "note: "],
    [{ intent: "close", note: ["a"] }, "note", "note: "],
  ])(
    "GIVEN the form %j WHEN it is posted THEN it is a 400 naming the field and the claim is unchanged",
    async (form, field, said) => {
      const awaiting = seeded("awaiting_return");
      const page = await claimPage(awaiting.claimId);
      const answer = await act(awaiting.claimId, { ...form, version: page.version });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "invalid_request", field });
      expect(answer.body.error!.message).toContain(said);
      expect((await claimPage(awaiting.claimId)).version).toBe(page.version);
    },
  );

  it.each([
    ["ship_return", { trackingNumber: "1Z" }],
    ["receive_return", {}],
    ["mark_return_lost", {}],
  ])(
    "GIVEN another merchant changed the claim WHEN this merchant posts %s on the version they saw THEN it is a conflict and nothing happens twice",
    async (intent, fields) => {
      const awaiting = seeded("awaiting_return");
      const seen = await claimPage(awaiting.claimId);
      expect(
        (await act(awaiting.claimId, { intent: "ship_return", trackingNumber: "FIRST", version: seen.version })).status,
      ).toBe(200);

      const second = await act(awaiting.claimId, { intent, ...fields, version: seen.version });

      expect(second).toEqual({
        status: 409,
        body: {
          error: {
            code: "claim.changed_meanwhile",
            message: "Someone else changed this claim a moment ago. Reload it to see what changed, then try again.",
          },
        },
      });
      const after = await claimPage(awaiting.claimId);
      expect([after.status, after.version, after.return?.shipment?.trackingNumber]).toEqual([
        "return_in_transit",
        seen.version + 1,
        "FIRST",
      ]);
    },
  );

  it.each([
    [
      "submitted",
      "ship_return",
      { trackingNumber: "1Z" },
      "claim.invalid_transition",
      "This claim is not waiting for a return, so no shipment can be recorded on it. Reload the claim to see what you can do next.",
    ],
    [
      "return_received",
      "receive_return",
      {},
      "claim.invalid_transition",
      "This claim is not waiting for a return, so there is nothing to mark received. Reload the claim to see what you can do next.",
    ],
    [
      "approved",
      "receive_return",
      {},
      "claim.return_not_arrived",
      "Nothing has come back for this claim yet: request the return first, or record a return that arrived without a request. Reload the claim to see what you can do next.",
    ],
    [
      "awaiting_return",
      "record_unrequested_return",
      {},
      "claim.invalid_transition",
      "A return that arrived without a request can be recorded only before one is requested. Reload the claim to see what you can do next.",
    ],
    [
      "needs_information",
      "mark_return_lost",
      {},
      "claim.invalid_transition",
      "This claim is not waiting for a return, so it cannot be marked lost. Reload the claim to see what you can do next.",
    ],
    [
      "return_in_transit",
      "close",
      {},
      "claim.invalid_transition",
      "Only a denied, resolved or cancelled claim, or one whose return was lost, can be closed. Reload the claim to see what you can do next.",
    ],
  ])(
    "GIVEN a claim %s WHEN the merchant posts %s THEN it is a 409 saying what to do and the claim is unchanged",
    async (status, intent, fields, code, message) => {
      const claim = seeded(status);
      const page = await claimPage(claim.claimId);
      expect(page.actions).not.toContain(intent);

      const answer = await act(claim.claimId, { intent, ...fields, version: page.version });

      expect(answer).toEqual({ status: 409, body: { error: { code, message } } });
      const after = await claimPage(claim.claimId);
      expect([after.status, after.version]).toEqual([status, page.version]);
    },
  );

  it("GIVEN a return already recorded as arrived unrequested WHEN a second merchant records it again on the fresh version THEN it is a 409 saying so", async () => {
    const submitted = seeded("submitted");
    const first = await claimPage(submitted.claimId);
    await act(submitted.claimId, { intent: "record_unrequested_return", version: first.version });
    const fresh = await claimPage(submitted.claimId);

    const again = await act(submitted.claimId, { intent: "record_unrequested_return", version: fresh.version });

    expect(again).toEqual({
      status: 409,
      body: {
        error: {
          code: "claim.return_already_arrived",
          message: "This claim's return was already recorded as arrived. Reload the claim to see what you can do next.",
        },
      },
    });
  });

  it.each([
    ["ship_return", { trackingNumber: "1Z" }],
    ["receive_return", {}],
    ["record_unrequested_return", {}],
    ["mark_return_lost", {}],
    ["close", {}],
  ])(
    "GIVEN another shop's claim WHEN this shop's merchant posts %s THEN it is a 404 and their claim is unchanged",
    async (intent, fields) => {
      await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
      const theirs = await seedClaims(seedDemoStore(simulator, { shop: OTHER_SHOP, now: NOW, seed: 11 }));
      const target = theirs.find((c) => c.status === "awaiting_return")!;
      const row = await prisma.claim.findUniqueOrThrow({ where: { id: target.claimId } });

      const answer = await act(target.claimId, { intent, ...fields, version: row.version });

      expect(answer).toMatchObject({ status: 404, body: { error: { code: "claim.not_found" } } });
      const after = await prisma.claim.findUniqueOrThrow({ where: { id: target.claimId } });
      expect([after.status, after.version]).toEqual([row.status, row.version]);
    },
  );
});
