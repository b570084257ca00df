import { z } from "zod";
import {
  CLAIM_TYPES,
  ClaimAnswersSchema,
  ClaimProblemSchema,
  PreferredResolutionSchema,
  PROBLEMS_BY_CLAIM_TYPE,
} from "../evaluate-claim-schema";
import { EvaluationAtSubmissionSchema } from "../evaluation-at-submission";
import { ComponentSchema, EvidenceKindSchema, ShippingPayerSchema } from "../policy/policy-schema";
import { positiveInteger, shopifyGid } from "../validation";
import { DenialClauseIdSchema, DeniedWithSchema, MissingComponentSchema, ResolutionSchema } from "./claim-state";

const note = z.string().trim().min(1).max(5000);

export const SubmitClaimSchema = z
  .strictObject({
    claimId: z.string().min(1),
    orderId: shopifyGid("Order"),
    type: z.enum(CLAIM_TYPES),
    responseHours: positiveInteger(),
    returnRequired: z.boolean(),
    returnShippingPaidBy: ShippingPayerSchema,
    evidence: z.array(EvidenceKindSchema),
    items: z
      .array(
        z.strictObject({
          lineItemId: shopifyGid("LineItem"),
          productId: shopifyGid("Product"),
          quantity: positiveInteger(),
          components: z.array(ComponentSchema),
          returnLocations: z.array(z.strictObject({ locationId: shopifyGid("Location"), quantity: positiveInteger() })),
        }),
      )
      .min(1),
    note: note.optional(),
    /** What the shopper says happened, their answers to the exclusion questions and their preference. */
    problem: ClaimProblemSchema.optional(),
    answers: ClaimAnswersSchema.optional(),
    preferredResolution: PreferredResolutionSchema.nullable().optional(),
    /** What the policy said when the shopper filed it (kept in the log, as filed). */
    evaluation: EvaluationAtSubmissionSchema.optional(),
  })
  .superRefine((submission, ctx) => {
    if (submission.problem && !PROBLEMS_BY_CLAIM_TYPE[submission.type].includes(submission.problem)) {
      ctx.addIssue({
        code: "custom",
        path: ["problem"],
        message: `${submission.type} claims take ${PROBLEMS_BY_CLAIM_TYPE[submission.type].map((p) => `"${p}"`).join(", ")}`,
      });
    }
  });
export type SubmitClaim = z.infer<typeof SubmitClaimSchema>;

export const ClaimCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("request_information"), question: note }),
  z.strictObject({ type: z.literal("provide_information"), answer: note, evidence: z.array(EvidenceKindSchema) }),
  z.strictObject({
    type: z.literal("decide_item"),
    lineItemId: shopifyGid("LineItem"),
    decision: z.discriminatedUnion("kind", [
      z.strictObject({
        kind: z.literal("approve"),
        resolution: ResolutionSchema,
        quantity: positiveInteger().optional(),
      }),
      z.strictObject({
        kind: z.literal("deny"),
        reason: DenialClauseIdSchema,
        note: note.optional(),
        /** The clause's words as the shopper is told them (the service takes them from the shop's clauses). */
        clause: DeniedWithSchema.optional(),
      }),
    ]),
  }),
  z.strictObject({
    type: z.literal("finalize_decision"),
    returnRequired: z.boolean().optional(),
    note: note.optional(),
  }),
  z.strictObject({ type: z.literal("request_return"), shippingPaidBy: z.enum(["merchant", "customer"]).optional() }),
  z.strictObject({ type: z.literal("ship_return"), trackingNumber: note, carrier: note.optional() }),
  z.strictObject({ type: z.literal("receive_return"), note: note.optional() }),
  z.strictObject({
    type: z.literal("inspect_return"),
    items: z.array(
      z.strictObject({ lineItemId: shopifyGid("LineItem"), missingComponents: z.array(MissingComponentSchema) }),
    ),
    note: note.optional(),
  }),
  z.strictObject({
    type: z.literal("resolve"),
    items: z.array(
      z.strictObject({
        lineItemId: shopifyGid("LineItem"),
        replacementInStock: z.boolean().optional(),
        repairPossible: z.boolean().optional(),
      }),
    ),
    note: note.optional(),
  }),
  z.strictObject({ type: z.literal("mark_return_lost"), note: note.optional() }),
  /** The item arrived at the warehouse although no return was requested (the guarantee asks shoppers to ask first). */
  z.strictObject({ type: z.literal("record_unrequested_return"), note: note.optional() }),
  z.strictObject({ type: z.literal("cancel"), note: note.optional() }),
  z.strictObject({ type: z.literal("close"), note: note.optional() }),
]);
export type ClaimCommand = z.infer<typeof ClaimCommandSchema>;
export type ClaimCommandType = ClaimCommand["type"];
export const CLAIM_COMMAND_TYPES = ClaimCommandSchema.options.map((option) => option.shape.type.value);
