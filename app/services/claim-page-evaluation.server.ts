import { z } from "zod";
import type { StoredClaim } from "../db/claims.server";
import type { Resolution } from "../domain/claim-lifecycle/claim-state";
import type { DenialClause } from "../domain/denial-clauses";
import { ClaimAnswersSchema, type ClaimAnswers } from "../domain/evaluate-claim-schema";
import {
  EvaluationAtSubmissionSchema,
  type EvaluationAtSubmission,
  type SubmittedDelivery,
} from "../domain/evaluation-at-submission";
import { claimResolutionPolicy } from "../domain/policy/claim-policy-snapshot";
import type { ClaimReason, Flag, ItemReason } from "../domain/policy/codes";
import type { EvidenceRequirement, ExclusionHandling } from "../domain/policy/policy-schema";
import type { ReturnLocation } from "../shopify/locations.server";

// The claim page's evaluation: what the policy said when the shopper filed the claim (kept with
// the submitted event), so the merchant decides on the policy the claim was filed under, whatever
// the shop's policy says today. With it, per item, where approved units go back to.

/** The submitted event's data this panel reads; a stored row that fails it is our 500. */
const SubmittedEvaluationSchema = z.looseObject({
  answers: ClaimAnswersSchema.optional(),
  evaluation: EvaluationAtSubmissionSchema.optional(),
});

/** The shopper's answer behind a flag: their yes to an exclusion question, or when they first noticed the problem. */
export type FlagAnswer = { kind: "yes" } | { kind: "noticed_at"; at: string } | { kind: "none" };

export type ReturnDestination = { locationId: string; warehouse: string | null; quantity: number };

export interface EvaluationAsFiled {
  evaluatedAt: string;
  /** The shop's timezone the windows were counted in. */
  timezone: string;
  eligible: boolean;
  reasons: ClaimReason[];
  flags: { flag: Flag; answer: FlagAnswer }[];
  missingEvidence: EvidenceRequirement[];
  evidenceRequired: EvidenceRequirement[];
  exclusionHandling: ExclusionHandling;
  reportWithinDaysOfNotice: number;
  items: {
    lineItemId: string;
    eligible: boolean;
    eligibleQuantity: number;
    reasons: ItemReason[];
    deliveries: SubmittedDelivery[];
  }[];
}

export interface ClaimPageEvaluation {
  /** Null for claims filed before the evaluation was kept with the submission. */
  asFiled: EvaluationAsFiled | null;
  /** Per claimed line item: where approved units go back to (the warehouses that shipped them, as Shopify names them). */
  returnTo: Record<string, ReturnDestination[]>;
  /** What the merchant may approve with: what the claim's policy offered when it was filed. */
  resolutions: Resolution[];
  /** The clauses the merchant may cite when denying an item: the shop's, not retired (Settings, Denial clauses). */
  clauses: DenialClause[];
}

const ANSWER_OF_FLAG: Partial<Record<Flag, keyof ClaimAnswers>> = {
  firmware_flashed: "firmwareFlashed",
  body_opened: "bodyOpened",
  parts_modified: "partsModified",
  unintended_use: "unintendedUse",
  continued_use_after_fault: "continuedUseAfterFault",
  accidental_damage: "accidentalDamage",
};

function flagAnswer(flag: Flag, answers: ClaimAnswers): FlagAnswer {
  if (flag === "late_report" && answers.problemFirstNoticedAt) {
    return { kind: "noticed_at", at: answers.problemFirstNoticedAt };
  }
  const key = ANSWER_OF_FLAG[flag];
  return key && answers[key] === true ? { kind: "yes" } : { kind: "none" };
}

function returnTo(stored: StoredClaim, warehouses: ReadonlyMap<string, ReturnLocation>) {
  return Object.fromEntries(
    stored.state.items.map((item): [string, ReturnDestination[]] => [
      item.lineItemId,
      item.returnLocations.map(({ locationId, quantity }) => ({
        locationId,
        warehouse: warehouses.get(locationId)?.name ?? null,
        quantity,
      })),
    ]),
  );
}

export function claimPageEvaluation(
  stored: StoredClaim,
  warehouses: ReadonlyMap<string, ReturnLocation>,
  clauses: readonly DenialClause[],
): ClaimPageEvaluation {
  const submitted = stored.state.events[0]!;
  const said = SubmittedEvaluationSchema.parse(submitted.data);
  const kept: EvaluationAtSubmission | undefined = said.evaluation;
  const answers = said.answers ?? {};
  return {
    asFiled: kept
      ? {
          evaluatedAt: submitted.at,
          timezone: kept.timezone,
          eligible: kept.eligible,
          reasons: kept.reasons,
          flags: kept.flags.map((flag) => ({ flag, answer: flagAnswer(flag, answers) })),
          missingEvidence: kept.missingEvidence,
          evidenceRequired: kept.evidenceRequired,
          exclusionHandling: kept.exclusionHandling,
          reportWithinDaysOfNotice: kept.reportWithinDaysOfNotice,
          items: kept.items,
        }
      : null,
    returnTo: returnTo(stored, warehouses),
    resolutions: claimResolutionPolicy(stored.state).resolutions,
    clauses: clauses.map(({ reason, label, guarantee, shopperWords }) => ({ reason, label, guarantee, shopperWords })),
  };
}
