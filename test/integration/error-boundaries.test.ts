import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import prisma from "../../app/db.server";
import { loader as claimOptionsLoader } from "../../app/routes/api.claim-options";
import { loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { unauthenticated } from "../../app/shopify.server";
import { logger } from "../../app/utils/logger.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims } from "../demo/seed-claims";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { shopifyEdge, simulator } from "../simulator/network-edge";
import { shopperRequest } from "../support/customer-account-requests";
import { adminDocumentRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// Only what the person asking sent becomes their 400. A Shopify answer or a stored row that fails
// its schema is our 500: logged, worded generically, never naming our fields or files.

const NOW = new Date();
let manifest: DemoManifest;
let errorLog: MockInstance<typeof logger.error>;

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 5 });
  errorLog = vi.spyOn(logger, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

function deliveredOrder() {
  for (const customer of manifest.customers) {
    const order = customer.orders.find((o) => o.scenario === "delivered-2-days-ago");
    if (order) return { customer, order };
  }
  throw new Error("no delivered order in the demo store");
}

const claimOptions = async (query: string, customerId: string) =>
  claimOptionsLoader(routeArgs(await shopperRequest(`/api/claim-options?${query}`, customerId)));

/** What a thrown or returned Response says. */
async function answer(response: Response) {
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as { error: Record<string, string> }, text };
}

/** The error log lines written during the test, as text. */
const logged = () => JSON.stringify(errorLog.mock.calls.map((call) => call.map(String).concat(JSON.stringify(call))));

function expectOurFault(result: Awaited<ReturnType<typeof answer>>, hidden: string[]) {
  expect(result.status).toBe(500);
  expect(result.body.error.code).toBe("internal_error");
  expect(result.body.error.message).toMatch(/on our side/);
  for (const word of hidden) expect(result.text).not.toContain(word);
  expect(result.text).not.toMatch(/\.server|\.ts\b|\/app\//);
  expect(errorLog).toHaveBeenCalled();
}

describe("GIVEN request input that fails its schema", () => {
  it("WHEN the shopper asks for an order id that is not one THEN it is their 400 naming the field, and nothing is logged as our error", async () => {
    const { customer } = deliveredOrder();
    const result = await answer(await claimOptions("orderId=42", customer.id));
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: "invalid_request", field: "orderId" });
    expect(errorLog).not.toHaveBeenCalled();
  });
});

describe("GIVEN Shopify answers with something that fails its schema", () => {
  it("WHEN the shopper asks for the order's claim options THEN it is our 500 with a log line, not their 400", async () => {
    const { customer, order } = deliveredOrder();
    shopifyEdge.use(
      http.post(/^https:\/\/[a-z0-9-]+\.myshopify\.com\/admin\/api\/[^/]+\/graphql\.json$/, async ({ request }) => {
        const body = (await request.clone().json()) as { query?: string };
        if (!body.query?.includes("WarrantyDeskOrderFacts")) return undefined;
        // An order whose line items are not a connection: not what the Admin API documents.
        return HttpResponse.json({ data: { order: { id: order.id, name: order.name, lineItems: "none" } } });
      }),
    );
    const result = await answer(await claimOptions(`orderId=${encodeURIComponent(order.id)}`, customer.id));
    expectOurFault(result, ["lineItems"]);
    expect(logged()).toContain("failed its schema");
    expect(logged()).toContain("lineItems");
  });
});

describe("GIVEN a stored claim row that fails its schema", () => {
  it("WHEN the merchant opens the claim THEN it is our 500 with a log line, not a 400", async () => {
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const [seeded] = await seedDemoClaims(prisma, graphql, simulator, manifest, NOW, DEMO_CLAIM_PLANS.slice(0, 1));
    await prisma.claim.update({ where: { id: seeded!.claimId }, data: { status: "misplaced_by_a_bad_migration" } });

    let thrown: unknown;
    try {
      const request = await adminDocumentRequest(`/app/claims/${seeded!.claimId}`);
      await claimLoader({ ...routeArgs(request), params: { claimId: seeded!.claimId } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const result = await answer(thrown as Response);
    expectOurFault(result, ["status", "misplaced_by_a_bad_migration"]);
    expect(logged()).toContain("failed its schema");
  });
});
