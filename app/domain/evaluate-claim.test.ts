import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateClaim } from "./evaluate-claim";
import { ClaimEvaluationSchema, parseClaimEvaluationInput, type ClaimEvaluationInput } from "./evaluate-claim-schema";
import type { ClaimReason } from "./policy/codes";
import type { EvidenceKind, EvidenceRequirement, PolicyOverride } from "./policy/policy-schema";
import type { ClaimType } from "./policy/resolve-policy";
import { aFulfillment, aLine, anInput, gid } from "./test-factories";

const LINE_1 = gid("LineItem", 1);
const LINE_2 = gid("LineItem", 2);
const LOCATION_1 = gid("Location", 1);
const LOCATION_2 = gid("Location", 2);

function parse(json: unknown): ClaimEvaluationInput {
  const parsed = parseClaimEvaluationInput(json);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.value;
}

/** One line, one fulfilment delivered at `deliveredAt`, claimed at `now`. */
function deliveredAndClaimed(options: {
  timezone?: string;
  deliveredAt: string;
  now: string;
  type?: "arrival" | "warranty";
  policy?: ClaimEvaluationInput["policy"];
}): ClaimEvaluationInput {
  return anInput({
    now: options.now,
    shop: { timezone: options.timezone ?? "Europe/Berlin" },
    policy: options.policy,
    order: {
      id: gid("Order", 1),
      lines: [aLine(1, { fulfillments: [aFulfillment({ deliveredAt: options.deliveredAt })] })],
    },
    claim: { type: options.type ?? "arrival", evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"] },
  });
}

describe("the issue's example", () => {
  it("GIVEN the example input WHEN evaluated THEN the output is exactly the documented one, fields in order", () => {
    const input = parse(JSON.parse(readFileSync("test/fixtures/policy/example.json", "utf8")));
    const expected = JSON.parse(readFileSync("test/fixtures/policy/example.expected.json", "utf8"));
    const evaluation = evaluateClaim(input);
    expect(evaluation).toEqual({
      eligible: true,
      reasons: [],
      items: [
        {
          lineItemId: "gid://shopify/LineItem/1",
          eligible: true,
          eligibleQuantity: 1,
          windowEndsAt: "2026-03-04T22:59:59.999Z",
          reasons: [],
        },
      ],
      missingEvidence: [],
      flags: [],
      suggestedType: null,
      returnRequired: true,
      returnShippingPaidBy: "merchant",
      resolutions: ["refund", "replacement"],
      returnDestinations: [{ locationId: "gid://shopify/Location/1", lineItemIds: ["gid://shopify/LineItem/1"] }],
      responseDueAt: "2026-03-06T12:00:00.000Z",
    });
    expect(JSON.stringify(evaluation)).toBe(JSON.stringify(expected));
    expect(ClaimEvaluationSchema.parse(evaluation)).toEqual(evaluation);
  });
});

describe("arrival window: ends at the last millisecond of delivery day + arrivalWindowDays, shop timezone", () => {
  it.each([
    // zone, deliveredAt, expected windowEndsAt
    ["Europe/Berlin", "2026-03-01T15:00:00Z", "2026-03-04T22:59:59.999Z"],
    ["Europe/Berlin", "2026-03-01T22:59:59Z", "2026-03-04T22:59:59.999Z"], // 23:59 local, still 1 March
    ["Europe/Berlin", "2026-03-01T23:00:00Z", "2026-03-05T22:59:59.999Z"], // 00:00 local, 2 March
    ["Europe/Berlin", "2026-03-25T10:00:00Z", "2026-03-28T22:59:59.999Z"],
    ["Europe/Berlin", "2026-03-26T10:00:00Z", "2026-03-29T21:59:59.999Z"], // ends on the spring-forward day
    ["Europe/Berlin", "2026-03-27T10:00:00Z", "2026-03-30T21:59:59.999Z"], // delivered in CET, ends in CEST
    ["Europe/Berlin", "2026-10-21T10:00:00Z", "2026-10-24T21:59:59.999Z"],
    ["Europe/Berlin", "2026-10-22T10:00:00Z", "2026-10-25T22:59:59.999Z"], // ends on the fall-back day
    ["America/New_York", "2026-03-04T15:00:00Z", "2026-03-08T04:59:59.999Z"],
    ["America/New_York", "2026-03-05T15:00:00Z", "2026-03-09T03:59:59.999Z"], // ends on spring forward
    ["America/New_York", "2026-10-29T15:00:00Z", "2026-11-02T04:59:59.999Z"], // ends on fall back
    ["America/New_York", "2026-03-02T03:00:00Z", "2026-03-05T04:59:59.999Z"], // 22:00 on 1 March locally
    ["Europe/Berlin", "2026-02-27T10:00:00Z", "2026-03-02T22:59:59.999Z"], // month end, 2026 not leap
    ["Europe/Berlin", "2028-02-27T10:00:00Z", "2028-03-01T22:59:59.999Z"], // leap year: 29 Feb counts
    ["Europe/Berlin", "2026-12-30T10:00:00Z", "2027-01-02T22:59:59.999Z"], // year end
    ["UTC", "2026-03-01T00:00:00Z", "2026-03-04T23:59:59.999Z"],
  ])("GIVEN %s, delivered %s THEN the window ends %s, inclusive to the millisecond", (timezone, deliveredAt, end) => {
    const endMs = Date.parse(end);
    const atEnd = evaluateClaim(deliveredAndClaimed({ timezone, deliveredAt, now: new Date(endMs).toISOString() }));
    expect(atEnd.items[0]).toEqual({
      lineItemId: LINE_1,
      eligible: true,
      eligibleQuantity: 1,
      windowEndsAt: end,
      reasons: [],
    });
    expect(atEnd.eligible).toBe(true);

    const justAfter = evaluateClaim(
      deliveredAndClaimed({ timezone, deliveredAt, now: new Date(endMs + 1).toISOString() }),
    );
    expect(justAfter.items[0]).toEqual({
      lineItemId: LINE_1,
      eligible: false,
      eligibleQuantity: 0,
      windowEndsAt: end,
      reasons: ["window_expired"],
    });
    expect(justAfter.eligible).toBe(false);
  });

  it("GIVEN arrivalWindowDays 5 for the product THEN its window is two days longer", () => {
    const input = deliveredAndClaimed({ deliveredAt: "2026-03-01T15:00:00Z", now: "2026-03-06T22:59:59.999Z" });
    const result = evaluateClaim({
      ...input,
      productOverrides: [{ productId: gid("Product", 1), arrivalWindowDays: 5 }],
    });
    expect(result.items[0]?.windowEndsAt).toBe("2026-03-06T22:59:59.999Z");
    expect(result.eligible).toBe(true);
  });
});

describe("warranty window: same day of the month warrantyMonths later, clamped to the month's end", () => {
  it.each([
    // months, zone, deliveredAt, expected windowEndsAt
    [1, "Europe/Berlin", "2026-01-31T10:00:00Z", "2026-02-28T22:59:59.999Z"],
    [1, "Europe/Berlin", "2028-01-31T10:00:00Z", "2028-02-29T22:59:59.999Z"], // leap year
    [12, "Europe/Berlin", "2028-02-29T10:00:00Z", "2029-02-28T22:59:59.999Z"],
    [12, "Europe/Berlin", "2026-03-01T15:00:00Z", "2027-03-01T22:59:59.999Z"],
    [24, "Europe/Berlin", "2026-03-01T15:00:00Z", "2028-03-01T22:59:59.999Z"],
    [6, "Europe/Berlin", "2026-08-31T10:00:00Z", "2027-02-28T22:59:59.999Z"], // delivered in summer time
    [1, "Europe/Berlin", "2026-03-31T10:00:00Z", "2026-04-30T21:59:59.999Z"],
    [1, "America/New_York", "2026-10-01T15:00:00Z", "2026-11-02T04:59:59.999Z"], // 1 Nov is fall back
    [1, "America/New_York", "2026-01-31T04:00:00Z", "2026-03-01T04:59:59.999Z"], // 30 Jan locally
  ])("GIVEN %i months in %s, delivered %s THEN the warranty ends %s", (months, timezone, deliveredAt, end) => {
    const endMs = Date.parse(end);
    const policy = { warrantyMonths: months };
    const atEnd = evaluateClaim(
      deliveredAndClaimed({ timezone, deliveredAt, now: new Date(endMs).toISOString(), type: "warranty", policy }),
    );
    expect(atEnd.items[0]?.windowEndsAt).toBe(end);
    expect(atEnd.eligible).toBe(true);
    const after = evaluateClaim(
      deliveredAndClaimed({ timezone, deliveredAt, now: new Date(endMs + 1).toISOString(), type: "warranty", policy }),
    );
    expect(after.items[0]?.reasons).toEqual(["window_expired"]);
    expect(after.eligible).toBe(false);
  });
});

describe("delivery date of a unit", () => {
  it.each([
    // deliveredAt, estimatedDeliveryAt, transit override, expected windowEndsAt, flagged
    ["2026-03-01T15:00:00Z", "2026-02-20T10:00:00Z", undefined, "2026-03-04T22:59:59.999Z", false],
    [null, "2026-03-02T10:00:00Z", undefined, "2026-03-05T22:59:59.999Z", true],
    [undefined, "2026-03-02T10:00:00Z", undefined, "2026-03-05T22:59:59.999Z", true],
    // fulfilled 2026-02-27T09:00Z + 7 x 24 h = 2026-03-06T09:00Z
    [null, null, undefined, "2026-03-09T22:59:59.999Z", true],
    // + 2 x 24 h = 2026-03-01T09:00Z
    [null, null, 2, "2026-03-04T22:59:59.999Z", true],
  ] as const)(
    "GIVEN deliveredAt %s, estimatedDeliveryAt %s, transit days %s THEN the window ends %s (estimated: %s)",
    (deliveredAt, estimatedDeliveryAt, transitDays, end, flagged) => {
      const input = anInput({
        now: "2026-03-03T12:00:00Z",
        policy: transitDays === undefined ? undefined : { unknownDeliveryTransitDays: transitDays },
        order: {
          id: gid("Order", 1),
          lines: [aLine(1, { fulfillments: [aFulfillment({ deliveredAt, estimatedDeliveryAt })] })],
        },
      });
      const result = evaluateClaim(input);
      expect(result.items[0]?.windowEndsAt).toBe(end);
      expect(result.flags).toEqual(flagged ? ["delivery_date_estimated"] : []);
      expect(result.eligible).toBe(true); // the flag informs, it never makes a claim ineligible
    },
  );

  it("GIVEN transit days of 7 x 24 h across spring forward THEN the estimate is 168 hours, not 7 calendar days", () => {
    const input = anInput({
      now: "2026-03-28T12:00:00Z",
      order: {
        id: gid("Order", 1),
        lines: [aLine(1, { fulfillments: [aFulfillment({ fulfilledAt: "2026-03-25T22:30:00Z", deliveredAt: null })] })],
      },
    });
    // 2026-04-01T22:30Z is 2 April 00:30 in Berlin (CEST): delivery day 2 April, window ends 5 April
    expect(evaluateClaim(input).items[0]?.windowEndsAt).toBe("2026-04-05T21:59:59.999Z");
  });
});

describe("units: split fulfilments, previously claimed units, latest delivered first", () => {
  const early = aFulfillment({ quantity: 1, deliveredAt: "2026-02-20T10:00:00Z", locationId: LOCATION_2 }); // expired
  const late = aFulfillment({ quantity: 2, deliveredAt: "2026-03-02T10:00:00Z", locationId: LOCATION_1 }); // open

  it.each([
    // fulfilments, previously claimed, claimed, expected item
    [
      [early, late],
      0,
      2,
      { eligible: true, eligibleQuantity: 2, windowEndsAt: "2026-03-05T22:59:59.999Z", reasons: [] },
    ],
    [
      [late, early],
      0,
      2,
      { eligible: true, eligibleQuantity: 2, windowEndsAt: "2026-03-05T22:59:59.999Z", reasons: [] },
    ],
    [
      [early, late],
      0,
      3,
      { eligible: false, eligibleQuantity: 2, windowEndsAt: "2026-03-05T22:59:59.999Z", reasons: ["window_expired"] },
    ],
    [
      [early, late],
      1,
      2,
      { eligible: true, eligibleQuantity: 2, windowEndsAt: "2026-03-05T22:59:59.999Z", reasons: [] },
    ],
    [
      [early, late],
      1,
      3,
      {
        eligible: false,
        eligibleQuantity: 2,
        windowEndsAt: "2026-03-05T22:59:59.999Z",
        reasons: ["quantity_exceeds_claimable"],
      },
    ],
    [
      [early, late],
      2,
      1,
      { eligible: true, eligibleQuantity: 1, windowEndsAt: "2026-03-05T22:59:59.999Z", reasons: [] },
    ],
    [
      [early, late],
      2,
      2,
      {
        eligible: false,
        eligibleQuantity: 1,
        windowEndsAt: "2026-03-05T22:59:59.999Z",
        reasons: ["quantity_exceeds_claimable"],
      },
    ],
    [
      [early],
      0,
      1,
      { eligible: false, eligibleQuantity: 0, windowEndsAt: "2026-02-23T22:59:59.999Z", reasons: ["window_expired"] },
    ],
    [
      [early],
      1,
      1,
      { eligible: false, eligibleQuantity: 0, windowEndsAt: null, reasons: ["quantity_exceeds_claimable"] },
    ],
  ])(
    "GIVEN fulfilments %#, %i previously claimed, %i claimed THEN the item is %o",
    (fulfillments, previous, claimed, expected) => {
      const input = anInput({
        now: "2026-03-04T12:00:00Z",
        order: {
          id: gid("Order", 1),
          lines: [aLine(1, { quantity: 4, previouslyClaimedQuantity: previous, fulfillments })],
        },
        claim: { items: [{ lineItemId: LINE_1, quantity: claimed }] },
      });
      expect(evaluateClaim(input).items[0]).toEqual({ lineItemId: LINE_1, ...expected });
    },
  );

  it("GIVEN a claim drawing on units from two locations THEN the item is returned to both", () => {
    const input = anInput({
      order: { id: gid("Order", 1), lines: [aLine(1, { quantity: 3, fulfillments: [early, late] })] },
      claim: { items: [{ lineItemId: LINE_1, quantity: 3 }] },
    });
    expect(evaluateClaim(input).returnDestinations).toEqual([
      { locationId: LOCATION_1, lineItemIds: [LINE_1] },
      { locationId: LOCATION_2, lineItemIds: [LINE_1] },
    ]);
  });

  it("GIVEN an unfulfilled line THEN not_fulfilled, no window", () => {
    const input = anInput({ order: { id: gid("Order", 1), lines: [aLine(1, { quantity: 2, fulfillments: [] })] } });
    expect(evaluateClaim(input).items[0]).toEqual({
      lineItemId: LINE_1,
      eligible: false,
      eligibleQuantity: 0,
      windowEndsAt: null,
      reasons: ["not_fulfilled"],
    });
  });

  it("GIVEN a line item that is not on the order THEN unknown_line_item and the claim is ineligible", () => {
    const input = anInput({ claim: { items: [{ lineItemId: gid("LineItem", 99), quantity: 1 }] } });
    const result = evaluateClaim(input);
    expect(result.items[0]).toEqual({
      lineItemId: gid("LineItem", 99),
      eligible: false,
      eligibleQuantity: 0,
      windowEndsAt: null,
      reasons: ["unknown_line_item"],
    });
    expect(result.eligible).toBe(false);
    expect(result.returnDestinations).toEqual([]);
  });
});

describe("not_covered", () => {
  it.each([
    ["arrival", { arrivalWindowDays: 0 }],
    ["warranty", { warrantyMonths: 0 }],
  ] as const)("GIVEN a %s claim on a product whose policy has %o THEN not_covered", (type, override) => {
    const input = anInput({
      productOverrides: [{ productId: gid("Product", 1), ...override }],
      claim: { type, evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"] },
    });
    const result = evaluateClaim(input);
    expect(result.items[0]).toEqual({
      lineItemId: LINE_1,
      eligible: false,
      eligibleQuantity: 0,
      windowEndsAt: null,
      reasons: ["not_covered"],
    });
    expect(result.suggestedType).toBeNull();
  });

  it("GIVEN a product without arrival claims THEN a warranty claim on it is still covered", () => {
    const input = anInput({
      productOverrides: [{ productId: gid("Product", 1), arrivalWindowDays: 0 }],
      claim: { type: "warranty", evidence: ["issue_video"] },
    });
    expect(evaluateClaim(input).eligible).toBe(true);
  });
});

describe("claim reasons", () => {
  it.each<[ClaimType, EvidenceKind[], PolicyOverride | undefined, ClaimReason[], EvidenceRequirement[]]>([
    // type, evidence, policy, expected reasons, expected missingEvidence
    ["arrival", ["issue_photo", "shipping_label_photo", "packaging_photo"], undefined, [], []],
    ["arrival", ["issue_video", "shipping_label_photo", "packaging_photo"], undefined, [], []],
    ["arrival", ["packaging_photo"], undefined, ["missing_evidence"], ["issue_media", "shipping_label_photo"]],
    ["arrival", [], undefined, ["missing_evidence"], ["issue_media", "shipping_label_photo", "packaging_photo"]],
    [
      "arrival",
      [],
      { arrivalEvidence: ["packaging_photo", "issue_media"] },
      ["missing_evidence"],
      ["packaging_photo", "issue_media"],
    ],
    ["arrival", [], { arrivalEvidence: [] }, [], []],
    ["warranty", ["issue_photo"], undefined, [], []],
    ["warranty", ["shipping_label_photo"], undefined, ["missing_evidence"], ["issue_media"]],
    ["warranty", ["issue_photo"], { warrantyEvidence: ["issue_video"] }, ["missing_evidence"], ["issue_video"]],
  ])(
    "GIVEN a %s claim with evidence %o and policy %o THEN reasons %o, missing %o",
    (type, evidence, policy, reasons, missing) => {
      const result = evaluateClaim(anInput({ policy, claim: { type, evidence } }));
      expect(result.reasons).toEqual(reasons);
      expect(result.missingEvidence).toEqual(missing);
      expect(result.eligible).toBe(reasons.length === 0);
    },
  );

  it.each([
    ["arrival", undefined, undefined, ["missing_preference"]],
    ["arrival", null, undefined, ["missing_preference"]],
    ["arrival", "refund", undefined, []],
    ["arrival", undefined, { arrivalRequiresPreference: false }, []],
    ["warranty", undefined, undefined, []],
  ] as const)(
    "GIVEN a %s claim preferring %s with policy %o THEN reasons %o",
    (type, preferredResolution, policy, reasons) => {
      const result = evaluateClaim(
        anInput({
          policy,
          claim: { type, preferredResolution, evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"] },
        }),
      );
      expect(result.reasons).toEqual(reasons);
    },
  );

  it("GIVEN several claim reasons THEN they come in the documented order", () => {
    const result = evaluateClaim(
      anInput({
        policy: { exclusionHandling: "deny" },
        claim: { evidence: [], preferredResolution: undefined, answers: { accidentalDamage: true } },
      }),
    );
    expect(result.reasons).toEqual(["missing_evidence", "missing_preference", "excluded"]);
  });
});

describe("flags and exclusions", () => {
  const allAnswers = {
    firmwareFlashed: true,
    bodyOpened: true,
    partsModified: true,
    unintendedUse: true,
    continuedUseAfterFault: true,
    accidentalDamage: true,
    problemFirstNoticedAt: "2026-02-01T00:00:00Z",
  };

  it("GIVEN every exclusion answered yes, a late report and an estimated delivery THEN all flags, in order", () => {
    const input = anInput({
      now: "2026-03-04T12:00:00Z",
      order: {
        id: gid("Order", 1),
        lines: [
          aLine(1, {
            fulfillments: [aFulfillment({ deliveredAt: null, estimatedDeliveryAt: "2026-03-02T10:00:00Z" })],
          }),
        ],
      },
      claim: { type: "warranty", evidence: ["issue_photo"], answers: allAnswers },
    });
    const result = evaluateClaim(input);
    expect(result.flags).toEqual([
      "firmware_flashed",
      "body_opened",
      "parts_modified",
      "unintended_use",
      "continued_use_after_fault",
      "accidental_damage",
      "late_report",
      "delivery_date_estimated",
    ]);
    expect(result.eligible).toBe(true); // exclusionHandling "review": flagged, not denied
    expect(result.reasons).toEqual([]);
  });

  it.each([
    ["firmwareFlashed", "firmware_flashed"],
    ["bodyOpened", "body_opened"],
    ["partsModified", "parts_modified"],
    ["unintendedUse", "unintended_use"],
    ["continuedUseAfterFault", "continued_use_after_fault"],
    ["accidentalDamage", "accidental_damage"],
  ] as const)("GIVEN %s answered yes THEN %s; with deny THEN excluded", (answer, flag) => {
    const review = evaluateClaim(anInput({ claim: { answers: { [answer]: true } } }));
    expect(review.flags).toEqual([flag]);
    expect(review.eligible).toBe(true);
    const deny = evaluateClaim(
      anInput({ policy: { exclusionHandling: "deny" }, claim: { answers: { [answer]: true } } }),
    );
    expect(deny.reasons).toEqual(["excluded"]);
    expect(deny.eligible).toBe(false);
    const no = evaluateClaim(
      anInput({ policy: { exclusionHandling: "deny" }, claim: { answers: { [answer]: false } } }),
    );
    expect(no.flags).toEqual([]);
    expect(no.eligible).toBe(true);
  });

  it("GIVEN deny and only delivery_date_estimated THEN not excluded (it is not an exclusion flag)", () => {
    const input = anInput({
      policy: { exclusionHandling: "deny" },
      order: {
        id: gid("Order", 1),
        lines: [
          aLine(1, {
            fulfillments: [aFulfillment({ deliveredAt: null, estimatedDeliveryAt: "2026-03-02T10:00:00Z" })],
          }),
        ],
      },
    });
    const result = evaluateClaim(input);
    expect(result.flags).toEqual(["delivery_date_estimated"]);
    expect(result.eligible).toBe(true);
  });

  it.each([
    // type, noticed at, reportWithinDaysOfNotice, late?
    ["warranty", "2026-03-01T12:00:00Z", 3, false], // exactly 72 h before now
    ["warranty", "2026-03-01T11:59:59.999Z", 3, true], // 72 h + 1 ms
    ["warranty", "2026-03-04T12:00:00Z", 0, false],
    ["warranty", "2026-03-04T11:59:59.999Z", 0, true],
    ["warranty", "2026-02-20T12:00:00Z", 14, false],
    ["arrival", "2026-01-01T00:00:00Z", 3, false], // arrival claims are never late reports
  ] as const)(
    "GIVEN a %s claim, problem noticed %s, %i days to report THEN late: %s",
    (type, noticedAt, days, late) => {
      const input = anInput({
        now: "2026-03-04T12:00:00Z",
        policy: { reportWithinDaysOfNotice: days },
        claim: { type, answers: { problemFirstNoticedAt: noticedAt } },
      });
      expect(evaluateClaim(input).flags).toEqual(late ? ["late_report"] : []);
      const denying = evaluateClaim({
        ...input,
        policy: { reportWithinDaysOfNotice: days, exclusionHandling: "deny" },
      });
      expect(denying.reasons.includes("excluded")).toBe(late);
    },
  );
});

describe("suggestedType", () => {
  const expiredArrival = { deliveredAt: "2026-02-20T10:00:00Z", now: "2026-03-04T12:00:00Z" };

  it("GIVEN an arrival claim that fails only on window_expired while the warranty is open THEN warranty", () => {
    const result = evaluateClaim(deliveredAndClaimed(expiredArrival));
    expect(result.items[0]?.reasons).toEqual(["window_expired"]);
    expect(result.suggestedType).toBe("warranty");
  });

  it.each([
    ["the claim also misses evidence", { claim: { evidence: ["issue_photo"] } }],
    ["the product has no warranty", { productOverrides: [{ productId: gid("Product", 1), warrantyMonths: 0 }] }],
    ["the warranty is over too", { now: "2027-03-01T00:00:00Z" }],
  ] as const)("GIVEN an expired arrival claim where %s THEN no suggestion", (_, change) => {
    const base = deliveredAndClaimed(expiredArrival);
    const input = {
      ...base,
      ...change,
      claim: { ...base.claim, ...("claim" in change ? change.claim : {}) },
    } as ClaimEvaluationInput;
    const result = evaluateClaim(input);
    expect(result.eligible).toBe(false);
    expect(result.suggestedType).toBeNull();
  });

  it("GIVEN an eligible arrival claim or an expired warranty claim THEN no suggestion", () => {
    expect(evaluateClaim(anInput()).suggestedType).toBeNull();
    const warranty = deliveredAndClaimed({ ...expiredArrival, now: "2028-01-01T00:00:00Z", type: "warranty" });
    expect(evaluateClaim(warranty).suggestedType).toBeNull();
  });

  it("GIVEN one expired item and one unknown item THEN no suggestion", () => {
    const base = deliveredAndClaimed(expiredArrival);
    const input = {
      ...base,
      claim: { ...base.claim, items: [...base.claim.items, { lineItemId: gid("LineItem", 9), quantity: 1 }] },
    };
    expect(evaluateClaim(input).suggestedType).toBeNull();
  });
});

describe("mixed products: each item under its own policy, claim fields strictest first", () => {
  const twoProducts = (extra: Partial<ClaimEvaluationInput> = {}, now = "2026-03-04T12:00:00Z") =>
    anInput({
      now,
      order: {
        id: gid("Order", 1),
        lines: [
          aLine(1, { fulfillments: [aFulfillment({ deliveredAt: "2026-02-28T10:00:00Z", locationId: LOCATION_1 })] }),
          aLine(2, { fulfillments: [aFulfillment({ deliveredAt: "2026-02-28T10:00:00Z", locationId: LOCATION_2 })] }),
        ],
      },
      ...extra,
      claim: {
        items: [
          { lineItemId: LINE_1, quantity: 1 },
          { lineItemId: LINE_2, quantity: 1 },
        ],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      },
    });

  it("GIVEN product 2 has a 5-day arrival window THEN on day 4 only item 1 is expired", () => {
    const result = evaluateClaim(
      twoProducts({ productOverrides: [{ productId: gid("Product", 2), arrivalWindowDays: 5 }] }),
    );
    expect(result.items.map((item) => [item.eligible, item.windowEndsAt, item.reasons])).toEqual([
      [false, "2026-03-03T22:59:59.999Z", ["window_expired"]],
      [true, "2026-03-05T22:59:59.999Z", []],
    ]);
    expect(result.eligible).toBe(false);
    expect(result.returnDestinations).toEqual([
      { locationId: LOCATION_1, lineItemIds: [LINE_1] },
      { locationId: LOCATION_2, lineItemIds: [LINE_2] },
    ]);
  });

  it.each([
    // overrides, expected claim-level fields (now = 2026-03-02T12:00Z)
    [[], { returnRequired: true, returnShippingPaidBy: "merchant", responseDueAt: "2026-03-04T12:00:00.000Z" }],
    [[{ productId: gid("Product", 2), responseHours: 24 }], { responseDueAt: "2026-03-03T12:00:00.000Z" }],
    [[{ productId: gid("Product", 1), returnRequired: false }], { returnRequired: true }],
    [
      [
        { productId: gid("Product", 1), returnRequired: false },
        { productId: gid("Product", 2), returnRequired: false },
      ],
      { returnRequired: false, returnDestinations: [] },
    ],
    [[{ productId: gid("Product", 1), arrivalReturnShippingPaidBy: "customer" }], { returnShippingPaidBy: "merchant" }],
    [
      [
        { productId: gid("Product", 1), arrivalReturnShippingPaidBy: "customer" },
        { productId: gid("Product", 2), arrivalReturnShippingPaidBy: "customer" },
      ],
      { returnShippingPaidBy: "customer" },
    ],
  ] as const)("GIVEN overrides %o THEN %o", (overrides, expected) => {
    const result = evaluateClaim(twoProducts({ productOverrides: [...overrides] }, "2026-03-02T12:00:00Z"));
    expect(result).toMatchObject(expected);
  });

  it("GIVEN product 2 offers only a refund on arrival WHEN the shopper asks for a replacement THEN the claim is refused as not offered, and offers only the refund", () => {
    const input = twoProducts(
      { productOverrides: [{ productId: gid("Product", 2), arrivalResolutions: ["refund"] }] },
      "2026-03-02T12:00:00Z",
    );
    const result = evaluateClaim(input);
    expect(result.resolutions).toEqual(["refund"]);
    expect(result.reasons).toEqual(["resolution_not_offered"]);
    expect(result.eligible).toBe(false);
    const refund = evaluateClaim({ ...input, claim: { ...input.claim, preferredResolution: "refund" } });
    expect(refund).toMatchObject({ eligible: true, reasons: [], resolutions: ["refund"] });
  });

  it("GIVEN the two products offer nothing in common THEN the claim is refused with no_common_resolution, not a crash", () => {
    const input = twoProducts(
      {
        productOverrides: [
          { productId: gid("Product", 1), arrivalResolutions: ["replacement"] },
          { productId: gid("Product", 2), arrivalResolutions: ["refund"] },
        ],
      },
      "2026-03-02T12:00:00Z",
    );
    const result = evaluateClaim({ ...input, claim: { ...input.claim, preferredResolution: null } });
    expect(result).toMatchObject({
      eligible: false,
      resolutions: [],
      reasons: ["missing_preference", "no_common_resolution"],
    });
  });

  it("GIVEN the shop pays return shipping for wrong items WHEN an arrival claim says wrong_item THEN the shop pays; damaged keeps the type's payer", () => {
    const policy = {
      arrivalReturnShippingPaidBy: "customer",
      returnShippingPaidByProblem: { wrong_item: "merchant" },
    } as const;
    const wrong = twoProducts({ policy }, "2026-03-02T12:00:00Z");
    expect(evaluateClaim({ ...wrong, claim: { ...wrong.claim, problem: "wrong_item" } }).returnShippingPaidBy).toBe(
      "merchant",
    );
    expect(evaluateClaim({ ...wrong, claim: { ...wrong.claim, problem: "damaged" } }).returnShippingPaidBy).toBe(
      "customer",
    );
  });

  it("GIVEN a claim whose problem does not fit its type THEN the input is refused naming claim.problem", () => {
    const parsed = parseClaimEvaluationInput({ ...anInput(), claim: { ...anInput().claim, problem: "fault" } });
    expect(parsed).toEqual({
      ok: false,
      problems: ['claim.problem: arrival claims take "damaged", "wrong_item", "missing_parts", "not_working"'],
    });
  });

  it("GIVEN evidence requirements differ THEN the union is required, in the order the policies list them", () => {
    const base = twoProducts({
      policy: { arrivalEvidence: ["issue_media"] },
      productOverrides: [
        { productId: gid("Product", 2), arrivalEvidence: ["packaging_photo", "shipping_label_photo", "issue_media"] },
      ],
    });
    expect(evaluateClaim(base).missingEvidence).toEqual([]);
    const noEvidence = evaluateClaim({ ...base, claim: { ...base.claim, evidence: [] } });
    expect(noEvidence.missingEvidence).toEqual(["issue_media", "packaging_photo", "shipping_label_photo"]);
    const onlyProduct1 = evaluateClaim({
      ...base,
      claim: { ...base.claim, items: [{ lineItemId: LINE_1, quantity: 1 }], evidence: [] },
    });
    expect(onlyProduct1.missingEvidence).toEqual(["issue_media"]);
  });

  it("GIVEN one product denies exclusions THEN the claim is excluded when flagged", () => {
    const base = twoProducts(
      { productOverrides: [{ productId: gid("Product", 2), exclusionHandling: "deny" }] },
      "2026-03-02T12:00:00Z",
    );
    const flagged = { ...base, claim: { ...base.claim, answers: { bodyOpened: true } } };
    expect(evaluateClaim(flagged).reasons).toEqual(["excluded"]);
    expect(evaluateClaim(base).reasons).toEqual([]);
  });

  it("GIVEN one product requires a preference THEN an arrival claim without one misses it", () => {
    const base = twoProducts(
      {
        policy: { arrivalRequiresPreference: false },
        productOverrides: [{ productId: gid("Product", 2), arrivalRequiresPreference: true }],
      },
      "2026-03-02T12:00:00Z",
    );
    const withoutPreference = { ...base, claim: { ...base.claim, preferredResolution: undefined } };
    expect(evaluateClaim(withoutPreference).reasons).toEqual(["missing_preference"]);
  });

  it("GIVEN products report-within 3 and 1 days THEN the smaller applies", () => {
    const base = twoProducts(
      { productOverrides: [{ productId: gid("Product", 2), reportWithinDaysOfNotice: 1 }] },
      "2026-03-04T12:00:00Z",
    );
    const claim = {
      ...base.claim,
      type: "warranty" as const,
      answers: { problemFirstNoticedAt: "2026-03-02T12:00:00Z" },
    };
    expect(evaluateClaim({ ...base, claim }).flags).toEqual(["late_report"]);
  });
});

describe("warranty claims", () => {
  it("GIVEN the default warranty payer THEN return shipping is decided on review", () => {
    const result = evaluateClaim(anInput({ claim: { type: "warranty", evidence: ["issue_photo"] } }));
    expect(result.returnShippingPaidBy).toBe("decided_on_review");
    expect(result.eligible).toBe(true);
    expect(result.items[0]?.windowEndsAt).toBe("2027-03-01T22:59:59.999Z");
  });
});

const ZONES = ["Europe/Berlin", "America/New_York", "UTC", "Australia/Sydney"] as const;

describe("properties", () => {
  const scenario = fc.record({
    timezone: fc.constantFrom(...ZONES),
    type: fc.constantFrom("arrival" as const, "warranty" as const),
    deliveredAt: fc.array(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }), {
      minLength: 1,
      maxLength: 4,
    }),
    previouslyClaimed: fc.nat({ max: 4 }),
    claimed: fc.integer({ min: 1, max: 5 }),
    arrivalWindowDays: fc.nat({ max: 10 }),
    warrantyMonths: fc.nat({ max: 36 }),
    now: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
    later: fc.integer({ min: 0, max: 3 * 365 * 24 * 3_600_000 }),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function build(s: Scenario, now: number): ClaimEvaluationInput {
    const fulfillments = s.deliveredAt.map((at) => aFulfillment({ deliveredAt: new Date(at).toISOString() }));
    return anInput({
      now: new Date(now).toISOString(),
      shop: { timezone: s.timezone },
      policy: { arrivalWindowDays: s.arrivalWindowDays, warrantyMonths: s.warrantyMonths },
      order: {
        id: gid("Order", 1),
        lines: [
          aLine(1, { previouslyClaimedQuantity: Math.min(s.previouslyClaimed, fulfillments.length), fulfillments }),
        ],
      },
      claim: {
        type: s.type,
        items: [{ lineItemId: LINE_1, quantity: s.claimed }],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      },
    });
  }

  it("eligibility is monotone in time: eligible later implies eligible earlier; eligible units never grow", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const earlier = evaluateClaim(build(s, s.now));
        const later = evaluateClaim(build(s, s.now + s.later));
        if (later.eligible) expect(earlier.eligible).toBe(true);
        expect(later.items[0]!.eligibleQuantity).toBeLessThanOrEqual(earlier.items[0]!.eligibleQuantity);
      }),
      { numRuns: 300 },
    );
  });

  it("every item is eligible exactly when it has no reason, and eligibleQuantity never exceeds the claim", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = evaluateClaim(build(s, s.now));
        const item = result.items[0]!;
        expect(item.eligible).toBe(item.reasons.length === 0);
        expect(item.eligibleQuantity).toBeLessThanOrEqual(s.claimed);
        if (item.eligible) expect(item.eligibleQuantity).toBe(s.claimed);
        if (item.windowEndsAt !== null) expect(item.windowEndsAt).toMatch(/\.999Z$/);
        expect(ClaimEvaluationSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
