import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type Policy } from "./policy-schema";
import { previewPolicy, timeZoneName } from "./policy-preview";

const at = (iso: string) => Date.parse(iso);
const policy = (fields: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...fields });

describe("the policy preview", () => {
  it("GIVEN the default policy in Berlin WHEN an item is delivered on Tuesday 3 March THEN damage can be reported until Friday 6 March 23:59 and the warranty runs a year", () => {
    const preview = previewPolicy(policy(), at("2026-03-03T09:00:00Z"), "Europe/Berlin", "A power bank");

    expect(preview.sentences[0]).toBe(
      "A power bank delivered on Tuesday 3 March can be reported as damaged, wrong or not working on arrival " +
        "until Friday 6 March, 23:59 Berlin time, and is under warranty until Wednesday 3 March 2027, 23:59 Berlin time.",
    );
    // The window ends are the engine's: the last millisecond of the day in Berlin (UTC+1 in March).
    expect(preview.arrivalWindowEndsAt).toBe(at("2026-03-06T22:59:59.999Z"));
    expect(preview.warrantyEndsAt).toBe(at("2027-03-03T22:59:59.999Z"));
  });

  it("GIVEN a delivery late in the UTC evening WHEN the shop is in Berlin THEN the day counts from Berlin's date, not UTC's", () => {
    const preview = previewPolicy(policy({ arrivalWindowDays: 1 }), at("2026-03-02T23:30:00Z"), "Europe/Berlin");

    expect(preview.sentences[0]).toMatch(
      /^An item delivered on Tuesday 3 March .* until Wednesday 4 March, 23:59 Berlin time/,
    );
  });

  it("GIVEN the window crosses the spring clock change WHEN previewed THEN it still ends at 23:59 local time (one hour earlier in UTC)", () => {
    // Berlin moves to summer time on Sunday 29 March 2026.
    const preview = previewPolicy(policy({ arrivalWindowDays: 3 }), at("2026-03-27T10:00:00Z"), "Europe/Berlin");

    expect(preview.arrivalWindowEndsAt).toBe(at("2026-03-30T21:59:59.999Z"));
    expect(preview.sentences[0]).toContain("until Monday 30 March, 23:59 Berlin time");
  });

  it.each([
    ["2026-01-31T12:00:00Z", 1, "Saturday 28 February", at("2026-02-28T23:59:59.999Z")],
    ["2027-01-31T12:00:00Z", 13, "Tuesday 29 February 2028", at("2028-02-29T23:59:59.999Z")],
    ["2026-08-31T12:00:00Z", 1, "Wednesday 30 September", at("2026-09-30T23:59:59.999Z")],
  ])(
    "GIVEN a delivery on %s and a warranty of %i months WHEN the month is shorter THEN the warranty ends on its last day (%s)",
    (delivered, months, day, end) => {
      const preview = previewPolicy(policy({ warrantyMonths: months }), at(delivered), "UTC");

      expect(preview.sentences[0]).toContain(`is under warranty until ${day}, 23:59 UTC.`);
      expect(preview.warrantyEndsAt).toBe(end);
    },
  );

  it("GIVEN a shop in New York WHEN previewed THEN the deadline is named in New York time", () => {
    const preview = previewPolicy(policy(), at("2026-11-02T03:00:00Z"), "America/New_York");

    // 03:00 UTC on 2 November is still 1 November in New York.
    expect(preview.sentences[0]).toContain("delivered on Sunday 1 November");
    expect(preview.sentences[0]).toContain("until Wednesday 4 November, 23:59 New York time");
    expect(timeZoneName("America/New_York")).toBe("New York time");
  });

  it("GIVEN no arrival claims and no warranty WHEN previewed THEN the sentence says neither is offered", () => {
    const preview = previewPolicy(
      policy({ arrivalWindowDays: 0, warrantyMonths: 0 }),
      at("2026-03-03T09:00:00Z"),
      "UTC",
    );

    expect(preview.sentences[0]).toBe(
      "An item delivered on Tuesday 3 March cannot be reported as damaged, wrong or not working on arrival, and has no warranty.",
    );
    expect(preview).toMatchObject({ arrivalWindowEndsAt: null, warrantyEndsAt: null });
  });

  it("GIVEN every other field WHEN previewed THEN each has its sentence in plain words", () => {
    const preview = previewPolicy(
      policy({
        responseHours: 72,
        arrivalEvidence: ["issue_photo", "packaging_photo"],
        warrantyEvidence: [],
        arrivalRequiresPreference: false,
        returnRequired: false,
        arrivalReturnShippingPaidBy: "customer",
        warrantyReturnShippingPaidBy: "merchant",
        returnShippingPaidByProblem: { wrong_item: "merchant" },
        arrivalResolutions: ["replacement"],
        warrantyResolutions: ["refund", "repair"],
        outOfStockFallback: "merchant_decides",
        reportWithinDaysOfNotice: 1,
        exclusionHandling: "deny",
        unknownDeliveryTransitDays: 10,
        components: [{ name: "Charger", chargeIfMissing: { amount: "12.50", currencyCode: "EUR" } }],
      }),
      at("2026-03-03T09:00:00Z"),
      "UTC",
    );

    expect(preview.sentences.slice(1)).toEqual([
      "You promise an answer within 72 hours (3 days) of each claim; the inbox counts down to it.",
      "Arrival claims must include a photo of the problem and a photo of the packaging.",
      "Warranty claims need no photos or videos.",
      "An arrival claim may leave the choice between a refund and a replacement to you.",
      "Arrival claims can ask for a replacement; warranty claims for a refund or repair; a replacement out of stock waits for your choice instead of being refunded.",
      "An approved claim does not ask for the item back (you can ask for it per claim); on arrival claims the shopper pays the return shipping, on warranty claims you pay the return shipping. By problem: wrong item: you pay.",
      "A fault must be reported within 1 day of the shopper noticing it; a later report counts as an exclusion. A claim where an exclusion applies (firmware flashed, body opened, parts changed, misuse, use after the fault, accidental damage, a late report) is refused at once.",
      "When the carrier never confirms delivery, the windows count from the carrier's estimate, or else from 10 days after shipping, and the claim is marked as counted from an estimate.",
      "A return must include Charger (12.50 EUR); a missing part is charged at that price.",
    ]);
  });
});
