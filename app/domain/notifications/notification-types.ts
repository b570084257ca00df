// The vocabulary of notifications (issue 12), shared by the outbox (app/db), the worker
// (app/services/notifications), the email content (app/domain/notifications) and the settings.
import { z } from "zod";

/** Every email the app sends: to the shopper about their claim, to the merchant about the shop's claims. */
export const EMAIL_TEMPLATES = [
  // to the shopper
  "claim_received",
  "info_requested",
  "claim_approved",
  "return_received",
  "claim_resolved",
  "claim_denied",
  // to the merchant
  "merchant_new_claim",
  "merchant_shopper_replied",
  "merchant_response_due",
  "merchant_response_overdue",
  "merchant_digest",
] as const;
export const EmailTemplateSchema = z.enum(EMAIL_TEMPLATES);
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>;

export const EMAIL_AUDIENCES = ["shopper", "merchant"] as const;
export const EmailAudienceSchema = z.enum(EMAIL_AUDIENCES);
export type EmailAudience = z.infer<typeof EmailAudienceSchema>;

/** queued → sending → sent; a send that keeps failing ends `failed`; no recipient: `skipped`. */
export const EMAIL_STATUSES = ["queued", "sending", "sent", "failed", "skipped"] as const;
export const EmailStatusSchema = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof EmailStatusSchema>;

/**
 * Who tells the shopper about refunds and returns: our own emails (Shopify's `notify` and
 * `notifyCustomer` stay off) or Shopify's notifications (ours for those events are not sent).
 * Never both.
 */
export const SHOPPER_NOTIFIERS = ["app", "shopify"] as const;
export const MERCHANT_DELIVERIES = ["each", "daily_digest"] as const;

export const NotificationPreferencesSchema = z.strictObject({
  /** Where the merchant's emails go; empty: the shop's own email address. */
  merchantEmails: z.array(z.email({ error: "expected an email address" })).max(5, { error: "at most 5 addresses" }),
  shopperNotifiedBy: z.enum(SHOPPER_NOTIFIERS),
  /** A reminder goes this many hours before a claim's response is due (and one when it is overdue). */
  reminderLeadHours: z
    .number({ error: "expected a number of hours" })
    .int({ error: "expected a whole number of hours" })
    .min(1, { error: "at least 1 hour" })
    .max(72, { error: "at most 72 hours" }),
  /** `daily_digest`: one email a day replaces the merchant's single emails and reminders. */
  merchantDelivery: z.enum(MERCHANT_DELIVERIES),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  merchantEmails: [],
  shopperNotifiedBy: "app",
  reminderLeadHours: 6,
  merchantDelivery: "each",
};

/** One email a cause asks for; the outbox stores it as one EmailMessage row (at most one per dedupeKey). */
export interface PlannedEmail {
  template: EmailTemplate;
  audience: EmailAudience;
  /** e.g. `claim:<claimId>:event:<sequence>:shopper`, `reminder:<claimId>:<respondBy ISO>:due`, `digest:<shop>:<YYYY-MM-DD>` */
  dedupeKey: string;
  /** The shopper's language for shopper emails; the shop's (English for now) for merchant emails. */
  locale: string;
  /** What the template needs that is not on the claim at send time (JSON). */
  data: Record<string, unknown>;
}
