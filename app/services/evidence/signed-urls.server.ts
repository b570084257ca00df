import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../utils/env.server";

// Evidence files on short-lived signed URLs (docs/decisions/013-signed-thumbnail-urls.md and
// 014-signed-evidence-urls-for-merchants.md): an <s-image> in the customer-account extension, and an
// <img> or <video> in the embedded admin, load their src themselves and cannot send a session
// token. The signature (HMAC-SHA256 with the app's secret) binds a purpose label, the evidence,
// its shop, whom or what it opens and the expiry, so a URL opens only that file, only until it
// expires. Anything wrong is answered like evidence that does not exist.

/** What a merchant's URL opens: the stored file (the re-encoded photo or the video) or the photo's thumbnail. */
export const EVIDENCE_VARIANTS = ["original", "thumbnail"] as const;
export type EvidenceVariant = (typeof EVIDENCE_VARIANTS)[number];

/** What a signature grants. Each purpose has its own label, so one purpose's signature never opens another's. */
export type EvidenceGrant =
  /** The shopper's own thumbnail (docs/shopper-api.md): bound to their customer, erased by redaction. */
  | { purpose: "shopper-thumbnail"; evidenceId: string; shop: string; customerId: string }
  /** A claim's file for the merchant's screens, minted only after the admin authenticated. */
  | { purpose: "merchant-evidence"; evidenceId: string; shop: string; variant: EvidenceVariant };

const PURPOSES = {
  "shopper-thumbnail": { label: "warranty-desk/thumbnail/v1", lifetimeSeconds: 600 },
  // Long enough to watch a video on the claim page and seek in it (each seek is a new request).
  "merchant-evidence": { label: "warranty-desk/merchant-evidence/v1", lifetimeSeconds: 3600 },
} as const satisfies Record<EvidenceGrant["purpose"], { label: string; lifetimeSeconds: number }>;

/** How long a signed URL lives at least. */
export const SIGNED_URL_LIFETIME_SECONDS = {
  "shopper-thumbnail": PURPOSES["shopper-thumbnail"].lifetimeSeconds,
  "merchant-evidence": PURPOSES["merchant-evidence"].lifetimeSeconds,
} as const;
/** How long the shopper's thumbnail URL lives at least. */
export const THUMBNAIL_URL_LIFETIME_SECONDS = SIGNED_URL_LIFETIME_SECONDS["shopper-thumbnail"];

/** Expiries end on a whole minute, so a page fetched again within it gets the same URL (and the browser's copy). */
const EXPIRY_STEP_SECONDS = 60;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, base64url without padding
const EXPIRES = /^\d{1,12}$/;

/** The signed lines, in a fixed order per purpose (the shopper's are those docs/shopper-api.md gives). */
function signedLines(grant: EvidenceGrant): string[] {
  switch (grant.purpose) {
    case "shopper-thumbnail":
      return [PURPOSES[grant.purpose].label, grant.evidenceId, grant.shop, grant.customerId];
    case "merchant-evidence":
      return [PURPOSES[grant.purpose].label, grant.evidenceId, grant.shop, grant.variant];
  }
}

function sign(grant: EvidenceGrant, expires: number, secret: string): Buffer {
  return createHmac("sha256", secret)
    .update([...signedLines(grant), String(expires)].join("\n"))
    .digest();
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The query that grants this, valid from `now` for the purpose's lifetime, rounded up to a whole minute. */
export function signEvidenceGrant(
  grant: EvidenceGrant,
  now: Date,
  secret: string = env().SHOPIFY_API_SECRET,
): URLSearchParams {
  const lifetime = PURPOSES[grant.purpose].lifetimeSeconds;
  const expires = Math.ceil((seconds(now) + lifetime) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
  return new URLSearchParams({
    expires: String(expires),
    signature: sign(grant, expires, secret).toString("base64url"),
  });
}

/** A signed URL's query, as received. */
export interface UrlSignature {
  expires: string | null;
  signature: string | null;
}

/** The signature parameters of a request's query. */
export function urlSignatureOf(query: URLSearchParams): UrlSignature {
  return { expires: query.get("expires"), signature: query.get("signature") };
}

/**
 * The seconds a signed URL still lives when its signature is the app's for exactly this grant and
 * it has not expired at `now`; null otherwise. The comparison takes the same time whatever the
 * signature.
 */
export function grantLifetime(
  grant: EvidenceGrant,
  query: UrlSignature,
  now: Date,
  secret: string = env().SHOPIFY_API_SECRET,
): number | null {
  if (query.expires === null || query.signature === null) return null;
  if (!EXPIRES.test(query.expires) || !SIGNATURE.test(query.signature)) return null;
  const expires = Number(query.expires);
  const remaining = expires - seconds(now);
  if (remaining <= 0) return null;
  const given = Buffer.from(query.signature, "base64url");
  const expected = sign(grant, expires, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? remaining : null;
}

// The shopper's thumbnails (docs/shopper-api.md).

/** The upload a shopper's thumbnail URL opens, and whose it is. */
interface ThumbnailOwner {
  id: string;
  shop: string;
  customerId: string;
}

/** A shopper's thumbnail URL's query, as received. */
export type ThumbnailSignature = UrlSignature;

const shopperGrant = (owner: ThumbnailOwner): EvidenceGrant => ({
  purpose: "shopper-thumbnail",
  evidenceId: owner.id,
  shop: owner.shop,
  customerId: owner.customerId,
});

/** The shopper's thumbnail URL, relative to the app URL, valid for 10 to 11 minutes from `now`. */
export function signedThumbnailUrl(
  owner: ThumbnailOwner,
  now: Date,
  secret: string = env().SHOPIFY_API_SECRET,
): string {
  return `/api/uploads/${encodeURIComponent(owner.id)}/thumbnail?${signEvidenceGrant(shopperGrant(owner), now, secret)}`;
}

/** The seconds a shopper's thumbnail URL still lives for this upload and owner; null when not valid. */
export function thumbnailSignatureLifetime(
  owner: ThumbnailOwner,
  query: ThumbnailSignature,
  now: Date,
  secret: string = env().SHOPIFY_API_SECRET,
): number | null {
  return grantLifetime(shopperGrant(owner), query, now, secret);
}
