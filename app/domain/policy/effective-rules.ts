import { mergePolicy } from "./resolve-policy";
import {
  PREFERRED_RESOLUTIONS,
  type ClaimProblem,
  type EvidenceRequirement,
  type OutOfStockFallback,
  type Policy,
  type PolicyOverride,
  type PreferredResolution,
  type ShippingPayer,
  type ShippingPayerByProblem,
} from "./policy-schema";

// A product's rules in the merchant's words: what its override changes (the products list) and
// the rules that apply to it, shop policy and override merged, each marked with where it comes
// from (the admin block on Shopify's product page). Pure: the same words on every screen.

const EVIDENCE_WORDS: Record<EvidenceRequirement, string> = {
  issue_media: "photo or video of the problem",
  issue_photo: "photo of the problem",
  issue_video: "video of the problem",
  shipping_label_photo: "photo of the shipping label",
  packaging_photo: "photo of the packaging",
};

const PAYER_WORDS: Record<ShippingPayer, string> = {
  merchant: "you pay",
  customer: "the shopper pays",
  decided_on_review: "decided on review",
};

const RESOLUTION_WORDS: Record<PreferredResolution, string> = {
  refund: "refund",
  replacement: "replacement",
  repair: "repair",
};

const PROBLEM_WORDS: Record<ClaimProblem, string> = {
  damaged: "damaged",
  wrong_item: "wrong item",
  missing_parts: "missing parts",
  not_working: "not working",
  fault: "fault",
};

const FALLBACK_WORDS: Record<OutOfStockFallback, string> = {
  refund: "refunded",
  merchant_decides: "you decide: refund it or wait for stock",
};

/** "refund or replacement", "refund, replacement or repair": in that order, however the list was ticked. */
export function describeResolutions(list: readonly PreferredResolution[]): string {
  const words = PREFERRED_RESOLUTIONS.filter((r) => list.includes(r)).map((r) => RESOLUTION_WORDS[r]);
  return words.length <= 1 ? (words[0] ?? "nothing") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

export const describeOutOfStock = (fallback: OutOfStockFallback) => FALLBACK_WORDS[fallback];

/** "wrong item: you pay; fault: the shopper pays", or "as per claim type". */
export function describeProblemPayers(byProblem: ShippingPayerByProblem): string {
  const entries = (Object.keys(PROBLEM_WORDS) as ClaimProblem[]).flatMap((problem) => {
    const payer = byProblem[problem];
    return payer === undefined ? [] : [`${PROBLEM_WORDS[problem]}: ${PAYER_WORDS[payer]}`];
  });
  return entries.length === 0 ? "as per claim type" : entries.join("; ");
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const describeEvidence = (list: readonly EvidenceRequirement[]) =>
  list.length === 0 ? "no evidence" : list.map((e) => EVIDENCE_WORDS[e]).join(", ");

export const describeWarranty = (months: number) => (months === 0 ? "no warranty" : plural(months, "month", "months"));

export const describeArrivalWindow = (days: number) =>
  days === 0 ? "no arrival claims" : `${plural(days, "day", "days")} after delivery`;

/** One phrase per overridden field, in the policy's order: "warranty 24 months", "2 parts"... */
export function describeOverride(override: PolicyOverride): string[] {
  const words: string[] = [];
  const o = override;
  if (o.warrantyMonths !== undefined)
    words.push(o.warrantyMonths === 0 ? "no warranty" : `warranty ${describeWarranty(o.warrantyMonths)}`);
  if (o.arrivalWindowDays !== undefined)
    words.push(`report damage within ${plural(o.arrivalWindowDays, "day", "days")}`);
  if (o.responseHours !== undefined) words.push(`respond within ${plural(o.responseHours, "hour", "hours")}`);
  if (o.reportWithinDaysOfNotice !== undefined)
    words.push(`report within ${plural(o.reportWithinDaysOfNotice, "day", "days")} of noticing`);
  if (o.unknownDeliveryTransitDays !== undefined)
    words.push(`unknown delivery assumed after ${plural(o.unknownDeliveryTransitDays, "day", "days")}`);
  if (o.exclusionHandling !== undefined)
    words.push(o.exclusionHandling === "deny" ? "excluded causes denied" : "excluded causes reviewed");
  if (o.returnRequired !== undefined) words.push(o.returnRequired ? "return required" : "no return");
  if (o.arrivalReturnShippingPaidBy !== undefined)
    words.push(`arrival return shipping: ${PAYER_WORDS[o.arrivalReturnShippingPaidBy]}`);
  if (o.warrantyReturnShippingPaidBy !== undefined)
    words.push(`warranty return shipping: ${PAYER_WORDS[o.warrantyReturnShippingPaidBy]}`);
  if (o.returnShippingPaidByProblem !== undefined)
    words.push(`return shipping by problem: ${describeProblemPayers(o.returnShippingPaidByProblem)}`);
  if (o.arrivalResolutions !== undefined) words.push(`arrival: ${describeResolutions(o.arrivalResolutions)}`);
  if (o.warrantyResolutions !== undefined) words.push(`warranty: ${describeResolutions(o.warrantyResolutions)}`);
  if (o.outOfStockFallback !== undefined) words.push(`out of stock: ${describeOutOfStock(o.outOfStockFallback)}`);
  if (o.arrivalEvidence !== undefined) words.push(`arrival evidence: ${describeEvidence(o.arrivalEvidence)}`);
  if (o.warrantyEvidence !== undefined) words.push(`warranty evidence: ${describeEvidence(o.warrantyEvidence)}`);
  if (o.arrivalRequiresPreference !== undefined)
    words.push(o.arrivalRequiresPreference ? "asks refund or replacement" : "does not ask refund or replacement");
  if (o.components !== undefined)
    words.push(o.components.length === 0 ? "no parts to return" : plural(o.components.length, "part", "parts"));
  return words;
}

type Source = "shop" | "product";

interface EffectiveRule {
  label: string;
  value: string;
  source: Source;
}

export interface EffectiveRules {
  hasOverride: boolean;
  rules: EffectiveRule[];
  components: { name: string; chargeIfMissing: { amount: string; currencyCode: string } }[];
  componentsSource: Source;
}

/** The rules a product's claims follow: the shop policy with the product's override on top. */
export function effectiveRules(shopPolicy: Policy, override: PolicyOverride | null): EffectiveRules {
  const policy = mergePolicy(shopPolicy, override ?? undefined);
  const from = (field: keyof PolicyOverride): Source => (override?.[field] !== undefined ? "product" : "shop");
  return {
    hasOverride: override !== null && Object.keys(override).some((k) => k !== "productId"),
    rules: [
      { label: "Warranty", value: describeWarranty(policy.warrantyMonths), source: from("warrantyMonths") },
      {
        label: "Report damage on arrival",
        value: describeArrivalWindow(policy.arrivalWindowDays),
        source: from("arrivalWindowDays"),
      },
      {
        label: "Evidence for arrival claims",
        value: describeEvidence(policy.arrivalEvidence),
        source: from("arrivalEvidence"),
      },
      {
        label: "Evidence for warranty claims",
        value: describeEvidence(policy.warrantyEvidence),
        source: from("warrantyEvidence"),
      },
      {
        label: "Return",
        value: policy.returnRequired ? "required" : "not required",
        source: from("returnRequired"),
      },
      {
        label: "Resolutions for arrival claims",
        value: describeResolutions(policy.arrivalResolutions),
        source: from("arrivalResolutions"),
      },
      {
        label: "Resolutions for warranty claims",
        value: describeResolutions(policy.warrantyResolutions),
        source: from("warrantyResolutions"),
      },
      {
        label: "Replacement out of stock",
        value: describeOutOfStock(policy.outOfStockFallback),
        source: from("outOfStockFallback"),
      },
    ],
    components: policy.components.map((c) => ({ name: c.name, chargeIfMissing: { ...c.chargeIfMissing } })),
    componentsSource: from("components"),
  };
}
