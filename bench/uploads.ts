import { createHash, type Hash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import sharp from "sharp";
import { signCustomerAccountSessionToken } from "../test/demo/session-tokens";
import { BENCH_APP, BROWSER_USER_AGENT } from "./bench-app";
import type { BenchServer, ShopperOrder } from "./bench-server";
import { timedResult, type ScenarioResult, type Timing } from "./report";

// Evidence uploads as the shopper's extension sends them (POST /api/uploads, the file as the raw
// body, the customer-account session token): a 12 MP JPEG with EXIF (camera and GPS) several times,
// each checked afterwards on the disk store (its copy at most 2048 px without any metadata, its
// 400 px WebP thumbnail), then one video of the largest size the app accepts (200 MB), streamed
// from a generator so neither side need hold it, checked stored byte for byte (size and SHA-256).
// Meanwhile the app process's memory: its peak resident set (VmHWM after resetting it, and VmRSS
// sampled every 10 ms) above what it held just before. Each upload is removed after its check
// (DELETE /api/uploads/:id), so the draft stays under its file limit and the disk stays clean.

/** The target: a photo stored, thumbnail made and EXIF removed within 1.5 s. */
const PHOTO_TARGET_MS = 1500;
/** A video must never be held whole: the app may grow by at most this much while receiving one. */
const VIDEO_GROWTH_TARGET_MB = 64;
/**
 * A photo is read whole (at most UPLOAD_MAX_PHOTO_BYTES, 15 MB) and re-encoded by libvips on one of
 * libuv's threads, whose working set for 12 MP is about 35 MB. glibc keeps it in the thread's arena
 * afterwards: with the image's MALLOC_ARENA_MAX=2 (Dockerfile) two such, plus the upload's buffers;
 * with glibc's default one per thread, four (+107 MB measured), which this target refuses.
 */
const PHOTO_GROWTH_TARGET_MB = 96;
/** UPLOAD_MAX_VIDEO_BYTES's default (app/utils/env.server.ts): the largest video a shopper may upload. */
const FULL_VIDEO_BYTES = 200 * 1024 * 1024;
/** At tiny scale (the smoke test) a small video: the same path, quickly. */
const TINY_VIDEO_BYTES = 8 * 1024 * 1024;
const MAX_PHOTO_UPLOADS = 10;
const PHOTO_WIDTH = 4000;
const PHOTO_HEIGHT = 3000;
const CAMERA = "Bench Camera Co";

// EXIF tags (TIFF IFD0) that the generated photo carries and the stored copy must not.
const TAG_MAKE = 0x010f;
const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;

const MB = 1024 * 1024;
const toMb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** The tags of IFD0 of an EXIF block as sharp's metadata gives it ("Exif\0\0" and a TIFF header). */
function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + i * 12));
}

/**
 * A 12 MP JPEG that compresses like a photo (smooth colour fields under sensor-like noise, about
 * 5 MB at quality 92) with a camera's EXIF: make, model, exposure, and a GPS position.
 */
async function twelveMegapixelPhoto(): Promise<Buffer> {
  const [fieldWidth, fieldHeight] = [80, 60];
  const field = Buffer.alloc(fieldWidth * fieldHeight * 3);
  let state = 20261129;
  for (let i = 0; i < field.length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    field[i] = state >>> 24;
  }
  const raw = { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 as const };
  const pixels = await sharp(field, { raw: { width: fieldWidth, height: fieldHeight, channels: 3 } })
    .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { kernel: "cubic" })
    .raw()
    .toBuffer();
  const noise = await sharp({
    create: { ...raw, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 12 } },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(255, Math.max(0, pixels[i]! + noise[i]! - 128));
  const photo = await sharp(pixels, { raw })
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Make: CAMERA, Model: "BC-12", DateTime: "2026:11:29 12:00:00" },
      IFD2: { ExposureTime: "1/125", FNumber: "18/10", DateTimeOriginal: "2026:11:29 12:00:00" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "52/1 31/1 1234/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "13/1 24/1 5678/100",
      },
    })
    .toBuffer();
  const { width, height, exif } = await sharp(photo).metadata();
  const tags = exif ? exifIfd0Tags(exif) : [];
  if (
    width !== PHOTO_WIDTH ||
    height !== PHOTO_HEIGHT ||
    ![TAG_MAKE, TAG_EXIF_IFD, TAG_GPS_IFD].every((t) => tags.includes(t))
  )
    throw new Error(
      `the bench's photo is not a 12 MP JPEG with camera and GPS EXIF (${width}×${height}, tags ${tags})`,
    );
  return photo;
}

/**
 * An MP4 of `size` bytes (an `ftyp isom` box, as a phone's video starts, then filler), made as it
 * is read, a chunk at a time: nothing holds it whole. Its SHA-256 goes into `hash` as it is read.
 */
function mp4Stream(size: number, hash: Hash): ReadableStream<Uint8Array> {
  const header = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypisom"),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from("isommp42"),
  ]);
  const filler = Buffer.alloc(256 * 1024, 7);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const length = Math.min(filler.length, size - sent);
      // Views of the one filler, never written to, so a chunk the sender still holds stays valid and
      // nothing is allocated per chunk (a copy each time grew the bench by 100 MB before its GC ran).
      const chunk = sent === 0 ? Buffer.concat([header, filler]).subarray(0, length) : filler.subarray(0, length);
      hash.update(chunk);
      sent += length;
      controller.enqueue(chunk);
    },
  });
}

/** The allocator's arena limit a process runs with (MALLOC_ARENA_MAX), or glibc's default. */
function arenaSettingOf(pid: number): string {
  const environment = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  return environment.find((entry) => entry.startsWith("MALLOC_ARENA_MAX=")) ?? "glibc's default arenas";
}

/** A process's resident set now and its peak (VmRSS and VmHWM, in kB), from /proc. */
function memoryOf(pid: number): { rssKb: number; peakKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssKb: field("VmRSS"), peakKb: field("VmHWM") };
}

interface MemoryFigures {
  idleMb: number;
  peakMb: number;
  growthMb: number;
}

/**
 * Watches a process's memory until `stop`: its resident set before (idle), and the peak meanwhile,
 * the larger of VmHWM (reset to the current RSS at the start, by writing 5 to clear_refs) and VmRSS
 * sampled every 10 ms (in case the reset is not permitted).
 */
function watchMemory(pid: number): { stop(): MemoryFigures } {
  const idleKb = memoryOf(pid).rssKb;
  let peakResetWorked = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    peakResetWorked = false;
  }
  let sampledKb = idleKb;
  const timer = setInterval(() => (sampledKb = Math.max(sampledKb, memoryOf(pid).rssKb)), 10);
  return {
    stop() {
      clearInterval(timer);
      const now = memoryOf(pid);
      const peakKb = Math.max(sampledKb, now.rssKb, peakResetWorked ? now.peakKb : 0);
      return { idleMb: toMb(idleKb), peakMb: toMb(peakKb), growthMb: toMb(peakKb - idleKb) };
    },
  };
}

interface UploadContext {
  server: BenchServer;
  db: PrismaClient;
  shop: string;
  shopper: ShopperOrder;
}

interface Uploaded {
  id: string;
  serverMs: number;
}

async function shopperHeaders({ shop, shopper }: UploadContext) {
  const { token } = await signCustomerAccountSessionToken(BENCH_APP, shop, shopper.customerId);
  return { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT };
}

/** POST /api/uploads as the extension sends a file (its type and percent-encoded name in headers). */
async function upload(
  context: UploadContext,
  kind: "issue_photo" | "issue_video",
  file: {
    body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
    /** A stream's length, declared as a browser declares a File's (Content-Length). */
    length?: number;
    type: string;
    name: string;
  },
): Promise<Uploaded> {
  const query = new URLSearchParams({ orderId: context.shopper.orderId, kind });
  const headers = {
    ...(await shopperHeaders(context)),
    "Content-Type": file.type,
    "X-File-Name": encodeURIComponent(file.name),
    ...(file.length === undefined ? {} : { "Content-Length": String(file.length) }),
  };
  const answer = await context.server.request(`/api/uploads?${query}`, {
    method: "POST",
    headers,
    body: file.body,
    expectStatus: 201,
  });
  const { upload } = JSON.parse(answer.body) as { upload: { id: string } };
  return { id: upload.id, serverMs: answer.serverMs };
}

/** The shopper removes the upload (its row and files), as the extension's remove button does. */
async function removeUpload(context: UploadContext, id: string) {
  await context.server.request(`/api/uploads/${id}`, {
    method: "DELETE",
    headers: await shopperHeaders(context),
    expectStatus: 204,
  });
}

async function storedRow(context: UploadContext, id: string) {
  const row = await context.db.evidence.findUnique({ where: { id } });
  if (!row) throw new Error(`upload ${id} has no Evidence row`);
  return row;
}

const storedPath = (context: UploadContext, key: string) => join(context.server.evidenceDir, ...key.split("/"));

/** What is wrong with a stored photo and its thumbnail (nothing: an empty list). */
async function checkStoredPhoto(context: UploadContext, id: string): Promise<string[]> {
  const row = await storedRow(context, id);
  const problems: string[] = [];
  const photo = readFileSync(storedPath(context, row.storageKey));
  const meta = await sharp(photo).metadata();
  if (meta.format !== "jpeg" || Math.max(meta.width ?? 0, meta.height ?? 0) !== 2048)
    problems.push(`stored photo is ${meta.format} ${meta.width}×${meta.height}, not a 2048 px JPEG`);
  if (meta.exif || meta.xmp || meta.iptc) problems.push("stored photo keeps metadata (EXIF, XMP or IPTC)");
  if (photo.includes("Exif\0\0") || photo.includes(CAMERA)) problems.push("stored photo's bytes hold the EXIF");
  if (row.byteSize !== photo.length || row.sha256 !== createHash("sha256").update(photo).digest("hex"))
    problems.push("stored photo's size or hash differs from its row");
  if (!row.thumbnailKey) return [...problems, "no thumbnail"];
  const thumbnail = await sharp(readFileSync(storedPath(context, row.thumbnailKey))).metadata();
  if (thumbnail.format !== "webp" || Math.max(thumbnail.width ?? 0, thumbnail.height ?? 0) !== 400 || thumbnail.exif)
    problems.push(
      `thumbnail is ${thumbnail.format} ${thumbnail.width}×${thumbnail.height}, not a 400 px WebP without EXIF`,
    );
  return problems;
}

async function measurePhotos(context: UploadContext, count: number, baseline: Timing): Promise<ScenarioResult> {
  const photo = await twelveMegapixelPhoto();
  const file = { body: new Uint8Array(photo), type: "image/jpeg", name: "IMG_2041.JPG" };
  // One warm-up (the route's first request loads sharp and the upload path).
  await removeUpload(context, (await upload(context, "issue_photo", file)).id);
  const serverMs: number[] = [];
  const problems: string[] = [];
  const memory = watchMemory(context.server.pid);
  for (let i = 0; i < count; i++) {
    const uploaded = await upload(context, "issue_photo", file);
    serverMs.push(uploaded.serverMs);
    problems.push(...(await checkStoredPhoto(context, uploaded.id)));
    await removeUpload(context, uploaded.id);
  }
  const figures = memory.stop();
  const result = timedResult(
    "photo upload, 12 MP JPEG with EXIF",
    "server",
    { stat: "p95Ms", below: PHOTO_TARGET_MS },
    { [`${(photo.length / MB).toFixed(1)} MB, ${PHOTO_WIDTH}×${PHOTO_HEIGHT}`]: serverMs },
    baseline,
  );
  return {
    ...result,
    errors: problems.length,
    memory: { photos: figures },
    pass: result.pass && problems.length === 0 && figures.growthMb < PHOTO_GROWTH_TARGET_MB,
    notes:
      `${count} uploads of a ${(photo.length / MB).toFixed(1)} MB JPEG with camera and GPS EXIF; ` +
      (problems.length === 0
        ? "each stored as a 2048 px JPEG without metadata, with a 400 px WebP thumbnail"
        : `${problems.length} problems, e.g. ${problems[0]}`) +
      `; app RSS ${figures.idleMb} MB idle, peak ${figures.peakMb} MB (+${figures.growthMb} MB, target < ${PHOTO_GROWTH_TARGET_MB} MB)` +
      ` with ${arenaSettingOf(context.server.pid)}`,
  };
}

async function measureVideo(context: UploadContext, size: number, baseline: Timing): Promise<ScenarioResult> {
  const hash = createHash("sha256");
  const app = watchMemory(context.server.pid);
  const bench = watchMemory(process.pid);
  const uploaded = await upload(context, "issue_video", {
    body: mp4Stream(size, hash),
    type: "video/mp4",
    length: size,
    name: "unboxing.mp4",
  });
  const [figures, benchFigures] = [app.stop(), bench.stop()];
  const row = await storedRow(context, uploaded.id);
  const storedBytes = statSync(storedPath(context, row.storageKey)).size;
  const problems = [
    ...(storedBytes === size && row.byteSize === size
      ? []
      : [`stored ${storedBytes} B (row ${row.byteSize} B), sent ${size} B`]),
    ...(row.sha256 === hash.digest("hex") ? [] : ["the stored video's SHA-256 is not the sent bytes'"]),
    ...(row.contentType === "video/mp4" && row.thumbnailKey === null ? [] : ["not stored as an MP4 without thumbnail"]),
  ];
  await removeUpload(context, uploaded.id);
  const megabytes = Math.round(size / MB);
  const result = timedResult(
    `video upload, ${megabytes} MB streamed`,
    "server",
    // The target is memory; the server time is reported beside it (the p95 bound never binds).
    { stat: "p95Ms", below: Number.MAX_SAFE_INTEGER },
    { [`${megabytes} MB MP4`]: [uploaded.serverMs] },
    baseline,
  );
  return {
    ...result,
    target: { stat: "rssGrowthMb", below: VIDEO_GROWTH_TARGET_MB },
    errors: problems.length,
    memory: { app: figures, bench: benchFigures },
    // Neither side may hold the video: the bench streams it from a generator too.
    pass:
      problems.length === 0 &&
      figures.growthMb < VIDEO_GROWTH_TARGET_MB &&
      benchFigures.growthMb < VIDEO_GROWTH_TARGET_MB,
    notes:
      `${size} B streamed with its Content-Length, ` +
      `${(size / MB / (uploaded.serverMs / 1000)).toFixed(0)} MB/s; ` +
      (problems.length === 0 ? "stored byte for byte (size and SHA-256)" : problems.join("; ")) +
      `; app RSS ${figures.idleMb} MB idle, peak ${figures.peakMb} MB (+${figures.growthMb} MB, target < ${VIDEO_GROWTH_TARGET_MB} MB)` +
      `; the bench's own +${benchFigures.growthMb} MB`,
  };
}

/**
 * The upload scenario: `runs` photos (at most 10) after a warm-up, then one video of 200 MB (the
 * app's limit) at full scale or 8 MB at tiny, by the shopper of `shopper`'s order.
 */
export async function measureUploads(
  server: BenchServer,
  db: PrismaClient,
  options: { shop: string; shopper: ShopperOrder; runs: number; tiny: boolean; baseline: Timing },
): Promise<ScenarioResult[]> {
  const context: UploadContext = { server, db, shop: options.shop, shopper: options.shopper };
  const photos = await measurePhotos(context, Math.min(options.runs, MAX_PHOTO_UPLOADS), options.baseline);
  const video = await measureVideo(context, options.tiny ? TINY_VIDEO_BYTES : FULL_VIDEO_BYTES, options.baseline);
  return [photos, video];
}
