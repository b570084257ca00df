import type { PrismaClient } from "@prisma/client";
import { readNotificationPreferences, saveNotificationPreferences } from "../db/notification-settings.server";
import {
  NotificationPreferencesSchema,
  type NotificationPreferences,
} from "../domain/notifications/notification-types";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchShopContact } from "../shopify/shop-contact.server";
import { parseRequestInput } from "../utils/request-input.server";
import { emailTransportStatus, type EmailTransportStatus } from "./notifications/transport.server";

// Settings, Notifications: where the merchant's emails go, who tells the shopper about refunds and
// returns (our emails or Shopify's, never both), how early a response reminder comes, and single
// emails or a daily digest. The page also says when emails are off (no SMTP_URL / EMAIL_FROM).

export interface NotificationSettingsPage {
  preferences: NotificationPreferences;
  /** Where the merchant's emails go when no address is set: the shop's email in Shopify; null when it has none. */
  shopEmail: string | null;
  /** Whether this app instance can send email at all, and if not, why. */
  transport: EmailTransportStatus;
}

export async function loadNotificationSettings(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  env: Record<string, string | undefined> = process.env,
): Promise<NotificationSettingsPage> {
  const [preferences, contact] = await Promise.all([readNotificationPreferences(db, shop), fetchShopContact(graphql)]);
  return { preferences, shopEmail: contact.email, transport: emailTransportStatus(env) };
}

/** Saves the whole form; a bad field is the merchant's 400 naming it, and nothing is saved. */
export async function saveNotificationSettings(
  db: PrismaClient,
  shop: string,
  body: unknown,
): Promise<{ ok: true; message: string }> {
  const preferences = parseRequestInput(NotificationPreferencesSchema, body);
  await saveNotificationPreferences(db, shop, preferences);
  return { ok: true, message: "Notification settings saved" };
}

/**
 * Whether Shopify's own notifications tell the shopper about refunds and returns (`notify` on
 * refundCreate, `notifyCustomer` on the return mutations). When they do, Warranty Desk's emails
 * for those events are not sent; when they do not, ours are: the shopper never gets both.
 */
export async function shopifyNotifiesShopper(db: PrismaClient, shop: string): Promise<boolean> {
  return (await readNotificationPreferences(db, shop)).shopperNotifiedBy === "shopify";
}
