import { z } from "zod";

/**
 * Stable codes the UI translates. The order of each list is the order in which codes are
 * reported, so outputs are deterministic.
 */
export const ITEM_REASONS = [
  "unknown_line_item",
  "not_fulfilled",
  "quantity_exceeds_claimable",
  "not_covered",
  "window_expired",
] as const;
export const ItemReasonSchema = z.enum(ITEM_REASONS);
export type ItemReason = z.infer<typeof ItemReasonSchema>;

export const CLAIM_REASONS = [
  "missing_evidence",
  "missing_preference",
  "no_common_resolution",
  "resolution_not_offered",
  "excluded",
] as const;
export const ClaimReasonSchema = z.enum(CLAIM_REASONS);
export type ClaimReason = z.infer<typeof ClaimReasonSchema>;

/** Exclusion flags: every flag but `delivery_date_estimated`. */
export const EXCLUSION_FLAGS = [
  "firmware_flashed",
  "body_opened",
  "parts_modified",
  "unintended_use",
  "continued_use_after_fault",
  "accidental_damage",
  "late_report",
] as const;
export const ExclusionFlagSchema = z.enum(EXCLUSION_FLAGS);
type ExclusionFlag = z.infer<typeof ExclusionFlagSchema>;

export const FLAGS = [...EXCLUSION_FLAGS, "delivery_date_estimated"] as const;
export const FlagSchema = z.enum(FLAGS);
export type Flag = z.infer<typeof FlagSchema>;

export function isExclusionFlag(flag: Flag): flag is ExclusionFlag {
  return (EXCLUSION_FLAGS as readonly string[]).includes(flag);
}

/** Keeps each code once, in the canonical order of `order`. */
export function inCanonicalOrder<T extends string>(codes: Iterable<T>, order: readonly T[]): T[] {
  const present = new Set(codes);
  return order.filter((code) => present.has(code));
}
