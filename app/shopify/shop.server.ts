import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { withShopifyRetries } from "./retry.server";

const SHOP_PROFILE_QUERY = `#graphql
  query WarrantyDeskShopProfile {
    shop {
      id
      name
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
  }
`;

// The shop facts every screen needs: deadlines are calendar days in the shop's timezone and money
// is shown in the shop's currency.
const ShopProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  myshopifyDomain: z.string(),
  ianaTimezone: z.string().min(1),
  currencyCode: z.string().min(3),
});
type ShopProfile = z.infer<typeof ShopProfileSchema>;

export async function fetchShopProfile(graphql: AdminGraphql): Promise<ShopProfile> {
  const response = await withShopifyRetries(graphql)(SHOP_PROFILE_QUERY);
  const body = await response.json();
  return ShopProfileSchema.parse(body.data?.shop);
}
