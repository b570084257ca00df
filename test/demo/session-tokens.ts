import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

// Session tokens as Shopify signs them with the app's secret, in the two shapes it documents
// (shopify.dev: "Session tokens" for the admin; "Session Token API" for customer account UI
// extensions). The demo signs its tokens here, and the tests sign theirs with the same code.

export interface AppKeys {
  apiKey: string;
  apiSecret: string;
}

export interface SignedToken {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

async function sign(keys: AppKeys, claims: Record<string, unknown>, lifetimeSeconds: number): Promise<SignedToken> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(keys.apiKey)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(new TextEncoder().encode(keys.apiSecret));
  return { token, expiresAt: (now + lifetimeSeconds) * 1000 };
}

/** The admin's token for a staff user: iss https://SHOP/admin, dest https://SHOP, sub (user id), sid; one minute. */
export function signAdminSessionToken(keys: AppKeys, shop: string, userId = "1"): Promise<SignedToken> {
  return sign(keys, { iss: `https://${shop}/admin`, dest: `https://${shop}`, sub: userId, sid: randomUUID() }, 60);
}

/**
 * A customer account extension's token: dest SHOP, sub the customer's GID only when logged in, no
 * iss or sid; five minutes.
 */
export function signCustomerAccountSessionToken(
  keys: AppKeys,
  shop: string,
  customerId: string | null,
  options: { destWithScheme?: boolean } = {},
): Promise<SignedToken> {
  const dest = options.destWithScheme ? `https://${shop}` : shop;
  return sign(keys, customerId ? { dest, sub: customerId } : { dest }, 5 * 60);
}
