import { z } from "zod";
import { HOUR_MS } from "../time";
import type { ClaimStatus } from "./claim-status";

// The merchant's inbox: which lifecycle statuses each tab shows (the one place that maps them),
// and the response clock as the inbox shows it from the stored `respondBy` projection.

export const INBOX_TABS = [
  "needs_response",
  "waiting_on_shopper",
  "awaiting_return",
  "to_inspect",
  "resolved",
  "all",
] as const;
export const InboxTabSchema = z.enum(INBOX_TABS);
export type InboxTab = z.infer<typeof InboxTabSchema>;

/**
 * Every status sits in exactly one tab besides "all" (a unit test proves it). "Needs response"
 * holds what waits on the merchant's next step: a decision, the return or resolution after an
 * approval, or a lost return (cover it anyway, or close the claim); "to inspect" holds returns
 * that arrived, until the claim is resolved.
 */
export const INBOX_TAB_STATUSES: Readonly<Record<Exclude<InboxTab, "all">, readonly ClaimStatus[]>> = {
  needs_response: ["submitted", "approved", "partially_approved", "return_lost"],
  waiting_on_shopper: ["needs_information"],
  awaiting_return: ["awaiting_return", "return_in_transit"],
  to_inspect: ["return_received", "inspected"],
  resolved: ["resolved", "denied", "cancelled", "closed"],
};

/** The statuses a tab shows, or null for every status. */
export function statusesOfTab(tab: InboxTab): readonly ClaimStatus[] | null {
  return tab === "all" ? null : INBOX_TAB_STATUSES[tab];
}

/**
 * The response clock of an inbox row: running while `respondBy` is set (the log's projection of
 * the running clock), paused while the claim waits on the shopper, stopped once answered.
 */
export type InboxResponseClock =
  | { readonly state: "running"; readonly remainingMs: number }
  | { readonly state: "paused" }
  | { readonly state: "stopped" };

export function inboxResponseClock(
  row: { readonly status: ClaimStatus; readonly respondBy: Date | null },
  now: Date,
): InboxResponseClock {
  if (row.respondBy) return { state: "running", remainingMs: row.respondBy.getTime() - now.getTime() };
  return row.status === "needs_information" ? { state: "paused" } : { state: "stopped" };
}

export type ResponseBadgeTone = "critical" | "warning" | "info" | "paused";

/** "due in 5 h", "overdue by 3 h", "paused"; null once the merchant answered. */
export function responseClockBadge(clock: InboxResponseClock): { label: string; tone: ResponseBadgeTone } | null {
  switch (clock.state) {
    case "stopped":
      return null;
    case "paused":
      return { label: "paused", tone: "paused" };
    case "running": {
      const overdue = clock.remainingMs < 0;
      const span = formatSpan(Math.abs(clock.remainingMs));
      if (overdue) return { label: `overdue by ${span}`, tone: "critical" };
      return { label: `due in ${span}`, tone: clock.remainingMs < 12 * HOUR_MS ? "warning" : "info" };
    }
    default: {
      const unknown: never = clock;
      throw new Error(`unknown clock ${JSON.stringify(unknown)}`);
    }
  }
}

const MINUTE_MS = 60_000;

/**
 * Whole units, rounded down as Shopify's admin words times ("due in 4 h" at 4 h 50 min, so the
 * badge never promises more time than there is); under an hour in minutes, from 72 h in days.
 */
function formatSpan(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(1, Math.floor(ms / MINUTE_MS))} min`;
  if (ms < 72 * HOUR_MS) return `${Math.floor(ms / HOUR_MS)} h`;
  return `${Math.floor(ms / (24 * HOUR_MS))} days`;
}
