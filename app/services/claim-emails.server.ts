import type { PrismaClient } from "@prisma/client";
import { listClaimEmails, type ClaimEmailRow } from "../db/email-outbox.server";
import { readNotificationPreferences } from "../db/notification-settings.server";
import { emailTransportStatus } from "./notifications/transport.server";

// The claim page's emails card: every email the claim caused, to the shopper or to the merchant,
// with where it stands (queued, sent, failed after its last try with the error, skipped and why).
// Times are ISO instants; the page words them in the shop's timezone.

/** An outbox row of the claim as the page gets it: its times as ISO instants. */
export type ClaimEmail = Omit<ClaimEmailRow, "createdAt" | "sentAt" | "nextAttemptAt"> & {
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
};

export interface ClaimEmails {
  list: ClaimEmail[];
  /** Why this app instance sends no email (no SMTP_URL / EMAIL_FROM); null when it does. */
  emailsOff: string | null;
  /** Shopify's own notifications tell the shopper about refunds and returns (the shop's setting). */
  shopifyNotifiesShopper: boolean;
}

export async function loadClaimEmails(
  db: PrismaClient,
  shop: string,
  claimId: string,
  env: Record<string, string | undefined> = process.env,
): Promise<ClaimEmails> {
  const [rows, preferences] = await Promise.all([
    listClaimEmails(db, shop, claimId),
    readNotificationPreferences(db, shop),
  ]);
  const transport = emailTransportStatus(env);
  return {
    list: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      nextAttemptAt: row.nextAttemptAt.toISOString(),
    })),
    emailsOff: transport.configured ? null : transport.reason,
    shopifyNotifiesShopper: preferences.shopperNotifiedBy === "shopify",
  };
}
