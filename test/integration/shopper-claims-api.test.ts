import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { loader as listLoader, action as submitAction } from "../../app/routes/api.claims";
import { loader as claimLoader } from "../../app/routes/api.claims.$claimId";
import { action as replyAction } from "../../app/routes/api.claims.$claimId.replies";
import { action as returnAction } from "../../app/routes/api.claims.$claimId.return-shipment";
import { action as previewAction } from "../../app/routes/api.claims.preview";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { thumbnailSignatureLifetime } from "../../app/services/evidence/signed-urls.server";
import { submitShopperClaim, type ClaimSubmission } from "../../app/services/shopper-claims.server";
import { shopperRateLimits, type ShopperRateLimits } from "../../app/services/rate-limits.server";
import type { EvidenceKind } from "../../app/domain/policy/policy-schema";
import { seedDemoStore, type DemoManifest, type ScenarioKey } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { shopperRequest } from "../support/customer-account-requests";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// The shopper's claims API with real signed customer-account tokens, for two customers of two
// shops: what a shopper files, reads and answers, and every attempt to reach someone else's
// order, claim, upload or submission key answered 404 (or 409 for a key) without a word about it.

// A small submission limit for this file (read when the app first reads its environment), so the
// limit test is quick and proves the routes take it from the environment.
vi.hoisted(() => {
  process.env.RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER = "3";
});

const OTHER_SHOP = "other-shop.myshopify.com";
let manifest: DemoManifest;

beforeEach(async () => {
  const now = new Date();
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now, seed: 3 });
  // The same seed: the other shop has the same customer, order and line ids.
  seedDemoStore(simulator, { shop: OTHER_SHOP, now, seed: 3 });
  await installTestShop();
  await installOtherShop();
});

/** The other shop's offline session, with its own access token (the simulator tells shops apart by token). */
async function installOtherShop() {
  const { sessionStorage } = await import("../../app/shopify.server");
  const session = setUpValidSession({
    shop: OTHER_SHOP,
    accessToken: "other-shop-access-token",
    expires: new Date(Date.now() + 60 * 60 * 1000),
    scope: process.env.SCOPES,
  });
  await sessionStorage.storeSession(session);
  simulator.installApp(OTHER_SHOP, {
    accessToken: "other-shop-access-token",
    scopes: (session.scope ?? "").split(","),
    expiresAt: session.expires ?? null,
  });
}

function scenario(key: ScenarioKey) {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === key);
    if (!order) continue;
    const state = simulator.store(TEST_SHOP).order(order.id)!;
    return { customerId: customer.id, orderId: order.id, lineItemId: state.lineItems[0]!.id };
  }
  throw new Error(key);
}

/** An order of another customer that can take an arrival claim today. */
function anotherShoppersOrder(ownerId: string) {
  const recent: ScenarioKey[] = ["delivered-today", "delivered-2-days-ago", "card-and-gift-card", "discounted-line"];
  for (const customer of manifest.customers.filter((c) => c.id !== ownerId)) {
    const order = customer.orders.find((o) => recent.includes(o.scenario));
    if (!order) continue;
    const state = simulator.store(TEST_SHOP).order(order.id)!;
    return { customerId: customer.id, orderId: order.id, lineItemId: state.lineItems[0]!.id };
  }
  throw new Error("no other shopper with a recent order");
}

/** A customer who does not own the scenario's order. */
function stranger(ownerId: string) {
  return manifest.customers.find((c) => c.id !== ownerId)!.id;
}

type Route = (args: LoaderFunctionArgs) => Promise<Response>;

async function call(
  route: Route,
  path: string,
  customerId: string | null,
  options: { body?: unknown; shop?: string; language?: string; params?: Record<string, string> } = {},
): Promise<{
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { error?: { code: string; message: string; field?: string } };
  text: string;
}> {
  const headers: Record<string, string> = { "Accept-Language": options.language ?? "en" };
  const init: RequestInit =
    options.body === undefined
      ? { headers }
      : {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify(options.body),
        };
  const request = await shopperRequest(path, customerId, init, { shop: options.shop });
  const response = await route({ request, params: options.params ?? {}, context: {} }).catch((t: Response) => t);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text), text };
}

/** An upload the shopper made for the order (as POST /api/uploads stores it). */
async function uploaded(shop: string, orderId: string, customerId: string, kind: EvidenceKind) {
  const id = randomUUID();
  await prisma.evidence.create({
    data: {
      id,
      shop,
      orderId,
      customerId,
      kind,
      fileName: `${kind}.jpg`,
      contentType: "image/jpeg",
      byteSize: 1234,
      sha256: "0".repeat(64),
      storageKey: `${shop}/${id}`,
      thumbnailKey: `${shop}/${id}.thumb`,
    },
  });
  return id;
}

async function arrivalEvidence(shop: string, orderId: string, customerId: string) {
  return Promise.all(
    (["issue_photo", "shipping_label_photo", "packaging_photo"] as const).map((kind) =>
      uploaded(shop, orderId, customerId, kind),
    ),
  );
}

function arrivalDraft(
  order: { orderId: string; lineItemId: string },
  uploadIds: string[],
  overrides: Partial<ClaimSubmission> = {},
): ClaimSubmission {
  return {
    orderId: order.orderId,
    submissionKey: randomUUID(),
    type: "arrival",
    problem: "damaged",
    description: "The propeller arm arrived cracked.",
    items: [{ lineItemId: order.lineItemId, quantity: 1 }],
    answers: { accidentalDamage: false },
    preferredResolution: "replacement",
    uploadIds,
    ...overrides,
  };
}

const claimPath = (id: string) => `/api/claims/${encodeURIComponent(id)}`;
const claimCount = () => prisma.claim.count();

describe("filing and following a claim", () => {
  it("GIVEN an arrival claim with three photos WHEN submitted THEN 201 with the claim page, listed on the order", async () => {
    const order = scenario("delivered-2-days-ago");
    const uploads = await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId);
    const draft = arrivalDraft(order, uploads);

    const preview = await call(previewAction, "/api/claims/preview", order.customerId, { body: draft });
    expect(preview.status).toBe(200);
    expect(preview.json.preview).toMatchObject({
      eligible: true,
      reasons: [],
      missingEvidence: [],
      suggestedType: null,
      timezone: "Europe/Berlin",
    });

    const submitted = await call(submitAction, "/api/claims", order.customerId, { body: draft });
    expect(submitted.status).toBe(201);
    const claim = submitted.json.claim as Record<string, unknown> & {
      id: string;
      evidence: { id: string; thumbnailUrl: string | null }[];
    };
    expect(claim).toMatchObject({
      type: "arrival",
      status: "submitted",
      problem: "damaged",
      description: "The propeller arm arrived cracked.",
      items: [{ lineItemId: order.lineItemId, quantity: 1 }],
      nextStep: "wait_for_reply",
      canReply: false,
      canSendTracking: false,
      returnInstructions: null,
      outcome: null,
      denial: null,
      timeline: [{ type: "submitted", actor: "customer", message: "The propeller arm arrived cracked." }],
    });
    expect(typeof claim.respondBy).toBe("string");
    expect(claim.evidence.map((e) => e.id).sort()).toEqual([...uploads].sort());
    // AND each photo's thumbnail is on a URL signed for this shopper (an <s-image> sends no token)
    for (const { id, thumbnailUrl } of claim.evidence) {
      const url = new URL(thumbnailUrl ?? "", "https://app.example");
      const signature = { expires: url.searchParams.get("expires"), signature: url.searchParams.get("signature") };
      const lifetimeFor = (customerId: string) =>
        thumbnailSignatureLifetime({ id, shop: TEST_SHOP, customerId }, signature, new Date());
      expect(url.pathname).toBe(`/api/uploads/${id}/thumbnail`);
      expect(lifetimeFor(order.customerId)).toBeGreaterThan(590);
      expect(lifetimeFor(stranger(order.customerId))).toBeNull();
    }
    const event = await prisma.claimEvent.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(JSON.parse(event.dataJson)).toMatchObject({
      problem: "damaged",
      answers: { accidentalDamage: false },
      preferredResolution: "replacement",
    });

    const list = await call(listLoader, `/api/claims?orderId=${encodeURIComponent(order.orderId)}`, order.customerId);
    expect(list.status).toBe(200);
    expect((list.json.claims as { id: string }[]).map((c) => c.id)).toEqual([claim.id]);
    const page = await call(claimLoader, claimPath(claim.id), order.customerId, { params: { claimId: claim.id } });
    // (the same but for the signatures, which may have moved on to the next minute's expiry)
    const unsigned = (detail: unknown) =>
      JSON.parse(JSON.stringify(detail).replace(/thumbnail\?expires=\d+&signature=[\w-]+/g, "thumbnail"));
    expect(unsigned(page.json.claim)).toEqual(unsigned(claim));
  });

  it("GIVEN the same submission key again THEN 200 with the same claim, and one claim exists", async () => {
    const order = scenario("delivered-2-days-ago");
    const draft = arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId));
    const first = await call(submitAction, "/api/claims", order.customerId, { body: draft });
    const again = await call(submitAction, "/api/claims", order.customerId, { body: draft });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect((again.json.claim as { id: string }).id).toBe((first.json.claim as { id: string }).id);
    expect(await claimCount()).toBe(1);
  });

  it("GIVEN 20 concurrent submissions with one key THEN one claim, every answer names it", async () => {
    const order = scenario("delivered-2-days-ago");
    const draft = arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId));
    const { unauthenticated } = await import("../../app/shopify.server");
    const { admin } = await unauthenticated.admin(TEST_SHOP);
    const wide: ShopperRateLimits = {
      ...shopperRateLimits(),
      submissions: {
        customer: { name: "submissions.customer", max: 100, windowSeconds: 3600 },
        shop: { name: "submissions.shop", max: 100, windowSeconds: 3600 },
      },
    };
    const identity = { shop: TEST_SHOP, customerId: order.customerId };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        submitShopperClaim(prisma, admin.graphql, identity, draft, new Date(), "en", { limits: wide }),
      ),
    );
    expect(new Set(results.map((r) => r.claim.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await claimCount()).toBe(1);
    expect(await prisma.evidence.count({ where: { claimId: results[0]!.claim.id } })).toBe(3);
  });

  it("GIVEN a closed arrival window THEN the preview suggests the warranty, and filing under it works", async () => {
    const order = scenario("delivered-4-days-ago");
    const uploads = await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId);
    const draft = arrivalDraft(order, uploads);
    const preview = await call(previewAction, "/api/claims/preview", order.customerId, { body: draft, language: "de" });
    expect(preview.json.preview).toMatchObject({
      eligible: false,
      suggestedType: "warranty",
      reasons: [
        {
          code: "suggest_warranty",
          message:
            "Die Frist für Probleme bei der Lieferung ist abgelaufen, aber die Garantie deckt diesen Artikel noch ab: Sie können ihn als Garantiefall melden.",
        },
      ],
      items: [
        {
          lineItemId: order.lineItemId,
          eligible: false,
          reasons: [{ code: "window_expired", message: "Die Frist, um dies zu melden, ist abgelaufen." }],
        },
      ],
    });
    const refused = await call(submitAction, "/api/claims", order.customerId, { body: draft });
    expect(refused.status).toBe(400);
    expect(refused.json.error!.code).toBe("claim.not_eligible");
    expect(await claimCount()).toBe(0);
    // the uploads stay the shopper's draft, for the warranty claim
    const warranty = await call(submitAction, "/api/claims", order.customerId, {
      body: { ...draft, submissionKey: randomUUID(), type: "warranty", problem: "fault", preferredResolution: null },
    });
    expect(warranty.status).toBe(201);
    expect(warranty.json.claim).toMatchObject({ type: "warranty", problem: "fault" });
  });

  it("GIVEN missing evidence THEN the preview lists it in the shopper's words", async () => {
    const order = scenario("delivered-2-days-ago");
    const photo = await uploaded(TEST_SHOP, order.orderId, order.customerId, "issue_photo");
    const preview = await call(previewAction, "/api/claims/preview", order.customerId, {
      // while the shopper is still typing: no description yet
      body: arrivalDraft(order, [photo], { preferredResolution: null, description: "" }),
      language: "fr",
    });
    expect(preview.json.preview).toMatchObject({
      eligible: false,
      reasons: [
        { code: "missing_evidence", message: "Il manque encore des photos ou une vidéo." },
        { code: "missing_preference", message: "Indiquez si vous souhaitez un remboursement ou un remplacement." },
      ],
      missingEvidence: [
        { kind: "shipping_label_photo", message: "Ajoutez une photo de l'étiquette d'expédition." },
        { kind: "packaging_photo", message: "Ajoutez une photo de l'emballage." },
      ],
    });
  });

  it("GIVEN a merchant's question THEN the shopper replies with another photo; a reply at another time is refused", async () => {
    const order = scenario("delivered-2-days-ago");
    const submitted = await call(submitAction, "/api/claims", order.customerId, {
      body: arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId)),
    });
    const claimId = (submitted.json.claim as { id: string }).id;
    const early = await call(replyAction, `${claimPath(claimId)}/replies`, order.customerId, {
      body: { message: "Here", uploadIds: [] },
      params: { claimId },
    });
    expect(early.status).toBe(409);
    expect(early.json.error!.code).toBe("claim.not_awaiting_reply");

    await runClaimCommand(
      prisma,
      TEST_SHOP,
      claimId,
      { type: "request_information", question: "Can you show the underside?" },
      { type: "merchant", id: "staff-1" },
      new Date(),
    );
    const waiting = await call(claimLoader, claimPath(claimId), order.customerId, { params: { claimId } });
    expect(waiting.json.claim).toMatchObject({
      status: "needs_information",
      nextStep: "reply_to_merchant",
      canReply: true,
    });

    const photo = await uploaded(TEST_SHOP, order.orderId, order.customerId, "issue_video");
    const reply = await call(replyAction, `${claimPath(claimId)}/replies`, order.customerId, {
      body: { message: "Here is a video of it.", uploadIds: [photo] },
      params: { claimId },
    });
    expect(reply.status).toBe(200);
    const claim = reply.json.claim as { status: string; timeline: unknown[]; evidence: { id: string }[] };
    expect(claim.status).toBe("submitted");
    expect(claim.timeline.slice(1)).toMatchObject([
      { type: "information_requested", actor: "merchant", message: "Can you show the underside?" },
      { type: "information_provided", actor: "customer", message: "Here is a video of it." },
    ]);
    expect(claim.evidence.map((e) => e.id)).toContain(photo);
  });

  it("GIVEN an approved claim awaiting its return THEN instructions name the warehouse; the shopper sends tracking", async () => {
    const order = scenario("delivered-2-days-ago");
    const submitted = await call(submitAction, "/api/claims", order.customerId, {
      body: arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId)),
    });
    const claimId = (submitted.json.claim as { id: string }).id;
    const merchant = { type: "merchant" as const, id: "staff-1" };
    for (const command of [
      {
        type: "decide_item" as const,
        lineItemId: order.lineItemId,
        decision: { kind: "approve" as const, resolution: "replacement" as const },
      },
      { type: "finalize_decision" as const },
      { type: "request_return" as const },
    ]) {
      await runClaimCommand(prisma, TEST_SHOP, claimId, command, merchant, new Date());
    }
    const page = await call(claimLoader, claimPath(claimId), order.customerId, { params: { claimId } });
    const claim = page.json.claim as {
      returnInstructions: { destinations: { locationName: string; address: string[] }[] };
    };
    expect(page.json.claim).toMatchObject({
      status: "awaiting_return",
      nextStep: "send_return",
      canSendTracking: true,
    });
    expect(claim.returnInstructions).toMatchObject({ trackedShippingAdvised: true, shippingPaidBy: "merchant" });
    const [destination] = claim.returnInstructions.destinations;
    expect(manifest.locations.map((l) => l.name)).toContain(destination!.locationName);
    expect(destination!.address.length).toBeGreaterThan(1);
    // timeline: the draft item decision is the merchant's, not shown
    expect((page.json.claim as { timeline: { type: string }[] }).timeline.map((e) => e.type)).toEqual([
      "submitted",
      "claim_decided",
      "return_requested",
    ]);

    const shipped = await call(returnAction, `${claimPath(claimId)}/return-shipment`, order.customerId, {
      body: { carrier: "DHL", trackingNumber: "00340434161094042557" },
      params: { claimId },
    });
    expect(shipped.status).toBe(200);
    expect(shipped.json.claim).toMatchObject({
      status: "return_in_transit",
      nextStep: "wait_for_inspection",
      returnShipment: { carrier: "DHL", trackingNumber: "00340434161094042557" },
    });
    const twice = await call(returnAction, `${claimPath(claimId)}/return-shipment`, order.customerId, {
      body: { carrier: "DHL", trackingNumber: "1" },
      params: { claimId },
    });
    expect([twice.status, twice.json.error!.code]).toEqual([409, "claim.not_awaiting_return"]);
  });

  it("GIVEN a denied claim THEN the denial cites the guarantee's clause in plain words", async () => {
    const order = scenario("delivered-2-days-ago");
    const submitted = await call(submitAction, "/api/claims", order.customerId, {
      body: arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId)),
    });
    const claimId = (submitted.json.claim as { id: string }).id;
    const merchant = { type: "merchant" as const, id: "staff-1" };
    await runClaimCommand(
      prisma,
      TEST_SHOP,
      claimId,
      { type: "decide_item", lineItemId: order.lineItemId, decision: { kind: "deny", reason: "body_opened" } },
      merchant,
      new Date(),
    );
    const drafted = await call(claimLoader, claimPath(claimId), order.customerId, { params: { claimId } });
    expect(drafted.json.claim).toMatchObject({ denial: null });
    await runClaimCommand(prisma, TEST_SHOP, claimId, { type: "finalize_decision" }, merchant, new Date());
    const page = await call(claimLoader, claimPath(claimId), order.customerId, { params: { claimId }, language: "es" });
    expect(page.json.claim).toMatchObject({
      status: "denied",
      nextStep: "none",
      denial: {
        items: [
          {
            lineItemId: order.lineItemId,
            reason: "body_opened",
            clause: "La garantía no cubre un producto cuya carcasa se abrió para intentar repararlo.",
            note: null,
          },
        ],
      },
    });
  });
});

describe("nobody reaches another shopper's or another shop's claims", () => {
  async function filedClaim() {
    const order = scenario("delivered-2-days-ago");
    const draft = arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId));
    const submitted = await call(submitAction, "/api/claims", order.customerId, { body: draft });
    expect(submitted.status).toBe(201);
    return { order, draft, claimId: (submitted.json.claim as { id: string }).id };
  }

  const NOT_FOUND_ORDER = { code: "order.not_found", message: "We could not find this order in your account." };
  const NOT_FOUND_CLAIM = { code: "claim.not_found", message: "We could not find this claim in your account." };

  it("GIVEN another customer's order THEN list, preview and submit answer 404 and nothing is created", async () => {
    const { order, draft, claimId } = await filedClaim();
    const other = stranger(order.customerId);
    const list = await call(listLoader, `/api/claims?orderId=${encodeURIComponent(order.orderId)}`, other);
    const preview = await call(previewAction, "/api/claims/preview", other, { body: draft });
    const submit = await call(submitAction, "/api/claims", other, { body: { ...draft, submissionKey: randomUUID() } });
    for (const answer of [list, preview, submit]) {
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ error: NOT_FOUND_ORDER });
      expect(answer.text).not.toContain(claimId);
    }
    expect(await claimCount()).toBe(1);
  });

  it("GIVEN another customer's claim THEN reading, replying and sending tracking answer 404 and change nothing", async () => {
    const { order, claimId } = await filedClaim();
    const other = stranger(order.customerId);
    const params = { claimId };
    const answers = [
      await call(claimLoader, claimPath(claimId), other, { params }),
      await call(replyAction, `${claimPath(claimId)}/replies`, other, {
        body: { message: "mine", uploadIds: [] },
        params,
      }),
      await call(returnAction, `${claimPath(claimId)}/return-shipment`, other, {
        body: { carrier: null, trackingNumber: "X1" },
        params,
      }),
      // an id that exists nowhere answers exactly the same
      await call(claimLoader, claimPath("no-such-claim"), order.customerId, { params: { claimId: "no-such-claim" } }),
    ];
    for (const answer of answers) expect([answer.status, answer.json]).toEqual([404, { error: NOT_FOUND_CLAIM }]);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).version).toBe(1);
  });

  it("GIVEN another customer's uploads THEN a submission naming them is refused and they stay theirs", async () => {
    const owner = scenario("delivered-2-days-ago");
    const theirs = await arrivalEvidence(TEST_SHOP, owner.orderId, owner.customerId);
    const mine = anotherShoppersOrder(owner.customerId);
    const attempt = await call(submitAction, "/api/claims", mine.customerId, { body: arrivalDraft(mine, theirs) });
    expect(attempt.status).toBe(404);
    expect(attempt.json.error!.code).toBe("upload.not_found");
    expect(await claimCount()).toBe(0);
    expect(await prisma.evidence.count({ where: { id: { in: theirs }, claimId: null } })).toBe(3);
    const preview = await call(previewAction, "/api/claims/preview", mine.customerId, {
      body: arrivalDraft(mine, theirs),
    });
    expect(preview.json.error!.code).toBe("upload.not_found");
  });

  it("GIVEN another customer's submission key THEN 409, never their claim", async () => {
    const { draft, claimId, order } = await filedClaim();
    const mine = anotherShoppersOrder(order.customerId);
    const reuse = await call(submitAction, "/api/claims", mine.customerId, {
      body: arrivalDraft(mine, await arrivalEvidence(TEST_SHOP, mine.orderId, mine.customerId), {
        submissionKey: draft.submissionKey,
      }),
    });
    expect(reuse.status).toBe(409);
    expect(reuse.json.error!.code).toBe("claim.submission_key_taken");
    expect(reuse.text).not.toContain(claimId);
    expect(await claimCount()).toBe(1);
  });

  it("GIVEN the same customer and order ids in another shop THEN that shop's token sees none of this shop's claims", async () => {
    const { order, claimId } = await filedClaim();
    const options = { shop: OTHER_SHOP, params: { claimId } };
    const page = await call(claimLoader, claimPath(claimId), order.customerId, options);
    expect([page.status, page.json]).toEqual([404, { error: NOT_FOUND_CLAIM }]);
    const list = await call(listLoader, `/api/claims?orderId=${encodeURIComponent(order.orderId)}`, order.customerId, {
      shop: OTHER_SHOP,
    });
    expect([list.status, list.json]).toEqual([200, { claims: [] }]);
    const reply = await call(replyAction, `${claimPath(claimId)}/replies`, order.customerId, {
      ...options,
      body: { message: "hi", uploadIds: [] },
    });
    expect(reply.status).toBe(404);
  });

  it("GIVEN a shopper who is not logged in THEN 403 asking to log in, in their language", async () => {
    const { claimId } = await filedClaim();
    const page = await call(claimLoader, claimPath(claimId), null, { params: { claimId }, language: "de" });
    expect([page.status, page.json]).toEqual([
      403,
      {
        error: {
          code: "customer.not_logged_in",
          message: "Melden Sie sich in Ihrem Konto an, um Probleme mit einer Bestellung zu sehen oder zu melden.",
        },
      },
    ]);
  });
});

describe("bad input and limits", () => {
  it("GIVEN a form without a description THEN 400 naming the field in the shopper's language", async () => {
    const order = scenario("delivered-2-days-ago");
    const { description: _omitted, ...draft } = arrivalDraft(order, []);
    const answer = await call(submitAction, "/api/claims", order.customerId, { body: draft, language: "de" });
    expect([answer.status, answer.json]).toEqual([
      400,
      {
        error: {
          code: "invalid_request",
          field: "description",
          message: "Bitte prüfen Sie die Beschreibung: das ist ein Pflichtfeld.",
        },
      },
    ]);
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("GIVEN a shopper over the submission limit THEN 429 with Retry-After", async () => {
    const order = scenario("delivered-2-days-ago");
    const draft = arrivalDraft(order, await arrivalEvidence(TEST_SHOP, order.orderId, order.customerId));
    const max = shopperRateLimits().submissions.customer.max;
    expect(max).toBe(3); // RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER, set for this file
    const statuses: number[] = [];
    for (let i = 0; i < max; i++) {
      statuses.push((await call(submitAction, "/api/claims", order.customerId, { body: draft })).status);
    }
    expect(statuses).toEqual([201, ...Array.from({ length: max - 1 }, () => 200)]);
    const refused = await call(submitAction, "/api/claims", order.customerId, { body: draft, language: "es" });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.json.error).toEqual({
      code: "rate_limited",
      message: "Has hecho esto demasiadas veces en poco tiempo. Inténtalo de nuevo dentro de 60 min.",
    });
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});
