import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { DEFAULT_POLICY, PolicySchema, type ClaimProblem, type Policy, type ShippingPayer } from "./policy-schema";
import {
  combineClaimPolicies,
  mergePolicy,
  parsePolicyOverride,
  parseProductOverride,
  policyForProduct,
  resolveShopPolicy,
} from "./resolve-policy";

describe("defaults", () => {
  it("GIVEN the written guarantee THEN the defaults say 3 days, 12 months, 48 hours and its evidence", () => {
    expect(PolicySchema.parse(DEFAULT_POLICY)).toEqual({
      arrivalWindowDays: 3,
      warrantyMonths: 12,
      responseHours: 48,
      reportWithinDaysOfNotice: 3,
      unknownDeliveryTransitDays: 7,
      exclusionHandling: "review",
      returnRequired: true,
      arrivalReturnShippingPaidBy: "merchant",
      warrantyReturnShippingPaidBy: "decided_on_review",
      returnShippingPaidByProblem: {},
      arrivalResolutions: ["refund", "replacement"],
      warrantyResolutions: ["refund", "replacement", "repair"],
      outOfStockFallback: "refund",
      arrivalEvidence: ["issue_media", "shipping_label_photo", "packaging_photo"],
      warrantyEvidence: ["issue_media"],
      arrivalRequiresPreference: true,
      components: [],
    });
  });

  it("GIVEN a shop policy stored before resolutions were settings WHEN resolved THEN the guarantee's defaults fill them", () => {
    const stored = parsePolicyOverride({ warrantyMonths: 24, arrivalReturnShippingPaidBy: "customer" });
    expect(resolveShopPolicy(stored)).toMatchObject({
      warrantyMonths: 24,
      arrivalResolutions: ["refund", "replacement"],
      warrantyResolutions: ["refund", "replacement", "repair"],
      outOfStockFallback: "refund",
      returnShippingPaidByProblem: {},
    });
  });
});

describe("resolution and shipping fields", () => {
  it.each<[string, unknown, string]>([
    [
      "repair on arrival",
      { arrivalResolutions: ["refund", "repair"] },
      'arrivalResolutions[1]: arrival claims take "refund", "replacement"',
    ],
    ["an empty list", { warrantyResolutions: [] }, "warrantyResolutions: expected at least one resolution"],
    ["a duplicate", { warrantyResolutions: ["repair", "repair"] }, 'warrantyResolutions[1]: duplicate "repair"'],
    [
      "an unknown resolution",
      { warrantyResolutions: ["voucher"] },
      'warrantyResolutions[0]: warranty claims take "refund", "replacement", "repair"',
    ],
    ["an unknown fallback", { outOfStockFallback: "wait" }, "outOfStockFallback: "],
    [
      "an unknown problem",
      { returnShippingPaidByProblem: { broken: "merchant" } },
      "returnShippingPaidByProblem.broken: unknown field",
    ],
    ["an unknown payer", { returnShippingPaidByProblem: { fault: "nobody" } }, "returnShippingPaidByProblem.fault: "],
  ])("GIVEN %s THEN the override is refused naming the field", (_, override, message) => {
    expect(() => parsePolicyOverride(override)).toThrow(message);
  });

  it("GIVEN a product override of warranty resolutions THEN it replaces the shop's list whole, other fields stay the shop's", () => {
    const shop = resolveShopPolicy({ outOfStockFallback: "merchant_decides" });
    const product = policyForProduct(
      shop,
      [{ productId: "gid://shopify/Product/2", warrantyResolutions: ["repair"] }],
      "gid://shopify/Product/2",
    );
    expect(product.warrantyResolutions).toEqual(["repair"]);
    expect(product.arrivalResolutions).toEqual(["refund", "replacement"]);
    expect(product.outOfStockFallback).toBe("merchant_decides");
  });
});

describe("overrides", () => {
  it("GIVEN shop and product overrides THEN each field overrides, lists are replaced", () => {
    const shop = resolveShopPolicy({ warrantyMonths: 24, arrivalEvidence: ["issue_media"] });
    expect(shop.warrantyMonths).toBe(24);
    expect(shop.arrivalEvidence).toEqual(["issue_media"]);
    expect(shop.responseHours).toBe(48);
    const overrides = [{ productId: "gid://shopify/Product/2", arrivalWindowDays: 5, warrantyEvidence: [] }];
    const product2 = policyForProduct(shop, overrides, "gid://shopify/Product/2");
    expect(product2).toEqual({ ...shop, arrivalWindowDays: 5, warrantyEvidence: [] });
    expect(product2).not.toHaveProperty("productId");
    expect(policyForProduct(shop, overrides, "gid://shopify/Product/3")).toBe(shop);
    expect(DEFAULT_POLICY.warrantyMonths).toBe(12); // merging never mutates
  });

  it("GIVEN an override that leaves a field undefined THEN the base value stays", () => {
    expect(mergePolicy(DEFAULT_POLICY, { responseHours: undefined }).responseHours).toBe(48);
  });

  it.each<[unknown, string]>([
    [{ warrantyMonth: 6 }, "warrantyMonth: unknown field"],
    [{ warrantyMonths: -1 }, "warrantyMonths: expected a whole number from 0 to 1,200"],
    [{ returnRequired: 1 }, "returnRequired: expected true or false"],
    [
      { components: [{ name: "", chargeIfMissing: { amount: "5.00", currencyCode: "EUR" } }] },
      "components[0].name: expected a component name",
    ],
    [
      { components: [{ name: "Cable", chargeIfMissing: { amount: "5", currencyCode: "eur" } }] },
      "components[0].chargeIfMissing.currencyCode: expected an ISO 4217 currency code like EUR",
    ],
    ["24 months", "(root): expected a policy object"],
  ])("GIVEN the override %o THEN it is rejected naming the path: %s", (override, message) => {
    expect(() => parsePolicyOverride(override)).toThrow(new DomainError("invalid", "policy.invalid_override", message));
    try {
      parsePolicyOverride(override);
    } catch (error) {
      expect(error).toMatchObject({ kind: "invalid", code: "policy.invalid_override", message });
    }
  });

  it("GIVEN a product override THEN it needs a product GID and rejects unknown fields", () => {
    expect(parseProductOverride({ productId: "gid://shopify/Product/2", warrantyMonths: 6 })).toEqual({
      productId: "gid://shopify/Product/2",
      warrantyMonths: 6,
    });
    expect(() => parseProductOverride({ productId: "gid://shopify/Product/2", colour: "red" })).toThrow(
      "colour: unknown field",
    );
  });
});

describe("combineClaimPolicies: strictest first", () => {
  const shop = DEFAULT_POLICY;
  const withChanges = (changes: Partial<Policy>): Policy => ({ ...shop, ...changes });

  it("GIVEN no item policies (every item unknown) THEN the shop policy stands", () => {
    expect(combineClaimPolicies(shop, [], "arrival")).toEqual({
      evidence: ["issue_media", "shipping_label_photo", "packaging_photo"],
      returnRequired: true,
      requiresPreference: true,
      exclusionHandling: "review",
      responseHours: 48,
      reportWithinDaysOfNotice: 3,
      returnShippingPaidBy: "merchant",
      resolutions: ["refund", "replacement"],
      outOfStockFallback: "refund",
    });
  });

  it.each<[string, Partial<Policy>, Partial<Policy>, "arrival" | "warranty", Record<string, unknown>]>([
    [
      "evidence union in order",
      { warrantyEvidence: ["packaging_photo"] },
      { warrantyEvidence: ["issue_video", "packaging_photo"] },
      "warranty",
      { evidence: ["packaging_photo", "issue_video"] },
    ],
    [
      "return required if any",
      { returnRequired: false },
      { returnRequired: true },
      "arrival",
      { returnRequired: true },
    ],
    [
      "no return only if none",
      { returnRequired: false },
      { returnRequired: false },
      "arrival",
      { returnRequired: false },
    ],
    [
      "preference if any",
      { arrivalRequiresPreference: false },
      { arrivalRequiresPreference: true },
      "arrival",
      { requiresPreference: true },
    ],
    ["never a preference on warranty", {}, {}, "warranty", { requiresPreference: false }],
    ["deny if any", { exclusionHandling: "deny" }, {}, "warranty", { exclusionHandling: "deny" }],
    ["smallest response hours", { responseHours: 72 }, { responseHours: 12 }, "arrival", { responseHours: 12 }],
    [
      "smallest report days",
      { reportWithinDaysOfNotice: 1 },
      { reportWithinDaysOfNotice: 5 },
      "warranty",
      { reportWithinDaysOfNotice: 1 },
    ],
    [
      "payers disagree: the shop's",
      { warrantyReturnShippingPaidBy: "customer" },
      { warrantyReturnShippingPaidBy: "merchant" },
      "warranty",
      { returnShippingPaidBy: "decided_on_review" },
    ],
    [
      "payers agree: theirs",
      { warrantyReturnShippingPaidBy: "customer" },
      { warrantyReturnShippingPaidBy: "customer" },
      "warranty",
      { returnShippingPaidBy: "customer" },
    ],
    [
      "resolutions: the intersection, in the canonical order",
      { warrantyResolutions: ["repair", "refund"] },
      { warrantyResolutions: ["replacement", "repair", "refund"] },
      "warranty",
      { resolutions: ["refund", "repair"] },
    ],
    [
      "resolutions: nothing in common",
      { arrivalResolutions: ["refund"] },
      { arrivalResolutions: ["replacement"] },
      "arrival",
      { resolutions: [] },
    ],
    [
      "resolutions of the claim's type only",
      { warrantyResolutions: ["repair"] },
      {},
      "arrival",
      { resolutions: ["refund", "replacement"] },
    ],
    [
      "out of stock: the merchant decides if any",
      { outOfStockFallback: "merchant_decides" },
      {},
      "warranty",
      { outOfStockFallback: "merchant_decides" },
    ],
    ["out of stock: refund if all", {}, {}, "warranty", { outOfStockFallback: "refund" }],
  ])("GIVEN %s THEN %o", (_, a, b, type, expected) => {
    expect(combineClaimPolicies(shop, [withChanges(a), withChanges(b)], type)).toMatchObject(expected);
  });

  it.each<[string, Partial<Policy>, Partial<Policy>, "arrival" | "warranty", ClaimProblem | undefined, ShippingPayer]>([
    ["no per-problem payer: the type's", {}, {}, "arrival", "wrong_item", "merchant"],
    [
      "the problem's payer over the type's",
      { returnShippingPaidByProblem: { fault: "merchant" } },
      { returnShippingPaidByProblem: { fault: "merchant" } },
      "warranty",
      "fault",
      "merchant",
    ],
    [
      "another problem's payer does not apply",
      { returnShippingPaidByProblem: { damaged: "customer" } },
      { returnShippingPaidByProblem: { damaged: "customer" } },
      "arrival",
      "wrong_item",
      "merchant",
    ],
    [
      "no problem given: the type's",
      { returnShippingPaidByProblem: { fault: "merchant" } },
      { returnShippingPaidByProblem: { fault: "merchant" } },
      "warranty",
      undefined,
      "decided_on_review",
    ],
    [
      "items disagree for the problem: the shop's for it",
      { returnShippingPaidByProblem: { fault: "customer" } },
      {},
      "warranty",
      "fault",
      "decided_on_review",
    ],
  ])("GIVEN %s THEN the payer is %s", (_, a, b, type, problem, payer) => {
    expect(combineClaimPolicies(shop, [withChanges(a), withChanges(b)], type, problem).returnShippingPaidBy).toBe(
      payer,
    );
  });

  it("GIVEN a shop policy naming a payer for a problem and items that disagree THEN the shop's payer for that problem applies", () => {
    const shopWithProblem = { ...shop, returnShippingPaidByProblem: { fault: "customer" as const } };
    const items = [
      { ...shopWithProblem },
      { ...shopWithProblem, returnShippingPaidByProblem: { fault: "merchant" as const } },
    ];
    expect(combineClaimPolicies(shopWithProblem, items, "warranty", "fault").returnShippingPaidBy).toBe("customer");
  });
});
