import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import * as numbersDb from "../../app/db/claim-numbers.server";
import { recordDeliveryFacts, recordFulfillmentEvent } from "../../app/db/delivery-facts.server";
import { loader as numbersLoader } from "../../app/routes/app.numbers";
import { loader as exportLoader } from "../../app/routes/app.numbers.export[.]csv";
import type { ClaimNumbersView } from "../../app/services/claim-numbers.server";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims, type SeededDemoClaim } from "../demo/seed-claims";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The numbers dashboard and the claims export through their real loaders (Shopify's session token,
// the store simulator, a real database): four claims made by the app's services and delivery
// records written by the app's own recorder, so every figure below is worked out by hand.

// Wrapped (calling through), so a test can count the pages the export reads.
vi.mock("../../app/db/claim-numbers.server", async (importOriginal) => {
  const original = await importOriginal<typeof numbersDb>();
  return { ...original, listPeriodClaims: vi.fn(original.listPeriodClaims) };
});

const OTHER_SHOP = "other-shop.myshopify.com";
// Tuesday 10 March 2026, 13:00 in Berlin (the demo shop's timezone, UTC+1 in March).
const NOW = new Date("2026-03-10T12:00:00Z");
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

// From test/demo/seed-claims.ts, by their final status: hours ago when submitted, and the merchant's
// responses (hours after submission).
const plan = (status: string, type: string, product: string) =>
  DEMO_CLAIM_PLANS.find((p) => p.status === status && p.type === type && p.product === product)!;
const PLANS = [
  // A: lamp, arrival, submitted 1 h ago (10 Mar 11:00 UTC), never answered: overdue by now.
  plan("submitted", "arrival", "lamp"),
  // B: lamp, warranty, 100 h ago (6 Mar 08:00 UTC), decided after 2 + 1 = 3 h, refunded €79.50.
  plan("resolved", "warranty", "lamp"),
  // C: bottle, warranty, 50 h ago (8 Mar 10:00 UTC), denied after 5 + 1 = 6 h.
  plan("denied", "warranty", "bottle"),
  // D: lamp, arrival, 20 h ago (9 Mar 16:00 UTC), a question after 3 h; waits on the shopper.
  plan("needs_information", "arrival", "lamp"),
];

let manifest: DemoManifest;
let claims: SeededDemoClaim[];
let berlin: string;
let shenzhen: string;

async function seedShop(shop: string) {
  const seeded = seedDemoStore(simulator, { shop, now: NOW, seed: 11 });
  const graphql = (await unauthenticated.admin(shop)).admin.graphql;
  return { manifest: seeded, claims: await seedDemoClaims(prisma, graphql, simulator, seeded, NOW, PLANS) };
}

let nextFulfillment = 1;
function fact(
  shop: string,
  productId: string,
  locationId: string,
  quantity: number,
  times: { fulfilledAt: string; deliveredAt?: string },
  line?: { orderId: string; lineItemId: string },
) {
  const n = nextFulfillment++;
  return {
    shop,
    orderId: line?.orderId ?? `gid://shopify/Order/9${n}`,
    fulfillmentId: `gid://shopify/Fulfillment/9${n}`,
    lineItemId: line?.lineItemId ?? `gid://shopify/LineItem/9${n}`,
    productId,
    variantId: null,
    customerId: null,
    quantity,
    fulfilledAt: at(times.fulfilledAt),
    deliveredAt: times.deliveredAt ? at(times.deliveredAt) : null,
    estimatedDeliveryAt: null,
    locationId,
    sourceUpdatedAt: at(times.fulfilledAt),
  };
}

/**
 * The delivery records, by hand. In the period 1–10 March (Berlin: 28 Feb 23:00 UTC to 10 Mar
 * 22:59:59.999 UTC): lamp 1 + 1 + 8 + 2 = 12, bottle 5 + 6 + 1 = 12 (Berlin), power bank 4
 * (Shenzhen): 28 units.
 */
async function recordDeliveries(shop: string, seededClaims: SeededDemoClaim[]) {
  const product = (title: string) => manifest.products.find((p) => p.title === title)!.id;
  const lamp = product("Aurora Desk Lamp");
  const bottle = product("Trail Water Bottle");
  const powerBank = product("Nimbus Power Bank 20000");
  const lineOf = async (claim: SeededDemoClaim) => {
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId }, include: { items: true } });
    return { orderId: row.orderId, lineItemId: row.items[0]!.lineItemId };
  };
  const [a, b, c, d] = seededClaims as [SeededDemoClaim, SeededDemoClaim, SeededDemoClaim, SeededDemoClaim];
  const cLine = await lineOf(c);
  const facts = [
    // The claims' own lines. A: delivered 10 Mar 05:00 UTC (in); D: 9 Mar 10:00 (in).
    fact(
      shop,
      lamp,
      berlin,
      1,
      { fulfilledAt: "2026-03-08T05:00:00Z", deliveredAt: "2026-03-10T05:00:00Z" },
      await lineOf(a),
    ),
    fact(
      shop,
      lamp,
      berlin,
      1,
      { fulfilledAt: "2026-03-07T10:00:00Z", deliveredAt: "2026-03-09T10:00:00Z" },
      await lineOf(d),
    ),
    // B: delivered 4 Feb 08:00 UTC, 30 days before its report (out of the period).
    fact(
      shop,
      lamp,
      berlin,
      1,
      { fulfilledAt: "2026-02-02T08:00:00Z", deliveredAt: "2026-02-04T08:00:00Z" },
      await lineOf(b),
    ),
    // C: no date on the line; its tracking says 22 Jan 10:00 UTC, 45 days before its report (below).
    fact(shop, bottle, berlin, 1, { fulfilledAt: "2026-01-20T10:00:00Z" }, cLine),
    // Other orders.
    fact(shop, lamp, berlin, 8, { fulfilledAt: "2026-03-03T09:00:00Z", deliveredAt: "2026-03-05T09:00:00Z" }),
    fact(shop, bottle, berlin, 5, { fulfilledAt: "2026-02-28T09:00:00Z", deliveredAt: "2026-03-02T09:00:00Z" }),
    fact(shop, powerBank, shenzhen, 4, { fulfilledAt: "2026-02-26T09:00:00Z", deliveredAt: "2026-03-08T09:00:00Z" }),
    // Delivered 20 Feb: out.
    fact(shop, lamp, berlin, 3, { fulfilledAt: "2026-02-18T09:00:00Z", deliveredAt: "2026-02-20T09:00:00Z" }),
    // Shipped 9 Mar without tracking: counts on the day it shipped (in).
    fact(shop, lamp, berlin, 2, { fulfilledAt: "2026-03-09T09:00:00Z" }),
    // 28 Feb 23:30 UTC is 00:30 on 1 March in Berlin: in (it would be out in UTC).
    fact(shop, bottle, berlin, 1, { fulfilledAt: "2026-02-27T09:00:00Z", deliveredAt: "2026-02-28T23:30:00Z" }),
    // 10 Mar 23:30 UTC is 00:30 on 11 March in Berlin: out (it would be in in UTC).
    fact(shop, lamp, berlin, 7, { fulfilledAt: "2026-03-09T09:00:00Z", deliveredAt: "2026-03-10T23:30:00Z" }),
  ];
  // Shipped 25 Feb; the line has no date, its tracking says delivered 2 March: in.
  const tracked = fact(shop, bottle, berlin, 6, { fulfilledAt: "2026-02-25T09:00:00Z" });
  await recordDeliveryFacts(prisma, [...facts, tracked]);
  for (const [f, happenedAt] of [
    [tracked, "2026-03-02T12:00:00Z"],
    [facts[3]!, "2026-01-22T10:00:00Z"],
  ] as const) {
    await recordFulfillmentEvent(prisma, {
      shop,
      orderId: f.orderId,
      fulfillmentId: f.fulfillmentId,
      status: "delivered",
      happenedAt: at(happenedAt),
      estimatedDeliveryAt: null,
    });
  }
}

async function numbers(query: string, shop = TEST_SHOP): Promise<ClaimNumbersView> {
  return (await numbersLoader(
    routeArgs(await adminDataRequest(`/app/numbers${query}`, undefined, shop)),
  )) as ClaimNumbersView;
}

async function refused(query: string): Promise<{ status: number; field: string; message: string }> {
  try {
    await numbersLoader(routeArgs(await adminDataRequest(`/app/numbers${query}`)));
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    const body = (await thrown.json()) as { error: { message: string; field: string } };
    return { status: thrown.status, field: body.error.field, message: body.error.message };
  }
  throw new Error(`the dashboard answered ${query}`);
}

async function csv(query: string): Promise<Response> {
  return (await exportLoader(routeArgs(await adminDataRequest(`/app/numbers/export.csv${query}`)))) as Response;
}

const MARCH = "?from=2026-03-01&to=2026-03-10";

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  ({ manifest, claims } = await seedShop(TEST_SHOP));
  berlin = manifest.locations.find((l) => l.name === "Berlin Warehouse")!.id;
  shenzhen = manifest.locations.find((l) => l.name === "Shenzhen Fulfilment Centre")!.id;
  await recordDeliveries(TEST_SHOP, claims);
  vi.mocked(numbersDb.listPeriodClaims).mockClear();
});

describe("the numbers dashboard", () => {
  it("GIVEN four claims and the delivery records WHEN 1–10 March is shown THEN every figure is the hand-worked one", async () => {
    const view = await numbers(MARCH);
    expect(view.period).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(view.timeZone).toBe("Europe/Berlin");
    expect(view.warehouses.map((w) => w.name)).toEqual(["Berlin Warehouse", "Shenzhen Fulfilment Centre"]);
    const { report } = view;
    expect(report.claims).toBe(4);
    // B resolved and C denied are finished.
    expect(report.openByStatus).toEqual({ submitted: 1, needs_information: 1 });
    // Responses: B 3 h, C 6 h, D 3 h; A overdue (48 h promise, unanswered): 3 of 4 within.
    // p50 = 2nd of [3, 3, 6] = 3 h, p90 = 3rd = 6 h.
    expect(report.response).toEqual({
      answered: 3,
      p50Ms: 3 * HOUR,
      p90Ms: 6 * HOUR,
      withinPromise: { numerator: 3, denominator: 4 },
    });
    expect(report.unitsDelivered).toBe(28);
    // A and D: 2 arrival units of 28 delivered.
    expect(report.arrivalProblemRate).toEqual({ numerator: 2, denominator: 28 });
    expect(report.refunded).toEqual({ EUR: 7950 });
    expect(report.products.map((p) => ({ ...p, productId: undefined }))).toEqual([
      {
        productId: undefined,
        title: "Aurora Desk Lamp",
        unitsDelivered: 12,
        claims: 3,
        unitsClaimed: 3,
        arrivalUnits: 2,
        warrantyUnits: 1,
        refunded: { EUR: 7950 },
      },
      {
        productId: undefined,
        title: "Trail Water Bottle",
        unitsDelivered: 12,
        claims: 1,
        unitsClaimed: 1,
        arrivalUnits: 0,
        warrantyUnits: 1,
        refunded: {},
      },
    ]);
    // B: 4 Feb -> 6 Mar = 30 days; C: 22 Jan (its tracking) -> 8 Mar = 45 days.
    expect(report.daysToFailure).toMatchObject({ count: 2, unknown: 0, medianDays: 30, p90Days: 45 });
    expect(report.daysToFailure.buckets.map((b) => b.count)).toEqual([1, 1, 0, 0, 0]);
  });

  it("GIVEN shorter periods THEN only the claims submitted on those days of the shop's calendar", async () => {
    // 8–10 March starts 7 Mar 23:00 UTC: C, D and A, not B (6 Mar).
    expect((await numbers("?from=2026-03-08&to=2026-03-10")).report.claims).toBe(3);
    // 10 March alone: A (11:00 UTC), not D (9 Mar 16:00 UTC).
    const today = await numbers("?from=2026-03-10&to=2026-03-10");
    expect(today.report.claims).toBe(1);
    expect(today.report.openByStatus).toEqual({ submitted: 1 });
    // In February nothing was filed; the 3 lamps of 20 Feb and B's lamp were delivered.
    const february = await numbers("?from=2026-02-01&to=2026-02-28");
    expect(february.report.claims).toBe(0);
    expect(february.report.unitsDelivered).toBe(4);
  });

  it("GIVEN a warehouse THEN only its claims and its deliveries", async () => {
    const fromShenzhen = await numbers(`${MARCH}&warehouse=${encodeURIComponent(shenzhen)}`);
    expect(fromShenzhen.warehouse).toBe(shenzhen);
    expect(fromShenzhen.report.claims).toBe(0);
    expect(fromShenzhen.report.unitsDelivered).toBe(4);
    expect(fromShenzhen.report.products).toEqual([]);
    const fromBerlin = await numbers(`${MARCH}&warehouse=${encodeURIComponent(berlin)}`);
    expect(fromBerlin.report.claims).toBe(4);
    expect(fromBerlin.report.unitsDelivered).toBe(24);
    expect(fromBerlin.report.arrivalProblemRate).toEqual({ numerator: 2, denominator: 24 });
  });

  it("GIVEN another shop with the same claims and deliveries THEN none of them counts here", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    const theirs = await seedShop(OTHER_SHOP);
    await recordDeliveries(OTHER_SHOP, theirs.claims);
    const view = await numbers(MARCH);
    expect(view.report.claims).toBe(4);
    expect(view.report.unitsDelivered).toBe(28);
    expect(view.report.refunded).toEqual({ EUR: 7950 });
  });

  it.each([
    ["?from=2026-02-30", "from", "give a date as YYYY-MM-DD"],
    ["?to=10.03.2026", "to", "give a date as YYYY-MM-DD"],
    ["?from=2026-03-10&to=2026-03-01", "to", "the period ends before it starts"],
    ["?from=2024-01-01&to=2026-03-10", "to", "choose a period of at most 731 days"],
    ["?warehouse=Berlin", "warehouse", "pick a warehouse from the list"],
  ])("GIVEN %s THEN 400 naming %s", async (query, field, message) => {
    const answer = await refused(query);
    expect(answer).toMatchObject({ status: 400, field });
    expect(answer.message).toContain(message);
  });
});

async function readAll(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}

describe("the claims export", () => {
  it("GIVEN the period THEN a CSV of its claims, oldest first, in the shop's time, with money beside its currency", async () => {
    const response = await csv(MARCH);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="claims-2026-03-01-to-2026-03-10.csv"',
    );
    const lines = (await readAll(response)).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Claim,Submitted (shop time),Type,Status,Order,Customer,Items,Units,Warehouses,Claimed value,Claimed value currency,Refunded,Refund currency,First response (hours),Responses within promise",
    );
    const [a, b, c, d] = claims as [SeededDemoClaim, SeededDemoClaim, SeededDemoClaim, SeededDemoClaim];
    const row = (claim: SeededDemoClaim, rest: string) =>
      `${claim.number},${rest.replace("ORDER", claim.orderName).replace("CUSTOMER", claim.customerName)}`;
    expect(lines.slice(1)).toEqual([
      row(
        b,
        "2026-03-06 09:00,Warranty,Resolved,ORDER,CUSTOMER,Aurora Desk Lamp × 1,1,Berlin Warehouse,79.50,EUR,79.50,EUR,3,1 of 1",
      ),
      row(
        c,
        "2026-03-08 11:00,Warranty,Denied,ORDER,CUSTOMER,Trail Water Bottle × 1,1,Berlin Warehouse,24.90,EUR,,,6,1 of 1",
      ),
      row(
        d,
        "2026-03-09 17:00,Arrival,Waiting on shopper,ORDER,CUSTOMER,Aurora Desk Lamp × 1,1,Berlin Warehouse,79.50,EUR,,,3,1 of 1",
      ),
      row(a, "2026-03-10 12:00,Arrival,New,ORDER,CUSTOMER,Aurora Desk Lamp × 1,1,Berlin Warehouse,79.50,EUR,,,,0 of 1"),
      "",
    ]);
  });

  it("GIVEN a shopper's name that is a formula and an order name with a comma and quotes THEN cells that stay text", async () => {
    await prisma.claim.update({
      where: { id: claims[0]!.claimId },
      data: { customerName: '=HYPERLINK("https://evil.example","Click")', orderName: '#1001, "gift"' },
    });
    const text = await readAll(await csv("?from=2026-03-10&to=2026-03-10"));
    expect(text).toContain(`,"#1001, ""gift""","'=HYPERLINK(""https://evil.example"",""Click"")",`);
  });

  it("GIVEN 450 claims WHEN the export is read THEN it reads them 200 at a time, only as the download asks for more", async () => {
    const template = await prisma.claim.findUniqueOrThrow({
      where: { id: claims[0]!.claimId },
      include: { items: true, events: true },
    });
    const { id: _id, number: _n, submissionKey: _k, items, events, ...claim } = template;
    for (let batch = 0; batch < 450; batch += 50) {
      await prisma.$transaction(
        Array.from({ length: 50 }, (_, i) => {
          const n = batch + i;
          const { id: _itemId, claimId: _claimId, ...item } = items[0]!;
          const { id: _eventId, claimId: _eventClaimId, ...event } = events[0]!;
          return prisma.claim.create({
            data: {
              ...claim,
              number: 5000 + n,
              submittedAt: new Date(Date.parse("2026-02-01T00:00:00Z") + n * 60_000),
              items: { create: [item] },
              events: { create: [event] },
            },
          });
        }),
      );
    }
    const listed = vi.mocked(numbersDb.listPeriodClaims);
    const reader = (await csv("?from=2026-02-01&to=2026-02-28")).body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    // The header is out with at most one page read ahead of the download.
    expect(listed.mock.calls.length).toBeLessThanOrEqual(1);
    text += decoder.decode((await reader.read()).value);
    expect(text.split("\r\n").length - 2).toBe(200);
    expect(listed.mock.calls.length).toBeLessThanOrEqual(2);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(listed.mock.calls.map((call) => [call[3]?.id ?? null, call[4]])).toEqual([
      [null, 200],
      [expect.any(String), 200],
      [expect.any(String), 200],
    ]);
    const numbersInFile = text
      .split("\r\n")
      .slice(1, -1)
      .map((line) => Number(line.split(",")[0]));
    expect(numbersInFile).toEqual(Array.from({ length: 450 }, (_, n) => 5000 + n));
  });

  it("GIVEN a bad period THEN 400 naming the field, no file", async () => {
    try {
      await csv("?from=yesterday");
      throw new Error("the export answered");
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(Response);
      const response = thrown as Response;
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe("from");
    }
  });
});
