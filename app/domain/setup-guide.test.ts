import { describe, expect, it } from "vitest";
import { GUIDE_DISMISSED, setupGuideState, type SetupFacts } from "./setup-guide";

const NOTHING: SetupFacts = { shopPolicySaved: false, shopperFiledClaim: false, returnAddressesSet: false };
const done = (facts: SetupFacts, marks: string[]) =>
  setupGuideState(facts, new Set(marks))
    .steps.filter((s) => s.done)
    .map((s) => `${s.step}:${s.doneBy}`);

describe("setupGuideState", () => {
  it.each([
    // GIVEN these facts and marks THEN these steps are done, and how
    [NOTHING, [], []],
    [{ ...NOTHING, shopPolicySaved: true }, [], ["review_policy:detected"]],
    [{ ...NOTHING, shopperFiledClaim: true }, [], ["add_claim_extension:detected"]],
    [NOTHING, ["add_claim_extension"], ["add_claim_extension:marked"]],
    // What the app sees wins over a mark: it cannot be unticked.
    [{ ...NOTHING, shopPolicySaved: true }, ["review_policy"], ["review_policy:detected"]],
    [{ ...NOTHING, returnAddressesSet: true }, [], ["set_return_addresses:detected"]],
    [NOTHING, ["set_return_addresses"], ["set_return_addresses:marked"]],
    [NOTHING, ["try_policy_tester", GUIDE_DISMISSED], ["try_policy_tester:marked"]],
  ] as const)("%o with marks %o: %o", (facts, marks, expected) => {
    expect(done(facts, [...marks])).toEqual(expected);
  });

  it("counts only required steps, and hides the guide once they are done or it was dismissed", () => {
    const required = ["review_policy", "add_claim_extension", "try_policy_tester"];
    expect(setupGuideState(NOTHING, new Set(required.slice(0, 2)))).toMatchObject({
      doneCount: 2,
      requiredCount: 3,
      complete: false,
      visible: true,
    });
    // The optional return addresses never hold the guide open.
    expect(setupGuideState(NOTHING, new Set(required))).toMatchObject({ doneCount: 3, complete: true, visible: false });
    expect(setupGuideState(NOTHING, new Set([GUIDE_DISMISSED]))).toMatchObject({
      complete: false,
      dismissed: true,
      visible: false,
    });
  });
});
