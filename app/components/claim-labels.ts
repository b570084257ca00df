import type { BadgeProps } from "@shopify/polaris";
import type { ClaimStatus } from "../domain/claim-lifecycle/claim-status";
import type { InboxTab, ResponseBadgeTone } from "../domain/claim-lifecycle/inbox";
import type { ClaimType } from "../domain/policy/resolve-policy";

// The merchant's words for the claim's lifecycle, shared by the inbox and the claim page.

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, { label: string; tone?: BadgeProps["tone"] }> = {
  submitted: { label: "New", tone: "attention" },
  needs_information: { label: "Waiting on shopper", tone: "info" },
  approved: { label: "Approved", tone: "success" },
  partially_approved: { label: "Partly approved", tone: "success" },
  denied: { label: "Denied" },
  awaiting_return: { label: "Awaiting return", tone: "info" },
  return_in_transit: { label: "Return in transit", tone: "info" },
  return_received: { label: "Return received", tone: "attention" },
  inspected: { label: "Inspected", tone: "attention" },
  resolved: { label: "Resolved", tone: "success" },
  return_lost: { label: "Return lost", tone: "critical" },
  cancelled: { label: "Cancelled" },
  closed: { label: "Closed" },
};

export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = { arrival: "Arrival", warranty: "Warranty" };

export const INBOX_TAB_LABELS: Record<InboxTab, string> = {
  needs_response: "Needs response",
  waiting_on_shopper: "Waiting on shopper",
  awaiting_return: "Awaiting return",
  to_inspect: "To inspect",
  resolved: "Resolved",
  all: "All",
};

export const RESPONSE_BADGE_TONES: Record<ResponseBadgeTone, BadgeProps["tone"]> = {
  critical: "critical",
  warning: "warning",
  info: "info",
  paused: undefined,
};
