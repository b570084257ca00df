import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as homeLoader } from "../../app/routes/app._index";
import { loader as inboxLoader } from "../../app/routes/app.claims._index";
import type { ClaimInbox } from "../../app/services/claim-inbox.server";
import { submitClaim } from "../../app/services/submit-claim.server";
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

// The claims inbox, through its real loader with Shopify's session token: tabs, search, sort,
// cursor pagination, the shop's own claims only, and bad URL params as the caller's 400.
// Claims are made by the app's services on the simulated store (test/demo/seed-claims.ts).

const OTHER_SHOP = "other-shop.myshopify.com";
const NOW = new Date();
let claims: SeededDemoClaim[];
let manifest: DemoManifest;

async function seedShop(shop: string) {
  const manifest = seedDemoStore(simulator, { shop, now: NOW, seed: 11 });
  return seedClaims(manifest, DEMO_CLAIM_PLANS);
}

async function seedClaims(manifest: DemoManifest, plans: typeof DEMO_CLAIM_PLANS) {
  const graphql = (await unauthenticated.admin(manifest.shop)).admin.graphql;
  return seedDemoClaims(prisma, graphql, simulator, manifest, NOW, plans);
}

async function inbox(query: string): Promise<ClaimInbox> {
  return (await inboxLoader(routeArgs(await adminDataRequest(`/app/claims${query}`)))) as ClaimInbox;
}

async function refused(query: string): Promise<{ status: number; message: string }> {
  try {
    await inboxLoader(routeArgs(await adminDataRequest(`/app/claims${query}`)));
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    const body = (await thrown.json()) as { error: { message: string } };
    return { status: thrown.status, message: body.error.message };
  }
  throw new Error(`the inbox answered ${query}`);
}

const numberOf = (status: string) => claims.filter((c) => c.status === status).map((c) => c.number);

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  claims = await seedClaims(manifest, DEMO_CLAIM_PLANS);
});

describe("the claims inbox", () => {
  it("GIVEN claims in every step WHEN each tab opens THEN it lists exactly its statuses, and the tabs count them", async () => {
    const statuses = async (tab: string) => (await inbox(`?tab=${tab}`)).rows.map((r) => r.number).sort();
    expect(await statuses("needs_response")).toEqual(
      [...numberOf("submitted"), ...numberOf("approved"), ...numberOf("return_lost")].sort(),
    );
    expect(await statuses("waiting_on_shopper")).toEqual(numberOf("needs_information"));
    expect(await statuses("awaiting_return")).toEqual(
      [...numberOf("awaiting_return"), ...numberOf("return_in_transit")].sort(),
    );
    expect(await statuses("to_inspect")).toEqual([...numberOf("return_received"), ...numberOf("inspected")].sort());
    expect(await statuses("resolved")).toEqual(
      [...numberOf("resolved"), ...numberOf("denied"), ...numberOf("cancelled"), ...numberOf("closed")].sort(),
    );
    expect(await statuses("all")).toEqual(claims.map((c) => c.number).sort());
    expect((await inbox("")).counts).toEqual({
      needs_response: 5,
      waiting_on_shopper: 1,
      awaiting_return: 2,
      to_inspect: 2,
      resolved: 4,
      all: 14,
    });
  });

  it("GIVEN the default tab WHEN it opens THEN the soonest due comes first, with the clock as a badge and each row's facts", async () => {
    const { tab, rows } = await inbox("");
    expect(tab).toBe("needs_response");
    // Submitted 51 h, 44 h and 1 h ago with 48 hours to respond; the approved claim has answered,
    // and the lost return has no clock: those two come last (between them, in the order of their ids).
    expect(rows.slice(0, 3).map((r) => [r.status, r.clock])).toEqual([
      ["submitted", { label: "overdue by 3 h", tone: "critical" }],
      ["submitted", { label: "due in 3 h", tone: "warning" }],
      ["submitted", { label: "due in 46 h", tone: "info" }],
    ]);
    expect(
      rows
        .slice(3)
        .map((r) => [r.status, r.clock])
        .sort(),
    ).toEqual([
      ["approved", null],
      ["return_lost", null],
    ]);
    expect(rows.slice(3).map((r) => r.id)).toEqual(
      rows
        .slice(3)
        .map((r) => r.id)
        .sort(),
    );
    const overdue = claims[2]!;
    expect(rows[0]).toEqual({
      id: overdue.claimId,
      number: overdue.number,
      orderName: overdue.orderName,
      customerName: overdue.customerName,
      type: "arrival",
      status: "submitted",
      items: "Nimbus Power Bank 20000",
      // One power bank at EUR 59.90, what the shopper paid.
      value: { amount: "59.90", currencyCode: "EUR" },
      clock: { label: "overdue by 3 h", tone: "critical" },
    });
    expect((await inbox("?tab=waiting_on_shopper")).rows[0]?.clock).toEqual({ label: "paused", tone: "paused" });
  });

  it("GIVEN a claim on 2 of 3 discounted units WHEN the inbox lists it THEN its value is the price paid per unit × the claimed units in the order's currency", async () => {
    const store = simulator.store(TEST_SHOP);
    const customer = manifest.customers[0]!;
    const lamp = store.state.products.find((p) => p.title === "Aurora Desk Lamp")!;
    const variant = store.state.variants.find((v) => v.productId === lamp.id)!;
    const deliveredAt = new Date(NOW.getTime() - 6 * 60 * 60 * 1000);
    const shippedAt = new Date(deliveredAt.getTime() - 48 * 60 * 60 * 1000);
    // 3 lamps at EUR 79.50 with EUR 9.00 off the line: EUR 76.50 paid per lamp.
    const order = store.addOrder({
      createdAt: new Date(shippedAt.getTime() - 24 * 60 * 60 * 1000),
      customerId: customer.id,
      lines: [{ variantId: variant.id, quantity: 3, discount: { amount: 900, title: "Three for less" } }],
      fulfillments: [{ lines: [{ index: 0 }], createdAt: shippedAt, deliveredAt, deliveredEventAt: deliveredAt }],
    });
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const { claim } = await submitClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, customerId: customer.id, orderId: order.id },
      {
        claim: {
          type: "arrival",
          items: [{ lineItemId: order.lineItems[0]!.id, quantity: 2 }],
          evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
          preferredResolution: "refund",
        },
        problem: "damaged",
        note: "Two of the three lamps arrived cracked.",
      },
      NOW,
    );
    const row = (await inbox(`?tab=all&q=${encodeURIComponent(order.name)}`)).rows.find((r) => r.id === claim.state.id);
    expect(row?.value).toEqual({ amount: "153.00", currencyCode: "EUR" });
  });

  it("GIVEN a claim filed before values were kept WHEN the inbox lists it THEN it has no value (the screen shows —)", async () => {
    const older = claims[0]!;
    await prisma.claim.update({
      where: { id: older.claimId },
      data: { claimedValueAmount: null, claimedValueCurrency: null },
    });
    const rows = (await inbox("?tab=all")).rows;
    expect(rows.find((r) => r.id === older.claimId)?.value).toBeNull();
    expect(rows.filter((r) => r.id !== older.claimId).every((r) => r.value !== null)).toBe(true);
  });

  it("GIVEN the claims WHEN the merchant searches THEN claim number, order name, customer name and product title each find theirs", async () => {
    const found = async (q: string) =>
      (await inbox(`?tab=all&q=${encodeURIComponent(q)}`)).rows.map((r) => r.number).sort();
    const one = claims[4]!;
    expect(await found(`#${one.number}`)).toEqual([one.number]);
    expect(await found(String(one.number))).toEqual([one.number]);
    expect(await found(one.orderName)).toEqual([one.number]);
    const customer = one.customerName.split(" ")[1]!.toLowerCase();
    expect(await found(customer)).toEqual(
      claims.filter((c) => c.customerName === one.customerName).map((c) => c.number),
    );
    expect(await found("water BOTTLE")).toEqual(
      claims.filter((c) => c.productTitle === "Trail Water Bottle").map((c) => c.number),
    );
    expect(await found("no such thing")).toEqual([]);
    // Search stays inside the tab.
    expect((await inbox(`?tab=to_inspect&q=${encodeURIComponent("water bottle")}`)).rows).toEqual([]);
  });

  it("GIVEN the claims WHEN sorted by last activity THEN the most recently changed come first", async () => {
    const { rows } = await inbox("?tab=all&sort=updated");
    const expected = await prisma.claim.findMany({
      where: { shop: TEST_SHOP },
      orderBy: [{ lastEventAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(rows.map((r) => r.id)).toEqual(expected.map((c) => c.id));
  });

  it("GIVEN more claims than a page, many due at the same instant, WHEN the merchant pages forward and back THEN each claim appears exactly once", async () => {
    // 30 more: submitted in three batches at the same instants (ties in respondBy), some answered.
    const tied = Array.from({ length: 30 }, (_, i) =>
      i % 5 === 0 ? DEMO_CLAIM_PLANS[4]! : { ...DEMO_CLAIM_PLANS[0]!, submittedHoursAgo: 1 + (i % 3) },
    );
    await seedClaims(manifest, tied);
    const everyId = (await prisma.claim.findMany({ where: { shop: TEST_SHOP }, select: { id: true } })).map(
      (c) => c.id,
    );
    expect(everyId).toHaveLength(44);
    for (const sort of ["due", "updated"]) {
      const pages: string[][] = [];
      let page = await inbox(`?tab=all&sort=${sort}`);
      pages.push(page.rows.map((r) => r.id));
      while (page.next) {
        page = await inbox(`?tab=all&sort=${sort}&after=${page.next}`);
        pages.push(page.rows.map((r) => r.id));
      }
      expect(pages.map((p) => p.length)).toEqual([25, 19]);
      expect(pages.flat().sort()).toEqual([...everyId].sort());
      // Back from the last page: the first page again, in the same order.
      const back = await inbox(`?tab=all&sort=${sort}&before=${page.previous}`);
      expect(back.rows.map((r) => r.id)).toEqual(pages[0]);
      expect(back.previous).toBeNull();
    }
  });

  it("GIVEN another shop's claims WHEN this shop's merchant opens or searches the inbox THEN none of them appear or count", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    const theirs = await seedShop(OTHER_SHOP);
    const all = await inbox("?tab=all");
    expect(all.rows.map((r) => r.id).sort()).toEqual(claims.map((c) => c.claimId).sort());
    expect(all.counts.all).toBe(14);
    // Both stores were seeded alike: an order name finds this shop's claim only.
    // (The name's digits may also be one of this shop's claim numbers, which the search finds too.)
    const searched = await inbox(`?tab=all&q=${encodeURIComponent(theirs[0]!.orderName)}`);
    const digits = theirs[0]!.orderName.replace(/\D/g, "");
    expect(searched.rows.map((r) => r.id).sort()).toEqual(
      claims
        .filter((c) => c.orderName === theirs[0]!.orderName || String(c.number) === digits)
        .map((c) => c.claimId)
        .sort(),
    );
    expect(searched.rows.map((r) => r.id)).toContain(claims[0]!.claimId);
    expect(theirs.map((c) => c.claimId)).not.toContain(claims[0]!.claimId);
  });

  it.each([
    ["?tab=inbox", "tab: "],
    ["?sort=price", "sort: "],
    ["?after=not-a-cursor", "after: is not a page cursor"],
    [`?q=${"x".repeat(101)}`, "q: search for at most 100 characters"],
    [`?after=${Buffer.from('{"key":null,"id":"a"}').toString("base64url")}&before=x`, "before: "],
  ])("GIVEN the URL %s WHEN the inbox loads THEN it answers 400 naming the field", async (query, message) => {
    const { status, message: said } = await refused(query);
    expect(status).toBe(400);
    expect(said).toContain(message);
  });
});

describe("the app's home", () => {
  it("GIVEN the admin opens /app WHEN it loads THEN it lands on the claims inbox with Shopify's params", async () => {
    const request = await adminDocumentRequest("/app");
    const response = (await homeLoader(routeArgs(request))) as Response;
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, request.url);
    expect(location.pathname).toBe("/app/claims");
    expect(location.search).toBe(new URL(request.url).search);
  });
});
