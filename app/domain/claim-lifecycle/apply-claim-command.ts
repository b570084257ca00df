import type { z } from "zod";
import { DomainError } from "../errors";
import { fromMoneyInput, toMoneyInput, money } from "../money";
import { formatInstant } from "../time";
import { formatIssues, reportMissing } from "../validation";
import { ClaimCommandSchema, SubmitClaimSchema, type ClaimCommand, type SubmitClaim } from "./claim-commands";
import type {
  Actor,
  ClaimEvent,
  ClaimEventType,
  ClaimItemState,
  ClaimState,
  ItemOutcome,
  ReturnInstructions,
} from "./claim-state";
import type { ClaimStatus } from "./claim-status";
import {
  approvedItems,
  assertActorAllowed,
  assertAllItemsDecided,
  assertApprovedQuantity,
  assertChronological,
  assertDenialExplained,
  assertInspectionComplete,
  assertNoReturnOutstanding,
  assertResolutionFacts,
  assertReturnArrived,
  assertReturnNotArrived,
  assertReturnRequired,
  assertTargetAllowed,
  assertTransitionAllowed,
  requireItem,
  requireShippingPayer,
} from "./guards";

export type ClaimTransitionResult = { readonly state: ClaimState; readonly event: ClaimEvent };

type Change = {
  readonly to: ClaimStatus;
  readonly eventType: ClaimEventType;
  readonly note?: string | undefined;
  readonly data?: Record<string, unknown>;
  readonly patch?: Partial<Omit<ClaimState, "id" | "status" | "events">>;
};

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, code: string): T {
  const result = schema.safeParse(value, reportMissing);
  if (!result.success) throw new DomainError("invalid", code, formatIssues(result.error.issues).join("; "));
  return result.data;
}

/** Opens a claim: status submitted, first event in the log. The response clock starts here. */
export function submitClaim(input: SubmitClaim, now: Date, actor: Actor): ClaimTransitionResult {
  const submission = parseOrThrow<SubmitClaim>(SubmitClaimSchema, input, "claim.invalid_submission");
  if (actor.type !== "customer" && actor.type !== "merchant") {
    throw new DomainError(
      "not_allowed",
      "claim.actor_not_allowed",
      `A ${actor.type} cannot submit a claim; only customer, merchant can.`,
    );
  }
  const event: ClaimEvent = {
    sequence: 1,
    at: formatInstant(now.getTime()),
    actor,
    type: "submitted",
    from: null,
    to: "submitted",
    note: submission.note ?? null,
    data: {
      items: submission.items.map(({ lineItemId, quantity }) => ({ lineItemId, quantity })),
      evidence: submission.evidence,
      // What the shopper told us, kept in the log with the submission (none of it is state).
      ...(submission.problem === undefined ? {} : { problem: submission.problem }),
      ...(submission.answers === undefined ? {} : { answers: submission.answers }),
      ...(submission.preferredResolution === undefined ? {} : { preferredResolution: submission.preferredResolution }),
      ...(submission.evaluation === undefined ? {} : { evaluation: submission.evaluation }),
    },
  };
  const state: ClaimState = {
    id: submission.claimId,
    orderId: submission.orderId,
    type: submission.type,
    status: "submitted",
    responseHours: submission.responseHours,
    returnRequired: submission.returnRequired,
    returnShippingPaidBy: submission.returnShippingPaidBy,
    evidence: submission.evidence,
    items: submission.items.map((item) => ({ ...item, decision: null, inspection: null, outcome: null })),
    returnInstructions: null,
    returnShipment: null,
    events: [event],
  };
  return { state, event };
}

function updateItem(
  state: ClaimState,
  lineItemId: string,
  update: (item: ClaimItemState) => ClaimItemState,
): ClaimItemState[] {
  return state.items.map((item) => (item.lineItemId === lineItemId ? update(item) : item));
}

function decideClaimStatus(state: ClaimState): ClaimStatus {
  const approved = approvedItems(state);
  if (approved.length === 0) return "denied";
  const everythingApproved =
    approved.length === state.items.length && approved.every((item) => item.decision.quantity === item.quantity);
  return everythingApproved ? "approved" : "partially_approved";
}

/** Approved units go back where they were fulfilled from, filling the item's locations in order. */
function returnInstructionsFor(state: ClaimState, shippingPaidBy: "merchant" | "customer"): ReturnInstructions {
  const destinations: ReturnInstructions["destinations"] = [];
  for (const item of approvedItems(state)) {
    let remaining = item.decision.quantity;
    for (const location of item.returnLocations) {
      if (remaining === 0) break;
      const quantity = Math.min(remaining, location.quantity);
      remaining -= quantity;
      let destination = destinations.find((d) => d.locationId === location.locationId);
      if (!destination) {
        destination = { locationId: location.locationId, items: [] };
        destinations.push(destination);
      }
      destination.items.push({
        lineItemId: item.lineItemId,
        quantity,
        includeComponents: item.components.map((component) => component.name),
      });
    }
    if (remaining > 0) {
      throw new DomainError(
        "conflict",
        "claim.no_return_location",
        `${remaining} approved units of ${item.lineItemId} have no fulfilment location to go back to.`,
      );
    }
  }
  return { destinations, trackedShippingAdvised: true, shippingPaidBy };
}

function resolveOutcome(
  resolution: "refund" | "replacement" | "repair",
  facts: { replacementInStock?: boolean | undefined; repairPossible?: boolean | undefined } | undefined,
): ItemOutcome {
  if (resolution === "replacement") {
    return facts?.replacementInStock
      ? { outcome: "replaced", fallback: null }
      : { outcome: "refunded", fallback: { from: "replacement", reason: "out_of_stock" } };
  }
  if (resolution === "repair") {
    return facts?.repairPossible
      ? { outcome: "repaired", fallback: null }
      : { outcome: "refunded", fallback: { from: "repair", reason: "repair_impossible" } };
  }
  return { outcome: "refunded", fallback: null };
}

function change(state: ClaimState, command: ClaimCommand): Change {
  switch (command.type) {
    case "request_information":
      return { to: "needs_information", eventType: "information_requested", note: command.question };

    case "provide_information":
      return {
        to: "submitted",
        eventType: "information_provided",
        note: command.answer,
        data: { evidence: command.evidence },
        patch: { evidence: [...state.evidence, ...command.evidence.filter((kind) => !state.evidence.includes(kind))] },
      };

    case "decide_item": {
      const item = requireItem(state, command.lineItemId);
      const { decision } = command;
      if (decision.kind === "approve") {
        const quantity = decision.quantity ?? item.quantity;
        assertApprovedQuantity(state, item, quantity);
        const approved = { kind: "approve" as const, quantity, resolution: decision.resolution };
        return {
          to: state.status,
          eventType: "item_decided",
          data: { lineItemId: item.lineItemId, decision: approved },
          patch: { items: updateItem(state, item.lineItemId, (i) => ({ ...i, decision: approved })) },
        };
      }
      assertDenialExplained(item, decision.reason, decision.note, decision.clause);
      const denied = {
        kind: "deny" as const,
        reason: decision.reason,
        note: decision.note ?? null,
        ...(decision.clause ? { clause: decision.clause } : {}),
      };
      return {
        to: state.status,
        eventType: "item_decided",
        note: decision.note,
        data: { lineItemId: item.lineItemId, decision: denied },
        patch: { items: updateItem(state, item.lineItemId, (i) => ({ ...i, decision: denied })) },
      };
    }

    case "finalize_decision": {
      assertAllItemsDecided(state);
      const to = decideClaimStatus(state);
      const returnRequired = command.returnRequired ?? state.returnRequired;
      return {
        to,
        eventType: "claim_decided",
        note: command.note,
        data: { decision: to, returnRequired },
        patch: { returnRequired: to === "denied" ? state.returnRequired : returnRequired },
      };
    }

    case "cancel":
      return { to: "cancelled", eventType: "cancelled", note: command.note };

    case "request_return": {
      assertReturnRequired(state);
      assertReturnNotArrived(state);
      const instructions = returnInstructionsFor(state, requireShippingPayer(state, command.shippingPaidBy));
      return {
        to: "awaiting_return",
        eventType: "return_requested",
        data: { instructions },
        patch: { returnInstructions: instructions },
      };
    }

    case "ship_return": {
      const shipment = { trackingNumber: command.trackingNumber, carrier: command.carrier ?? null };
      return {
        to: "return_in_transit",
        eventType: "return_shipped",
        data: shipment,
        patch: { returnShipment: shipment },
      };
    }

    case "receive_return":
      assertReturnArrived(state);
      return {
        to: "return_received",
        eventType: "return_received",
        note: command.note,
        // Whether the shopper's tracking number was known: "untracked" returns skip return_in_transit.
        data: { tracked: state.returnShipment !== null },
      };

    case "mark_return_lost":
      // The guarantee does not cover returns lost on the way back (hence: advise tracked shipping).
      return { to: "return_lost", eventType: "return_lost", note: command.note };

    case "record_unrequested_return": {
      assertReturnNotArrived(state);
      // Before the decision the claim stays where it is (the decision and its clock are still due);
      // after an approval the item is in hand, so the claim goes straight to inspection.
      const undecided = state.status === "submitted" || state.status === "needs_information";
      return {
        to: undecided ? state.status : "return_received",
        eventType: "return_arrived_unrequested",
        note: command.note,
        data: { decided: !undecided },
      };
    }

    case "inspect_return": {
      assertInspectionComplete(state, command.items);
      const items = state.items.map((item) => {
        const entry = command.items.find((candidate) => candidate.lineItemId === item.lineItemId);
        if (!entry) return item;
        const deductions = entry.missingComponents.map((missing) => {
          const component = item.components.find((c) => c.name === missing.name);
          if (!component)
            throw new DomainError("invalid", "claim.unknown_component", `Unknown component ${missing.name}.`);
          const charge = fromMoneyInput(component.chargeIfMissing);
          return {
            name: missing.name,
            charge: toMoneyInput(money(charge.minorUnits * missing.quantity, charge.currencyCode)),
          };
        });
        return { ...item, inspection: { missingComponents: entry.missingComponents, deductions } };
      });
      return {
        to: "inspected",
        eventType: "return_inspected",
        note: command.note,
        data: { items: items.filter((i) => i.inspection).map((i) => ({ lineItemId: i.lineItemId, ...i.inspection })) },
        patch: { items },
      };
    }

    case "resolve": {
      assertNoReturnOutstanding(state);
      assertResolutionFacts(state, command.items);
      const items = state.items.map((item) => {
        if (item.decision?.kind !== "approve") return item;
        const facts = command.items.find((candidate) => candidate.lineItemId === item.lineItemId);
        return { ...item, outcome: resolveOutcome(item.decision.resolution, facts) };
      });
      return {
        to: "resolved",
        eventType: "resolved",
        note: command.note,
        data: {
          items: items.filter((i) => i.outcome).map((i) => ({ lineItemId: i.lineItemId, ...i.outcome })),
          // The guarantee does not cover lost returns: resolving one is the merchant's choice, kept in the log.
          ...(state.status === "return_lost" ? { lostReturnCovered: true } : {}),
        },
        patch: { items },
      };
    }

    case "close":
      return { to: "closed", eventType: "closed", note: command.note };
  }
  // Exhaustive: every command type is handled above.
  const unreachable: never = command;
  throw new DomainError("invalid", "claim.invalid_command", `Unknown command ${JSON.stringify(unreachable)}.`);
}

/**
 * Applies one command to a claim: checks the transition table, the actor and the command's
 * guards, then returns the new state with one event appended. Never mutates `state`.
 */
export function applyClaimCommand(
  state: ClaimState,
  command: ClaimCommand,
  now: Date,
  actor: Actor,
): ClaimTransitionResult {
  const parsed = parseOrThrow<ClaimCommand>(ClaimCommandSchema, command, "claim.invalid_command");
  assertTransitionAllowed(state, parsed.type);
  assertActorAllowed(actor, parsed.type);
  const at = now.getTime();
  assertChronological(state, at);
  const { to, eventType, note, data, patch } = change(state, parsed);
  assertTargetAllowed(state, parsed.type, to);
  const event: ClaimEvent = {
    sequence: state.events.length + 1,
    at: formatInstant(at),
    actor,
    type: eventType,
    from: state.status,
    to,
    note: note ?? null,
    data: data ?? {},
  };
  return { state: { ...state, ...patch, status: to, events: [...state.events, event] }, event };
}
