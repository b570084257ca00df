import { z } from "zod";

// The first-run setup guide on the app's home: its steps, in the order a merchant takes them, and
// when each counts as done. A step is done when the app can see it is (a fact: the policy was
// saved, a shopper filed a claim) or when the merchant said so (a mark kept in the SetupStep
// table). The guide shows until every required step is done, or until the merchant dismisses it.

const SETUP_STEPS = ["review_policy", "add_claim_extension", "set_return_addresses", "try_policy_tester"] as const;
export const SetupStepSchema = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStepSchema>;

/** The SetupStep row that records the merchant dismissing the guide (beside the steps' marks). */
export const GUIDE_DISMISSED = "guide_dismissed";

/** Steps a merchant can skip: the guide is done without them. */
const OPTIONAL_STEPS: ReadonlySet<SetupStep> = new Set(["set_return_addresses"]);

/** What the app can see for itself; where it sees nothing, the merchant's mark decides. */
export interface SetupFacts {
  shopPolicySaved: boolean;
  shopperFiledClaim: boolean;
  /** A location's return address or overseas flag was saved (its own address needs no saving: a mark). */
  returnAddressesSet: boolean;
}

type SetupEvidence = "detected" | "marked" | null;

export interface SetupGuideStep {
  step: SetupStep;
  optional: boolean;
  done: boolean;
  /** How it is done: seen by the app, or marked by the merchant; null while not done. */
  doneBy: SetupEvidence;
}

export interface SetupGuideState {
  steps: SetupGuideStep[];
  /** Done steps of the required ones, as the progress count says it. */
  doneCount: number;
  requiredCount: number;
  complete: boolean;
  dismissed: boolean;
  /** Whether the guide is shown: neither complete nor dismissed. */
  visible: boolean;
}

function detected(step: SetupStep, facts: SetupFacts): boolean {
  switch (step) {
    case "review_policy":
      return facts.shopPolicySaved;
    case "add_claim_extension":
      return facts.shopperFiledClaim;
    case "set_return_addresses":
      return facts.returnAddressesSet;
    case "try_policy_tester":
      // The tester marks itself when used: there is nothing else to see.
      return false;
    default: {
      const never: never = step;
      return never;
    }
  }
}

export function setupGuideState(facts: SetupFacts, marks: ReadonlySet<string>): SetupGuideState {
  const steps = SETUP_STEPS.map((step): SetupGuideStep => {
    const doneBy: SetupEvidence = detected(step, facts) ? "detected" : marks.has(step) ? "marked" : null;
    return { step, optional: OPTIONAL_STEPS.has(step), done: doneBy !== null, doneBy };
  });
  const required = steps.filter((s) => !s.optional);
  const doneCount = required.filter((s) => s.done).length;
  const complete = doneCount === required.length;
  const dismissed = marks.has(GUIDE_DISMISSED);
  return {
    steps,
    doneCount,
    requiredCount: required.length,
    complete,
    dismissed,
    visible: !complete && !dismissed,
  };
}
