import { describe, expect, it } from "vitest";
import { money } from "../money";
import { HOUR_MS, DAY_MS } from "../time";
import {
  allocate,
  claimResponses,
  foldClaimNumbers,
  percentile,
  perMille,
  type ClaimForNumbers,
  type ClaimItemForNumbers,
} from "./claim-numbers";
import { csvCell, csvLine } from "./csv";
import { parseCalendarDate, periodOf, recentDays } from "./period";

const T0 = Date.parse("2026-03-02T09:00:00Z");
const h = (hours: number) => T0 + hours * HOUR_MS;
const ev = (type: ClaimForNumbers["events"][number]["type"], hours: number) => ({ type, at: h(hours) });

describe("response times", () => {
  it("GIVEN a claim decided 5 h after submission THEN one response of 5 h, within a 48 h promise", () => {
    const claim = { responseHours: 48, events: [ev("submitted", 0), ev("item_decided", 4), ev("claim_decided", 5)] };
    expect(claimResponses(claim, h(100))).toEqual({
      answered: [{ ms: 5 * HOUR_MS, withinPromise: true }],
      overdue: false,
    });
  });

  it("GIVEN a question after 3 h, an answer 10 h later and a decision 40 h after that THEN 3 h and 40 h; the paused 10 h move the deadline to 58 h", () => {
    // Deadline: 0 + 48 + 10 paused = 58 h; decided at 3 + 10 + 40 = 53 h: within.
    const claim = {
      responseHours: 48,
      events: [
        ev("submitted", 0),
        ev("information_requested", 3),
        ev("information_provided", 13),
        ev("claim_decided", 53),
      ],
    };
    expect(claimResponses(claim, h(100)).answered).toEqual([
      { ms: 3 * HOUR_MS, withinPromise: true },
      { ms: 40 * HOUR_MS, withinPromise: true },
    ]);
    // Decided at 59 h instead: one hour past the 58 h deadline.
    const late = { ...claim, events: [...claim.events.slice(0, 3), ev("claim_decided", 59)] };
    expect(claimResponses(late, h(100)).answered[1]).toEqual({ ms: 46 * HOUR_MS, withinPromise: false });
  });

  it("GIVEN claims still waiting THEN no response; overdue only once past the deadline; a cancellation is no response", () => {
    const waiting = { responseHours: 48, events: [ev("submitted", 0)] };
    expect(claimResponses(waiting, h(47))).toEqual({ answered: [], overdue: false });
    expect(claimResponses(waiting, h(49))).toEqual({ answered: [], overdue: true });
    const cancelled = { responseHours: 48, events: [ev("submitted", 0), ev("cancelled", 1)] };
    expect(claimResponses(cancelled, h(49))).toEqual({ answered: [], overdue: false });
    // Waiting on the shopper is not the merchant's delay.
    const asked = { responseHours: 48, events: [ev("submitted", 0), ev("information_requested", 2)] };
    expect(claimResponses(asked, h(100))).toEqual({
      answered: [{ ms: 2 * HOUR_MS, withinPromise: true }],
      overdue: false,
    });
  });

  it("GIVEN 2,3,3,4,4,4,4,4,6,6 THEN p50 is the 5th (4) and p90 the 9th (6), nearest rank", () => {
    const values = [4, 6, 3, 4, 2, 4, 6, 4, 3, 4];
    expect(percentile(values, 50)).toBe(4);
    expect(percentile(values, 90)).toBe(6);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("allocate", () => {
  it("GIVEN €10.00 over 1:1:1 THEN 3.34 + 3.33 + 3.33, adding up exactly", () => {
    expect(allocate(money(1000, "EUR"), [1, 1, 1]).map((m) => m.minorUnits)).toEqual([334, 333, 333]);
  });
  it("GIVEN €79.50 over 59.90:19.60 (two refund lines) THEN the lines' own amounts", () => {
    expect(allocate(money(7950, "EUR"), [5990, 1960]).map((m) => m.minorUnits)).toEqual([5990, 1960]);
  });
  it("GIVEN €5.00 over 2:1 THEN 3.33 + 1.67 (the larger remainder gets the cent)", () => {
    expect(allocate(money(500, "EUR"), [2, 1]).map((m) => m.minorUnits)).toEqual([333, 167]);
  });
});

const lamp = (over: Partial<ClaimItemForNumbers> = {}): ClaimItemForNumbers => ({
  productId: "gid://shopify/Product/1",
  title: "Lamp",
  units: [{ locationId: "gid://shopify/Location/B", quantity: 1 }],
  refunded: null,
  deliveredAt: null,
  ...over,
});
const bottle = (over: Partial<ClaimItemForNumbers> = {}): ClaimItemForNumbers => ({
  ...lamp(),
  productId: "gid://shopify/Product/2",
  title: "Bottle",
  ...over,
});
const claim = (over: Partial<ClaimForNumbers>): ClaimForNumbers => ({
  type: "arrival",
  status: "submitted",
  submittedAt: h(0),
  responseHours: 48,
  events: [ev("submitted", 0)],
  items: [lamp()],
  ...over,
});

describe("the report", () => {
  // Four claims, hand-worked:
  // A arrival, lamp ×2 (1 from Berlin, 1 from Shenzhen), refunded €20.00, decided after 2 h.
  // B arrival, lamp ×1 from Berlin, still submitted, 50 h old: overdue.
  // C warranty, bottle ×1 from Berlin, delivered 40 days before, denied after 6 h.
  // D warranty, lamp + bottle from Shenzhen, lamp delivered 200 days before, bottle unknown; resolved
  //   after 10 h with $30.00 refunded for the bottle (an order in another currency).
  const claims: ClaimForNumbers[] = [
    claim({
      status: "approved",
      events: [ev("submitted", 0), ev("claim_decided", 2)],
      items: [
        lamp({
          units: [
            { locationId: "gid://shopify/Location/B", quantity: 1 },
            { locationId: "gid://shopify/Location/S", quantity: 1 },
          ],
          refunded: money(2000, "EUR"),
        }),
      ],
    }),
    claim({ submittedAt: h(0), status: "submitted" }),
    claim({
      type: "warranty",
      status: "denied",
      submittedAt: h(0),
      events: [ev("submitted", 0), ev("claim_decided", 6)],
      items: [bottle({ deliveredAt: h(0) - 40 * DAY_MS - HOUR_MS })],
    }),
    claim({
      type: "warranty",
      status: "resolved",
      events: [ev("submitted", 0), ev("claim_decided", 10), ev("resolved", 11)],
      items: [
        lamp({ units: [{ locationId: "gid://shopify/Location/S", quantity: 1 }], deliveredAt: h(0) - 200 * DAY_MS }),
        bottle({ units: [{ locationId: "gid://shopify/Location/S", quantity: 1 }], refunded: money(3000, "USD") }),
      ],
    }),
  ];
  const delivered = [
    { productId: "gid://shopify/Product/1", locationId: "gid://shopify/Location/B", units: 40 },
    { productId: "gid://shopify/Product/1", locationId: "gid://shopify/Location/S", units: 10 },
    { productId: "gid://shopify/Product/2", locationId: "gid://shopify/Location/B", units: 50 },
    // A product nobody claimed for still counts in the units delivered.
    { productId: "gid://shopify/Product/3", locationId: "gid://shopify/Location/B", units: 100 },
  ];

  it("GIVEN every warehouse THEN counts, response times, rates, refunds per currency and days to failure", () => {
    const fold = foldClaimNumbers(h(50), null);
    claims.forEach((c) => fold.add(c));
    const report = fold.finish(delivered);
    expect(report.claims).toBe(4);
    expect(report.openByStatus).toEqual({ approved: 1, submitted: 1 });
    // Responses 2, 6, 10 h; B overdue: 3 within of 4 measured.
    expect(report.response).toEqual({
      answered: 3,
      p50Ms: 6 * HOUR_MS,
      p90Ms: 10 * HOUR_MS,
      withinPromise: { numerator: 3, denominator: 4 },
    });
    expect(report.unitsDelivered).toBe(200);
    // Arrival units: A 2 + B 1 = 3 of 200 delivered = 1.5%.
    expect(report.arrivalProblemRate).toEqual({ numerator: 3, denominator: 200 });
    expect(perMille(report.arrivalProblemRate)).toBe(15);
    expect(report.refunded).toEqual({ EUR: 2000, USD: 3000 });
    expect(report.products).toEqual([
      {
        productId: "gid://shopify/Product/1",
        title: "Lamp",
        unitsDelivered: 50,
        claims: 3,
        unitsClaimed: 4,
        arrivalUnits: 3,
        warrantyUnits: 1,
        refunded: { EUR: 2000 },
      },
      {
        productId: "gid://shopify/Product/2",
        title: "Bottle",
        unitsDelivered: 50,
        claims: 2,
        unitsClaimed: 2,
        arrivalUnits: 0,
        warrantyUnits: 2,
        refunded: { USD: 3000 },
      },
    ]);
    // C: 40 days and an hour -> 40; D's lamp: 200; D's bottle: delivery unknown.
    expect(report.daysToFailure).toEqual({
      count: 2,
      unknown: 1,
      medianDays: 40,
      p90Days: 200,
      buckets: [
        { label: "0–30 days", count: 0 },
        { label: "31–90 days", count: 1 },
        { label: "91–180 days", count: 0 },
        { label: "181–365 days", count: 1 },
        { label: "over a year", count: 0 },
      ],
    });
  });

  it("GIVEN the Shenzhen warehouse THEN only claims with units from it, only those units and their share of the refund", () => {
    const fold = foldClaimNumbers(h(50), "gid://shopify/Location/S");
    claims.forEach((c) => fold.add(c));
    const report = fold.finish(delivered);
    // A (one of its two lamps) and D.
    expect(report.claims).toBe(2);
    expect(report.openByStatus).toEqual({ approved: 1 });
    expect(report.response.withinPromise).toEqual({ numerator: 2, denominator: 2 });
    expect(report.unitsDelivered).toBe(10);
    expect(report.arrivalProblemRate).toEqual({ numerator: 1, denominator: 10 });
    // Half of A's €20.00 refund: one of its two lamps came from Shenzhen.
    expect(report.refunded).toEqual({ EUR: 1000, USD: 3000 });
    expect(report.products.map((p) => [p.title, p.unitsDelivered, p.unitsClaimed])).toEqual([
      ["Lamp", 10, 2],
      ["Bottle", 0, 1],
    ]);
  });

  it("GIVEN no claims and no deliveries THEN empty figures, no division by zero", () => {
    const report = foldClaimNumbers(h(0), null).finish([]);
    expect(report.response).toEqual({
      answered: 0,
      p50Ms: null,
      p90Ms: null,
      withinPromise: { numerator: 0, denominator: 0 },
    });
    expect(perMille(report.arrivalProblemRate)).toBeNull();
    expect(report.daysToFailure.medianDays).toBeNull();
  });
});

describe("periods and CSV", () => {
  it("GIVEN 1–31 March in Berlin THEN from 28 Feb 23:00 UTC to 31 Mar 21:59:59.999 UTC (summer time starts 29 March)", () => {
    const period = periodOf(parseCalendarDate("2026-03-01")!, parseCalendarDate("2026-03-31")!, "Europe/Berlin");
    expect(new Date(period.startsAt).toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(new Date(period.endsAt).toISOString()).toBe("2026-03-31T21:59:59.999Z");
  });
  it("GIVEN 29 Nov 00:30 in Berlin (28 Nov in UTC) THEN the last 30 days end on 29 Nov", () => {
    const period = recentDays(Date.parse("2026-11-28T23:30:00Z"), "Europe/Berlin");
    expect(period.from).toEqual({ year: 2026, month: 10, day: 31 });
    expect(period.to).toEqual({ year: 2026, month: 11, day: 29 });
  });
  it.each(["2026-02-30", "2026-3-01", "01/03/2026", ""])("GIVEN %j THEN not a date", (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+49 30 1234", "'+49 30 1234"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
  ])("GIVEN %j THEN the cell %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
  it("GIVEN numbers and empties THEN numbers as they are (even negative), null empty, CRLF", () => {
    expect(csvLine([1001, null, -3, "x"])).toBe("1001,,-3,x\r\n");
  });
});
