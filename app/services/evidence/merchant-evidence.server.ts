import type { PrismaClient } from "@prisma/client";
import type { Readable } from "node:stream";
import { findClaimEvidence, listClaimEvidence, type EvidenceRow } from "../../db/evidence.server";
import { DomainError } from "../../domain/errors";
import type { EvidenceKind } from "../../domain/policy/policy-schema";
import { requestedRange, type ByteRange } from "../../utils/byte-ranges.server";
import type { EvidenceStore } from "./evidence-store.server";
import {
  EVIDENCE_VARIANTS,
  grantLifetime,
  SIGNED_URL_LIFETIME_SECONDS,
  signEvidenceGrant,
  type EvidenceGrant,
  type EvidenceVariant,
  type UrlSignature,
} from "./signed-urls.server";
import { THUMBNAIL_TYPE } from "./uploads.server";

// A claim's evidence for the merchant (docs/decisions/014-signed-evidence-urls-for-merchants.md):
// only the evidence of claims of the merchant's own shop, never a shopper's unattached draft nor
// anything redacted. An <img> or <video> in the embedded admin cannot send App Bridge's session
// token, so each file comes with short-lived URLs signed for its evidence, shop and variant,
// minted only here, for the shop of an authenticated admin session.

/** The merchant's view of one evidence file. URLs are relative to the app URL and signed for an hour. */
export interface MerchantEvidence {
  id: string;
  kind: EvidenceKind;
  contentType: string;
  byteSize: number;
  fileName: string | null;
  uploadedAt: string;
  /** The stored file: the re-encoded photo or the video as sent. */
  url: string;
  /** A photo's 400 px thumbnail; null for videos. */
  thumbnailUrl: string | null;
}

/** The route that serves evidence files (app/routes/evidence.$evidenceId.tsx). */
const evidenceFilePath = (evidenceId: string) => `/evidence/${encodeURIComponent(evidenceId)}`;

const merchantGrant = (row: Pick<EvidenceRow, "id" | "shop">, variant: EvidenceVariant): EvidenceGrant => ({
  purpose: "merchant-evidence",
  evidenceId: row.id,
  shop: row.shop,
  variant,
});

function signedFileUrl(row: Pick<EvidenceRow, "id" | "shop">, variant: EvidenceVariant, now: Date): string {
  const query = signEvidenceGrant(merchantGrant(row, variant), now);
  if (variant !== "original") query.set("variant", variant);
  return `${evidenceFilePath(row.id)}?${query}`;
}

/**
 * The evidence of a claim of the authenticated admin's shop (`shop` from its session), oldest
 * first, with fresh signed URLs. Another shop's claim has none.
 */
export async function listClaimEvidenceForMerchant(
  db: PrismaClient,
  shop: string,
  claimId: string,
  now: Date,
): Promise<MerchantEvidence[]> {
  // What the merchant may see: evidence of a claim (never a draft's), of their shop, not redacted.
  const rows = await listClaimEvidence(db, shop, claimId);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    contentType: row.contentType,
    byteSize: row.byteSize,
    fileName: row.fileName,
    uploadedAt: row.uploadedAt.toISOString(),
    url: signedFileUrl(row, "original", now),
    thumbnailUrl: row.thumbnailKey === null ? null : signedFileUrl(row, "thumbnail", now),
  }));
}

const evidenceNotFound = () =>
  new DomainError(
    "not_found",
    "evidence.not_found",
    "This evidence file does not exist or is no longer available. Reload the claim to see its current evidence.",
  );

/** Who asks for a file: an admin whose session token was verified (its shop), or a signed URL. */
export type EvidenceFileAccess = { by: "admin"; shop: string } | { by: "signature"; signature: UrlSignature };

interface EvidenceFileRequest {
  evidenceId: string;
  /** The ?variant= parameter as received: absent for the stored file, "thumbnail" for a photo's thumbnail. */
  variant: string | null;
  /** The Range header as received. */
  range: string | null;
}

/** An opened file and how to answer it. */
interface EvidenceFile {
  status: 200 | 206 | 416;
  /** null for a 416. */
  stream: Readable | null;
  headers: Record<string, string>;
}

const parseVariant = (value: string | null): EvidenceVariant | null =>
  value === null ? "original" : (EVIDENCE_VARIANTS.find((variant) => variant === value) ?? null);

/**
 * One evidence file for the merchant, when the access is for its shop: an admin session of that
 * shop, or a signature valid for that evidence, variant, shop and time. Anything else, another
 * shop's evidence, a draft's or a redacted one included, is not found, like evidence that does
 * not exist. Streamed from the store; the stored file answers one byte range (a video seeking).
 */
export async function openEvidenceFile(
  db: PrismaClient,
  store: EvidenceStore,
  access: EvidenceFileAccess,
  request: EvidenceFileRequest,
  now: Date,
): Promise<EvidenceFile> {
  const variant = parseVariant(request.variant);
  const row = await findClaimEvidence(db, request.evidenceId, access.by === "admin" ? access.shop : undefined);
  if (row === null || variant === null) throw evidenceNotFound();
  const maxAge =
    access.by === "admin"
      ? SIGNED_URL_LIFETIME_SECONDS["merchant-evidence"]
      : grantLifetime(merchantGrant(row, variant), access.signature, now);
  if (maxAge === null) throw evidenceNotFound();

  const key = variant === "thumbnail" ? row.thumbnailKey : row.storageKey;
  if (key === null) throw evidenceNotFound(); // a video has no thumbnail
  const contentType = variant === "thumbnail" ? THUMBNAIL_TYPE : row.contentType;
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(row, variant, contentType),
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": `private, max-age=${maxAge}`,
  };
  // The thumbnail's size is not recorded, so it is always answered whole.
  const wanted = variant === "original" ? requestedRange(request.range, row.byteSize) : { kind: "whole" as const };
  if (variant === "original") headers["Accept-Ranges"] = "bytes";
  if (wanted.kind === "unsatisfiable") {
    return { status: 416, stream: null, headers: { ...headers, "Content-Range": `bytes */${row.byteSize}` } };
  }
  const range: ByteRange | undefined = wanted.kind === "range" ? wanted.range : undefined;
  const stream = await store.get(key, range);
  if (stream === null) {
    // Our fault, not the merchant's: a row whose file is gone.
    throw new Error(`Evidence ${row.id} has no stored file under ${key}`);
  }
  if (range === undefined) {
    if (variant === "original") headers["Content-Length"] = String(row.byteSize);
    return { status: 200, stream, headers };
  }
  headers["Content-Range"] = `bytes ${range.start}-${range.end}/${row.byteSize}`;
  headers["Content-Length"] = String(range.end - range.start + 1);
  return { status: 206, stream, headers };
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/png": "png",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
};

/**
 * inline for photos and videos (attachment for anything else), named after the shopper's file
 * name without its folder or extension, with the extension of what is served: an ASCII fallback
 * and the UTF-8 name (RFC 6266).
 */
function contentDisposition(
  row: Pick<EvidenceRow, "id" | "fileName">,
  variant: EvidenceVariant,
  contentType: string,
): string {
  const disposition = /^(image|video)\//.test(contentType) ? "inline" : "attachment";
  const base =
    (row.fileName ?? "")
      .split(/[/\\]/)
      .pop()
      // eslint-disable-next-line no-control-regex -- control characters are what is removed here
      ?.replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
      .replace(/\.[^.]*$/, "")
      .trim() || `evidence-${row.id}`;
  const name = `${base}${variant === "thumbnail" ? "-thumbnail" : ""}.${EXTENSIONS[contentType] ?? "bin"}`;
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, "_").replace(/^[.\s]+/, "_");
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
