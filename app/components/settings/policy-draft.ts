import {
  CLAIM_PROBLEMS,
  PolicySchema,
  type ClaimProblem,
  type EvidenceRequirement,
  type OutOfStockFallback,
  type Policy,
  type PreferredResolution,
  type ShippingPayer,
} from "../../domain/policy/policy-schema";

// The settings form's state: the policy as the merchant types it. Number fields stay text while
// typed (an empty field is not 0); the engine's schema judges the whole policy on every change,
// with the same messages the server answers with.

export const NUMBER_FIELDS = [
  "arrivalWindowDays",
  "warrantyMonths",
  "responseHours",
  "reportWithinDaysOfNotice",
  "unknownDeliveryTransitDays",
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

export type PolicyDraft = Omit<Policy, NumberField | "components"> & {
  [K in NumberField]: string;
} & { components: { name: string; amount: string }[] };

export function draftOf(policy: Policy): PolicyDraft {
  return {
    ...policy,
    arrivalWindowDays: String(policy.arrivalWindowDays),
    warrantyMonths: String(policy.warrantyMonths),
    responseHours: String(policy.responseHours),
    reportWithinDaysOfNotice: String(policy.reportWithinDaysOfNotice),
    unknownDeliveryTransitDays: String(policy.unknownDeliveryTransitDays),
    components: policy.components.map((c) => ({ name: c.name, amount: c.chargeIfMissing.amount })),
  };
}

/** A number when the text is one; else the text itself, for the schema to name what is wrong. */
const numberOrText = (text: string): number | string => (/^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text);

/** What the form sends (JSON): the policy's fields, a number field as typed when it is no number. */
export type PolicyInput = Omit<PolicyDraft, NumberField | "components"> & {
  [K in NumberField]: number | string;
} & { components: { name: string; chargeIfMissing: { amount: string; currencyCode: string } }[] };

/** What the form sends: the whole policy, components charged in the shop's currency. */
export function policyInputOf(draft: PolicyDraft, currencyCode: string): PolicyInput {
  return {
    ...draft,
    arrivalWindowDays: numberOrText(draft.arrivalWindowDays),
    warrantyMonths: numberOrText(draft.warrantyMonths),
    responseHours: numberOrText(draft.responseHours),
    reportWithinDaysOfNotice: numberOrText(draft.reportWithinDaysOfNotice),
    unknownDeliveryTransitDays: numberOrText(draft.unknownDeliveryTransitDays),
    components: draft.components.map((c) => ({
      name: c.name,
      chargeIfMissing: { amount: c.amount.trim(), currencyCode },
    })),
  };
}

export type FieldErrors = Record<string, string>;

/** The policy if the engine accepts it, else each field's problem keyed by its path ("components.0.name"). */
export function checkDraft(draft: PolicyDraft, currencyCode: string): { policy: Policy | null; errors: FieldErrors } {
  const parsed = PolicySchema.safeParse(policyInputOf(draft, currencyCode));
  if (parsed.success) return { policy: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    errors[path] ??= issue.message;
  }
  return { policy: null, errors };
}

export const FIELD_LABELS: Record<keyof Policy, string> = {
  arrivalWindowDays: "Arrival window",
  warrantyMonths: "Warranty length",
  responseHours: "Response promise",
  reportWithinDaysOfNotice: "Report a fault within",
  unknownDeliveryTransitDays: "Transit time when delivery is unknown",
  exclusionHandling: "When an exclusion applies",
  returnRequired: "Ask for the item back",
  arrivalReturnShippingPaidBy: "Return shipping on arrival claims",
  warrantyReturnShippingPaidBy: "Return shipping on warranty claims",
  returnShippingPaidByProblem: "Return shipping by problem",
  arrivalResolutions: "Resolutions for arrival claims",
  warrantyResolutions: "Resolutions for warranty claims",
  outOfStockFallback: "When a replacement is out of stock in Shopify",
  arrivalEvidence: "Evidence for arrival claims",
  warrantyEvidence: "Evidence for warranty claims",
  arrivalRequiresPreference: "Arrival claims state refund or replacement",
  components: "Parts that must come back",
};

export const EVIDENCE_OPTIONS: { value: EvidenceRequirement; label: string; helpText?: string }[] = [
  { value: "issue_media", label: "A photo or a video of the problem", helpText: "Either one will do." },
  { value: "issue_photo", label: "A photo of the problem" },
  { value: "issue_video", label: "A video of the problem" },
  { value: "shipping_label_photo", label: "A photo of the shipping label" },
  { value: "packaging_photo", label: "A photo of the original packaging" },
];

export const PAYER_OPTIONS: { value: ShippingPayer; label: string }[] = [
  { value: "merchant", label: "You (the store)" },
  { value: "customer", label: "The shopper" },
  { value: "decided_on_review", label: "Decided when you review the claim" },
];

export const RESOLUTION_LABELS: Record<PreferredResolution, string> = {
  refund: "Refund",
  replacement: "Replacement",
  repair: "Repair",
};

/** Arrival claims never offer a repair (the written guarantee): the form does not show it. */
export const ARRIVAL_RESOLUTION_OPTIONS = (["refund", "replacement"] as const).map((value) => ({
  value,
  label: RESOLUTION_LABELS[value],
}));
export const WARRANTY_RESOLUTION_OPTIONS = (["refund", "replacement", "repair"] as const).map((value) => ({
  value,
  label: RESOLUTION_LABELS[value],
}));

export const FALLBACK_OPTIONS: { value: OutOfStockFallback; label: string; helpText: string }[] = [
  {
    value: "refund",
    label: "Refund it",
    helpText: "As your written guarantee says (clause d): the shopper is refunded to the payment they used.",
  },
  {
    value: "merchant_decides",
    label: "Let me decide: refund it, or wait for stock",
    helpText:
      "Nothing is refunded on its own: resolving the claim says the item is out of stock and waits until you refund it instead or it is back in stock.",
  },
];

/** The shopper's problem, as the merchant reads it, by claim type. */
export const PROBLEM_LABELS: Record<ClaimProblem, string> = {
  damaged: "Damaged on arrival",
  wrong_item: "Wrong item",
  missing_parts: "Missing parts",
  not_working: "Not working on arrival",
  fault: "Warranty fault",
};
export const PROBLEMS = CLAIM_PROBLEMS;

/** A problem's payer, or "" for "the claim type's payer". */
export const PROBLEM_PAYER_OPTIONS: { value: ShippingPayer | ""; label: string }[] = [
  { value: "", label: "Same as the claim type" },
  ...PAYER_OPTIONS,
];
