import { z } from "zod";

// Shopify signs two kinds of session token for this app, both with the app's secret, and its
// library accepts either wherever it checks one (signature, audience and times only). Their claims
// tell them apart (shopify.dev: "Session tokens" for the admin, "Session Token API" for
// customer account UI extensions):
// - the admin's: iss https://SHOP/admin, dest https://SHOP, aud, sub (the staff user's id), exp,
//   nbf, iat, jti, sid;
// - a customer account extension's: dest SHOP, aud, exp, nbf, iat, jti, and sub (the customer's
//   GID) only when the shopper is logged in; no iss, no sid.
// A shopper's token must never open the admin, nor a staff user's token the shopper's API.

const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d+$/;
const withoutScheme = (url: string) => url.replace(/^https:\/\//, "");

/** The session token a request carries, where the library looks: the Authorization header, else ?id_token=. */
export function sessionTokenOf(request: Request): string | null {
  const header = request.headers.get("authorization")?.replace("Bearer ", "");
  return header || new URL(request.url).searchParams.get("id_token") || null;
}

const ClaimsSchema = z.record(z.string(), z.unknown());

/**
 * The claims of a JWT, read WITHOUT checking its signature: only for refusing a token before the
 * library verifies it, never for trusting one. null when the text is not a JWT.
 */
export function unverifiedClaims(token: string): Record<string, unknown> | null {
  const [, payload] = token.split(".");
  if (!payload) return null;
  try {
    const parsed = ClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const AdminClaimsSchema = z.object({ iss: z.string(), dest: z.string(), sub: z.string().optional() });

/** Whether the claims are the admin's: issued by the admin of the shop they are meant for, for a staff user. */
export function isAdminSessionToken(claims: Record<string, unknown>): boolean {
  const parsed = AdminClaimsSchema.safeParse(claims);
  if (!parsed.success) return false;
  const shop = withoutScheme(parsed.data.dest);
  // Shopify's admin writes iss with https://; the library's own test helper leaves it out.
  return (
    /^[^/]+$/.test(shop) &&
    withoutScheme(parsed.data.iss) === `${shop}/admin` &&
    !CUSTOMER_GID.test(parsed.data.sub ?? "")
  );
}

/** The 401 for a request whose session token is not meant for where it was sent. */
function wrongSessionToken(expected: "admin" | "customer account"): Response {
  return Response.json(
    {
      error: {
        code: "wrong_session_token",
        message:
          expected === "admin"
            ? "This address accepts only the Shopify admin's session token. Open the app from the Shopify admin."
            : "This address accepts only a customer account's session token. Open your order in your customer account and try again.",
      },
    },
    { status: 401 },
  );
}

/** Throws the 401 when the request carries a session token that is readable and not the admin's. */
export function assertNoForeignAdminToken(request: Request): void {
  const token = sessionTokenOf(request);
  const claims = token ? unverifiedClaims(token) : null;
  // An unreadable token is left to the library, which refuses it.
  if (claims && !isAdminSessionToken(claims)) throw wrongSessionToken("admin");
}

const CustomerAccountClaimsSchema = z.object({
  dest: z.string().min(1),
  sub: z.union([z.literal(""), z.string().regex(CUSTOMER_GID)]).optional(),
});

export interface CustomerAccountIdentity {
  shop: string;
  /** The logged-in customer's GID; null when the shopper is not logged in. */
  customerId: string | null;
}

/**
 * Who a verified customer-account session token speaks for. Throws the 401 for a token that is
 * not a customer account's (a staff user's token has a user id, not a customer GID, in `sub`).
 */
export function customerAccountIdentity(verifiedClaims: unknown): CustomerAccountIdentity {
  const parsed = CustomerAccountClaimsSchema.safeParse(verifiedClaims);
  if (!parsed.success) throw wrongSessionToken("customer account");
  return { shop: withoutScheme(parsed.data.dest), customerId: parsed.data.sub || null };
}
