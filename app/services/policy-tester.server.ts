import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import {
  ClaimAnswersSchema,
  ClaimProblemSchema,
  ClaimTypeSchema,
  PreferredResolutionSchema,
  PROBLEMS_BY_CLAIM_TYPE,
  RESOLUTIONS_BY_CLAIM_TYPE,
  type ClaimProblem,
  type PreferredResolution,
} from "../domain/evaluate-claim-schema";
import type { EvaluationAtSubmission } from "../domain/evaluation-at-submission";
import type { ClaimReason, Flag, ItemReason } from "../domain/policy/codes";
import { EvidenceKindSchema, type OutOfStockFallback, type ShippingPayer } from "../domain/policy/policy-schema";
import type { ClaimType } from "../domain/policy/resolve-policy";
import { shopifyGid } from "../domain/validation";
import { shopperMessage } from "../i18n/shopper-messages";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchLocations } from "../shopify/locations.server";
import { searchOrdersByName, type FoundOrder } from "../shopify/order-search.server";
import { parseRequestInput } from "../utils/request-input.server";
import { recordPolicyTesterUsed } from "./setup-guide.server";
import { staffClaimOptions, testClaimAsStaff, type ClaimOptions } from "./submit-claim.server";

// The policy tester: the merchant picks an order (searched by name), its items, the claim type,
// the problem, the evidence and the shopper's answers, and sees what the policy engine answers,
// on the same path a shopper's claim preview takes. No claim is created; the first evaluation
// ticks the setup guide's step.

// ---------------------------------------------------------------------------------------------
// The page: ?q=<order name> searches, &orderId=<gid> picks one

const TesterParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(60, "search for at most 60 characters")
    .regex(/^[^"\\]*$/, "order names have no quotes or backslashes: search for the name as the order shows it")
    .default(""),
  orderId: shopifyGid("Order").optional(),
});
type TesterParams = z.infer<typeof TesterParamsSchema>;

export function parseTesterParams(url: URL): TesterParams {
  const own = ["q", "orderId"].flatMap((key) => {
    const value = url.searchParams.get(key);
    return value === null || value === "" ? [] : [[key, value] as const];
  });
  return parseRequestInput(TesterParamsSchema, Object.fromEntries(own));
}

export interface PolicyTesterPage {
  q: string;
  /** Null until the merchant searched. */
  results: FoundOrder[] | null;
  /** The shop's timezone the results' dates are shown in (null until searched). */
  resultsTimezone: string | null;
  /** The picked order's lines and their windows today, in the shop's timezone. */
  order: ClaimOptions | null;
}

export async function loadPolicyTester(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  params: TesterParams,
  now: Date,
): Promise<PolicyTesterPage> {
  const [found, order] = await Promise.all([
    params.q ? searchOrdersByName(graphql, params.q) : null,
    params.orderId ? staffClaimOptions(db, graphql, { shop, orderId: params.orderId }, now) : null,
  ]);
  return { q: params.q, results: found?.orders ?? null, resultsTimezone: found?.timezone ?? null, order };
}

// ---------------------------------------------------------------------------------------------
// The evaluation

const PolicyTestSchema = z
  .strictObject({
    orderId: shopifyGid("Order"),
    type: ClaimTypeSchema,
    problem: ClaimProblemSchema,
    items: z
      .array(z.strictObject({ lineItemId: shopifyGid("LineItem"), quantity: z.number().int().min(1).max(10_000) }))
      .min(1, "pick at least one item of the order")
      .max(250),
    /** What the shopper attached, by kind (the tester uploads nothing). */
    evidence: z.array(EvidenceKindSchema).max(4).default([]),
    answers: ClaimAnswersSchema.default({}),
    preferredResolution: PreferredResolutionSchema.nullable().default(null),
  })
  .superRefine((test, ctx) => {
    if (!PROBLEMS_BY_CLAIM_TYPE[test.type].includes(test.problem)) {
      ctx.addIssue({
        code: "custom",
        path: ["problem"],
        message: `a ${test.type} claim is about ${PROBLEMS_BY_CLAIM_TYPE[test.type].join(", ")}: pick one of these`,
      });
    }
    if (test.preferredResolution !== null && !RESOLUTIONS_BY_CLAIM_TYPE[test.type].includes(test.preferredResolution)) {
      ctx.addIssue({
        code: "custom",
        path: ["preferredResolution"],
        message: `a ${test.type} claim asks for ${RESOLUTIONS_BY_CLAIM_TYPE[test.type].join(" or ")}`,
      });
    }
    test.items.forEach((item, index) => {
      if (test.items.findIndex((other) => other.lineItemId === item.lineItemId) !== index) {
        ctx.addIssue({ code: "custom", path: ["items", index, "lineItemId"], message: "this item is picked twice" });
      }
    });
    if (new Set(test.evidence).size !== test.evidence.length) {
      ctx.addIssue({ code: "custom", path: ["evidence"], message: "each kind of evidence once" });
    }
  });

export interface PolicyTestResult {
  orderId: string;
  orderName: string | null;
  type: ClaimType;
  problem: ClaimProblem;
  preferredResolution: PreferredResolution | null;
  timezone: string;
  eligible: boolean;
  reasons: ClaimReason[];
  /** What the shopper's form would tell them, in their words (English here). */
  shopperSees: string[];
  suggestedType: "warranty" | null;
  flags: Flag[];
  missingEvidence: EvaluationAtSubmission["missingEvidence"];
  evidenceRequired: EvaluationAtSubmission["evidenceRequired"];
  exclusionHandling: EvaluationAtSubmission["exclusionHandling"];
  reportWithinDaysOfNotice: number;
  items: {
    lineItemId: string;
    name: string | null;
    eligible: boolean;
    eligibleQuantity: number;
    reasons: ItemReason[];
    windowEndsAt: string | null;
    deliveries: EvaluationAtSubmission["items"][number]["deliveries"];
  }[];
  responseDueAt: string;
  returnRequired: boolean;
  returnShippingPaidBy: ShippingPayer;
  /** What the picked items' policies all offer for this claim type. */
  resolutions: PreferredResolution[];
  /** What an out-of-stock replacement would become. */
  outOfStockFallback: OutOfStockFallback;
  /** Where approved units would go back to: the warehouses that shipped them. */
  returnTo: { locationId: string; warehouse: string | null; items: string[] }[];
}

export async function runPolicyTest(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  body: unknown,
  now: Date,
): Promise<PolicyTestResult> {
  const test = parseRequestInput(PolicyTestSchema, body);
  const claim = {
    type: test.type,
    items: test.items,
    evidence: test.evidence,
    answers: test.answers,
    preferredResolution: test.preferredResolution,
    problem: test.problem,
  };
  const { evaluation, asFiled, orderName, lineNames } = await testClaimAsStaff(
    db,
    graphql,
    { shop, orderId: test.orderId },
    claim,
    now,
  );
  const warehouses = await fetchLocations(
    graphql,
    evaluation.returnDestinations.map((d) => d.locationId),
  );
  await recordPolicyTesterUsed(db, shop, now);
  const shopperSees = [
    ...evaluation.reasons.map((code) => shopperMessage("en", `reason.${code}`)),
    ...evaluation.items.flatMap((item) => item.reasons.map((code) => shopperMessage("en", `reason.${code}`))),
    ...evaluation.missingEvidence.map((kind) => shopperMessage("en", `evidence.${kind}`)),
    ...(evaluation.suggestedType === "warranty" ? [shopperMessage("en", "reason.suggest_warranty")] : []),
  ];
  return {
    orderId: test.orderId,
    orderName,
    type: test.type,
    problem: test.problem,
    preferredResolution: test.preferredResolution,
    timezone: asFiled.timezone,
    eligible: evaluation.eligible,
    reasons: evaluation.reasons,
    shopperSees: [...new Set(shopperSees)],
    suggestedType: evaluation.suggestedType,
    flags: evaluation.flags,
    missingEvidence: evaluation.missingEvidence,
    evidenceRequired: asFiled.evidenceRequired,
    exclusionHandling: asFiled.exclusionHandling,
    reportWithinDaysOfNotice: asFiled.reportWithinDaysOfNotice,
    items: evaluation.items.map((item) => ({
      lineItemId: item.lineItemId,
      name: lineNames[item.lineItemId] ?? null,
      eligible: item.eligible,
      eligibleQuantity: item.eligibleQuantity,
      reasons: item.reasons,
      windowEndsAt: item.windowEndsAt,
      deliveries: asFiled.items.find((i) => i.lineItemId === item.lineItemId)?.deliveries ?? [],
    })),
    responseDueAt: evaluation.responseDueAt,
    returnRequired: evaluation.returnRequired,
    returnShippingPaidBy: evaluation.returnShippingPaidBy,
    resolutions: evaluation.resolutions,
    outOfStockFallback: asFiled.outOfStockFallback ?? "refund",
    returnTo: evaluation.returnDestinations.map((destination) => ({
      locationId: destination.locationId,
      warehouse: warehouses.get(destination.locationId)?.name ?? null,
      items: destination.lineItemIds.map((id) => lineNames[id] ?? "Item"),
    })),
  };
}
