import { describe, expect, it } from "vitest";
import { evaluateClaim } from "./evaluate-claim";
import { EvaluationAtSubmissionSchema, evaluationAtSubmission } from "./evaluation-at-submission";
import { aFulfillment, aLine, anInput, gid } from "./test-factories";

const LINE_1 = gid("LineItem", 1);

describe("the evaluation kept at submission", () => {
  it("GIVEN two units of a line delivered on different days, one estimated THEN each delivery keeps its windows in the shop's timezone", () => {
    const input = anInput({
      now: "2026-03-04T12:00:00Z",
      productOverrides: [{ productId: gid("Product", 1), warrantyMonths: 6, arrivalWindowDays: 3 }],
      order: {
        id: gid("Order", 1),
        lines: [
          aLine(1, {
            quantity: 3,
            fulfillments: [
              aFulfillment({ quantity: 2, deliveredAt: "2026-03-02T10:00:00Z" }),
              aFulfillment({ quantity: 1, deliveredAt: null, estimatedDeliveryAt: "2026-03-03T10:00:00Z" }),
            ],
          }),
        ],
      },
      claim: { items: [{ lineItemId: LINE_1, quantity: 3 }] },
    });

    const kept = evaluationAtSubmission(input, evaluateClaim(input));

    expect(EvaluationAtSubmissionSchema.parse(kept)).toEqual(kept);
    expect(kept).toEqual({
      timezone: "Europe/Berlin",
      eligible: true,
      reasons: [],
      flags: ["delivery_date_estimated"],
      missingEvidence: [],
      evidenceRequired: ["issue_media", "shipping_label_photo", "packaging_photo"],
      exclusionHandling: "review",
      reportWithinDaysOfNotice: 3,
      resolutions: ["refund", "replacement"],
      outOfStockFallback: "refund",
      items: [
        {
          lineItemId: LINE_1,
          eligible: true,
          eligibleQuantity: 3,
          reasons: [],
          // latest delivered first, as the claim draws them; windows end at 23:59:59.999 in Berlin (UTC+1)
          deliveries: [
            {
              quantity: 1,
              deliveredAt: "2026-03-03T10:00:00.000Z",
              estimated: true,
              arrivalWindowEndsAt: "2026-03-06T22:59:59.999Z",
              warrantyWindowEndsAt: "2026-09-03T21:59:59.999Z",
            },
            {
              quantity: 2,
              deliveredAt: "2026-03-02T10:00:00.000Z",
              estimated: false,
              arrivalWindowEndsAt: "2026-03-05T22:59:59.999Z",
              warrantyWindowEndsAt: "2026-09-02T21:59:59.999Z",
            },
          ],
        },
      ],
    });
  });

  it("GIVEN a warranty claim with an exclusion answered yes under a policy that denies exclusions THEN it keeps why it was not eligible", () => {
    const input = anInput({
      policy: { exclusionHandling: "deny", warrantyEvidence: ["issue_video"] },
      claim: { type: "warranty", evidence: ["issue_photo"], answers: { bodyOpened: true }, preferredResolution: null },
    });

    const kept = evaluationAtSubmission(input, evaluateClaim(input));

    expect(kept).toMatchObject({
      eligible: false,
      reasons: ["missing_evidence", "excluded"],
      flags: ["body_opened"],
      missingEvidence: ["issue_video"],
      evidenceRequired: ["issue_video"],
      exclusionHandling: "deny",
    });
    expect(kept.items[0]?.deliveries).toHaveLength(1);
  });

  it("GIVEN a line item that is not on the order THEN it is kept with its reason and no delivery", () => {
    const input = anInput({ claim: { items: [{ lineItemId: gid("LineItem", 9), quantity: 1 }] } });

    const kept = evaluationAtSubmission(input, evaluateClaim(input));

    expect(kept.items).toEqual([
      {
        lineItemId: gid("LineItem", 9),
        eligible: false,
        eligibleQuantity: 0,
        reasons: ["unknown_line_item"],
        deliveries: [],
      },
    ]);
  });
});
