import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import { submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import { action as uploadAction, loader as uploadLoader } from "../../app/routes/api.uploads";
import { action as removeAction, loader as removeLoader } from "../../app/routes/api.uploads.$uploadId";
import { action as thumbnailAction, loader as thumbnailLoader } from "../../app/routes/api.uploads.$uploadId.thumbnail";
import { shopEvidencePrefix } from "../../app/services/evidence/evidence-keys.server";
import { signedThumbnailUrl, thumbnailSignatureLifetime } from "../../app/services/evidence/signed-urls.server";
import type { EvidenceStore } from "../../app/services/evidence/evidence-store.server";
import { attachUploads, receiveUpload, uploadLimits } from "../../app/services/evidence/uploads.server";
import { unauthenticated } from "../../app/shopify.server";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { simulator } from "../simulator/network-edge";
import { anArrivalSubmission } from "../support/claim-factories";
import { SHOPPER_BROWSER, shopperRequest } from "../support/customer-account-requests";
import { diskTestStore, filesUnder, s3TestStore, type TestEvidenceStore } from "../support/evidence-stores";
import { exifGpsTags } from "../support/exif";
import { installTestShop, TEST_SHOP } from "../support/shopify-requests";

// POST /api/uploads, DELETE /api/uploads/:id, GET /api/uploads/:id/thumbnail: evidence typed by
// its content, photos re-encoded, videos streamed, and nothing of anyone else's reachable.

// Small limits for this file (read when the app first reads its environment), so oversize is cheap.
vi.hoisted(() => {
  process.env.UPLOAD_MAX_PHOTO_BYTES = String(300 * 1024);
  process.env.UPLOAD_MAX_VIDEO_BYTES = String(2 * 1024 * 1024);
  process.env.UPLOAD_MAX_FILES = "4";
});

const OTHER_SHOP = "other-shop.myshopify.com";
const FIXTURES = join(process.cwd(), "test/fixtures/evidence");
const damagedBox = readFileSync(join(FIXTURES, "damaged-box.jpg"));
const packaging = readFileSync(join(FIXTURES, "packaging.jpg"));
// damaged-box.jpg encoded as HEVC in HEIC by libheif's heif-enc, its EXIF (with GPS) kept: see the README there.
const damagedBoxHeic = readFileSync(join(FIXTURES, "damaged-box.heic"));
const evidenceDir = () => process.env.EVIDENCE_DIR ?? "";

/** An MP4 (ftyp isom) of `size` bytes: what file-type sees in a phone's video. */
function mp4(size: number): Buffer {
  const header = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypisom"),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from("isommp42"),
  ]);
  return Buffer.concat([header, Buffer.alloc(size - header.length, 7)]);
}

let manifest: DemoManifest;
let other: DemoManifest;
beforeEach(async () => {
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 3 });
  other = seedDemoStore(simulator, { shop: OTHER_SHOP, now: new Date(), seed: 5 });
  await installTestShop();
  await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
});

function ordersOf(m: DemoManifest) {
  const [first, second] = m.customers.filter((c) => c.orders.some((o) => o.scenario === "delivered-2-days-ago"));
  const customer = first ?? m.customers[0]!;
  const order = customer.orders.find((o) => o.scenario === "delivered-2-days-ago")!;
  const stranger = second ?? m.customers.find((c) => c.id !== customer.id)!;
  return { customer, order, stranger };
}

interface UploadOptions {
  kind?: string;
  headers?: Record<string, string>;
  shop?: string;
  customerId?: string | null;
  orderId?: string;
}

async function upload(bytes: Buffer | ReadableStream | null, options: UploadOptions = {}) {
  const body = bytes instanceof Buffer ? new Uint8Array(bytes) : bytes;
  const { customer, order } = ordersOf(manifest);
  const query = new URLSearchParams({ orderId: options.orderId ?? order.id, kind: options.kind ?? "issue_photo" });
  const request = await shopperRequest(
    `/api/uploads?${query}`,
    options.customerId === undefined ? customer.id : options.customerId,
    { method: "POST", body, headers: options.headers, duplex: "half" } as RequestInit,
    { shop: options.shop },
  );
  return uploadAction({ request, params: {}, context: {} });
}

async function removeUpload(uploadId: string, customerId: string | null, shop?: string) {
  const request = await shopperRequest(`/api/uploads/${uploadId}`, customerId, { method: "DELETE" }, { shop });
  return removeAction({ request, params: { uploadId }, context: {} });
}

async function thumbnail(uploadId: string, customerId: string | null, shop?: string) {
  const request = await shopperRequest(`/api/uploads/${uploadId}/thumbnail`, customerId, {}, { shop });
  return thumbnailLoader({ request, params: { uploadId }, context: {} });
}

async function uploaded(response: Response) {
  expect(response.status).toBe(201);
  return (await response.json()).upload as { id: string; thumbnailUrl: string | null };
}

const stored = (key: string) => readFileSync(join(evidenceDir(), ...key.split("/")));

describe("POST /api/uploads", () => {
  it("GIVEN a phone photo with GPS in its EXIF WHEN the shopper uploads it THEN the stored copy and its thumbnail carry no metadata", async () => {
    // GIVEN the fixture really carries a location (a check of nothing would prove nothing)
    expect(exifGpsTags((await sharp(damagedBox).metadata()).exif)).toEqual([1, 2, 3, 4]);
    const { customer, order } = ordersOf(manifest);

    // WHEN
    const response = await upload(damagedBox, {
      headers: { "X-File-Name": "damaged-box.jpg", "Content-Type": "image/jpeg" },
    });

    // THEN the answer describes the stored copy
    const body = await response.json();
    expect(response.status).toBe(201);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id: body.upload.id } });
    const copy = stored(row.storageKey);
    expect(body).toEqual({
      upload: {
        id: row.id,
        kind: "issue_photo",
        contentType: "image/jpeg",
        byteSize: copy.byteLength,
        fileName: "damaged-box.jpg",
        thumbnailUrl: expect.stringMatching(
          new RegExp(`^/api/uploads/${row.id}/thumbnail\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`),
        ),
      },
    });
    expect(row).toMatchObject({
      claimId: null,
      shop: TEST_SHOP,
      orderId: order.id,
      customerId: customer.id,
      sha256: createHash("sha256").update(copy).digest("hex"),
      attachedAt: null,
      redactedAt: null,
    });
    // AND the key is ours, not the file's name
    expect(row.storageKey).toMatch(/^test-shop\.myshopify\.com\/[0-9a-f-]{36}$/);
    expect(row.thumbnailKey).toBe(`${row.storageKey}.thumbnail`);
    // AND the copy is a fresh JPEG without EXIF (hence without GPS)
    const meta = await sharp(copy).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual([
      "jpeg",
      640,
      480,
      undefined,
      undefined,
    ]);
    // AND the thumbnail is served to its owner as a 400 px WebP, without metadata either
    const thumb = await thumbnail(row.id, customer.id);
    expect(thumb.status).toBe(200);
    expect(
      Object.fromEntries(
        ["Content-Type", "X-Content-Type-Options", "Cache-Control"].map((h) => [h, thumb.headers.get(h)]),
      ),
    ).toEqual({
      "Content-Type": "image/webp",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=600",
    });
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height, thumbMeta.exif]).toEqual([
      "webp",
      400,
      300,
      undefined,
    ]);
  });

  it("GIVEN an iPhone's kind of photo (HEIC: HEVC, EXIF with GPS) WHEN uploaded THEN it is stored as a JPEG with a WebP thumbnail, its pixels intact and no metadata", async () => {
    // GIVEN a real HEVC-coded HEIC that carries a location (sharp reads its container, not its pixels)
    const original = await sharp(damagedBoxHeic).metadata();
    expect([original.format, original.compression, original.width, original.height]).toEqual([
      "heif",
      "hevc",
      640,
      480,
    ]);
    expect(exifGpsTags(original.exif)).toEqual([1, 2, 3, 4]);
    const { customer } = ordersOf(manifest);

    // WHEN
    const response = await upload(damagedBoxHeic, {
      kind: "packaging_photo",
      headers: { "X-File-Name": "IMG_0042.HEIC", "Content-Type": "image/heic" },
    });

    // THEN the answer describes a stored JPEG
    const body = await response.json();
    expect(response.status).toBe(201);
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id: body.upload.id } });
    const copy = stored(row.storageKey);
    expect(body.upload).toMatchObject({
      id: row.id,
      kind: "packaging_photo",
      contentType: "image/jpeg",
      byteSize: copy.byteLength,
      fileName: "IMG_0042.HEIC",
    });
    expect(row).toMatchObject({ contentType: "image/jpeg", sha256: createHash("sha256").update(copy).digest("hex") });
    // AND the copy is a JPEG of the same picture, without EXIF (hence without GPS) or orientation
    const meta = await sharp(copy).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation, meta.icc]).toEqual([
      "jpeg",
      640,
      480,
      undefined,
      undefined,
      undefined,
    ]);
    // (the wall behind the box is #d9d4c7 in the fixture; lossy twice, so within a few levels)
    const { data } = await sharp(copy)
      .extract({ left: 600, top: 440, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Array.from(data).map((value, i) => Math.abs(value - [0xd9, 0xd4, 0xc7][i]!) <= 6)).toEqual([
      true,
      true,
      true,
    ]);
    // AND its thumbnail is a 400 px WebP without metadata, served to its owner
    const thumb = await thumbnail(row.id, customer.id);
    expect([thumb.status, thumb.headers.get("Content-Type")]).toEqual([200, "image/webp"]);
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height, thumbMeta.exif]).toEqual([
      "webp",
      400,
      300,
      undefined,
    ]);
  });

  it("GIVEN a photo taken sideways (EXIF orientation 6) WHEN uploaded THEN the stored copy is upright", async () => {
    const sideways = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#c0ffee" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { id } = await uploaded(await upload(sideways));
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id } });
    const meta = await sharp(stored(row.storageKey)).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([100, 300, undefined]);
  });

  it("GIVEN a JPEG with a ZIP appended (a polyglot) WHEN uploaded THEN only the picture is stored", async () => {
    const zip = Buffer.concat([
      Buffer.from("PK\x03\x04"),
      Buffer.from("secret-payload.html <script>alert(1)</script>"),
    ]);
    const { id } = await uploaded(await upload(Buffer.concat([packaging, zip])));
    const copy = stored((await prisma.evidence.findUniqueOrThrow({ where: { id } })).storageKey);
    expect(copy.includes(Buffer.from("PK\x03\x04"))).toBe(false);
    expect(copy.includes(Buffer.from("secret-payload"))).toBe(false);
    expect((await sharp(copy).metadata()).format).toBe("jpeg");
  });

  it("GIVEN a name like ../../etc/passwd WHEN uploaded THEN it is only a label: the file is stored under our key", async () => {
    const { id } = await uploaded(await upload(packaging, { headers: { "X-File-Name": "../../etc/passwd" } }));
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id } });
    expect(row.fileName).toBe("passwd");
    expect(filesUnder(evidenceDir())).toEqual([row.storageKey, row.thumbnailKey].sort());
  });

  it("GIVEN a video WHEN uploaded THEN its bytes are stored as sent, counted and hashed, without a thumbnail", async () => {
    const video = mp4(1_500_000);
    const body = await (
      await upload(video, { kind: "issue_video", headers: { "X-File-Name": "unboxing%20%F0%9F%93%A6.mp4" } })
    ).json();
    expect(body.upload).toMatchObject({
      kind: "issue_video",
      contentType: "video/mp4",
      byteSize: 1_500_000,
      fileName: "unboxing 📦.mp4",
      thumbnailUrl: null,
    });
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id: body.upload.id } });
    expect(stored(row.storageKey).equals(video)).toBe(true);
    expect(row.sha256).toBe(createHash("sha256").update(video).digest("hex"));
    expect((await thumbnail(row.id, ordersOf(manifest).customer.id)).status).toBe(404);
  });

  const truncatedJpeg = () => packaging.subarray(0, Math.floor(packaging.length / 2));
  const fakeHeic = () =>
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypheic"),
      Buffer.alloc(4),
      Buffer.from("mif1heic"),
      Buffer.alloc(2000, 1),
    ]);
  it.each<[string, () => Buffer, string, Record<string, string>, number, string]>([
    [
      "an SVG with a script",
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
      "issue_photo",
      { "Content-Type": "image/svg+xml", "X-File-Name": "box.svg" },
      400,
      "upload.unsupported_type",
    ],
    [
      "HTML named .jpg",
      () => Buffer.from("<!doctype html><html><body><script>fetch('/steal')</script></body></html>"),
      "issue_photo",
      { "Content-Type": "image/jpeg", "X-File-Name": "photo.jpg" },
      400,
      "upload.unsupported_type",
    ],
    [
      "a PDF",
      () => Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
      "shipping_label_photo",
      {},
      400,
      "upload.unsupported_type",
    ],
    [
      "a ZIP archive",
      () => Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 1)]),
      "issue_photo",
      {},
      400,
      "upload.unsupported_type",
    ],
    ["a truncated JPEG", truncatedJpeg, "issue_photo", {}, 400, "upload.unreadable_photo"],
    ["a HEIC header followed by noise", fakeHeic, "packaging_photo", {}, 400, "upload.unreadable_photo"],
    [
      "a HEIC cut off in its picture data",
      () => damagedBoxHeic.subarray(0, damagedBoxHeic.length - 1000),
      "packaging_photo",
      { "X-File-Name": "IMG_0042.HEIC" },
      400,
      "upload.unreadable_photo",
    ],
    ["zero bytes", () => Buffer.alloc(0), "issue_photo", {}, 400, "upload.empty"],
    ["a photo in the video's place", () => packaging, "issue_video", {}, 400, "upload.wrong_kind"],
    ["a video in a photo's place", () => mp4(5000), "shipping_label_photo", {}, 400, "upload.wrong_kind"],
    [
      "a photo over 300 KB, declared",
      () => Buffer.concat([packaging, Buffer.alloc(300 * 1024)]),
      "issue_photo",
      {},
      400,
      "upload.too_large",
    ],
    ["a video over 2 MB, declared", () => mp4(2 * 1024 * 1024 + 1), "issue_video", {}, 400, "upload.too_large"],
  ])(
    "GIVEN %s WHEN uploaded THEN it is refused and nothing is stored",
    async (_what, bytes, kind, headers, status, code) => {
      const response = await upload(bytes(), { kind, headers });
      expect(response.status).toBe(status);
      expect((await response.json()).error.code).toBe(code);
      expect(await prisma.evidence.count()).toBe(0);
      expect(filesUnder(evidenceDir())).toEqual([]);
    },
  );

  // (Route answers carry the shopper's language, app/i18n; the English of each code is checked
  // where the service refuses, below.)
  it.each([
    ["photo", "issue_photo", Buffer.concat([packaging, Buffer.alloc(400 * 1024, 1)])],
    ["video", "issue_video", mp4(3 * 1024 * 1024)],
  ])(
    "GIVEN a %s over its limit streamed without Content-Length WHEN uploaded THEN it is cut off, refused and nothing is stored",
    async (_what, kind, bytes) => {
      const response = await upload(
        Readable.toWeb(Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)])) as ReadableStream,
        { kind },
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("upload.too_large");
      expect(await prisma.evidence.count()).toBe(0);
      expect(filesUnder(evidenceDir())).toEqual([]);
    },
  );

  it.each([
    ["en", "This file is larger than 0.3 MB. Choose a smaller photo, or a shorter video, and upload it again."],
    ["fr", "Ce fichier dépasse 0,3 Mo. Choisissez une photo plus petite ou une vidéo plus courte, puis réessayez."],
    [
      "de",
      "Diese Datei ist größer als 0,3 MB. Wählen Sie ein kleineres Foto oder ein kürzeres Video und laden Sie es noch einmal hoch.",
    ],
    ["es", "Este archivo supera los 0,3 MB. Elige una foto más pequeña o un vídeo más corto y vuelve a subirlo."],
  ])(
    "GIVEN a photo over its limit WHEN uploaded in %s THEN the message names the real limit",
    async (language, message) => {
      const response = await upload(Buffer.concat([packaging, Buffer.alloc(300 * 1024)]), {
        headers: { "Accept-Language": language },
      });
      expect([response.status, (await response.json()).error]).toEqual([400, { code: "upload.too_large", message }]);
    },
  );

  it("GIVEN the order's draft holds the most files WHEN another is uploaded THEN it is refused until one is removed", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await uploaded(await upload(packaging))).id);
    const refused = await upload(packaging, { headers: { "Accept-Language": "de" } });
    expect(refused.status).toBe(400);
    // AND the shopper reads the real limit in their language
    expect((await refused.json()).error).toEqual({
      code: "upload.too_many_files",
      message:
        "Eine Reklamation kann höchstens 4 Dateien haben. Entfernen Sie eine, bevor Sie eine weitere hinzufügen.",
    });
    expect(await removeUpload(ids[0]!, ordersOf(manifest).customer.id)).toHaveProperty("status", 204);
    await uploaded(await upload(packaging));
    expect(await prisma.evidence.count()).toBe(4);
    expect(filesUnder(evidenceDir())).toHaveLength(8);
  });

  it("GIVEN another customer's order WHEN the shopper uploads to it THEN 404 order.not_found and nothing stored", async () => {
    const { stranger } = ordersOf(manifest);
    const theirs = await upload(packaging, { customerId: stranger.id });
    expect(theirs.status).toBe(404);
    expect((await theirs.json()).error.code).toBe("order.not_found");
    expect(await prisma.evidence.count()).toBe(0);
    expect(filesUnder(evidenceDir())).toEqual([]);
  });

  it("GIVEN a kind that is not one of the evidence kinds WHEN uploaded THEN 400 and nothing is read", async () => {
    const response = await upload(packaging, { kind: "selfie" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_request");
    expect(filesUnder(evidenceDir())).toEqual([]);
  });

  it("GIVEN the shopper used up their uploads for the hour WHEN they upload again THEN 429 with Retry-After", async () => {
    const { customer } = ordersOf(manifest);
    await prisma.rateLimit.create({
      data: {
        key: `uploads.customer:${TEST_SHOP}:${customer.id}`,
        hits: 60,
        windowEndsAt: new Date(Date.now() + 600_000),
      },
    });
    const response = await upload(packaging);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(590);
    expect((await response.json()).error.code).toBe("rate_limited");
    expect(filesUnder(evidenceDir())).toEqual([]);
  });
});

describe("DELETE /api/uploads/:uploadId and GET /api/uploads/:uploadId/thumbnail", () => {
  it("GIVEN the shopper's own unattached upload WHEN they remove it THEN its row and files are gone", async () => {
    const { id } = await uploaded(await upload(packaging));
    expect(filesUnder(evidenceDir())).toHaveLength(2);
    const response = await removeUpload(id, ordersOf(manifest).customer.id);
    expect(response.status).toBe(204);
    expect(await prisma.evidence.count()).toBe(0);
    expect(filesUnder(evidenceDir())).toEqual([]);
    // AND removing it again is a 404
    expect((await removeUpload(id, ordersOf(manifest).customer.id)).status).toBe(404);
  });

  it("GIVEN someone else's upload WHEN another customer or another shop's shopper asks for it THEN 404 exactly as for an upload that does not exist", async () => {
    const { customer, stranger } = ordersOf(manifest);
    const { id } = await uploaded(await upload(packaging));
    const missing = async (response: Response) => ({ status: response.status, body: await response.json() });
    const nothing = await missing(await thumbnail("does-not-exist", customer.id));
    expect(nothing).toEqual({
      status: 404,
      body: { error: { code: "upload.not_found", message: expect.stringMatching(/\S/) } },
    });
    // The same customer id under another shop's token, the other shop's shopper, a stranger of this shop
    for (const [who, shop] of [
      [customer.id, OTHER_SHOP],
      [ordersOf(other).customer.id, OTHER_SHOP],
      [stranger.id, undefined],
    ] as const) {
      expect(await missing(await thumbnail(id, who, shop))).toEqual(nothing);
      expect(await missing(await removeUpload(id, who, shop))).toEqual(nothing);
    }
    // AND an anonymous shopper is asked to log in
    expect((await thumbnail(id, null)).status).toBe(403);
    // AND the upload is untouched
    expect(await prisma.evidence.count()).toBe(1);
    expect(filesUnder(evidenceDir())).toHaveLength(2);
    expect((await thumbnail(id, customer.id)).status).toBe(200);
  });
});

describe("methods the upload addresses do not answer", () => {
  it.each([
    ["GET /api/uploads", () => uploadLoader, "/api/uploads", "GET", "POST, OPTIONS"],
    ["GET /api/uploads/:id", () => removeLoader, "/api/uploads/u1", "GET", "DELETE, OPTIONS"],
    ["POST /api/uploads/:id/thumbnail", () => thumbnailAction, "/api/uploads/u1/thumbnail", "POST", "GET, OPTIONS"],
  ] as const)(
    "GIVEN %s THEN 405 naming the methods it answers, in the shopper's language",
    async (_what, route, path, method, allow) => {
      const request = await shopperRequest(path, ordersOf(manifest).customer.id, {
        method,
        headers: { "Accept-Language": "es" },
      });
      const response = await route()({ request, params: { uploadId: "u1" }, context: {} });
      expect([response.status, response.headers.get("Allow"), await response.json()]).toEqual([
        405,
        allow,
        { error: { code: "method_not_allowed", message: "Esta dirección no responde a este tipo de solicitud." } },
      ]);
    },
  );
});

describe("GET /api/uploads/:uploadId/thumbnail on the signed URL (an <s-image> sends no session token)", () => {
  /** The thumbnail as an <s-image> loads it: the URL as given, no Authorization header. */
  async function image(url: string, uploadId = url.split("/")[3] ?? "") {
    const request = new Request(`${testConfig().appUrl}${url}`, {
      headers: { "User-Agent": SHOPPER_BROWSER, Accept: "image/webp,image/*" },
    });
    return thumbnailLoader({ request, params: { uploadId }, context: {} });
  }
  const owner = (id: string, customerId = ordersOf(manifest).customer.id, shop = TEST_SHOP) => ({
    id,
    shop,
    customerId,
  });
  const answer = async (response: Response) => ({ status: response.status, body: await response.text() });

  it("GIVEN an upload's thumbnailUrl WHEN loaded without a token THEN the thumbnail, cached privately no longer than the URL lives", async () => {
    // GIVEN
    const before = Math.floor(Date.now() / 1000);
    const { id, thumbnailUrl } = await uploaded(await upload(damagedBox));
    const expires = Number(new URL(thumbnailUrl!, "https://app.test").searchParams.get("expires"));
    // THEN it lives 10 minutes, rounded up to a whole minute
    expect(expires % 60).toBe(0);
    expect(expires - before).toBeGreaterThanOrEqual(600);
    expect(expires - before).toBeLessThanOrEqual(661);

    // WHEN
    const response = await image(thumbnailUrl!);

    // THEN
    expect(response.status).toBe(200);
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(response.headers.get("Cache-Control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(590);
    expect(maxAge).toBeLessThanOrEqual(expires - before);
    expect([response.headers.get("Content-Type"), response.headers.get("X-Content-Type-Options")]).toEqual([
      "image/webp",
      "nosniff",
    ]);
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(await response.arrayBuffer()).equals(stored(row.thumbnailKey!))).toBe(true);
  });

  it("GIVEN a wrong, expired or tampered signature WHEN loaded THEN 404 exactly as for an upload that does not exist", async () => {
    // GIVEN two of the shopper's photos, and the answer for an upload that does not exist
    const { customer, stranger } = ordersOf(manifest);
    const mine = await uploaded(await upload(damagedBox));
    const other = await uploaded(await upload(packaging));
    const nothing = await answer(await thumbnail("does-not-exist", customer.id));
    const now = new Date();
    const [path, query] = mine.thumbnailUrl!.split("?") as [string, string];
    const params = new URLSearchParams(query);
    const withParams = (changes: Record<string, string | null>) => {
      const changed = new URLSearchParams(params);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) changed.delete(name);
        else changed.set(name, value);
      }
      return `${path}?${changed}`;
    };
    const signature = params.get("signature")!;
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    const tries: [string, string][] = [
      [
        "another upload's signature",
        withParams({ signature: new URLSearchParams(other.thumbnailUrl!.split("?")[1]).get("signature") }),
      ],
      ["a later expiry", withParams({ expires: String(Number(params.get("expires")) + 60) })],
      ["one character changed", withParams({ signature: flipped })],
      ["no expiry", withParams({ expires: null })],
      ["an expiry that is not a number", withParams({ expires: "1e12" })],
      ["a padded signature", withParams({ signature: `${signature}=` })],
      ["signed 11 minutes ago (expired)", signedThumbnailUrl(owner(mine.id), new Date(now.getTime() - 660_000))],
      ["signed for another customer", signedThumbnailUrl(owner(mine.id, stranger.id), now)],
      ["signed for another shop", signedThumbnailUrl(owner(mine.id, customer.id, OTHER_SHOP), now)],
      ["signed with another secret", signedThumbnailUrl(owner(mine.id), now, "not-the-app-secret")],
    ];
    // WHEN each is loaded THEN not found, word for word
    for (const [what, url] of tries) {
      expect([what, await answer(await image(url, mine.id))]).toEqual([what, nothing]);
    }
    // AND a signature lives until its expiry, not a second more
    const expires = Number(params.get("expires"));
    const at = (second: number) => new Date(second * 1000);
    const lifetime = (second: number) =>
      thumbnailSignatureLifetime(owner(mine.id), { expires: String(expires), signature }, at(second));
    expect([lifetime(expires - 600), lifetime(expires - 1), lifetime(expires), lifetime(expires + 1)]).toEqual([
      600,
      1,
      null,
      null,
    ]);
    // AND the other upload's URL opens only the other upload
    expect((await image(other.thumbnailUrl!, mine.id)).status).toBe(404);
    // AND the genuine URL still works, until the upload is redacted
    expect((await image(mine.thumbnailUrl!)).status).toBe(200);
    await prisma.evidence.update({ where: { id: mine.id }, data: { redactedAt: new Date() } });
    expect(await answer(await image(mine.thumbnailUrl!))).toEqual(nothing);
  });
});

describe.each([
  ["disk", diskTestStore],
  ["s3", s3TestStore],
] as const)("receiving uploads into the %s store", (_driver, start) => {
  let subject: TestEvidenceStore;
  beforeAll(async () => {
    subject = await start();
  });
  afterAll(async () => subject.close());
  beforeEach(async () => {
    subject.allowNetwork();
    await subject.store.deletePrefix(shopEvidencePrefix(TEST_SHOP));
  });

  async function receive(
    store: EvidenceStore,
    kind: "issue_photo" | "issue_video",
    body: ReadableStream<Uint8Array>,
    limits = uploadLimits(),
  ) {
    const { customer, order } = ordersOf(manifest);
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    return receiveUpload(
      prisma,
      graphql,
      store,
      { shop: TEST_SHOP, customerId: customer.id, orderId: order.id },
      { kind, body, declaredLength: null, fileName: null },
      limits,
      new Date(),
    );
  }

  it("GIVEN a photo, a video and refused files WHEN received THEN the store holds exactly the accepted ones", async () => {
    const photo = await receive(subject.store, "issue_photo", web(damagedBox));
    const video = await receive(subject.store, "issue_video", web(mp4(1_200_000)));
    await expect(receive(subject.store, "issue_photo", web(packaging.subarray(0, 3000)))).rejects.toMatchObject({
      code: "upload.unreadable_photo",
    });
    await expect(receive(subject.store, "issue_video", web(mp4(2 * 1024 * 1024 + 1)))).rejects.toMatchObject({
      code: "upload.too_large",
    });
    const rows = await prisma.evidence.findMany({ orderBy: { uploadedAt: "asc" } });
    expect(rows.map((r) => r.id).sort()).toEqual([photo.id, video.id].sort());
    expect(await subject.keys()).toEqual(
      rows.flatMap((r) => [r.storageKey, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]).sort(),
    );
  });

  const web = (bytes: Buffer) => Readable.toWeb(Readable.from([bytes])) as ReadableStream<Uint8Array>;
  it.each<
    [string, "issue_photo" | "issue_video", () => Buffer, Partial<ReturnType<typeof uploadLimits>>, string, string]
  >([
    [
      "zero bytes",
      "issue_photo",
      () => Buffer.alloc(0),
      {},
      "upload.empty",
      "This file is empty. Choose a photo or a video and try again.",
    ],
    [
      "an SVG",
      "issue_photo",
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      {},
      "upload.unsupported_type",
      "This type of file cannot be uploaded. Choose a photo (JPEG, PNG, WebP or HEIC) or a video (MP4, MOV or WebM).",
    ],
    [
      "a photo for a video",
      "issue_video",
      () => packaging,
      {},
      "upload.wrong_kind",
      "This place takes a video (MP4, MOV or WebM). Choose a video.",
    ],
    [
      "a video for a photo",
      "issue_photo",
      () => mp4(5000),
      {},
      "upload.wrong_kind",
      "This place takes a photo (JPEG, PNG, WebP or HEIC). Choose a photo.",
    ],
    [
      "a truncated JPEG",
      "issue_photo",
      () => packaging.subarray(0, 3000),
      {},
      "upload.unreadable_photo",
      "We could not read this photo. Save it as JPEG or PNG and upload it again.",
    ],
    [
      "a photo over the pixel limit",
      "issue_photo",
      () => packaging,
      { maxPhotoPixels: 100_000 },
      "upload.photo_too_many_pixels",
      "This photo has more than 0.1 megapixels. Save a smaller copy as JPEG or PNG and upload it again.",
    ],
    [
      "a photo over 300 KB",
      "issue_photo",
      () => Buffer.concat([packaging, Buffer.alloc(300 * 1024)]),
      {},
      "upload.too_large",
      "This photo is larger than 0.3 MB. Choose a smaller photo and upload it again.",
    ],
    [
      "a video over 2 MB",
      "issue_video",
      () => mp4(2 * 1024 * 1024 + 1),
      {},
      "upload.too_large",
      "This video is larger than 2 MB. Record a shorter video or trim it, and upload it again.",
    ],
  ])(
    "GIVEN %s WHEN received THEN it is refused in plain words and nothing is stored",
    async (_what, kind, bytes, limits, code, message) => {
      await expect(receive(subject.store, kind, web(bytes()), { ...uploadLimits(), ...limits })).rejects.toMatchObject({
        code,
        message,
      });
      expect(await prisma.evidence.count()).toBe(0);
      expect(await subject.keys()).toEqual([]);
    },
  );

  it("GIVEN a video WHEN received THEN it reaches the store as a stream while the shopper is still sending it", async () => {
    // GIVEN a body made on demand in 64 KB chunks, and a store that notes how far the sender was
    // each time it received a chunk
    const size = 1_900_000;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) return controller.close();
        const chunk = sent === 0 ? mp4(65_536) : Buffer.alloc(Math.min(65_536, size - sent), 3);
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const lag: number[] = [];
    const watching: EvidenceStore = {
      ...subject.store,
      put: async (key, stream, type) => {
        let received = 0;
        const watched = stream.map((chunk: Buffer) => {
          received += chunk.byteLength;
          lag.push(sent - received);
          return chunk;
        });
        return subject.store.put(key, Readable.from(watched), type);
      },
    };
    // WHEN
    const video = await receive(watching, "issue_video", body);
    // THEN the store saw the whole video, never more than a few chunks behind the sender
    expect(video.byteSize).toBe(size);
    expect(lag.length).toBeGreaterThan(20);
    expect(Math.max(...lag)).toBeLessThan(512 * 1024);
  });
});

describe("attachUploads, when a claim is submitted", () => {
  async function aClaim(): Promise<string> {
    const { customer, order } = ordersOf(manifest);
    const claimId = crypto.randomUUID();
    const { state } = submitClaim(anArrivalSubmission(claimId, { orderId: order.id }), new Date(), {
      type: "customer",
      id: customer.id,
    });
    await prisma.$transaction((tx) => insertClaim(tx, { shop: TEST_SHOP, state, customerId: customer.id }));
    return claimId;
  }

  const attach = (claimId: string, uploadIds: string[], customerId = ordersOf(manifest).customer.id) =>
    prisma.$transaction((tx) =>
      attachUploads(tx, { shop: TEST_SHOP, orderId: ordersOf(manifest).order.id, customerId, claimId, uploadIds }),
    );

  it("GIVEN the shopper's own uploads of the order WHEN attached THEN their kinds are the claim's evidence and they can no longer be removed", async () => {
    const { customer } = ordersOf(manifest);
    const label = await uploaded(await upload(packaging, { kind: "shipping_label_photo" }));
    const video = await uploaded(await upload(mp4(4000), { kind: "issue_video" }));
    const claimId = await aClaim();

    expect(await attach(claimId, [video.id, label.id, label.id])).toEqual(["shipping_label_photo", "issue_video"]);

    expect(
      await prisma.evidence.findMany({ select: { claimId: true, attachedAt: true }, orderBy: { uploadedAt: "asc" } }),
    ).toEqual([
      { claimId, attachedAt: expect.any(Date) },
      { claimId, attachedAt: expect.any(Date) },
    ]);
    const removal = await removeUpload(label.id, customer.id);
    expect(removal.status).toBe(409);
    expect((await removal.json()).error.code).toBe("upload.attached");
    expect((await thumbnail(label.id, customer.id)).status).toBe(200);
    expect(filesUnder(evidenceDir())).toHaveLength(3);
  });

  it("GIVEN an upload of someone else, or one already attached WHEN attached with the shopper's own THEN nothing is attached", async () => {
    const { stranger } = ordersOf(manifest);
    const mine = await uploaded(await upload(packaging));
    const first = await aClaim();
    const second = await aClaim();
    await expect(attach(first, [mine.id], stranger.id)).rejects.toMatchObject({ code: "upload.not_found" });
    await expect(attach(first, [mine.id, "someone-elses"])).rejects.toMatchObject({ code: "upload.not_found" });
    expect(await prisma.evidence.count({ where: { claimId: { not: null } } })).toBe(0);
    await attach(first, [mine.id]);
    await expect(attach(second, [mine.id])).rejects.toMatchObject({ code: "upload.not_found" });
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id: mine.id } })).claimId).toBe(first);
  });

  it("GIVEN a claim holding files WHEN more are attached than the limit allows THEN it is refused", async () => {
    const claimId = await aClaim();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await uploaded(await upload(packaging))).id);
    await attach(claimId, ids);
    const more = [(await uploaded(await upload(packaging))).id, (await uploaded(await upload(packaging))).id];
    await expect(attach(claimId, more)).rejects.toMatchObject({
      code: "upload.too_many_files",
      message: "A claim can have at most 4 files. Remove a file before adding another.",
    });
    expect(await attach(claimId, more.slice(0, 1))).toEqual(["issue_photo"]);
  });
});
