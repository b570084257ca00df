import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

// Who the shop is to its emails (issue 12): the name shown as the sender, the address the
// merchant's emails go to when Settings name none (Shop.email, where Shopify writes to the owner),
// the address shoppers reply to (Shop.contactEmail, the public one), and the shop's timezone for
// dates in emails and the digest's 08:00.
const SHOP_CONTACT_QUERY = `#graphql
  query WarrantyDeskShopContact {
    shop {
      name
      email
      contactEmail
      ianaTimezone
      myshopifyDomain
    }
  }
`;

// Shopify declares both addresses non-null; an empty one is treated as none.
const optionalEmail = z.string().transform((value) => (value.trim() === "" ? null : value.trim()));
const ShopContactResponseSchema = z.object({
  name: z.string().min(1),
  email: optionalEmail,
  contactEmail: optionalEmail,
  ianaTimezone: z.string().min(1),
  myshopifyDomain: z.string().min(1),
});

export interface ShopContactFacts {
  name: string;
  /** The shop's own address (Shop.email): the merchant's emails go here unless Settings name others. */
  email: string | null;
  /** The public address shoppers write to (Shop.contactEmail, else Shop.email): every email's Reply-To. */
  replyTo: string | null;
  timezone: string;
  myshopifyDomain: string;
}

/** A bad answer (a field missing or of the wrong kind) is our 500: the schema promised it. */
export async function fetchShopContact(graphql: AdminGraphql): Promise<ShopContactFacts> {
  const response = await withShopifyRetries(graphql)(SHOP_CONTACT_QUERY);
  const body = await response.json();
  const shop = ShopContactResponseSchema.parse(body.data?.shop);
  return {
    name: shop.name,
    email: shop.email,
    replyTo: shop.contactEmail ?? shop.email,
    timezone: shop.ianaTimezone,
    myshopifyDomain: shop.myshopifyDomain,
  };
}
