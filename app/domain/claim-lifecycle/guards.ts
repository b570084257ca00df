import { DomainError } from "../errors";
import { formatInstant } from "../time";
import type { ClaimCommand, ClaimCommandType } from "./claim-commands";
import {
  DenialReasonSchema,
  type Actor,
  type ClaimEvent,
  type ClaimItemState,
  type ClaimState,
  type DenialClauseId,
  type DeniedWith,
  type ItemDecision,
} from "./claim-state";
import type { ClaimStatus } from "./claim-status";
import { allowedTargets, COMMAND_ACTORS, statusesAllowing } from "./transitions";

export type ActorType = Actor["type"];

function list(values: readonly string[]): string {
  return values.length === 0 ? "never" : values.join(", ");
}

export function assertTransitionAllowed(state: ClaimState, command: ClaimCommandType): void {
  if (allowedTargets(state.status, command).length === 0) {
    throw new DomainError(
      "conflict",
      "claim.invalid_transition",
      `Cannot ${command} claim ${state.id}: it is ${state.status}, and ${command} is allowed only when it is ${list(statusesAllowing(command))}.`,
    );
  }
}

/** A handler's self-check: it may only land where the table says. */
export function assertTargetAllowed(state: ClaimState, command: ClaimCommandType, to: ClaimStatus): void {
  if (!allowedTargets(state.status, command).includes(to)) {
    throw new DomainError(
      "conflict",
      "claim.invalid_transition",
      `Cannot move claim ${state.id} from ${state.status} to ${to} by ${command}.`,
    );
  }
}

export function assertActorAllowed(actor: Actor, command: ClaimCommandType): void {
  const allowed = COMMAND_ACTORS[command];
  if (!allowed.includes(actor.type)) {
    throw new DomainError(
      "not_allowed",
      "claim.actor_not_allowed",
      `A ${actor.type} cannot ${command}; only ${list(allowed)} can.`,
    );
  }
}

export function assertChronological(state: ClaimState, now: number): void {
  const last = state.events[state.events.length - 1];
  if (last && now < Date.parse(last.at)) {
    throw new DomainError(
      "invalid",
      "claim.time_went_backwards",
      `Claim ${state.id} last changed at ${last.at}; a command at ${formatInstant(now)} cannot come before it.`,
    );
  }
}

export function requireItem(state: ClaimState, lineItemId: string): ClaimItemState {
  const item = state.items.find((candidate) => candidate.lineItemId === lineItemId);
  if (!item) {
    throw new DomainError(
      "not_found",
      "claim.unknown_item",
      `Line item ${lineItemId} is not part of claim ${state.id}.`,
    );
  }
  return item;
}

export function assertApprovedQuantity(state: ClaimState, item: ClaimItemState, quantity: number): void {
  if (quantity > item.quantity) {
    throw new DomainError(
      "invalid",
      "claim.approved_quantity_exceeds_claimed",
      `Cannot approve ${quantity} units of ${item.lineItemId} on claim ${state.id}: only ${item.quantity} were claimed.`,
    );
  }
}

export function assertDenialExplained(
  item: ClaimItemState,
  reason: DenialClauseId,
  note: string | undefined,
  clause: DeniedWith | undefined,
): void {
  if (reason === "other" && !note) {
    throw new DomainError(
      "invalid",
      "claim.denial_note_required",
      `Denying ${item.lineItemId} for "other" needs a note saying why.`,
    );
  }
  // A shop's own clause has no words in the code: without them the shopper would read nothing.
  if (!DenialReasonSchema.safeParse(reason).success && !clause) {
    throw new DomainError(
      "invalid",
      "claim.denial_words_required",
      `Denying ${item.lineItemId} with the shop's clause ${reason} needs the clause's words.`,
    );
  }
}

export function assertAllItemsDecided(state: ClaimState): void {
  const undecided = state.items.filter((item) => item.decision === null).map((item) => item.lineItemId);
  if (undecided.length > 0) {
    throw new DomainError(
      "conflict",
      "claim.items_undecided",
      `Cannot decide claim ${state.id}: ${list(undecided)} ${undecided.length === 1 ? "has" : "have"} no decision yet.`,
    );
  }
}

export function assertReturnRequired(state: ClaimState): void {
  if (!state.returnRequired) {
    throw new DomainError(
      "conflict",
      "claim.return_not_required",
      `Claim ${state.id} does not require a return; resolve it directly.`,
    );
  }
}

export function assertNoReturnOutstanding(state: ClaimState): void {
  // A lost return is resolved only when the merchant chooses to cover it anyway.
  if (state.returnRequired && state.status !== "inspected" && state.status !== "return_lost") {
    throw new DomainError(
      "conflict",
      "claim.return_required",
      `Claim ${state.id} requires a return: request it, receive it and inspect it before resolving.`,
    );
  }
}

export function requireShippingPayer(
  state: ClaimState,
  requested: "merchant" | "customer" | undefined,
): "merchant" | "customer" {
  if (requested) return requested;
  if (state.returnShippingPaidBy === "decided_on_review") {
    throw new DomainError(
      "invalid",
      "claim.shipping_payer_required",
      `Return shipping for claim ${state.id} is decided on review: say whether the merchant or the customer pays.`,
    );
  }
  return state.returnShippingPaidBy;
}

export type ApprovedItem = ClaimItemState & { decision: Extract<ItemDecision, { kind: "approve" }> };

export function approvedItems(state: ClaimState): ApprovedItem[] {
  return state.items.filter((item): item is ApprovedItem => item.decision?.kind === "approve");
}

/** The inspection must cover each approved item once, naming only components that item has. */
export function assertInspectionComplete(
  state: ClaimState,
  items: Extract<ClaimCommand, { type: "inspect_return" }>["items"],
): void {
  const approved = approvedItems(state);
  for (const entry of items) {
    const item = requireItem(state, entry.lineItemId);
    const decision = item.decision;
    if (decision?.kind !== "approve") {
      throw new DomainError(
        "invalid",
        "claim.item_not_returned",
        `${item.lineItemId} was not approved, so it is not part of the return.`,
      );
    }
    if (items.filter((other) => other.lineItemId === entry.lineItemId).length > 1) {
      throw new DomainError(
        "invalid",
        "claim.item_inspected_twice",
        `${item.lineItemId} appears more than once in the inspection.`,
      );
    }
    for (const missing of entry.missingComponents) {
      if (!item.components.some((component) => component.name === missing.name)) {
        throw new DomainError(
          "invalid",
          "claim.unknown_component",
          `${item.lineItemId} has no component "${missing.name}"; its components are ${list(item.components.map((c) => `"${c.name}"`))}.`,
        );
      }
      if (missing.quantity > decision.quantity) {
        throw new DomainError(
          "invalid",
          "claim.missing_component_quantity",
          `${missing.quantity} "${missing.name}" missing from ${item.lineItemId}, but only ${decision.quantity} units were returned.`,
        );
      }
    }
  }
  const uninspected = approved.filter((item) => !items.some((entry) => entry.lineItemId === item.lineItemId));
  if (uninspected.length > 0) {
    throw new DomainError(
      "invalid",
      "claim.inspection_incomplete",
      `The inspection of claim ${state.id} does not cover ${list(uninspected.map((item) => item.lineItemId))}.`,
    );
  }
}

/** Resolving must state, for each replacement, whether it is in stock and, for each repair, whether it is possible. */
export function assertResolutionFacts(
  state: ClaimState,
  items: Extract<ClaimCommand, { type: "resolve" }>["items"],
): void {
  for (const entry of items) {
    const item = requireItem(state, entry.lineItemId);
    if (item.decision?.kind !== "approve") {
      throw new DomainError(
        "invalid",
        "claim.item_not_approved",
        `${item.lineItemId} was not approved, so it cannot be resolved.`,
      );
    }
  }
  for (const item of approvedItems(state)) {
    const entry = items.find((candidate) => candidate.lineItemId === item.lineItemId);
    if (item.decision.resolution === "replacement" && entry?.replacementInStock === undefined) {
      throw new DomainError(
        "invalid",
        "claim.stock_unknown",
        `Say whether a replacement for ${item.lineItemId} is in stock (replacementInStock).`,
      );
    }
    if (item.decision.resolution === "repair" && entry?.repairPossible === undefined) {
      throw new DomainError(
        "invalid",
        "claim.repair_unknown",
        `Say whether ${item.lineItemId} can be repaired (repairPossible).`,
      );
    }
  }
}

/** The event recording that the item came back although no return was requested, if it did. */
export function unrequestedReturnOf(state: Pick<ClaimState, "events">): ClaimEvent | null {
  return state.events.find((event) => event.type === "return_arrived_unrequested") ?? null;
}

/** An unrequested return is recorded once: the item is in hand from then on. */
export function assertReturnNotArrived(state: ClaimState): void {
  const arrived = unrequestedReturnOf(state);
  if (arrived) {
    throw new DomainError(
      "conflict",
      "claim.return_already_arrived",
      `The item of claim ${state.id} arrived without a return request (recorded ${arrived.at}): mark it received and inspect it instead.`,
    );
  }
}

/** Before the return is requested, only an item that arrived unrequested can be received. */
export function assertReturnArrived(state: ClaimState): void {
  if ((state.status === "approved" || state.status === "partially_approved") && !unrequestedReturnOf(state)) {
    throw new DomainError(
      "conflict",
      "claim.return_not_arrived",
      `Nothing has come back for claim ${state.id}: request the return first, or record a return that arrived without a request.`,
    );
  }
}
