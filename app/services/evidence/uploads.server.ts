import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Prisma, PrismaClient } from "@prisma/client";
import { fileTypeFromBuffer } from "file-type";
import {
  attachDraftEvidence,
  countClaimEvidence,
  countDraftEvidence,
  discardUnattachedUpload,
  draftEvidenceKinds,
  findLiveEvidence,
  insertEvidence,
  type EvidenceRow,
} from "../../db/evidence.server";
import { DomainError } from "../../domain/errors";
import type { EvidenceKind } from "../../domain/policy/policy-schema";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { env, type Env } from "../../utils/env.server";
import { consumeShopperRateLimits } from "../rate-limits.server";
import { assertOrderOwned, type ClaimContext } from "../submit-claim.server";
import { purgeDiscardedEvidence } from "./discarded-evidence.server";
import { newEvidenceKeys } from "./evidence-keys.server";
import type { EvidenceStore } from "./evidence-store.server";
import { PhotoRefusedError, reencodePhoto } from "./photos.server";
import {
  signedThumbnailUrl,
  THUMBNAIL_URL_LIFETIME_SECONDS,
  thumbnailSignatureLifetime,
  type ThumbnailSignature,
} from "./signed-urls.server";

// A shopper's evidence uploads (docs/shopper-api.md, docs/decisions/010-evidence-store.md). An
// upload belongs to the shop, the order and the customer of the session token; it waits unattached
// (claimId null) until a claim is submitted with it (attachUploads). Its type comes from its
// content, never its name: photos are re-encoded (photos.server.ts), videos are stored as opaque
// bytes streamed straight to the store, counted and hashed on the way. A refused upload leaves
// nothing behind: its row is written only after its files are stored, and its files are deleted
// when anything after them fails.

type Db = PrismaClient | Prisma.TransactionClient;

interface UploadLimits {
  maxPhotoBytes: number;
  maxVideoBytes: number;
  /** Files per order draft (unattached uploads of the order) and per claim. */
  maxFiles: number;
  maxPhotoPixels: number;
}

export function uploadLimits(settings: Env = env()): UploadLimits {
  return {
    maxPhotoBytes: settings.UPLOAD_MAX_PHOTO_BYTES,
    maxVideoBytes: settings.UPLOAD_MAX_VIDEO_BYTES,
    maxFiles: settings.UPLOAD_MAX_FILES,
    maxPhotoPixels: settings.UPLOAD_MAX_PHOTO_PIXELS,
  };
}

/** The answer's shape (docs/shopper-api.md). */
export interface Upload {
  id: string;
  kind: EvidenceKind;
  contentType: string;
  byteSize: number;
  fileName: string | null;
  thumbnailUrl: string | null;
}

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
const VIDEO_TYPES = ["video/mp4", "video/quicktime", "video/webm"];
const PHOTO_WORDS = "a photo (JPEG, PNG, WebP or HEIC)";
const VIDEO_WORDS = "a video (MP4, MOV or WebM)";
/** Enough for file-type to recognise every accepted format. */
const SNIFF_BYTES = 4100;
/** The stored copy of every photo. */
const STORED_PHOTO_TYPE = "image/jpeg";
export const THUMBNAIL_TYPE = "image/webp";

const MiB = 1024 * 1024;
/** A limit in MB as the shopper reads it: one decimal at most, never 0. */
const megabytes = (bytes: number) => Math.max(0.1, Number((bytes / MiB).toFixed(1)));
const megapixels = (pixels: number) => Math.max(0.1, Number((pixels / 1_000_000).toFixed(1)));

// The shopper's errors: stable codes (translated for the shopper by code, the limits passed as
// params for the translation's placeholders) and plain English.
export const uploadErrors = {
  empty: () =>
    new DomainError("invalid", "upload.empty", "This file is empty. Choose a photo or a video and try again."),
  unsupportedType: () =>
    new DomainError(
      "invalid",
      "upload.unsupported_type",
      `This type of file cannot be uploaded. Choose ${PHOTO_WORDS} or ${VIDEO_WORDS}.`,
    ),
  wrongKind: (wanted: "photo" | "video") =>
    new DomainError(
      "invalid",
      "upload.wrong_kind",
      wanted === "video"
        ? `This place takes ${VIDEO_WORDS}. Choose a video.`
        : `This place takes ${PHOTO_WORDS}. Choose a photo.`,
    ),
  tooLarge: (what: "photo" | "video", limit: number) =>
    new DomainError(
      "invalid",
      "upload.too_large",
      what === "video"
        ? `This video is larger than ${megabytes(limit)} MB. Record a shorter video or trim it, and upload it again.`
        : `This photo is larger than ${megabytes(limit)} MB. Choose a smaller photo and upload it again.`,
      { megabytes: megabytes(limit) },
    ),
  tooManyFiles: (limit: number) =>
    new DomainError(
      "invalid",
      "upload.too_many_files",
      `A claim can have at most ${limit} files. Remove a file before adding another.`,
      { maxFiles: limit },
    ),
  unreadablePhoto: () =>
    new DomainError(
      "invalid",
      "upload.unreadable_photo",
      "We could not read this photo. Save it as JPEG or PNG and upload it again.",
    ),
  tooManyPixels: (limit: number) =>
    new DomainError(
      "invalid",
      "upload.photo_too_many_pixels",
      `This photo has more than ${megapixels(limit)} megapixels. Save a smaller copy as JPEG or PNG and upload it again.`,
      { megapixels: megapixels(limit) },
    ),
  notFound: () =>
    new DomainError(
      "not_found",
      "upload.not_found",
      "We could not find this file. It may have been removed: upload it again if you still need it.",
    ),
  attached: () =>
    new DomainError(
      "conflict",
      "upload.attached",
      "This file is part of a submitted claim and can no longer be removed.",
    ),
};

/** The file name shown to people: the last path segment, printable, at most 200 characters. */
function displayFileName(header: string | null): string | null {
  if (header === null) return null;
  let name = header;
  try {
    name = decodeURIComponent(header); // the extension sends names percent-encoded (headers are ASCII)
  } catch {
    // not percent-encoded: kept as sent
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is removed here
  const cleaned = (name.split(/[/\\]/).pop() ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  return cleaned === "" ? null : cleaned.slice(0, 200);
}

/** The request body, read chunk by chunk: the first bytes for sniffing, then the rest on demand. */
class BodyReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  async head(size: number): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    while (length < size) {
      const { done, value } = await this.reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
    return Buffer.concat(chunks);
  }

  /** The head and then the rest, counted and hashed; throws `tooLarge` past `limit` bytes. */
  async *bytes(head: Buffer, limit: number, tooLarge: () => Error, tally: Tally): AsyncGenerator<Buffer> {
    const take = (chunk: Buffer) => {
      tally.byteSize += chunk.byteLength;
      if (tally.byteSize > limit) throw tooLarge();
      tally.hash.update(chunk);
      return chunk;
    };
    yield take(head);
    for (;;) {
      const { done, value } = await this.reader.read();
      if (done) return;
      yield take(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  }

  /** Stops reading (a refused upload's remaining bytes are not wanted). */
  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

interface Tally {
  byteSize: number;
  hash: ReturnType<typeof createHash>;
}

const newTally = (): Tally => ({ byteSize: 0, hash: createHash("sha256") });

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The draft (unattached uploads of the shopper's order) has room for one more file. */
async function assertRoomForAnotherFile(db: Db, owner: ClaimContext, limits: UploadLimits): Promise<void> {
  if ((await countDraftEvidence(db, owner)) >= limits.maxFiles) {
    throw uploadErrors.tooManyFiles(limits.maxFiles);
  }
}

function isPhotoKind(kind: EvidenceKind): boolean {
  return kind !== "issue_video";
}

interface ReceiveUploadInput {
  kind: EvidenceKind;
  /** The request's body (bounded by the route family's limit). */
  body: ReadableStream<Uint8Array> | null;
  /** The declared Content-Length, when there is one. */
  declaredLength: number | null;
  /** The X-File-Name header as sent. */
  fileName: string | null;
}

interface StoredFile {
  storageKey: string;
  thumbnailKey: string | null;
  contentType: string;
  byteSize: number;
  sha256: string;
}

/**
 * Stores one evidence file of the shopper's order and records it, unattached. Refused (and
 * nothing stored) unless the order is the shopper's, the draft has room, and the content is a
 * photo or video of the kind asked, within its size limit.
 */
export async function receiveUpload(
  db: PrismaClient,
  graphql: AdminGraphql,
  store: EvidenceStore,
  owner: ClaimContext,
  input: ReceiveUploadInput,
  limits: UploadLimits,
  now: Date,
): Promise<Upload> {
  // Every try counts, before anything else is read: probing for other people's orders too.
  await consumeShopperRateLimits(db, "uploads", owner, now);
  await assertOrderOwned(db, graphql, owner);
  await assertRoomForAnotherFile(db, owner, limits);
  if (input.body === null || input.declaredLength === 0) throw uploadErrors.empty();
  const largest = Math.max(limits.maxPhotoBytes, limits.maxVideoBytes);
  if (input.declaredLength !== null && input.declaredLength > largest) {
    throw uploadErrors.tooLarge(isPhotoKind(input.kind) ? "photo" : "video", largest);
  }

  const reader = new BodyReader(input.body);
  const id = randomUUID();
  const keys = newEvidenceKeys(owner.shop, id);
  let stored: StoredFile;
  try {
    stored = await storeFile(store, reader, keys, input, limits);
  } catch (error) {
    await reader.cancel();
    // Whatever was stored before the failure goes (a failed put itself leaves nothing).
    await store.delete([keys.file, keys.thumbnail]);
    throw error;
  }

  try {
    const row = await db.$transaction(async (tx) => {
      // Again, now that the file is here: a concurrent upload may have taken the last place.
      await assertRoomForAnotherFile(tx, owner, limits);
      return insertEvidence(tx, {
        shop: owner.shop,
        orderId: owner.orderId,
        customerId: owner.customerId,
        kind: input.kind,
        fileName: displayFileName(input.fileName),
        uploadedAt: now,
        ...stored,
      });
    });
    return toUpload(row, now);
  } catch (error) {
    await store.delete([keys.file, keys.thumbnail]);
    throw error;
  }
}

async function storeFile(
  store: EvidenceStore,
  reader: BodyReader,
  keys: { file: string; thumbnail: string },
  input: ReceiveUploadInput,
  limits: UploadLimits,
): Promise<StoredFile> {
  const head = await reader.head(SNIFF_BYTES);
  if (head.byteLength === 0) throw uploadErrors.empty();
  // Only binary formats are recognised: SVG, HTML and other text are `undefined`, refused here.
  const sniffed = (await fileTypeFromBuffer(head))?.mime;
  const isPhoto = sniffed !== undefined && PHOTO_TYPES.includes(sniffed);
  const isVideo = sniffed !== undefined && VIDEO_TYPES.includes(sniffed);
  if (sniffed === undefined || (!isPhoto && !isVideo)) throw uploadErrors.unsupportedType();
  if (isPhotoKind(input.kind) !== isPhoto) throw uploadErrors.wrongKind(isPhoto ? "video" : "photo");

  const what = isPhoto ? "photo" : "video";
  const limit = isPhoto ? limits.maxPhotoBytes : limits.maxVideoBytes;
  const tooLarge = () => uploadErrors.tooLarge(what, limit);
  if (input.declaredLength !== null && input.declaredLength > limit) throw tooLarge();

  if (isVideo) {
    const tally = newTally();
    await store.put(keys.file, Readable.from(reader.bytes(head, limit, tooLarge, tally)), sniffed);
    return {
      storageKey: keys.file,
      thumbnailKey: null,
      contentType: sniffed,
      byteSize: tally.byteSize,
      sha256: tally.hash.digest("hex"),
    };
  }

  // A photo is at most maxPhotoBytes: read whole (bounded), decoded, and stored as our own copy.
  const original = await collect(reader.bytes(head, limit, tooLarge, newTally()));
  let encoded: Awaited<ReturnType<typeof reencodePhoto>>;
  try {
    encoded = await reencodePhoto(original, sniffed, limits.maxPhotoPixels);
  } catch (error) {
    if (!(error instanceof PhotoRefusedError)) throw error;
    throw error.reason === "too_many_pixels"
      ? uploadErrors.tooManyPixels(limits.maxPhotoPixels)
      : uploadErrors.unreadablePhoto();
  }
  await store.put(keys.file, Readable.from([encoded.photo]), STORED_PHOTO_TYPE);
  await store.put(keys.thumbnail, Readable.from([encoded.thumbnail]), THUMBNAIL_TYPE);
  return {
    storageKey: keys.file,
    thumbnailKey: keys.thumbnail,
    contentType: STORED_PHOTO_TYPE,
    byteSize: encoded.photo.byteLength,
    sha256: createHash("sha256").update(encoded.photo).digest("hex"),
  };
}

/**
 * An evidence row as the shopper's API answers it (docs/shopper-api.md), an upload or a claim's
 * evidence: a photo's thumbnail on a URL signed for its shopper, valid for a few minutes from `now`.
 */
export function toUpload(
  row: Pick<
    EvidenceRow,
    "id" | "shop" | "customerId" | "kind" | "contentType" | "byteSize" | "fileName" | "thumbnailKey"
  >,
  now: Date,
): Upload {
  return {
    id: row.id,
    kind: row.kind,
    contentType: row.contentType,
    byteSize: row.byteSize,
    fileName: row.fileName,
    thumbnailUrl:
      row.thumbnailKey === null || row.customerId === null
        ? null
        : signedThumbnailUrl({ id: row.id, shop: row.shop, customerId: row.customerId }, now),
  };
}

/** The shopper of an upload route: the token's shop and customer. */
export interface Shopper {
  shop: string;
  customerId: string;
}

/** The shopper's own upload, not discarded; anyone else's is not found. */
async function ownUpload(db: Db, shopper: Shopper, uploadId: string) {
  const row = await findLiveEvidence(db, uploadId, shopper);
  if (!row) throw uploadErrors.notFound();
  return row;
}

/** Removes the shopper's own upload that no claim holds yet: its row and its files. */
export async function removeUpload(
  db: PrismaClient,
  store: EvidenceStore,
  shopper: Shopper,
  uploadId: string,
  now: Date,
): Promise<void> {
  const row = await ownUpload(db, shopper, uploadId);
  if (row.claimId !== null) throw uploadErrors.attached();
  // Only while still unattached: a claim submitted meanwhile keeps it.
  const discarded = await db.$transaction((tx) => discardUnattachedUpload(tx, row.id, now));
  if (!discarded) throw uploadErrors.attached();
  await purgeDiscardedEvidence(db, store, shopper.shop, [row.id]);
}

/** A stored thumbnail (WebP) and how long the browser may keep it. */
export interface OpenedThumbnail {
  stream: Readable;
  maxAgeSeconds: number;
}

async function openThumbnail(store: EvidenceStore, row: EvidenceRow, maxAgeSeconds: number): Promise<OpenedThumbnail> {
  if (row.thumbnailKey === null) throw uploadErrors.notFound();
  const stream = await store.get(row.thumbnailKey);
  if (stream === null) {
    // Our fault, not the shopper's: a row whose file is gone.
    throw new Error(`Evidence ${row.id} has no stored thumbnail under ${row.thumbnailKey}`);
  }
  return { stream, maxAgeSeconds };
}

/** The thumbnail of the shopper's own photo (attached or not), for their session token. */
export async function openUploadThumbnail(
  db: PrismaClient,
  store: EvidenceStore,
  shopper: Shopper,
  uploadId: string,
): Promise<OpenedThumbnail> {
  return openThumbnail(store, await ownUpload(db, shopper, uploadId), THUMBNAIL_URL_LIFETIME_SECONDS);
}

/**
 * The thumbnail a signed URL opens (signed-urls.server.ts): only while the signature is valid
 * for this upload, its shop and its customer; anything else is not found, like a missing upload.
 */
export async function openSignedUploadThumbnail(
  db: PrismaClient,
  store: EvidenceStore,
  uploadId: string,
  signature: ThumbnailSignature,
  now: Date,
): Promise<OpenedThumbnail> {
  const row = await findLiveEvidence(db, uploadId);
  const lifetime =
    row?.customerId == null
      ? null
      : thumbnailSignatureLifetime({ id: row.id, shop: row.shop, customerId: row.customerId }, signature, now);
  if (row === null || lifetime === null) throw uploadErrors.notFound();
  return openThumbnail(store, row, lifetime);
}

interface AttachUploadsInput {
  shop: string;
  orderId: string;
  customerId: string;
  claimId: string;
  uploadIds: string[];
  now?: Date;
}

/**
 * Inside the transaction that submits a claim (or records a reply): attaches the shopper's own
 * unattached uploads of the order to the claim and returns their kinds, the claim's new evidence,
 * in upload order. Refused if any upload is someone else's, of another order, already attached or
 * gone, or if the claim would hold more than the file limit.
 */
export async function attachUploads(
  tx: Prisma.TransactionClient,
  input: AttachUploadsInput,
  limits: UploadLimits = uploadLimits(),
): Promise<EvidenceKind[]> {
  const ids = [...new Set(input.uploadIds)];
  if (ids.length === 0) return [];
  const owner: ClaimContext = { shop: input.shop, orderId: input.orderId, customerId: input.customerId };
  const kinds = await draftEvidenceKinds(tx, owner, ids);
  if (kinds.length !== ids.length) throw uploadErrors.notFound();
  const held = await countClaimEvidence(tx, input.claimId);
  if (held + kinds.length > limits.maxFiles) throw uploadErrors.tooManyFiles(limits.maxFiles);
  const attached = await attachDraftEvidence(tx, owner, ids, input.claimId, input.now ?? new Date());
  // A concurrent submission or removal took one of them between the read and this write.
  if (attached !== ids.length) throw uploadErrors.notFound();
  return kinds;
}
