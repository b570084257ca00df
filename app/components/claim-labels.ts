import type { BadgeProps } from "@shopify/polaris";
import type { ClaimStatus } from "../domain/claim-lifecycle/claim-status";
import type { ACTOR_TYPES, ClaimEventType, Resolution } from "../domain/claim-lifecycle/claim-state";
import type { ClaimProblem } from "../domain/evaluate-claim-schema";
import type { EvidenceKind } from "../domain/policy/policy-schema";
import type { ExclusionAnswerKey } from "../services/claim-page.server";
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

export const CLAIM_PROBLEM_LABELS: Record<ClaimProblem, string> = {
  damaged: "Arrived damaged",
  wrong_item: "Wrong item",
  missing_parts: "Parts missing",
  not_working: "Not working on arrival",
  fault: "Fault during the warranty",
};

/** The warranty's exclusion questions as the shopper answered them. */
export const EXCLUSION_ANSWER_LABELS: Record<ExclusionAnswerKey, string> = {
  firmwareFlashed: "Firmware flashed",
  bodyOpened: "Body opened",
  partsModified: "Parts modified, removed or swapped",
  unintendedUse: "Used other than intended",
  continuedUseAfterFault: "Kept using it after the fault",
  accidentalDamage: "Accidental damage",
};

export const CLAIM_EVENT_LABELS: Record<ClaimEventType, string> = {
  submitted: "Claim submitted",
  information_requested: "More information requested",
  information_provided: "Shopper answered",
  item_decided: "Item decided",
  claim_decided: "Decision sent",
  return_requested: "Return requested",
  return_shipped: "Return shipped",
  return_received: "Return received",
  return_inspected: "Return inspected",
  resolved: "Resolved",
  return_lost: "Return lost in transit",
  return_arrived_unrequested: "Return arrived without a request",
  cancelled: "Cancelled",
  closed: "Closed",
};

export const ACTOR_LABELS: Record<(typeof ACTOR_TYPES)[number], string> = {
  customer: "Shopper",
  merchant: "Staff",
  system: "Warranty Desk",
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  issue_photo: "Photo of the problem",
  issue_video: "Video of the problem",
  shipping_label_photo: "Photo of the shipping label",
  packaging_photo: "Photo of the packaging",
};

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  refund: "Refund",
  replacement: "Replacement",
  repair: "Repair",
};
