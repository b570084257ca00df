import { z } from "zod";
import { CLAIM_TYPES } from "../evaluate-claim-schema";
import { MoneyInputSchema } from "../money";
import { CLAIM_REASONS, EXCLUSION_FLAGS, ITEM_REASONS } from "../policy/codes";
import { ComponentSchema, EvidenceKindSchema, ShippingPayerSchema } from "../policy/policy-schema";
import { IsoInstantSchema, positiveInteger, shopifyGid } from "../validation";
import { ClaimStatusSchema } from "./claim-status";

export const ACTOR_TYPES = ["customer", "merchant", "system"] as const;
export const ActorSchema = z.strictObject({
  type: z.enum(ACTOR_TYPES),
  /** Staff member, customer or job id, when known. */
  id: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const RESOLUTIONS = ["refund", "replacement", "repair"] as const;
export const ResolutionSchema = z.enum(RESOLUTIONS);
export type Resolution = z.infer<typeof ResolutionSchema>;

/** A denial cites an exclusion, a policy rule, or "other" with a note. */
export const DENIAL_REASONS = [
  ...EXCLUSION_FLAGS,
  ...ITEM_REASONS,
  ...CLAIM_REASONS.filter((reason) => reason !== "excluded"),
  // The guarantee's exclusion b) beside accidental breakage (app/domain/denial-clauses.ts).
  "misuse",
  "wear_and_tear",
  "other",
] as const;
export const DenialReasonSchema = z.enum(DENIAL_REASONS);
export type DenialReason = z.infer<typeof DenialReasonSchema>;

/** A shop's own denial clause: "custom_" and a random id (docs/decisions/023-denial-clauses-kept-with-the-denial.md). */
export const CustomClauseIdSchema = z.string().regex(/^custom_[a-z0-9]{8,40}$/, "choose a clause from the list");
/** What a denial cites: one of the guarantee's clauses (its reason code) or one of the shop's own. */
export const DenialClauseIdSchema = z.union([DenialReasonSchema, CustomClauseIdSchema], {
  error: "choose a clause from the list",
});
export type DenialClauseId = z.infer<typeof DenialClauseIdSchema>;

const clauseText = z.string().min(1);
/**
 * The clause as the shopper was told it, kept with the denial: editing or retiring the clause later
 * changes nothing for a shopper already denied. Denials made before it was kept have none.
 */
export const DeniedWithSchema = z.strictObject({
  label: clauseText,
  shopperWords: z.strictObject({ en: clauseText, fr: clauseText, de: clauseText, es: clauseText }),
});
export type DeniedWith = z.infer<typeof DeniedWithSchema>;

export const ItemDecisionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("approve"), quantity: positiveInteger(), resolution: ResolutionSchema }),
  z.strictObject({
    kind: z.literal("deny"),
    reason: DenialClauseIdSchema,
    note: z.string().nullable(),
    clause: DeniedWithSchema.optional(),
  }),
]);
export type ItemDecision = z.infer<typeof ItemDecisionSchema>;

export const MissingComponentSchema = z.strictObject({ name: z.string().min(1), quantity: positiveInteger() });
export type MissingComponent = z.infer<typeof MissingComponentSchema>;

export const ItemInspectionSchema = z.strictObject({
  missingComponents: z.array(MissingComponentSchema),
  /** What the missing components cost the shopper, one entry per missing component. */
  deductions: z.array(z.strictObject({ name: z.string(), charge: MoneyInputSchema })),
});
export type ItemInspection = z.infer<typeof ItemInspectionSchema>;

export const OUTCOMES = ["refunded", "replaced", "repaired"] as const;
export const FALLBACK_REASONS = ["out_of_stock", "repair_impossible"] as const;
export const ItemOutcomeSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  /** Set when a replacement or repair fell back to a refund. */
  fallback: z.strictObject({ from: z.enum(["replacement", "repair"]), reason: z.enum(FALLBACK_REASONS) }).nullable(),
});
export type ItemOutcome = z.infer<typeof ItemOutcomeSchema>;

export const ClaimItemStateSchema = z.strictObject({
  lineItemId: shopifyGid("LineItem"),
  productId: shopifyGid("Product"),
  quantity: positiveInteger(),
  /** Parts that must come back with this item (the product policy's components). */
  components: z.array(ComponentSchema),
  /** Where the claimed units were fulfilled from, hence where they go back (items must go back to their warehouse). */
  returnLocations: z.array(z.strictObject({ locationId: shopifyGid("Location"), quantity: positiveInteger() })),
  decision: ItemDecisionSchema.nullable(),
  inspection: ItemInspectionSchema.nullable(),
  outcome: ItemOutcomeSchema.nullable(),
});
export type ClaimItemState = z.infer<typeof ClaimItemStateSchema>;

export const ReturnInstructionsSchema = z.strictObject({
  destinations: z.array(
    z.strictObject({
      locationId: shopifyGid("Location"),
      items: z.array(
        z.strictObject({
          lineItemId: shopifyGid("LineItem"),
          quantity: positiveInteger(),
          includeComponents: z.array(z.string()),
        }),
      ),
    }),
  ),
  trackedShippingAdvised: z.literal(true),
  shippingPaidBy: z.enum(["merchant", "customer"]),
});
export type ReturnInstructions = z.infer<typeof ReturnInstructionsSchema>;

export const CLAIM_EVENT_TYPES = [
  "submitted",
  "information_requested",
  "information_provided",
  "item_decided",
  "claim_decided",
  "return_requested",
  "return_shipped",
  "return_received",
  "return_inspected",
  "resolved",
  "return_lost",
  "return_arrived_unrequested",
  "cancelled",
  "closed",
] as const;
export const ClaimEventTypeSchema = z.enum(CLAIM_EVENT_TYPES);
export type ClaimEventType = z.infer<typeof ClaimEventTypeSchema>;

/** One entry of the append-only log: who, when, what, note, and what changed. */
export const ClaimEventSchema = z.strictObject({
  sequence: z.number().int().min(1),
  at: IsoInstantSchema,
  actor: ActorSchema,
  type: ClaimEventTypeSchema,
  from: ClaimStatusSchema.nullable(),
  to: ClaimStatusSchema,
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type ClaimEvent = z.infer<typeof ClaimEventSchema>;

export const ClaimStateSchema = z.strictObject({
  id: z.string().min(1),
  orderId: shopifyGid("Order"),
  type: z.enum(CLAIM_TYPES),
  status: ClaimStatusSchema,
  /** Policy snapshot taken at submission, so later policy edits do not change open claims. */
  responseHours: positiveInteger(),
  returnRequired: z.boolean(),
  returnShippingPaidBy: ShippingPayerSchema,
  evidence: z.array(EvidenceKindSchema),
  items: z.array(ClaimItemStateSchema).min(1),
  returnInstructions: ReturnInstructionsSchema.nullable(),
  returnShipment: z.strictObject({ trackingNumber: z.string(), carrier: z.string().nullable() }).nullable(),
  events: z.array(ClaimEventSchema).min(1),
});
export type ClaimState = z.infer<typeof ClaimStateSchema>;
