import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { findClaim, requireClaim, saveClaimChange, type StoredClaim } from "../db/claims.server";
import { listClaimEvidence } from "../db/evidence.server";
import { claimIdsOfCustomerOrder } from "../db/order-claims.server";
import { succeededActionResults } from "../db/shopify-action-results.server";
import { applyClaimCommand } from "../domain/claim-lifecycle/apply-claim-command";
import type { ClaimCommand } from "../domain/claim-lifecycle/claim-commands";
import type { ClaimEvent } from "../domain/claim-lifecycle/claim-state";
import type { ClaimStatus } from "../domain/claim-lifecycle/claim-status";
import { unrequestedReturnOf } from "../domain/claim-lifecycle/guards";
import { DomainError } from "../domain/errors";
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
import type { ClaimType } from "../domain/policy/resolve-policy";
import type { ClaimReason, ItemReason } from "../domain/policy/codes";
import { clauseOfDenial } from "../domain/denial-clauses";
import { IsoInstantSchema, shopifyGid } from "../domain/validation";
import { shopperMessage, type ShopperLanguage } from "../i18n/shopper-messages";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { CreatedRefundSchema } from "../shopify/refunds.server";
import { parseRequestInput } from "../utils/request-input.server";
import type { CustomerAccountIdentity } from "../utils/session-tokens.server";
import { customerAccountContext, loggedInShopper } from "./customer-account.server";
import { attachUploads, toUpload, type Shopper, type Upload } from "./evidence/uploads.server";
import { consumeShopperRateLimits, shopperRateLimits, type ShopperRateLimits } from "./rate-limits.server";
import { returnDestinationsOf } from "./return-destinations.server";
import { assertOrderOwned, previewClaim, submitClaim } from "./submit-claim.server";

// The shopper's side of claims (docs/shopper-api.md): their claims on an order, one claim's page,
// the preview and the submission of the claim form, replies and return tracking. Every function
// starts from the token's identity; an order or a claim that is not the shopper's in the token's
// shop is not found (404), whatever exists.

type Db = PrismaClient | Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------
// Requests

const text = (max: number) => z.string().trim().min(1).max(max);

const ClaimDraftShape = {
  orderId: shopifyGid("Order"),
  submissionKey: z.string().trim().min(8).max(100).optional(),
  type: ClaimTypeSchema,
  problem: ClaimProblemSchema,
  description: text(5000),
  problemFirstNoticedAt: IsoInstantSchema.optional(),
  items: z
    .array(z.strictObject({ lineItemId: shopifyGid("LineItem"), quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(250),
  answers: ClaimAnswersSchema.omit({ problemFirstNoticedAt: true }).default({}),
  preferredResolution: PreferredResolutionSchema.nullable().default(null),
  uploadIds: z.array(z.string().min(1).max(100)).max(100).default([]),
};

function draftRules(
  draft: {
    type: ClaimType;
    problem: ClaimProblem;
    preferredResolution: PreferredResolution | null;
    items: { lineItemId: string }[];
  },
  ctx: z.RefinementCtx,
) {
  if (!PROBLEMS_BY_CLAIM_TYPE[draft.type].includes(draft.problem)) {
    ctx.addIssue({
      code: "custom",
      path: ["problem"],
      params: { code: "problem_for_type" },
      message: `${draft.type} claims take ${PROBLEMS_BY_CLAIM_TYPE[draft.type].join(", ")}`,
    });
  }
  const offered = RESOLUTIONS_BY_CLAIM_TYPE[draft.type];
  if (draft.preferredResolution !== null && !offered.includes(draft.preferredResolution)) {
    ctx.addIssue({
      code: "custom",
      path: ["preferredResolution"],
      params: { code: "resolution_for_type" },
      message: `${draft.type} claims take ${offered.join(", ")}`,
    });
  }
  draft.items.forEach((item, index) => {
    if (draft.items.findIndex((other) => other.lineItemId === item.lineItemId) !== index) {
      ctx.addIssue({
        code: "custom",
        path: ["items", index, "lineItemId"],
        params: { code: "duplicate" },
        message: `duplicate line item ${item.lineItemId}`,
      });
    }
  });
}

/**
 * The claim form for the preview (ClaimDraft): the problem must fit the claim type, each line at
 * most once. The live preview runs while the shopper types, so the description may still be empty.
 */
export const ClaimDraftSchema = z
  .strictObject({ ...ClaimDraftShape, description: z.string().trim().max(5000).default("") })
  .superRefine(draftRules);
type ClaimDraft = z.infer<typeof ClaimDraftSchema>;

/** The claim form as submitted: with the client's idempotency key. */
export const ClaimSubmissionSchema = z
  .strictObject({ ...ClaimDraftShape, submissionKey: z.string().trim().min(8).max(100) })
  .superRefine(draftRules);
export type ClaimSubmission = z.infer<typeof ClaimSubmissionSchema>;

export const ClaimReplySchema = z.strictObject({
  message: text(5000),
  uploadIds: z.array(z.string().min(1).max(100)).max(100).default([]),
});
export const ReturnShipmentSchema = z.strictObject({
  // An empty carrier field means the shopper did not say.
  carrier: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .default(null)
    .transform((carrier) => (carrier === "" ? null : carrier)),
  trackingNumber: text(100),
});

/** Parses a request's JSON body; malformed JSON or a body that fails the schema is the caller's 400. */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new DomainError("invalid", "invalid_request", "The request body must be JSON.");
  }
  return parseRequestInput(schema, body);
}

// ---------------------------------------------------------------------------------------------
// Answers

type Reason = { code: string; message: string };

interface ClaimPreview {
  eligible: boolean;
  reasons: Reason[];
  items: { lineItemId: string; eligible: boolean; windowEndsAt: string | null; reasons: Reason[] }[];
  missingEvidence: { kind: string; message: string }[];
  suggestedType: "warranty" | null;
  responseDueAt: string;
  timezone: string;
}

export const NEXT_STEPS = [
  "wait_for_reply",
  "reply_to_merchant",
  "send_return",
  "wait_for_inspection",
  "none",
] as const;
type NextStep = (typeof NEXT_STEPS)[number];

interface ClaimSummary {
  id: string;
  number: number;
  type: ClaimType;
  status: ClaimStatus;
  submittedAt: string;
  respondBy: string | null;
  items: { lineItemId: string; title: string | null; quantity: number }[];
  nextStep: NextStep;
}

export interface ClaimDetail extends ClaimSummary {
  problem: ClaimProblem | null;
  description: string | null;
  timeline: { at: string; type: string; actor: "customer" | "merchant" | "system"; message: string | null }[];
  evidence: Upload[];
  returnInstructions: null | {
    destinations: {
      /** Where to send: the warehouse, or the returns centre the merchant set for it. */
      locationName: string | null;
      address: string[];
      /** It shipped from an overseas warehouse: only this address takes it back, not a local warehouse. */
      overseas: boolean;
      items: { lineItemId: string; quantity: number }[];
    }[];
    components: string[];
    trackedShippingAdvised: true;
    shippingPaidBy: "merchant" | "customer";
  };
  returnShipment: { carrier: string | null; trackingNumber: string } | null;
  outcome: null | {
    items: {
      lineItemId: string;
      outcome: "refunded" | "replaced" | "repaired";
      amount: string | null;
      currencyCode: string | null;
    }[];
    refundTotal: { amount: string; currencyCode: string } | null;
    replacementOrderName: string | null;
  };
  denial: null | { items: { lineItemId: string; reason: string; clause: string; note: string | null }[] };
  canReply: boolean;
  canSendTracking: boolean;
}

const NEXT_STEP_BY_STATUS: Readonly<Record<ClaimStatus, NextStep>> = {
  submitted: "wait_for_reply",
  needs_information: "reply_to_merchant",
  approved: "wait_for_reply",
  partially_approved: "wait_for_reply",
  denied: "none",
  awaiting_return: "send_return",
  return_in_transit: "wait_for_inspection",
  return_received: "wait_for_inspection",
  inspected: "wait_for_reply",
  resolved: "none",
  return_lost: "none",
  cancelled: "none",
  closed: "none",
};

/** The shopper's next step; an approved claim whose item already came back unrequested waits for its check. */
function nextStepOf(state: StoredClaim["state"]): NextStep {
  const approved = state.status === "approved" || state.status === "partially_approved";
  return approved && unrequestedReturnOf(state) ? "wait_for_inspection" : NEXT_STEP_BY_STATUS[state.status];
}

// Events the shopper sees, with the note when it is meant for them: their own words, the
// merchant's question and the decision's message. Draft item decisions stay the merchant's.
const SHOPPER_VISIBLE_NOTES: ReadonlySet<ClaimEvent["type"]> = new Set([
  "submitted",
  "information_requested",
  "information_provided",
  "claim_decided",
  "cancelled",
]);

function summaryOf(stored: StoredClaim): ClaimSummary {
  const { state, meta } = stored;
  const [first] = state.events;
  return {
    id: state.id,
    number: meta.number,
    type: state.type,
    status: state.status,
    submittedAt: first?.at ?? "",
    respondBy: meta.respondBy?.toISOString() ?? null,
    items: state.items.map((item) => ({
      lineItemId: item.lineItemId,
      title: meta.itemTitles[item.lineItemId] ?? null,
      quantity: item.quantity,
    })),
    nextStep: nextStepOf(state),
  };
}

const SubmittedDataSchema = z.object({ problem: ClaimProblemSchema.optional() });

const ReplacementResultSchema = z.object({ order: z.object({ name: z.string() }).nullable() });

async function outcomeOf(db: Db, stored: StoredClaim): Promise<ClaimDetail["outcome"]> {
  const resolved = stored.state.items.filter((item) => item.outcome !== null);
  if (resolved.length === 0) return null;
  const actions = await succeededActionResults(db, stored.state.id, ["refund", "replacement"]);
  const refundResult = actions.find((a) => a.kind === "refund")?.result ?? null;
  const replacementResult = actions.find((a) => a.kind === "replacement")?.result ?? null;
  const refund = refundResult === null ? null : CreatedRefundSchema.parse(refundResult).totalRefunded;
  const refunded = resolved.filter((item) => item.outcome?.outcome === "refunded");
  return {
    items: resolved.map((item) => {
      // One refund covers every refunded item; its amount belongs to an item only when it is alone.
      const own = refund && refunded.length === 1 && item.outcome?.outcome === "refunded" ? refund : null;
      return {
        lineItemId: item.lineItemId,
        outcome: item.outcome?.outcome ?? "refunded",
        amount: own?.amount ?? null,
        currencyCode: own?.currencyCode ?? null,
      };
    }),
    refundTotal: refund ? { amount: refund.amount, currencyCode: refund.currencyCode } : null,
    replacementOrderName:
      replacementResult === null ? null : (ReplacementResultSchema.parse(replacementResult).order?.name ?? null),
  };
}

async function returnInstructionsOf(
  db: Db,
  graphql: AdminGraphql,
  stored: StoredClaim,
): Promise<ClaimDetail["returnInstructions"]> {
  const instructions = stored.state.returnInstructions;
  if (!instructions) return null;
  // Each item goes back to the warehouse that shipped it, at the address its returns go to now.
  const destinations = await returnDestinationsOf(db, stored.meta.shop, instructions, graphql);
  const components = [
    ...new Set(instructions.destinations.flatMap((d) => d.items.flatMap((item) => item.includeComponents))),
  ];
  return {
    destinations: destinations.map((destination) => ({
      locationName: destination.name,
      address: destination.address,
      overseas: destination.overseas,
      items: destination.items.map(({ lineItemId, quantity }) => ({ lineItemId, quantity })),
    })),
    components,
    trackedShippingAdvised: true,
    shippingPaidBy: instructions.shippingPaidBy,
  };
}

function denialOf(stored: StoredClaim, language: ShopperLanguage): ClaimDetail["denial"] {
  // Item decisions are drafts until the merchant finalizes the claim.
  if (!stored.state.events.some((event) => event.type === "claim_decided")) return null;
  const items = stored.state.items.flatMap((item) =>
    item.decision?.kind === "deny"
      ? [
          {
            lineItemId: item.lineItemId,
            reason: item.decision.reason,
            // The words kept with the denial: a clause edited or retired since changes nothing here.
            clause: clauseOfDenial(item.decision).shopperWords[language],
            note: item.decision.note,
          },
        ]
      : [],
  );
  return items.length > 0 ? { items } : null;
}

async function evidenceOf(db: Db, stored: StoredClaim, now: Date): Promise<Upload[]> {
  const rows = await listClaimEvidence(db, stored.meta.shop, stored.state.id);
  return rows.map((row) => toUpload(row, now));
}

/** The claim's page for its shopper. */
async function claimDetailOf(
  db: Db,
  graphql: AdminGraphql,
  stored: StoredClaim,
  now: Date,
  language: ShopperLanguage,
): Promise<ClaimDetail> {
  const { state } = stored;
  const [first] = state.events;
  return {
    ...summaryOf(stored),
    problem: SubmittedDataSchema.parse(first?.data ?? {}).problem ?? null,
    description: first?.note ?? null,
    timeline: state.events
      .filter((event) => event.type !== "item_decided")
      .map((event) => ({
        at: event.at,
        type: event.type,
        actor: event.actor.type,
        message: SHOPPER_VISIBLE_NOTES.has(event.type) ? event.note : null,
      })),
    evidence: await evidenceOf(db, stored, now),
    returnInstructions: await returnInstructionsOf(db, graphql, stored),
    returnShipment: state.returnShipment,
    outcome: await outcomeOf(db, stored),
    denial: denialOf(stored, language),
    canReply: state.status === "needs_information",
    canSendTracking: state.status === "awaiting_return",
  };
}

// ---------------------------------------------------------------------------------------------
// Use cases

const claimNotFound = () =>
  new DomainError("not_found", "claim.not_found", "We could not find this claim in your account.");

/** The shopper's own claim in the token's shop; anything else is not found. */
async function requireShopperClaim(db: Db, shopper: Shopper, claimId: string): Promise<StoredClaim> {
  const stored = await findClaim(db, shopper.shop, claimId);
  if (!stored || stored.meta.customerId === null || stored.meta.customerId !== shopper.customerId) {
    throw claimNotFound();
  }
  return stored;
}

/** The shopper's claims on one of their orders, newest first. */
export async function listShopperClaims(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  orderId: string,
): Promise<ClaimSummary[]> {
  const context = customerAccountContext(identity, { orderId });
  await assertOrderOwned(db, graphql, context);
  const ids = await claimIdsOfCustomerOrder(db, context.shop, orderId, context.customerId);
  const claims = await Promise.all(ids.map((id) => requireClaim(db, context.shop, id)));
  return claims.map(summaryOf);
}

export async function readShopperClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  claimId: string,
  now: Date,
  language: ShopperLanguage,
): Promise<ClaimDetail> {
  const stored = await requireShopperClaim(db, loggedInShopper(identity), claimId);
  return claimDetailOf(db, graphql, stored, now, language);
}

/** The policy engine's claim; its evidence is the kinds of the uploads, read where they are attached. */
function engineClaim(draft: ClaimDraft) {
  return {
    type: draft.type,
    items: draft.items,
    evidence: [],
    answers: {
      ...draft.answers,
      ...(draft.problemFirstNoticedAt === undefined ? {} : { problemFirstNoticedAt: draft.problemFirstNoticedAt }),
    },
    preferredResolution: draft.preferredResolution,
    // Who pays return shipping can depend on it (the policy's payer per problem).
    problem: draft.problem,
  };
}

const reason = (language: ShopperLanguage, code: ItemReason | ClaimReason | "suggest_warranty"): Reason => ({
  code,
  message: shopperMessage(language, `reason.${code}`),
});

export async function previewShopperClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  draft: z.infer<typeof ClaimDraftSchema>,
  now: Date,
  language: ShopperLanguage,
): Promise<ClaimPreview> {
  const context = customerAccountContext(identity, { orderId: draft.orderId });
  const evaluation = await previewClaim(db, graphql, context, engineClaim(draft), now, draft.uploadIds);
  const reasons = evaluation.reasons.map((code) => reason(language, code));
  if (evaluation.suggestedType === "warranty") reasons.push(reason(language, "suggest_warranty"));
  return {
    eligible: evaluation.eligible,
    reasons,
    items: evaluation.items.map((item) => ({
      lineItemId: item.lineItemId,
      eligible: item.eligible,
      windowEndsAt: item.windowEndsAt,
      reasons: item.reasons.map((code) => reason(language, code)),
    })),
    missingEvidence: evaluation.missingEvidence.map((kind) => ({
      kind,
      message: shopperMessage(language, `evidence.${kind}`),
    })),
    suggestedType: evaluation.suggestedType,
    responseDueAt: evaluation.responseDueAt,
    timezone: evaluation.timezone,
  };
}

interface ShopperOptions {
  limits?: ShopperRateLimits;
}

/** Files the claim form; `created` is false when the submission key found an earlier claim. */
export async function submitShopperClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  draft: ClaimSubmission,
  now: Date,
  language: ShopperLanguage,
  options: ShopperOptions = {},
): Promise<{ claim: ClaimDetail; created: boolean }> {
  const context = customerAccountContext(identity, { orderId: draft.orderId });
  // Counted before anything is read from Shopify: a flood is refused cheaply.
  await consumeShopperRateLimits(db, "submissions", context, now, options.limits ?? shopperRateLimits());
  const { claim, created } = await submitClaim(
    db,
    graphql,
    context,
    {
      claim: engineClaim(draft),
      note: draft.description,
      problem: draft.problem,
      submissionKey: draft.submissionKey,
      uploadIds: draft.uploadIds,
      locale: language,
    },
    now,
  );
  return { claim: await claimDetailOf(db, graphql, claim, now, language), created };
}

/** A change the shopper makes to their own claim, allowed only while the claim awaits it. */
interface ShopperClaimChange {
  awaits: ClaimStatus;
  /** The refusal when the claim is in any other status. */
  refusal: () => DomainError;
  /** The command, built inside the change's transaction. */
  command: (tx: Prisma.TransactionClient, stored: StoredClaim, shopper: Shopper) => Promise<ClaimCommand>;
}

/**
 * Applies the shopper's change to their own claim: counted against their replies limit once the
 * claim is known to be theirs, checked again and saved in one transaction (a concurrent change
 * fails on the claim's version).
 */
async function changeShopperClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  claimId: string,
  change: ShopperClaimChange,
  now: Date,
  language: ShopperLanguage,
  options: ShopperOptions,
): Promise<ClaimDetail> {
  const shopper = loggedInShopper(identity);
  await requireShopperClaim(db, shopper, claimId);
  await consumeShopperRateLimits(db, "replies", shopper, now, options.limits ?? shopperRateLimits());
  const saved = await db.$transaction(async (tx) => {
    const stored = await requireShopperClaim(tx, shopper, claimId);
    if (stored.state.status !== change.awaits) throw change.refusal();
    const { state } = applyClaimCommand(stored.state, await change.command(tx, stored, shopper), now, {
      type: "customer",
      id: shopper.customerId,
    });
    return saveClaimChange(tx, shopper.shop, stored.meta.version, stored.state, state);
  });
  return claimDetailOf(db, graphql, saved, now, language);
}

/** The shopper answers the merchant's question, with more uploads if they like. */
export async function replyToClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  claimId: string,
  reply: z.infer<typeof ClaimReplySchema>,
  now: Date,
  language: ShopperLanguage,
  options: ShopperOptions = {},
): Promise<ClaimDetail> {
  const change: ShopperClaimChange = {
    awaits: "needs_information",
    refusal: () =>
      new DomainError(
        "conflict",
        "claim.not_awaiting_reply",
        "The store is not waiting for an answer on this claim right now.",
      ),
    command: async (tx, stored, shopper) => {
      const evidence = await attachUploads(tx, {
        ...shopper,
        orderId: stored.state.orderId,
        claimId,
        uploadIds: reply.uploadIds,
        now,
      });
      return { type: "provide_information", answer: reply.message, evidence: [...new Set(evidence)] };
    },
  };
  return changeShopperClaim(db, graphql, identity, claimId, change, now, language, options);
}

/** The shopper says how the return was sent (carrier and tracking number). */
export async function sendReturnShipment(
  db: PrismaClient,
  graphql: AdminGraphql,
  identity: CustomerAccountIdentity,
  claimId: string,
  shipment: z.infer<typeof ReturnShipmentSchema>,
  now: Date,
  language: ShopperLanguage,
  options: ShopperOptions = {},
): Promise<ClaimDetail> {
  const change: ShopperClaimChange = {
    awaits: "awaiting_return",
    refusal: () =>
      new DomainError(
        "conflict",
        "claim.not_awaiting_return",
        "The store is not waiting for a return on this claim right now.",
      ),
    command: async () => ({
      type: "ship_return",
      trackingNumber: shipment.trackingNumber,
      ...(shipment.carrier === null ? {} : { carrier: shipment.carrier }),
    }),
  };
  return changeShopperClaim(db, graphql, identity, claimId, change, now, language, options);
}
