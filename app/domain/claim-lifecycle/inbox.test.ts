import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../time";
import { CLAIM_STATUSES } from "./claim-status";
import { INBOX_TAB_STATUSES, inboxResponseClock, responseClockBadge, statusesOfTab } from "./inbox";

const NOW = new Date("2026-03-02T12:00:00Z");
const MIN = 60_000;

describe("the inbox tabs", () => {
  it("put every lifecycle status in exactly one tab besides 'all'", () => {
    // GIVEN the tab table WHEN every status is looked up THEN each appears once
    const placed = Object.values(INBOX_TAB_STATUSES).flat();
    expect([...placed].sort()).toEqual([...CLAIM_STATUSES].sort());
  });

  it("'all' shows every status (no filter)", () => {
    expect(statusesOfTab("all")).toBeNull();
    expect(statusesOfTab("waiting_on_shopper")).toEqual(["needs_information"]);
  });
});

describe("the response clock badge", () => {
  const badge = (status: Parameters<typeof inboxResponseClock>[0]["status"], respondBy: Date | null) =>
    responseClockBadge(inboxResponseClock({ status, respondBy }, NOW));
  const inMs = (ms: number) => new Date(NOW.getTime() + ms);

  it.each([
    [5 * HOUR_MS, "due in 5 h", "warning"],
    [5 * HOUR_MS + 59 * MIN, "due in 5 h", "warning"],
    [12 * HOUR_MS, "due in 12 h", "info"],
    [47 * HOUR_MS + 30 * MIN, "due in 47 h", "info"],
    [80 * HOUR_MS, "due in 3 days", "info"],
    [45 * MIN, "due in 45 min", "warning"],
    [10_000, "due in 1 min", "warning"],
    [0, "due in 1 min", "warning"],
    [-3 * HOUR_MS, "overdue by 3 h", "critical"],
    [-(3 * HOUR_MS + 59 * MIN), "overdue by 3 h", "critical"],
    [-20 * MIN, "overdue by 20 min", "critical"],
    [-(4 * 24 * HOUR_MS), "overdue by 4 days", "critical"],
  ])("a running clock with %i ms left reads %s (%s)", (ms, label, tone) => {
    expect(badge("submitted", inMs(ms))).toEqual({ label, tone });
  });

  it("reads 'paused' while the claim waits on the shopper", () => {
    expect(badge("needs_information", null)).toEqual({ label: "paused", tone: "paused" });
  });

  it.each(["approved", "denied", "resolved", "awaiting_return"] as const)(
    "shows no badge once the merchant answered (%s)",
    (status) => {
      expect(badge(status, null)).toBeNull();
    },
  );
});
