import { describe, expect, it } from "vitest";
import { claimResolutionPolicy } from "./claim-policy-snapshot";

// What a claim's policy offered when it was filed, read from its submitted event.

/** The claim's first event, as far as this reads it. */
const submitted = (data: Record<string, unknown>) => [{ data }];

describe("claimResolutionPolicy", () => {
  it("GIVEN a claim filed with its resolutions and fallback kept THEN those, whatever its type allows", () => {
    const events = submitted({ evaluation: { resolutions: ["repair"], outOfStockFallback: "merchant_decides" } });
    expect(claimResolutionPolicy({ type: "warranty", events })).toEqual({
      resolutions: ["repair"],
      outOfStockFallback: "merchant_decides",
    });
  });

  it.each([
    ["arrival", ["refund", "replacement"]],
    ["warranty", ["refund", "replacement", "repair"]],
  ] as const)(
    "GIVEN a %s claim filed before they were kept THEN its type's resolutions and a refund, as the app did then",
    (type, resolutions) => {
      const events = submitted({ evaluation: { timezone: "Europe/Berlin" } });
      expect(claimResolutionPolicy({ type, events })).toEqual({ resolutions, outOfStockFallback: "refund" });
      expect(claimResolutionPolicy({ type, events: submitted({}) })).toEqual({
        resolutions,
        outOfStockFallback: "refund",
      });
    },
  );

  it("GIVEN a stored event whose kept fallback is not one THEN it throws (our 500, not a guess)", () => {
    const events = submitted({ evaluation: { outOfStockFallback: "wait" } });
    expect(() => claimResolutionPolicy({ type: "arrival", events })).toThrow();
  });
});
