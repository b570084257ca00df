import type { ActorType } from "./guards";
import type { ClaimCommandType } from "./claim-commands";
import type { ClaimStatus } from "./claim-status";

export type Transition = { readonly from: ClaimStatus; readonly command: ClaimCommandType; readonly to: ClaimStatus };

/**
 * Every legal move of a claim. A command not listed for the claim's status throws
 * `claim.invalid_transition`; a handler may only land on a `to` listed for its (from, command).
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: "submitted", command: "request_information", to: "needs_information" },
  { from: "needs_information", command: "provide_information", to: "submitted" },
  { from: "submitted", command: "decide_item", to: "submitted" },
  { from: "needs_information", command: "decide_item", to: "needs_information" },
  { from: "submitted", command: "finalize_decision", to: "approved" },
  { from: "submitted", command: "finalize_decision", to: "partially_approved" },
  { from: "submitted", command: "finalize_decision", to: "denied" },
  { from: "needs_information", command: "finalize_decision", to: "approved" },
  { from: "needs_information", command: "finalize_decision", to: "partially_approved" },
  { from: "needs_information", command: "finalize_decision", to: "denied" },
  { from: "submitted", command: "cancel", to: "cancelled" },
  { from: "needs_information", command: "cancel", to: "cancelled" },
  { from: "approved", command: "request_return", to: "awaiting_return" },
  { from: "partially_approved", command: "request_return", to: "awaiting_return" },
  { from: "approved", command: "resolve", to: "resolved" }, // only when no return is required
  { from: "partially_approved", command: "resolve", to: "resolved" }, // idem
  { from: "awaiting_return", command: "ship_return", to: "return_in_transit" },
  { from: "awaiting_return", command: "receive_return", to: "return_received" }, // arrived untracked
  { from: "return_in_transit", command: "receive_return", to: "return_received" },
  { from: "return_in_transit", command: "mark_return_lost", to: "return_lost" },
  { from: "awaiting_return", command: "mark_return_lost", to: "return_lost" }, // sent untracked, never arrived
  // A return sent without the merchant's approval (docs/decisions/015-returns-that-arrive-unrequested.md):
  // before the decision it is only recorded; after an approval the item is in hand, ready to inspect.
  { from: "submitted", command: "record_unrequested_return", to: "submitted" },
  { from: "needs_information", command: "record_unrequested_return", to: "needs_information" },
  { from: "approved", command: "record_unrequested_return", to: "return_received" },
  { from: "partially_approved", command: "record_unrequested_return", to: "return_received" },
  // ... and once approved, a return that arrived before the decision is marked received (guarded).
  { from: "approved", command: "receive_return", to: "return_received" },
  { from: "partially_approved", command: "receive_return", to: "return_received" },
  { from: "return_received", command: "inspect_return", to: "inspected" },
  { from: "inspected", command: "resolve", to: "resolved" },
  // Lost returns are not covered by default; the merchant may decide to cover one anyway.
  { from: "return_lost", command: "resolve", to: "resolved" },
  { from: "denied", command: "close", to: "closed" },
  { from: "resolved", command: "close", to: "closed" },
  { from: "return_lost", command: "close", to: "closed" },
  { from: "cancelled", command: "close", to: "closed" },
];

/** Who may issue each command. */
export const COMMAND_ACTORS: Readonly<Record<ClaimCommandType, readonly ActorType[]>> = {
  request_information: ["merchant"],
  provide_information: ["customer"],
  decide_item: ["merchant"],
  finalize_decision: ["merchant"],
  cancel: ["customer"],
  request_return: ["merchant"],
  ship_return: ["customer", "merchant"],
  receive_return: ["merchant", "system"],
  mark_return_lost: ["merchant", "system"],
  record_unrequested_return: ["merchant"],
  inspect_return: ["merchant"],
  resolve: ["merchant", "system"],
  close: ["merchant", "system"],
};

export function allowedTargets(from: ClaimStatus, command: ClaimCommandType): ClaimStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.command === command).map((t) => t.to);
}

export function statusesAllowing(command: ClaimCommandType): ClaimStatus[] {
  return [...new Set(TRANSITIONS.filter((t) => t.command === command).map((t) => t.from))];
}
