import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../domain/policy/policy-schema";
import { checkDraft, draftOf, policyInputOf } from "./policy-draft";

// The settings form's state against the engine's schema: what the merchant types is judged with
// the same messages the server answers with, and the policy round-trips through the form unchanged.

describe("the settings form's draft", () => {
  it("GIVEN a policy WHEN it becomes the form and is sent back THEN it is the same policy", () => {
    const policy = {
      ...DEFAULT_POLICY,
      components: [{ name: "Charger", chargeIfMissing: { amount: "12.50", currencyCode: "EUR" } }],
    };

    expect(checkDraft(draftOf(policy), "EUR")).toEqual({ policy, errors: {} });
  });

  it.each([
    ["", "expected a whole number from 0 to 3,650"],
    ["two", "expected a whole number from 0 to 3,650"],
    ["2.5", "expected a whole number from 0 to 3,650"],
    ["-1", "expected a whole number from 0 to 3,650"],
  ])(
    "GIVEN the arrival window typed as %j THEN the field says %s and there is no policy to preview",
    (typed, message) => {
      const checked = checkDraft({ ...draftOf(DEFAULT_POLICY), arrivalWindowDays: typed }, "EUR");

      expect(checked).toEqual({ policy: null, errors: { arrivalWindowDays: message } });
    },
  );

  it("GIVEN a number typed with spaces WHEN sent THEN it is the number", () => {
    expect(policyInputOf({ ...draftOf(DEFAULT_POLICY), warrantyMonths: " 24 " }, "EUR").warrantyMonths).toBe(24);
  });

  it("GIVEN a part without a name or with a bad charge THEN each field names its own problem", () => {
    const checked = checkDraft(
      {
        ...draftOf(DEFAULT_POLICY),
        components: [
          { name: "", amount: "5.00" },
          { name: "Cable", amount: "5.001" },
        ],
      },
      "EUR",
    );

    expect(checked.policy).toBeNull();
    expect(Object.keys(checked.errors)).toEqual(["components.0.name", "components.1.chargeIfMissing.amount"]);
    expect(checked.errors["components.0.name"]).toBe("expected a component name");
  });
});
