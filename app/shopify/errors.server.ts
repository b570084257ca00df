import { z } from "zod";

// Shopify's answers that are not successes, as typed errors the services can act on.

/** A mutation's `userErrors`: Shopify refused the input. Keeps each error's field path. */
export class ShopifyUserError extends Error {
  override readonly name = "ShopifyUserError";
  constructor(
    readonly operation: string,
    readonly userErrors: readonly { field: readonly string[] | null; message: string }[],
  ) {
    super(
      `${operation}: ${userErrors.map((e) => (e.field?.length ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; ")}`,
    );
  }

  /** What a merchant can read: Shopify's own messages, one per line. */
  get readableMessage(): string {
    return this.userErrors.map((e) => e.message).join("\n");
  }
}

/** Shopify kept throttling (or was unreachable) for longer than a request may wait. */
export class ShopifyUnavailableError extends Error {
  override readonly name = "ShopifyUnavailableError";
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

/** The `userErrors { field message }` every mutation payload carries (codes, where present, are ignored). */
export const UserErrorsSchema = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }));

/** Throws the payload's userErrors as a ShopifyUserError, or a generic one when nothing came back. */
export function assertNoUserErrors<T>(
  operation: string,
  userErrors: z.infer<typeof UserErrorsSchema>,
  result: T | null,
  missing: string,
): asserts result is T {
  if (userErrors.length > 0 || result === null) {
    throw new ShopifyUserError(operation, userErrors.length ? userErrors : [{ field: null, message: missing }]);
  }
}
