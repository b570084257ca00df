import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  NotificationPreferencesSchema,
  type NotificationPreferences,
} from "../domain/notifications/notification-types";

// The shop's notification preferences (issue 12): one row per shop that changed them, the defaults
// otherwise. The merchant addresses are a JSON column; a row that fails the schema is our 500.

type Db = PrismaClient | Prisma.TransactionClient;

const MerchantEmailsJsonSchema = z.array(z.string());

export async function readNotificationPreferences(db: Db, shop: string): Promise<NotificationPreferences> {
  const row = await db.notificationSettings.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_NOTIFICATION_PREFERENCES, merchantEmails: [] };
  return NotificationPreferencesSchema.parse({
    merchantEmails: MerchantEmailsJsonSchema.parse(JSON.parse(row.merchantEmailsJson)),
    shopperNotifiedBy: row.shopperNotifiedBy,
    reminderLeadHours: row.reminderLeadHours,
    merchantDelivery: row.merchantDelivery,
  });
}

export async function saveNotificationPreferences(db: Db, shop: string, prefs: NotificationPreferences): Promise<void> {
  const valid = NotificationPreferencesSchema.parse(prefs);
  const data = {
    merchantEmailsJson: JSON.stringify(valid.merchantEmails),
    shopperNotifiedBy: valid.shopperNotifiedBy,
    reminderLeadHours: valid.reminderLeadHours,
    merchantDelivery: valid.merchantDelivery,
  };
  await db.notificationSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}
