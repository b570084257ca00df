import type { PrismaClient } from "@prisma/client";
import { readClaimForEmail } from "../../db/email-content.server";
import type { OutboxEmail } from "../../db/email-outbox.server";
import { readNotificationPreferences } from "../../db/notification-settings.server";
import type { ShopContactFacts } from "../../shopify/shop-contact.server";

// Who an outbox row goes to, decided at send time (issue 12): the shopper's emails to the address
// their claim keeps (the order's email), the merchant's to the addresses Settings name, else the
// shop's own address in Shopify. Nobody to send to is not an error to retry: the row is skipped
// with the reason, which the claim page shows.

type Recipients = { to: string[] } | { skip: string };

export async function recipientsOf(
  db: PrismaClient,
  email: OutboxEmail,
  contact: ShopContactFacts,
): Promise<Recipients> {
  if (email.audience === "merchant") {
    const { merchantEmails } = await readNotificationPreferences(db, email.shop);
    if (merchantEmails.length > 0) return { to: merchantEmails };
    return contact.email
      ? { to: [contact.email] }
      : { skip: "The shop has no email address in Shopify and Settings name none for notifications." };
  }
  const claim = email.claimId ? await readClaimForEmail(db, email.shop, email.claimId) : null;
  if (!claim) return { skip: "The claim this email is about no longer exists." };
  if (claim.redactedAt) return { skip: "The shopper's data was erased (customers/redact)." };
  const address = claim.stored.meta.customerEmail;
  return address ? { to: [address] } : { skip: "The order has no email address for the shopper." };
}
