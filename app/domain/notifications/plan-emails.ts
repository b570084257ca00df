// Which emails a claim's events, its response clock and the day cause, for whom (issue 12). Pure:
// no database, no clock; the outbox stores each PlannedEmail once per dedupeKey, so planning the
// same event twice is harmless. The words are composed at send time
// (app/services/notifications/compose-email.server.ts); `data` carries only what the claim will not
// tell then. Who tells the shopper about refunds and returns is the merchant's choice
// (docs/decisions/024-which-emails-and-who-tells-the-shopper.md).
import type { ClaimStatus } from "../claim-lifecycle/claim-status";
import { CLAUSE_LANGUAGES } from "../denial-clauses";
import { calendarDateAt, HOUR_MS, timeZoneOffsetMs, type CalendarDate } from "../time";
import type { EmailAudience, EmailTemplate, NotificationPreferences, PlannedEmail } from "./notification-types";

export interface ClaimForEmails {
  id: string;
  shop: string;
  number: number;
  type: "arrival" | "warranty";
  status: string;
  locale: string | null;
  respondBy: Date | null;
}

export interface ClaimEventForEmails {
  sequence: number;
  type: string;
  actorType: string;
  fromStatus: string | null;
  toStatus: string;
  at: string;
  data: unknown;
}

/** The languages the shopper's emails are written in: those of the denial clauses' words. */
export type EmailLanguage = (typeof CLAUSE_LANGUAGES)[number];

/** Merchant emails are in English for now (the admin's language is not known to the worker). */
export const MERCHANT_EMAIL_LOCALE = "en";

/** The shopper's email language: the claim's locale ("fr-CA" → "fr") when we write it, else English. */
export function emailLanguageOf(locale: string | null): EmailLanguage {
  const base = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (CLAUSE_LANGUAGES as readonly string[]).includes(base) ? (base as EmailLanguage) : "en";
}

const APPROVED_STATUSES: readonly string[] = ["approved", "partially_approved"] satisfies ClaimStatus[];

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The resolved event's outcomes (`data.items[].outcome`): refunded, replaced, repaired. */
function outcomesOf(event: ClaimEventForEmails): string[] {
  const items = record(event.data).items;
  return Array.isArray(items) ? items.map((item) => String(record(item).outcome)) : [];
}

type Planned = { template: EmailTemplate; data?: Record<string, unknown> };

/**
 * The shopper's email for one event, or none. With `shopperNotifiedBy: "shopify"` Shopify's own
 * notifications tell the shopper about the return (`notifyCustomer` on returnCreate, so: the return
 * instructions at return_requested) and about refunds (`notify` on refundCreate, so: a resolution
 * that is only refunds); ours for those are not planned. Shopify sends nothing when a return arrives
 * (returnProcess, its next email, runs at the resolution), so "we received your return" is always ours.
 */
function shopperEmailFor(event: ClaimEventForEmails, prefs: NotificationPreferences): Planned | null {
  const shopifyTells = prefs.shopperNotifiedBy === "shopify";
  const data = record(event.data);
  switch (event.type) {
    case "submitted":
      return { template: "claim_received" };
    case "information_requested":
      return { template: "info_requested" };
    case "claim_decided": {
      if (event.toStatus === "denied") return { template: "claim_denied" };
      if (!APPROVED_STATUSES.includes(event.toStatus)) return null;
      // No return: the approval is the whole news. A return with our emails: the approval waits for
      // return_requested, which brings the instructions (where each item goes, which parts, who
      // pays). A return told by Shopify: our approval says the decision; Shopify's return email follows.
      if (data.returnRequired !== true) return { template: "claim_approved", data: { returnRequired: false } };
      return shopifyTells
        ? { template: "claim_approved", data: { returnRequired: true, returnToldByShopify: true } }
        : null;
    }
    case "return_requested":
      return shopifyTells ? null : { template: "claim_approved", data: { returnRequired: true } };
    case "return_received":
      return { template: "return_received" };
    case "return_arrived_unrequested":
      // After an approval an item that came back unasked is received at once (status return_received).
      return event.toStatus === "return_received" ? { template: "return_received" } : null;
    case "resolved": {
      const outcomes = outcomesOf(event);
      const refundOnly = outcomes.length > 0 && outcomes.every((outcome) => outcome === "refunded");
      // Shopify's refund email tells a refund; a replacement or repair is ours to tell, with a
      // pointer to Shopify's email for any refunded part.
      if (shopifyTells && refundOnly) return null;
      return { template: "claim_resolved", data: { refundToldByShopify: shopifyTells } };
    }
    default:
      // information_provided, item_decided, return_shipped, return_inspected, return_lost,
      // cancelled, closed: the shopper did it, or it changes nothing they must act on.
      return null;
  }
}

/** The merchant's email for one event, or none: only what the shopper did (never the merchant's own acts). */
function merchantEmailFor(event: ClaimEventForEmails, prefs: NotificationPreferences): Planned | null {
  if (prefs.merchantDelivery === "daily_digest") return null; // the digest lists them
  if (event.actorType !== "customer") return null;
  if (event.type === "submitted") return { template: "merchant_new_claim" };
  if (event.type === "information_provided") return { template: "merchant_shopper_replied" };
  return null;
}

function planned(
  claim: ClaimForEmails,
  event: ClaimEventForEmails,
  audience: EmailAudience,
  plan: Planned,
): PlannedEmail {
  return {
    template: plan.template,
    audience,
    dedupeKey: `claim:${claim.id}:event:${event.sequence}:${audience}`,
    locale: audience === "shopper" ? emailLanguageOf(claim.locale) : MERCHANT_EMAIL_LOCALE,
    data: {
      claimNumber: claim.number,
      eventSequence: event.sequence,
      // The promise as it stood when the event happened (a later question pauses the clock).
      ...(event.type === "submitted" && claim.respondBy ? { respondBy: claim.respondBy.toISOString() } : {}),
      ...plan.data,
    },
  };
}

/** The emails the claim's new events cause: at most one per (event, audience). */
export function planClaimEventEmails(
  claim: ClaimForEmails,
  events: readonly ClaimEventForEmails[],
  prefs: NotificationPreferences,
): PlannedEmail[] {
  const emails: PlannedEmail[] = [];
  for (const event of events) {
    const toShopper = shopperEmailFor(event, prefs);
    if (toShopper) emails.push(planned(claim, event, "shopper", toShopper));
    const toMerchant = merchantEmailFor(event, prefs);
    if (toMerchant) emails.push(planned(claim, event, "merchant", toMerchant));
  }
  return emails;
}

/**
 * Reminders to the merchant for claims whose response is due: within `reminderLeadHours` → due,
 * past respondBy → overdue. The key holds the due instant, so a clock paused and resumed (a new
 * respondBy) reminds again, and each (due time, kind) is sent once however often this runs.
 */
export function planResponseReminders(
  claims: readonly { id: string; shop: string; number: number; respondBy: Date }[],
  prefs: NotificationPreferences,
  now: Date,
): PlannedEmail[] {
  if (prefs.merchantDelivery === "daily_digest") return [];
  const emails: PlannedEmail[] = [];
  for (const claim of claims) {
    const remainingMs = claim.respondBy.getTime() - now.getTime();
    if (remainingMs > prefs.reminderLeadHours * HOUR_MS) continue;
    const overdue = remainingMs <= 0;
    const respondBy = claim.respondBy.toISOString();
    emails.push({
      template: overdue ? "merchant_response_overdue" : "merchant_response_due",
      audience: "merchant",
      dedupeKey: `reminder:${claim.id}:${respondBy}:${overdue ? "overdue" : "due"}`,
      locale: MERCHANT_EMAIL_LOCALE,
      data: { claimId: claim.id, claimNumber: claim.number, respondBy },
    });
  }
  return emails;
}

/** The hour of the day the digest goes out, shop time. */
export const DIGEST_HOUR = 8;

const isoDate = (date: CalendarDate) =>
  `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

/**
 * The instant a wall-clock hour of a calendar day is reached in `timeZone`. The offset is read at
 * that hour itself, not at midnight, so the day a clock changes still gets its 08:00.
 */
export function instantAtLocalHour(date: CalendarDate, hour: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
  const guess = wall - timeZoneOffsetMs(wall, timeZone);
  return wall - timeZoneOffsetMs(guess, timeZone);
}

/**
 * The merchant's daily digest: with `daily_digest`, one per shop and local day, from 08:00 shop
 * time. `since` is the previous day's digest time, for "new since yesterday".
 */
export function planDigest(
  shop: string,
  shopTimezone: string,
  prefs: NotificationPreferences,
  now: Date,
): PlannedEmail | null {
  if (prefs.merchantDelivery !== "daily_digest") return null;
  const today = calendarDateAt(now.getTime(), shopTimezone);
  const sendFrom = instantAtLocalHour(today, DIGEST_HOUR, shopTimezone);
  if (now.getTime() < sendFrom) return null;
  const yesterday = calendarDateAt(sendFrom - 12 * HOUR_MS, shopTimezone);
  const day = isoDate(today);
  return {
    template: "merchant_digest",
    audience: "merchant",
    dedupeKey: `digest:${shop}:${day}`,
    locale: MERCHANT_EMAIL_LOCALE,
    data: {
      day,
      since: new Date(instantAtLocalHour(yesterday, DIGEST_HOUR, shopTimezone)).toISOString(),
      reminderLeadHours: prefs.reminderLeadHours,
    },
  };
}
