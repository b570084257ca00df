import { describe, expect, it } from "vitest";
import { parseClaimEvaluationInput } from "./evaluate-claim-schema";
import { aFulfillment, aLine, anInput, gid } from "./test-factories";

function problemsOf(input: unknown): string[] {
  const result = parseClaimEvaluationInput(input);
  return result.ok ? [] : result.problems;
}

const valid = anInput();

describe("claim evaluation input", () => {
  it("GIVEN the factory's input THEN it is valid", () => {
    expect(parseClaimEvaluationInput(valid)).toEqual({ ok: true, value: valid });
  });

  it.each<[string, unknown, string[]]>([
    ["not an object", [], ["(root): expected a JSON object"]],
    ["empty object", {}, ["now: required", "shop: required", "order: required", "claim: required"]],
    ["unknown top-level field", { ...valid, extra: 1 }, ["extra: unknown field"]],
    [
      "instant without timezone",
      { ...valid, now: "2026-03-04T12:00:00" },
      ['now: expected an ISO 8601 instant with a timezone, like "2026-03-04T12:00:00Z"'],
    ],
    [
      "impossible date",
      { ...valid, now: "2026-02-29T12:00:00Z" },
      ['now: expected an ISO 8601 instant with a timezone, like "2026-03-04T12:00:00Z"'],
    ],
    [
      "unknown timezone",
      { ...valid, shop: { timezone: "Europe/Atlantis" } },
      ['shop.timezone: expected an IANA timezone like "Europe/Berlin"'],
    ],
    ["policy: unknown field", { ...valid, policy: { warrantyMonth: 24 } }, ["policy.warrantyMonth: unknown field"]],
    [
      "policy: wrong type",
      { ...valid, policy: { warrantyMonths: "24" } },
      ["policy.warrantyMonths: expected a whole number from 0 to 1,200"],
    ],
    [
      "policy: negative",
      { ...valid, policy: { arrivalWindowDays: -1 } },
      ["policy.arrivalWindowDays: expected a whole number from 0 to 3,650"],
    ],
    [
      "policy: zero response hours",
      { ...valid, policy: { responseHours: 0 } },
      ["policy.responseHours: expected a whole number from 1 to 8,760"],
    ],
    [
      "policy: bad enum",
      { ...valid, policy: { exclusionHandling: "ignore" } },
      ['policy.exclusionHandling: expected one of "review", "deny"'],
    ],
    [
      "policy: bad evidence",
      { ...valid, policy: { arrivalEvidence: ["issue_media", "selfie"] } },
      [
        'policy.arrivalEvidence[1]: expected one of "issue_media", "issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"',
      ],
    ],
    [
      "policy: duplicate evidence",
      { ...valid, policy: { warrantyEvidence: ["issue_media", "issue_media"] } },
      ['policy.warrantyEvidence[1]: duplicate "issue_media"'],
    ],
    [
      "policy: component charge",
      {
        ...valid,
        policy: { components: [{ name: "Charger", chargeIfMissing: { amount: "12.345", currencyCode: "EUR" } }] },
      },
      ["policy.components[0].chargeIfMissing.amount: EUR amounts have at most 2 decimal places"],
    ],
    [
      "override: unknown field",
      { ...valid, productOverrides: [{ productId: gid("Product", 2), arrivalWindowDay: 5 }] },
      ["productOverrides[0].arrivalWindowDay: unknown field"],
    ],
    [
      "override: wrong type",
      { ...valid, productOverrides: [{ productId: gid("Product", 2), returnRequired: "yes" }] },
      ["productOverrides[0].returnRequired: expected true or false"],
    ],
    [
      "override: no product",
      { ...valid, productOverrides: [{ warrantyMonths: 6 }] },
      ["productOverrides[0].productId: required"],
    ],
    [
      "override: duplicate product",
      { ...valid, productOverrides: [{ productId: gid("Product", 2) }, { productId: gid("Product", 2) }] },
      ["productOverrides[1].productId: duplicate override for gid://shopify/Product/2"],
    ],
    [
      "claim: zero quantity",
      { ...valid, claim: { ...valid.claim, items: [{ lineItemId: gid("LineItem", 1), quantity: 0 }] } },
      ["claim.items[0].quantity: expected a whole number from 1 to 100,000"],
    ],
    [
      "claim: fractional quantity",
      { ...valid, claim: { ...valid.claim, items: [{ lineItemId: gid("LineItem", 1), quantity: 1.5 }] } },
      ["claim.items[0].quantity: expected a whole number from 1 to 100,000"],
    ],
    [
      "claim: one unit over the limit",
      { ...valid, claim: { ...valid.claim, items: [{ lineItemId: gid("LineItem", 1), quantity: 100_001 }] } },
      ["claim.items[0].quantity: expected a whole number from 1 to 100,000"],
    ],
    [
      "order: a line over the limit",
      { ...valid, order: { ...valid.order, lines: [{ ...valid.order.lines[0], quantity: 100_001 }] } },
      ["order.lines[0].quantity: expected a whole number from 1 to 100,000"],
    ],
    [
      "claim: repair on an arrival claim",
      { ...valid, claim: { ...valid.claim, preferredResolution: "repair" } },
      ['claim.preferredResolution: arrival claims take "refund" or "replacement"'],
    ],
    [
      "claim: no items",
      { ...valid, claim: { ...valid.claim, items: [] } },
      ["claim.items: expected at least one item"],
    ],
    [
      "claim: not a GID",
      { ...valid, claim: { ...valid.claim, items: [{ lineItemId: "1", quantity: 1 }] } },
      ["claim.items[0].lineItemId: expected a Shopify GID like gid://shopify/LineItem/123"],
    ],
    [
      "claim: duplicate item",
      {
        ...valid,
        claim: {
          ...valid.claim,
          items: [
            { lineItemId: gid("LineItem", 1), quantity: 1 },
            { lineItemId: gid("LineItem", 1), quantity: 1 },
          ],
        },
      },
      ["claim.items[1].lineItemId: duplicate line item gid://shopify/LineItem/1"],
    ],
    [
      "claim: bad type",
      { ...valid, claim: { ...valid.claim, type: "damage" } },
      ['claim.type: expected one of "arrival", "warranty"'],
    ],
    [
      "claim: repair on arrival",
      { ...valid, claim: { ...valid.claim, preferredResolution: "repair" } },
      ['claim.preferredResolution: arrival claims take "refund" or "replacement"'],
    ],
    [
      "claim: answer not boolean",
      { ...valid, claim: { ...valid.claim, answers: { bodyOpened: "no" } } },
      ["claim.answers.bodyOpened: expected true or false"],
    ],
    [
      "claim: unknown answer",
      { ...valid, claim: { ...valid.claim, answers: { dropped: true } } },
      ["claim.answers.dropped: unknown field"],
    ],
    [
      "order: over-fulfilled line",
      {
        ...valid,
        order: {
          id: gid("Order", 1),
          lines: [aLine(1, { quantity: 1, fulfillments: [aFulfillment({ quantity: 2 })] })],
        },
      },
      ["order.lines[0].fulfillments: 2 units fulfilled but the line has only 1"],
    ],
    [
      "order: previously claimed more than fulfilled",
      {
        ...valid,
        order: {
          id: gid("Order", 1),
          lines: [
            aLine(1, { quantity: 2, previouslyClaimedQuantity: 2, fulfillments: [aFulfillment({ quantity: 1 })] }),
          ],
        },
      },
      ["order.lines[0].previouslyClaimedQuantity: 2 units previously claimed but only 1 fulfilled"],
    ],
    [
      "order: bad delivery instant",
      {
        ...valid,
        order: { id: gid("Order", 1), lines: [aLine(1, { fulfillments: [aFulfillment({ deliveredAt: "soon" })] })] },
      },
      [
        'order.lines[0].fulfillments[0].deliveredAt: expected an ISO 8601 instant with a timezone, like "2026-03-04T12:00:00Z"',
      ],
    ],
    [
      "order: duplicate line",
      { ...valid, order: { id: gid("Order", 1), lines: [aLine(1), aLine(1)] } },
      ["order.lines[1].lineItemId: duplicate line item gid://shopify/LineItem/1"],
    ],
  ])("GIVEN %s THEN the problems are exactly %o", (_, input, problems) => {
    expect(problemsOf(input)).toEqual(problems);
  });

  it("GIVEN optional fields left out or null THEN the input is valid", () => {
    const minimal = {
      now: "2026-03-04T12:00:00.000+01:00",
      shop: { timezone: "UTC" },
      order: {
        id: gid("Order", 1),
        lines: [
          {
            lineItemId: gid("LineItem", 1),
            productId: gid("Product", 1),
            quantity: 1,
            fulfillments: [{ quantity: 1, fulfilledAt: "2026-03-01T00:00:00Z", locationId: gid("Location", 1) }],
          },
        ],
      },
      claim: {
        type: "warranty",
        items: [{ lineItemId: gid("LineItem", 1), quantity: 1 }],
        evidence: [],
        preferredResolution: null,
      },
    };
    expect(problemsOf(minimal)).toEqual([]);
  });
});
