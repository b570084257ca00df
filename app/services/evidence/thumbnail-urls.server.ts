import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../utils/env.server";

// The shopper's thumbnails on short-lived signed URLs: an <s-image> in the customer-account
// extension loads its src itself and cannot send the session token. The signature (HMAC-SHA256
// with the app's secret) binds the upload, its shop, its customer and the expiry, so a URL opens
// only that thumbnail, only until it expires, and stops working once the upload is redacted (its
// customer is erased). Anything wrong is answered like an upload that does not exist.

/** How long a signed URL lives at least. */
export const THUMBNAIL_URL_LIFETIME_SECONDS = 600;
/** Expiries end on a whole minute, so a page fetched again within it gets the same URL (and the browser's copy). */
const EXPIRY_STEP_SECONDS = 60;
/** Names what is signed, so the app's secret signs nothing else that reads the same. */
const PURPOSE = "warranty-desk/thumbnail/v1";
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, base64url without padding
const EXPIRES = /^\d{1,12}$/;

/** The upload a URL opens, and whose it is. */
export interface ThumbnailOwner {
  id: string;
  shop: string;
  customerId: string;
}

function sign(owner: ThumbnailOwner, expires: number, secret: string): Buffer {
  return createHmac("sha256", secret)
    .update([PURPOSE, owner.id, owner.shop, owner.customerId, String(expires)].join("\n"))
    .digest();
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The thumbnail's URL, relative to the app URL, valid for 10 to 11 minutes from `now`. */
export function signedThumbnailUrl(
  owner: ThumbnailOwner,
  now: Date,
  secret: string = env().SHOPIFY_API_SECRET,
): string {
  const expires =
    Math.ceil((seconds(now) + THUMBNAIL_URL_LIFETIME_SECONDS) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
  const query = new URLSearchParams({
    expires: String(expires),
    signature: sign(owner, expires, secret).toString("base64url"),
  });
  return `/api/uploads/${encodeURIComponent(owner.id)}/thumbnail?${query}`;
}

/** A signed URL's query, as received. */
export interface ThumbnailSignature {
  expires: string | null;
  signature: string | null;
}

/**
 * The seconds a signed URL still lives when its signature is the app's for this upload and owner
 * and it has not expired at `now`; null otherwise. The comparison takes the same time whatever
 * the signature.
 */
export function thumbnailSignatureLifetime(
  owner: ThumbnailOwner,
  query: ThumbnailSignature,
  now: Date,
  secret: string = env().SHOPIFY_API_SECRET,
): number | null {
  if (query.expires === null || query.signature === null) return null;
  if (!EXPIRES.test(query.expires) || !SIGNATURE.test(query.signature)) return null;
  const expires = Number(query.expires);
  const remaining = expires - seconds(now);
  if (remaining <= 0) return null;
  const given = Buffer.from(query.signature, "base64url");
  const expected = sign(owner, expires, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? remaining : null;
}
