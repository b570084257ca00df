import sharp from "sharp";
import { decodeHeif, HeifDecoderError } from "./heif.server";

// Photos are decoded and encoded afresh, so what is stored is pixels we wrote: orientation applied,
// no EXIF, GPS or other metadata (sharp keeps none unless asked), and nothing that rode along in
// the file (a ZIP appended to a JPEG, a script in a comment). A photo that does not decode cleanly
// (truncated, corrupt) is refused. HEIC/HEIF is decoded to pixels by heif.server.ts first (sharp's
// prebuilt libvips has no HEVC decoder), then goes the same way.

// One libvips thread and no operation cache: predictable memory on a small machine, a photo at a time.
sharp.concurrency(1);
sharp.cache(false);

/** The longest side of the stored copy and of the thumbnail, in pixels. */
const PHOTO_MAX_SIDE = 2048;
const THUMBNAIL_MAX_SIDE = 400;

interface EncodedPhoto {
  /** The stored copy: JPEG, at most PHOTO_MAX_SIDE on its longest side. */
  photo: Buffer;
  /** WebP, at most THUMBNAIL_MAX_SIDE on its longest side. */
  thumbnail: Buffer;
}

type PhotoRefusal = "unreadable" | "too_many_pixels";

export class PhotoRefusedError extends Error {
  constructor(
    readonly reason: PhotoRefusal,
    cause: unknown,
  ) {
    super(`The photo could not be re-encoded (${reason})`, { cause });
    this.name = "PhotoRefusedError";
  }
}

/** sharp's names for the formats it decodes itself, by sniffed content type. */
const FORMAT_BY_TYPE: Record<string, string[]> = {
  "image/jpeg": ["jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
};

/** Decoded by heif.server.ts, not by sharp. */
const HEIF_TYPES = ["image/heic", "image/heif"];

/** The photo as sharp will re-encode it, upright. */
async function openPhoto(input: Buffer, contentType: string, maxPixels: number): Promise<sharp.Sharp> {
  if (HEIF_TYPES.includes(contentType)) {
    const outcome = await decodeHeif(input, maxPixels);
    if (!outcome.ok) throw new PhotoRefusedError(outcome.reason, new Error(outcome.detail));
    const { width, height, data } = outcome.pixels;
    // Raw pixels carry no metadata, and libheif has already applied the container's rotation.
    return sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: maxPixels });
  }
  const image = sharp(input, { limitInputPixels: maxPixels, failOn: "warning" });
  const { format } = await image.metadata();
  if (!format || !(FORMAT_BY_TYPE[contentType] ?? []).includes(format)) {
    throw new Error(`sniffed ${contentType}, sharp read ${String(format)}`);
  }
  return image.rotate();
}

/**
 * The stored copy and thumbnail of a photo whose bytes sniffed as `contentType`. Throws
 * PhotoRefusedError when it cannot be decoded, it decodes as another format, or it has more
 * than `maxPixels` pixels (checked from the header, before decoding).
 */
export async function reencodePhoto(input: Buffer, contentType: string, maxPixels: number): Promise<EncodedPhoto> {
  let photo: Buffer;
  try {
    const image = await openPhoto(input, contentType, maxPixels);
    photo = await image
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch (error) {
    if (error instanceof PhotoRefusedError || error instanceof HeifDecoderError) throw error;
    const tooLarge = error instanceof Error && /pixel limit/i.test(error.message);
    throw new PhotoRefusedError(tooLarge ? "too_many_pixels" : "unreadable", error);
  }
  // From our own copy: already upright and small, so this cannot fail on the shopper's bytes.
  const thumbnail = await sharp(photo)
    .resize({ width: THUMBNAIL_MAX_SIDE, height: THUMBNAIL_MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { photo, thumbnail };
}
