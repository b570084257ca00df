import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { writeProductOverride, writeShopPolicyOverride } from "../../app/db/policies.server";
import type { PolicyOverride } from "../../app/domain/policy/policy-schema";
import { action as submitAction } from "../../app/routes/api.claims";
import { action as previewAction } from "../../app/routes/api.claims.preview";
import { loader as claimOptionsLoader } from "../../app/routes/api.claim-options";
import type { ClaimSubmission } from "../../app/services/shopper-claims.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { shopperRequest } from "../support/customer-account-requests";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// The resolutions a shop offers and who pays return shipping per problem, through the shopper's
// real routes: the claim options follow a product's override, a preference the policy does not
// offer is refused in the shopper's language, two products with nothing in common are refused
// with words rather than a crash, and the claim keeps the payer of its problem.

let manifest: DemoManifest;

beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 3 });
  await installTestShop();
  // No evidence asked: these tests are about resolutions, not uploads.
  await writeShopPolicyOverride(prisma, TEST_SHOP, { arrivalEvidence: [], warrantyEvidence: [] });
});

/** The order with earbuds and a lamp, delivered yesterday: two products, arrival and warranty open. */
function twoProductOrder() {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === "card-and-gift-card");
    if (!order) continue;
    const [earbuds, lamp] = simulator.store(TEST_SHOP).order(order.id)!.lineItems;
    return { customerId: customer.id, orderId: order.id, earbuds: earbuds!, lamp: lamp! };
  }
  throw new Error("no card-and-gift-card order");
}

const overrideProduct = (productId: string | null, fields: PolicyOverride) =>
  writeProductOverride(prisma, TEST_SHOP, { productId: productId!, ...fields }, null);

type Route = (args: LoaderFunctionArgs) => Promise<Response>;

async function call(route: Route, path: string, customerId: string, body?: unknown, language = "en") {
  const headers: Record<string, string> = { "Accept-Language": language };
  const init: RequestInit =
    body === undefined
      ? { headers }
      : { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const request = await shopperRequest(path, customerId, init);
  const response = await route({ request, params: {}, context: {} }).catch((thrown: Response) => thrown);
  return { status: response.status, json: await response.json() };
}

function draft(
  order: ReturnType<typeof twoProductOrder>,
  lineItemIds: string[],
  overrides: Partial<ClaimSubmission> = {},
): ClaimSubmission {
  return {
    orderId: order.orderId,
    submissionKey: randomUUID(),
    type: "arrival",
    problem: "damaged",
    description: "It arrived broken.",
    items: lineItemIds.map((lineItemId) => ({ lineItemId, quantity: 1 })),
    answers: {},
    preferredResolution: "replacement",
    uploadIds: [],
    ...overrides,
  };
}

describe("resolutions offered follow the policy, per product", () => {
  it("GIVEN the lamp's override offers only a refund on arrival WHEN the shopper opens the claim form THEN the options say so per item and for the claim type", async () => {
    const order = twoProductOrder();
    await overrideProduct(order.lamp.productId, { arrivalResolutions: ["refund"] });

    const { status, json } = await call(
      claimOptionsLoader,
      `/api/claim-options?orderId=${encodeURIComponent(order.orderId)}`,
      order.customerId,
    );

    expect(status).toBe(200);
    const byLine = Object.fromEntries(
      json.items.map((item: { lineItemId: string; arrival: { resolutions: string[] } }) => [
        item.lineItemId,
        item.arrival.resolutions,
      ]),
    );
    expect(byLine).toEqual({ [order.earbuds.id]: ["refund", "replacement"], [order.lamp.id]: ["refund"] });
    // both lines are open for arrival claims: the type offers what both offer
    expect(json.resolutionsByType).toEqual({ arrival: ["refund"], warranty: ["refund", "replacement", "repair"] });
    expect(json.resolutions).toEqual(["refund"]);
  });

  it("GIVEN the shop offers no replacement on arrival WHEN a shopper asks for one THEN the preview says why and the submission is refused in their language, nothing stored", async () => {
    const order = twoProductOrder();
    await writeShopPolicyOverride(prisma, TEST_SHOP, {
      arrivalEvidence: [],
      warrantyEvidence: [],
      arrivalResolutions: ["refund"],
    });
    const body = draft(order, [order.earbuds.id]);

    const preview = await call(previewAction, "/api/claims/preview", order.customerId, body, "de");
    expect(preview.json.preview).toMatchObject({
      eligible: false,
      reasons: [
        {
          code: "resolution_not_offered",
          message:
            "Der Shop bietet die von Ihnen gewählte Lösung für diese Artikel nicht an. Wählen Sie bitte eine andere.",
        },
      ],
    });

    const refused = await call(submitAction, "/api/claims", order.customerId, body, "de");
    expect(refused.status).toBe(400);
    expect(refused.json.error).toEqual({
      code: "claim.resolution_not_offered",
      message:
        "Der Shop bietet die von Ihnen gewählte Lösung für diese Artikel nicht an. Wählen Sie bitte eine der im Formular angebotenen Lösungen und senden Sie die Reklamation erneut.",
    });
    expect(await prisma.claim.count()).toBe(0);

    // AND a refund, which the shop offers, is filed
    const refund = await call(submitAction, "/api/claims", order.customerId, {
      ...body,
      preferredResolution: "refund",
    });
    expect(refund.status).toBe(201);
  });

  it("GIVEN the earbuds are only replaced and the lamp only refunded WHEN both are claimed together THEN the shopper is told to file them apart, not a crash; each alone is filed", async () => {
    const order = twoProductOrder();
    await overrideProduct(order.earbuds.productId, { arrivalResolutions: ["replacement"] });
    await overrideProduct(order.lamp.productId, { arrivalResolutions: ["refund"] });

    const together = draft(order, [order.earbuds.id, order.lamp.id], { preferredResolution: "refund" });
    const refused = await call(submitAction, "/api/claims", order.customerId, together, "fr");
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("claim.no_common_resolution");
    expect(refused.json.error.message).toMatch(/^Ces articles ne peuvent pas être signalés ensemble/);

    const options = await call(
      claimOptionsLoader,
      `/api/claim-options?orderId=${encodeURIComponent(order.orderId)}`,
      order.customerId,
    );
    expect(options.status).toBe(200);
    expect(options.json.resolutionsByType.arrival).toEqual([]);

    const earbuds = await call(submitAction, "/api/claims", order.customerId, draft(order, [order.earbuds.id]));
    expect(earbuds.status).toBe(201);
    const lamp = await call(
      submitAction,
      "/api/claims",
      order.customerId,
      draft(order, [order.lamp.id], { preferredResolution: "refund" }),
    );
    expect(lamp.status).toBe(201);
  });
});

describe("return shipping per problem", () => {
  it("GIVEN the shopper pays arrival returns but the shop pays for a wrong item WHEN claims are filed THEN each claim keeps its problem's payer", async () => {
    const order = twoProductOrder();
    await writeShopPolicyOverride(prisma, TEST_SHOP, {
      arrivalEvidence: [],
      arrivalReturnShippingPaidBy: "customer",
      returnShippingPaidByProblem: { wrong_item: "merchant" },
    });

    const wrong = await call(
      submitAction,
      "/api/claims",
      order.customerId,
      draft(order, [order.earbuds.id], { problem: "wrong_item" }),
    );
    const damaged = await call(
      submitAction,
      "/api/claims",
      order.customerId,
      draft(order, [order.lamp.id], { problem: "damaged" }),
    );

    expect([wrong.status, damaged.status]).toEqual([201, 201]);
    const payers = await prisma.claim.findMany({
      where: { id: { in: [wrong.json.claim.id, damaged.json.claim.id] } },
      select: { id: true, returnShippingPaidBy: true },
    });
    expect(Object.fromEntries(payers.map((p) => [p.id, p.returnShippingPaidBy]))).toEqual({
      [wrong.json.claim.id]: "merchant",
      [damaged.json.claim.id]: "customer",
    });
  });
});
