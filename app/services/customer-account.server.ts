import { DomainError } from "../domain/errors";
import type { ClaimContext } from "./submit-claim.server";

// Who is asking, from a customer-account session token: the shop is `dest`, the shopper `sub`
// (optional: a token without a customer is not allowed to see or file claims).
export function customerAccountContext(
  sessionToken: { dest: string; sub?: string | undefined },
  query: { orderId: string },
): ClaimContext {
  if (!sessionToken.sub) {
    throw new DomainError(
      "not_allowed",
      "customer.not_logged_in",
      "Log in to your account to see or report problems with an order.",
    );
  }
  return { shop: sessionToken.dest.replace(/^https?:\/\//, ""), customerId: sessionToken.sub, orderId: query.orderId };
}
