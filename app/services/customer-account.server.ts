import { z } from "zod";
import { DomainError } from "../domain/errors";
import type { CustomerAccountIdentity } from "../utils/session-tokens.server";
import type { ClaimContext } from "./submit-claim.server";

/** The query of the /api/* routes about one order: ?orderId=gid://shopify/Order/1 */
export const OrderQuerySchema = z.object({ orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/) });

// Who is asking, from a customer-account session token (customer-account-auth.server.ts): the shop
// and the shopper, who must be logged in to see or file claims.
export function customerAccountContext(identity: CustomerAccountIdentity, query: { orderId: string }): ClaimContext {
  return { ...loggedInShopper(identity), orderId: query.orderId };
}

/** The token's shop and customer; an anonymous shopper is asked to log in. */
export function loggedInShopper(identity: CustomerAccountIdentity): { shop: string; customerId: string } {
  if (!identity.customerId) {
    throw new DomainError(
      "not_allowed",
      "customer.not_logged_in",
      "Log in to your account to see or report problems with an order.",
    );
  }
  return { shop: identity.shop, customerId: identity.customerId };
}
