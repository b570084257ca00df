import { describe, expect, it } from "vitest";
import type { ClaimUnit } from "../../claim-units";
import type { Claim } from "../../evaluate-claim-schema";
import { aLine } from "../../test-factories";
import type { Flag } from "../codes";
import { DEFAULT_POLICY } from "../policy-schema";
import { combineClaimPolicies, type ClaimPolicy } from "../resolve-policy";
import { arrivalWindow } from "./arrival-window";
import { claimableQuantity } from "./claimable-quantity";
import { coverage } from "./coverage";
import { deliveryDateEstimated } from "./delivery-date-estimated";
import { evidence } from "./evidence";
import { exclusionAnswers } from "./exclusion-answers";
import { exclusionHandling } from "./exclusion-handling";
import { fulfilled } from "./fulfilled";
import { lateReport } from "./late-report";
import { lineItemKnown } from "./line-item-known";
import { preference } from "./preference";
import { resolutionOffered } from "./resolution-offered";
import { CLAIM_RULES, ITEM_RULES } from "./registry";
import type { ClaimRule, ClaimRuleContext, ItemRuleContext } from "./rule-types";
import { warrantyWindow } from "./warranty-window";

const NOW = Date.parse("2026-03-04T12:00:00Z");
const unit = (arrivalEnd: number | null, warrantyEnd: number | null, estimated = false): ClaimUnit => ({
  deliveredAt: NOW - 86_400_000,
  deliveryEstimated: estimated,
  locationId: "gid://shopify/Location/1",
  arrivalWindowEndsAt: arrivalEnd,
  warrantyWindowEndsAt: warrantyEnd,
});
const open = unit(NOW, NOW + 1);
const closed = unit(NOW - 1, NOW - 1);

function itemContext(overrides: Partial<ItemRuleContext> = {}): ItemRuleContext {
  return {
    claimType: "arrival",
    now: NOW,
    quantity: 1,
    line: aLine(1),
    policy: DEFAULT_POLICY,
    fulfilledUnits: 1,
    claimableUnits: 1,
    drawnUnits: [open],
    ...overrides,
  };
}

function claimContext(
  claim: Partial<Claim> = {},
  policy: Partial<ClaimPolicy> = {},
  drawnUnits: ClaimUnit[] = [open],
): ClaimRuleContext {
  return {
    claim: {
      type: "arrival",
      items: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1 }],
      evidence: [],
      ...claim,
    },
    now: NOW,
    policy: { ...combineClaimPolicies(DEFAULT_POLICY, [], claim.type ?? "arrival"), ...policy },
    drawnUnits,
  };
}

describe("item rules", () => {
  it.each<[string, (c: ItemRuleContext) => readonly string[], Partial<ItemRuleContext>, string[]]>([
    ["lineItemKnown: on the order", lineItemKnown, {}, []],
    ["lineItemKnown: not on the order", lineItemKnown, { line: undefined, policy: undefined }, ["unknown_line_item"]],
    ["fulfilled: fulfilled", fulfilled, {}, []],
    [
      "fulfilled: nothing fulfilled",
      fulfilled,
      { fulfilledUnits: 0, claimableUnits: 0, drawnUnits: [] },
      ["not_fulfilled"],
    ],
    ["fulfilled: unknown line is not this rule's business", fulfilled, { line: undefined, fulfilledUnits: 0 }, []],
    [
      "claimableQuantity: exactly claimable",
      claimableQuantity,
      { quantity: 2, claimableUnits: 2, fulfilledUnits: 3 },
      [],
    ],
    [
      "claimableQuantity: one too many",
      claimableQuantity,
      { quantity: 3, claimableUnits: 2, fulfilledUnits: 3 },
      ["quantity_exceeds_claimable"],
    ],
    [
      "claimableQuantity: nothing fulfilled is another rule",
      claimableQuantity,
      { quantity: 1, claimableUnits: 0, fulfilledUnits: 0 },
      [],
    ],
    ["coverage: arrival offered", coverage, {}, []],
    [
      "coverage: arrival not offered",
      coverage,
      { policy: { ...DEFAULT_POLICY, arrivalWindowDays: 0 } },
      ["not_covered"],
    ],
    [
      "coverage: no warranty",
      coverage,
      { claimType: "warranty", policy: { ...DEFAULT_POLICY, warrantyMonths: 0 } },
      ["not_covered"],
    ],
    [
      "coverage: no warranty does not matter for arrival",
      coverage,
      { policy: { ...DEFAULT_POLICY, warrantyMonths: 0 } },
      [],
    ],
    ["arrivalWindow: now is the window's last millisecond", arrivalWindow, { drawnUnits: [open] }, []],
    [
      "arrivalWindow: one unit a millisecond late",
      arrivalWindow,
      { quantity: 2, drawnUnits: [open, closed] },
      ["window_expired"],
    ],
    ["arrivalWindow: only for arrival claims", arrivalWindow, { claimType: "warranty", drawnUnits: [closed] }, []],
    [
      "arrivalWindow: silent when not offered",
      arrivalWindow,
      { policy: { ...DEFAULT_POLICY, arrivalWindowDays: 0 }, drawnUnits: [unit(null, null)] },
      [],
    ],
    ["warrantyWindow: open", warrantyWindow, { claimType: "warranty", drawnUnits: [open] }, []],
    ["warrantyWindow: over", warrantyWindow, { claimType: "warranty", drawnUnits: [closed] }, ["window_expired"]],
    ["warrantyWindow: only for warranty claims", warrantyWindow, { drawnUnits: [closed] }, []],
  ])("%s", (_, rule, overrides, reasons) => {
    expect(rule(itemContext(overrides))).toEqual(reasons);
  });

  it("GIVEN the registry THEN every item rule is in it once", () => {
    expect(ITEM_RULES).toEqual([lineItemKnown, fulfilled, claimableQuantity, coverage, arrivalWindow, warrantyWindow]);
  });
});

describe("claim rules", () => {
  it.each<[string, ClaimRule, ClaimRuleContext, Flag[], unknown]>([
    ["exclusionAnswers: none", exclusionAnswers, claimContext({ answers: {} }), [], { flags: [] }],
    [
      "exclusionAnswers: false is not a flag",
      exclusionAnswers,
      claimContext({ answers: { bodyOpened: false } }),
      [],
      { flags: [] },
    ],
    [
      "exclusionAnswers: two, in order",
      exclusionAnswers,
      claimContext({ answers: { accidentalDamage: true, firmwareFlashed: true } }),
      [],
      { flags: ["firmware_flashed", "accidental_damage"] },
    ],
    [
      "lateReport: in time",
      lateReport,
      claimContext({ type: "warranty", answers: { problemFirstNoticedAt: "2026-03-01T12:00:00Z" } }),
      [],
      {},
    ],
    [
      "lateReport: a millisecond late",
      lateReport,
      claimContext({ type: "warranty", answers: { problemFirstNoticedAt: "2026-03-01T11:59:59.999Z" } }),
      [],
      { flags: ["late_report"] },
    ],
    ["lateReport: not asked", lateReport, claimContext({ type: "warranty" }), [], {}],
    ["deliveryDateEstimated: confirmed", deliveryDateEstimated, claimContext(), [], {}],
    [
      "deliveryDateEstimated: estimated",
      deliveryDateEstimated,
      claimContext({}, {}, [open, unit(NOW, NOW, true)]),
      [],
      { flags: ["delivery_date_estimated"] },
    ],
    [
      "evidence: complete",
      evidence,
      claimContext({ evidence: ["issue_video", "packaging_photo", "shipping_label_photo"] }),
      [],
      {},
    ],
    [
      "evidence: incomplete",
      evidence,
      claimContext({ evidence: ["issue_video"] }),
      [],
      { reasons: ["missing_evidence"], missingEvidence: ["shipping_label_photo", "packaging_photo"] },
    ],
    ["preference: given", preference, claimContext({ preferredResolution: "refund" }), [], {}],
    ["preference: missing", preference, claimContext(), [], { reasons: ["missing_preference"] }],
    ["preference: not required", preference, claimContext({}, { requiresPreference: false }), [], {}],
    ["resolutionOffered: none asked", resolutionOffered, claimContext({ preferredResolution: null }), [], {}],
    ["resolutionOffered: offered", resolutionOffered, claimContext({ preferredResolution: "replacement" }), [], {}],
    [
      "resolutionOffered: not offered",
      resolutionOffered,
      claimContext({ preferredResolution: "replacement" }, { resolutions: ["refund"] }),
      [],
      { reasons: ["resolution_not_offered"] },
    ],
    [
      "resolutionOffered: nothing in common, whatever is asked",
      resolutionOffered,
      claimContext({ preferredResolution: null }, { resolutions: [] }),
      [],
      { reasons: ["no_common_resolution"] },
    ],
    ["exclusionHandling: review", exclusionHandling, claimContext(), ["body_opened"], {}],
    [
      "exclusionHandling: deny, excluded",
      exclusionHandling,
      claimContext({}, { exclusionHandling: "deny" }),
      ["late_report"],
      { reasons: ["excluded"] },
    ],
    [
      "exclusionHandling: deny, only an estimate",
      exclusionHandling,
      claimContext({}, { exclusionHandling: "deny" }),
      ["delivery_date_estimated"],
      {},
    ],
  ])("%s", (_, rule, context, flagsSoFar, result) => {
    expect(rule(context, flagsSoFar)).toEqual(result);
  });

  it("GIVEN the registry THEN flag-raising rules run before exclusionHandling", () => {
    expect(CLAIM_RULES).toEqual([
      exclusionAnswers,
      lateReport,
      deliveryDateEstimated,
      evidence,
      preference,
      resolutionOffered,
      exclusionHandling,
    ]);
  });
});
