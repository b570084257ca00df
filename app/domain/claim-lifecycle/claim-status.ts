import { z } from "zod";

export const CLAIM_STATUSES = [
  "submitted",
  "needs_information",
  "approved",
  "partially_approved",
  "denied",
  "awaiting_return",
  "return_in_transit",
  "return_received",
  "inspected",
  "resolved",
  "return_lost",
  "cancelled",
  "closed",
] as const;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

/**
 * Statuses that can only be closed. A lost return is not one: the merchant may still cover it
 * (return_lost -> resolve), so it waits on them like an open claim.
 */
export const FINISHED_STATUSES: readonly ClaimStatus[] = ["denied", "resolved", "cancelled"];

/** Statuses before the merchant's decision, while the response clock runs or is paused. */
export const UNDECIDED_STATUSES: readonly ClaimStatus[] = ["submitted", "needs_information"];
