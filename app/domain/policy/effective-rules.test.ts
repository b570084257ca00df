import { describe, expect, it } from "vitest";
import { describeOverride, effectiveRules } from "./effective-rules";
import { DEFAULT_POLICY } from "./policy-schema";

const euro = (amount: string) => ({ amount, currencyCode: "EUR" });

describe("describeOverride: what an override changes, in the merchant's words", () => {
  it.each([
    [{}, []],
    [{ warrantyMonths: 24 }, ["warranty 24 months"]],
    [{ warrantyMonths: 1 }, ["warranty 1 month"]],
    [{ warrantyMonths: 0 }, ["no warranty"]],
    [{ arrivalWindowDays: 5, returnRequired: false }, ["report damage within 5 days", "no return"]],
    [{ arrivalEvidence: [] }, ["arrival evidence: no evidence"]],
    [
      { warrantyEvidence: ["issue_video", "packaging_photo"] },
      ["warranty evidence: video of the problem, photo of the packaging"],
    ],
    [{ warrantyReturnShippingPaidBy: "customer" }, ["warranty return shipping: the shopper pays"]],
    [
      { exclusionHandling: "deny", arrivalRequiresPreference: false },
      ["excluded causes denied", "does not ask refund or replacement"],
    ],
    [{ components: [] }, ["no parts to return"]],
    [
      {
        arrivalResolutions: ["refund"],
        warrantyResolutions: ["repair", "replacement"],
        outOfStockFallback: "merchant_decides",
      },
      ["arrival: refund", "warranty: replacement or repair", "out of stock: you decide: refund it or wait for stock"],
    ],
    [
      { returnShippingPaidByProblem: { wrong_item: "merchant", fault: "customer" } },
      ["return shipping by problem: wrong item: you pay; fault: the shopper pays"],
    ],
    [
      {
        components: [
          { name: "charger", chargeIfMissing: euro("59.00") },
          { name: "cable", chargeIfMissing: euro("9.90") },
        ],
      },
      ["2 parts"],
    ],
  ] as const)("%j reads %j", (override, words) => {
    expect(describeOverride(override as never)).toEqual(words);
  });

  it("lists the fields in the policy's order, whatever the override's", () => {
    expect(describeOverride({ components: [], responseHours: 24, warrantyMonths: 6 })).toEqual([
      "warranty 6 months",
      "respond within 24 hours",
      "no parts to return",
    ]);
  });
});

describe("effectiveRules: the shop policy with the product's override on top", () => {
  it("GIVEN no override THEN every rule comes from the shop policy", () => {
    const rules = effectiveRules({ ...DEFAULT_POLICY, warrantyMonths: 18 }, null);
    expect(rules.hasOverride).toBe(false);
    expect(rules.rules.map((r) => [r.label, r.value, r.source])).toEqual([
      ["Warranty", "18 months", "shop"],
      ["Report damage on arrival", "3 days after delivery", "shop"],
      [
        "Evidence for arrival claims",
        "photo or video of the problem, photo of the shipping label, photo of the packaging",
        "shop",
      ],
      ["Evidence for warranty claims", "photo or video of the problem", "shop"],
      ["Return", "required", "shop"],
      ["Resolutions for arrival claims", "refund or replacement", "shop"],
      ["Resolutions for warranty claims", "refund, replacement or repair", "shop"],
      ["Replacement out of stock", "refunded", "shop"],
    ]);
    expect(rules).toMatchObject({ components: [], componentsSource: "shop" });
  });

  it("GIVEN an override THEN its fields win and say so; lists are replaced, not merged", () => {
    const shop = { ...DEFAULT_POLICY, components: [{ name: "cable", chargeIfMissing: euro("5.00") }] };
    const rules = effectiveRules(shop, {
      arrivalWindowDays: 0,
      warrantyEvidence: [],
      returnRequired: false,
      warrantyResolutions: ["repair"],
      components: [{ name: "battery", chargeIfMissing: euro("189.00") }],
    });
    expect(rules.hasOverride).toBe(true);
    expect(rules.rules.map((r) => [r.value, r.source])).toEqual([
      ["12 months", "shop"],
      ["no arrival claims", "product"],
      ["photo or video of the problem, photo of the shipping label, photo of the packaging", "shop"],
      ["no evidence", "product"],
      ["not required", "product"],
      ["refund or replacement", "shop"],
      ["repair", "product"],
      ["refunded", "shop"],
    ]);
    expect(rules.components).toEqual([{ name: "battery", chargeIfMissing: euro("189.00") }]);
    expect(rules.componentsSource).toBe("product");
  });

  it("GIVEN an empty override THEN the product has none of its own", () => {
    expect(effectiveRules(DEFAULT_POLICY, {}).hasOverride).toBe(false);
  });
});
