import { DomainError } from "../errors";
import { formatInstant, HOUR_MS } from "../time";
import type { ClaimState } from "./claim-state";

/**
 * The merchant's promise to respond (the guarantee's "within 48 hours"), derived from the log:
 * it starts at submission, pauses from `information_requested` until `information_provided`
 * (the claim waits on the shopper), and stops at the merchant's decision or a cancellation.
 */
export type ResponseClock =
  | { readonly state: "running"; readonly dueAt: string; readonly remainingMs: number; readonly overdue: boolean }
  | { readonly state: "paused"; readonly dueAt: null; readonly remainingMs: number; readonly overdue: boolean }
  | {
      readonly state: "stopped";
      readonly dueAt: string;
      readonly stoppedAt: string;
      readonly remainingMs: number;
      readonly overdue: boolean;
    };

export function deriveResponseClock(claim: Pick<ClaimState, "events" | "responseHours">, now: Date): ResponseClock {
  const [first] = claim.events;
  if (!first) throw new DomainError("invalid", "claim.no_events", "A claim without its submission event has no clock.");
  let pausedMs = 0;
  let pausedSince: number | null = null;
  for (const event of claim.events) {
    const at = Date.parse(event.at);
    if (event.type === "information_requested" && pausedSince === null) pausedSince = at;
    if (event.type === "information_provided" && pausedSince !== null) {
      pausedMs += at - pausedSince;
      pausedSince = null;
    }
    if (event.type === "claim_decided" || event.type === "cancelled") {
      if (pausedSince !== null) pausedMs += at - pausedSince;
      const dueAt = Date.parse(first.at) + claim.responseHours * HOUR_MS + pausedMs;
      return {
        state: "stopped",
        dueAt: formatInstant(dueAt),
        stoppedAt: event.at,
        remainingMs: dueAt - at,
        overdue: at > dueAt,
      };
    }
  }
  const dueAt = Date.parse(first.at) + claim.responseHours * HOUR_MS + pausedMs;
  if (pausedSince !== null) {
    const remainingMs = dueAt - pausedSince;
    return { state: "paused", dueAt: null, remainingMs, overdue: remainingMs < 0 };
  }
  const remainingMs = dueAt - now.getTime();
  return { state: "running", dueAt: formatInstant(dueAt), remainingMs, overdue: remainingMs < 0 };
}
