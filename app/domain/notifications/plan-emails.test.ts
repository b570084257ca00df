import { describe, expect, it } from "vitest";
import { CLAIM_EVENT_TYPES } from "../claim-lifecycle/claim-state";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
  type PlannedEmail,
} from "./notification-types";
import {
  emailLanguageOf,
  instantAtLocalHour,
  planClaimEventEmails,
  planDigest,
  planResponseReminders,
  type ClaimEventForEmails,
  type ClaimForEmails,
} from "./plan-emails";

const claim: ClaimForEmails = {
  id: "claim-1",
  shop: "shop.myshopify.com",
  number: 1002,
  type: "arrival",
  status: "submitted",
  locale: "fr-CA",
  respondBy: new Date("2026-11-30T10:00:00.000Z"),
};

const prefs = (overrides: Partial<NotificationPreferences> = {}): NotificationPreferences => ({
  ...DEFAULT_NOTIFICATION_PREFERENCES,
  ...overrides,
});

function event(overrides: Partial<ClaimEventForEmails> & Pick<ClaimEventForEmails, "type" | "toStatus">) {
  return {
    sequence: 2,
    actorType: "merchant",
    fromStatus: "submitted",
    at: "2026-11-28T10:00:00.000Z",
    data: {},
    ...overrides,
  } satisfies ClaimEventForEmails;
}

const brief = (emails: PlannedEmail[]) => emails.map((e) => `${e.audience}:${e.template}`);

describe("planClaimEventEmails: which events cause which emails", () => {
  const submitted = event({
    sequence: 1,
    type: "submitted",
    actorType: "customer",
    fromStatus: null,
    toStatus: "submitted",
  });

  it("GIVEN a shopper files a claim THEN the shopper's confirmation (with the promise) and the merchant's notice", () => {
    const emails = planClaimEventEmails(claim, [submitted], prefs());
    expect(emails).toEqual([
      {
        template: "claim_received",
        audience: "shopper",
        dedupeKey: "claim:claim-1:event:1:shopper",
        locale: "fr",
        data: { claimNumber: 1002, eventSequence: 1, respondBy: "2026-11-30T10:00:00.000Z" },
      },
      {
        template: "merchant_new_claim",
        audience: "merchant",
        dedupeKey: "claim:claim-1:event:1:merchant",
        locale: "en",
        data: { claimNumber: 1002, eventSequence: 1, respondBy: "2026-11-30T10:00:00.000Z" },
      },
    ]);
  });

  it("GIVEN the merchant files the claim for the shopper THEN no merchant email about their own act", () => {
    expect(brief(planClaimEventEmails(claim, [{ ...submitted, actorType: "merchant" }], prefs()))).toEqual([
      "shopper:claim_received",
    ]);
  });

  it("GIVEN the merchant reads a daily digest THEN no single merchant email", () => {
    expect(brief(planClaimEventEmails(claim, [submitted], prefs({ merchantDelivery: "daily_digest" })))).toEqual([
      "shopper:claim_received",
    ]);
  });

  const approvedWithReturn = event({
    type: "claim_decided",
    toStatus: "approved",
    data: { decision: "approved", returnRequired: true },
  });
  const approvedNoReturn = event({
    type: "claim_decided",
    toStatus: "partially_approved",
    data: { decision: "partially_approved", returnRequired: false },
  });
  const returnRequested = event({
    sequence: 5,
    type: "return_requested",
    fromStatus: "approved",
    toStatus: "awaiting_return",
  });
  const received = event({
    sequence: 7,
    type: "return_received",
    fromStatus: "return_in_transit",
    toStatus: "return_received",
  });
  const arrivedAfterApproval = event({
    sequence: 6,
    type: "return_arrived_unrequested",
    fromStatus: "approved",
    toStatus: "return_received",
    data: { decided: true },
  });
  const arrivedBeforeDecision = event({
    sequence: 3,
    type: "return_arrived_unrequested",
    toStatus: "submitted",
    data: { decided: false },
  });
  const resolvedBy = (...outcomes: string[]) =>
    event({
      sequence: 9,
      type: "resolved",
      fromStatus: "inspected",
      toStatus: "resolved",
      data: {
        items: outcomes.map((outcome, i) => ({ lineItemId: `gid://shopify/LineItem/${i}`, outcome, fallback: null })),
      },
    });

  // Every event type of the lifecycle, with both shopper notifiers: the shopper's and the merchant's email.
  const table: [string, ClaimEventForEmails, string[], string[]][] = [
    [
      "information_requested",
      event({ type: "information_requested", toStatus: "needs_information" }),
      ["shopper:info_requested"],
      ["shopper:info_requested"],
    ],
    [
      "information_provided by the shopper",
      event({
        type: "information_provided",
        actorType: "customer",
        fromStatus: "needs_information",
        toStatus: "submitted",
      }),
      ["merchant:merchant_shopper_replied"],
      ["merchant:merchant_shopper_replied"],
    ],
    ["item_decided", event({ type: "item_decided", toStatus: "submitted" }), [], []],
    [
      "claim_decided: denied",
      event({ type: "claim_decided", toStatus: "denied", data: { decision: "denied", returnRequired: true } }),
      ["shopper:claim_denied"],
      ["shopper:claim_denied"],
    ],
    ["claim_decided: approved, no return", approvedNoReturn, ["shopper:claim_approved"], ["shopper:claim_approved"]],
    ["claim_decided: approved, return needed", approvedWithReturn, [], ["shopper:claim_approved"]],
    ["return_requested", returnRequested, ["shopper:claim_approved"], []],
    [
      "return_shipped by the shopper",
      event({
        type: "return_shipped",
        actorType: "customer",
        fromStatus: "awaiting_return",
        toStatus: "return_in_transit",
      }),
      [],
      [],
    ],
    // Shopify emails nothing when a return arrives (returnProcess runs at the resolution): ours either way.
    ["return_received", received, ["shopper:return_received"], ["shopper:return_received"]],
    [
      "return_arrived_unrequested after the approval",
      arrivedAfterApproval,
      ["shopper:return_received"],
      ["shopper:return_received"],
    ],
    ["return_arrived_unrequested before the decision", arrivedBeforeDecision, [], []],
    [
      "return_inspected",
      event({ type: "return_inspected", fromStatus: "return_received", toStatus: "inspected" }),
      [],
      [],
    ],
    ["resolved by refunds only", resolvedBy("refunded", "refunded"), ["shopper:claim_resolved"], []],
    [
      "resolved by a replacement and a refund",
      resolvedBy("replaced", "refunded"),
      ["shopper:claim_resolved"],
      ["shopper:claim_resolved"],
    ],
    ["resolved by a repair", resolvedBy("repaired"), ["shopper:claim_resolved"], ["shopper:claim_resolved"]],
    ["return_lost", event({ type: "return_lost", fromStatus: "return_in_transit", toStatus: "return_lost" }), [], []],
    ["cancelled by the shopper", event({ type: "cancelled", actorType: "customer", toStatus: "cancelled" }), [], []],
    ["closed", event({ type: "closed", actorType: "system", fromStatus: "resolved", toStatus: "closed" }), [], []],
  ];
  const submittedRow: (typeof table)[number] = [
    "submitted by the shopper",
    submitted,
    ["shopper:claim_received", "merchant:merchant_new_claim"],
    ["shopper:claim_received", "merchant:merchant_new_claim"],
  ];

  it("GIVEN the lifecycle's event types THEN the table below covers every one", () => {
    expect(new Set([submittedRow, ...table].map(([, given]) => given.type))).toEqual(new Set(CLAIM_EVENT_TYPES));
  });

  it.each([submittedRow, ...table])(
    "GIVEN %s THEN our emails (app) / (shopify)",
    (_name, given, withApp, withShopify) => {
      expect(brief(planClaimEventEmails(claim, [given], prefs()))).toEqual(withApp);
      expect(brief(planClaimEventEmails(claim, [given], prefs({ shopperNotifiedBy: "shopify" })))).toEqual(withShopify);
    },
  );

  it("GIVEN Shopify tells about returns THEN our approval says so, and a mixed resolution points to Shopify's refund email", () => {
    const shopify = prefs({ shopperNotifiedBy: "shopify" });
    expect(planClaimEventEmails(claim, [approvedWithReturn], shopify)[0]?.data).toMatchObject({
      returnRequired: true,
      returnToldByShopify: true,
    });
    expect(planClaimEventEmails(claim, [resolvedBy("replaced", "refunded")], shopify)[0]?.data).toMatchObject({
      refundToldByShopify: true,
    });
    expect(planClaimEventEmails(claim, [resolvedBy("refunded")], prefs())[0]?.data).toMatchObject({
      refundToldByShopify: false,
    });
  });

  it("GIVEN a decision saved as several events THEN one email per (event, audience), each its own key", () => {
    const emails = planClaimEventEmails(
      claim,
      [
        event({ sequence: 2, type: "item_decided", toStatus: "submitted" }),
        event({ sequence: 3, type: "claim_decided", toStatus: "denied", data: { returnRequired: false } }),
      ],
      prefs(),
    );
    expect(emails.map((e) => e.dedupeKey)).toEqual(["claim:claim-1:event:3:shopper"]);
  });
});

describe("emailLanguageOf", () => {
  it.each([
    ["fr-CA", "fr"],
    ["DE", "de"],
    ["es_MX", "es"],
    ["en", "en"],
    ["it", "en"],
    [null, "en"],
    ["", "en"],
  ])("GIVEN %s THEN %s", (locale, language) => {
    expect(emailLanguageOf(locale)).toBe(language);
  });
});

describe("planResponseReminders", () => {
  const respondBy = new Date("2026-11-30T10:00:00.000Z");
  const claims = [{ id: "claim-1", shop: "s", number: 1002, respondBy }];
  const at = (iso: string) => planResponseReminders(claims, prefs(), new Date(iso));

  it("GIVEN more than the lead time left THEN nothing; at the lead boundary THEN due; at respondBy THEN overdue", () => {
    expect(at("2026-11-30T03:59:59.999Z")).toEqual([]);
    expect(at("2026-11-30T04:00:00.000Z")).toEqual([
      {
        template: "merchant_response_due",
        audience: "merchant",
        dedupeKey: "reminder:claim-1:2026-11-30T10:00:00.000Z:due",
        locale: "en",
        data: { claimId: "claim-1", claimNumber: 1002, respondBy: "2026-11-30T10:00:00.000Z" },
      },
    ]);
    expect(brief(at("2026-11-30T09:59:59.999Z"))).toEqual(["merchant:merchant_response_due"]);
    expect(at("2026-11-30T10:00:00.000Z").map((e) => e.dedupeKey)).toEqual([
      "reminder:claim-1:2026-11-30T10:00:00.000Z:overdue",
    ]);
  });

  it("GIVEN the lead time spans the night Berlin's clocks go forward THEN 6 real hours, not 6 wall-clock hours", () => {
    // Due 06:00 CEST on 29 March 2026 (04:00 UTC); 6 hours before is 23:00 CET (22:00 UTC), 7 on the wall clock.
    const dueAfterTheChange = [{ id: "claim-2", shop: "s", number: 1003, respondBy: new Date("2026-03-29T04:00:00Z") }];
    const plan = (iso: string) => planResponseReminders(dueAfterTheChange, prefs(), new Date(iso));
    expect(plan("2026-03-28T21:59:59.999Z")).toEqual([]);
    expect(brief(plan("2026-03-28T22:00:00.000Z"))).toEqual(["merchant:merchant_response_due"]);
    expect(plan("2026-03-29T04:00:00.000Z")[0]?.dedupeKey).toBe("reminder:claim-2:2026-03-29T04:00:00.000Z:overdue");
  });

  it("GIVEN the run repeats THEN the same keys (the outbox keeps one); GIVEN a new due time THEN a new key", () => {
    expect(at("2026-11-30T05:00:00.000Z")[0]?.dedupeKey).toBe(at("2026-11-30T09:00:00.000Z")[0]?.dedupeKey);
    const resumed = [{ ...claims[0]!, respondBy: new Date("2026-11-30T12:30:00.000Z") }];
    expect(planResponseReminders(resumed, prefs(), new Date("2026-11-30T09:00:00.000Z"))[0]?.dedupeKey).toBe(
      "reminder:claim-1:2026-11-30T12:30:00.000Z:due",
    );
  });

  it("GIVEN a lead of 24 hours THEN due a day ahead; GIVEN a daily digest THEN no reminders", () => {
    const now = new Date("2026-11-29T10:00:00.000Z");
    expect(brief(planResponseReminders(claims, prefs({ reminderLeadHours: 24 }), now))).toEqual([
      "merchant:merchant_response_due",
    ]);
    expect(
      planResponseReminders(claims, prefs({ merchantDelivery: "daily_digest" }), new Date("2026-12-01T00:00:00Z")),
    ).toEqual([]);
  });
});

describe("planDigest", () => {
  const digest = prefs({ merchantDelivery: "daily_digest" });

  it("GIVEN single emails THEN no digest", () => {
    expect(planDigest("s", "Europe/Paris", prefs(), new Date("2026-11-30T12:00:00Z"))).toBeNull();
  });

  it("GIVEN Paris in winter THEN nothing before 08:00 local, the day's digest from 08:00", () => {
    expect(planDigest("s", "Europe/Paris", digest, new Date("2026-11-30T06:59:59.999Z"))).toBeNull();
    expect(planDigest("s", "Europe/Paris", digest, new Date("2026-11-30T07:00:00.000Z"))).toEqual({
      template: "merchant_digest",
      audience: "merchant",
      dedupeKey: "digest:s:2026-11-30",
      locale: "en",
      data: { day: "2026-11-30", since: "2026-11-29T07:00:00.000Z", reminderLeadHours: 6 },
    });
  });

  it("GIVEN late evening in Los Angeles (already tomorrow in UTC) THEN the local day names the digest", () => {
    expect(planDigest("s", "America/Los_Angeles", digest, new Date("2026-12-01T05:00:00Z"))?.dedupeKey).toBe(
      "digest:s:2026-11-30",
    );
  });

  it("GIVEN the day clocks go forward in Berlin THEN 08:00 is 06:00 UTC, and yesterday's 08:00 was 07:00 UTC", () => {
    // 29 March 2026: 02:00 CET → 03:00 CEST.
    expect(new Date(instantAtLocalHour({ year: 2026, month: 3, day: 29 }, 8, "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T06:00:00.000Z",
    );
    expect(planDigest("s", "Europe/Berlin", digest, new Date("2026-03-29T05:59:00Z"))).toBeNull();
    expect(planDigest("s", "Europe/Berlin", digest, new Date("2026-03-29T06:00:00Z"))?.data).toEqual({
      day: "2026-03-29",
      since: "2026-03-28T07:00:00.000Z",
      reminderLeadHours: 6,
    });
  });

  it("GIVEN the day clocks go back in New York THEN 08:00 is 13:00 UTC", () => {
    // 1 November 2026: 02:00 EDT → 01:00 EST.
    expect(planDigest("s", "America/New_York", digest, new Date("2026-11-01T12:59:00Z"))).toBeNull();
    expect(planDigest("s", "America/New_York", digest, new Date("2026-11-01T13:00:00Z"))?.data).toMatchObject({
      day: "2026-11-01",
      since: "2026-10-31T12:00:00.000Z",
    });
  });
});
