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

/** Statuses that can only be closed. */
export const FINISHED_STATUSES: readonly ClaimStatus[] = ["denied", "resolved", "return_lost", "cancelled"];

/** Statuses before the merchant's decision, while the response clock runs or is paused. */
export const UNDECIDED_STATUSES: readonly ClaimStatus[] = ["submitted", "needs_information"];
