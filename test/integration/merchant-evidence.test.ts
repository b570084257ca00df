import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as evidenceAction, loader as evidenceLoader } from "../../app/routes/evidence.$evidenceId";
import { discardEvidence } from "../../app/db/evidence.server";
import { newEvidenceKeys } from "../../app/services/evidence/evidence-keys.server";
import { evidenceStore, type EvidenceStore } from "../../app/services/evidence/evidence-store.server";
import {
  listClaimEvidenceForMerchant,
  openEvidenceFile,
  type MerchantEvidence,
} from "../../app/services/evidence/merchant-evidence.server";
import { signEvidenceGrant } from "../../app/services/evidence/signed-urls.server";
import { shopperRequest } from "../support/customer-account-requests";
import { diskTestStore, s3TestStore, type TestEvidenceStore } from "../support/evidence-stores";
import { adminDataRequest, installTestShop, TEST_SHOP } from "../support/shopify-requests";

// GET /evidence/:evidenceId: a claim's evidence for the merchant, by the admin's session token or
// on the URLs listClaimEvidenceForMerchant signs for an <img> or <video>. Two installed shops; every
// access that is not the evidence's own shop's is the same 404 as evidence that does not exist.

const OTHER_SHOP = "other-shop.myshopify.com";
const CUSTOMER = "gid://shopify/Customer/7420000000001";
const APP = "https://my-test-app.myshopify.io";
const VIDEO = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 13) % 256));
const PHOTO = Buffer.from("stored re-encoded jpeg bytes");
const THUMBNAIL = Buffer.from("stored webp thumbnail bytes");

let claimNumber = 0;
async function aClaim(shop: string): Promise<string> {
  const now = new Date();
  const claim = await prisma.claim.create({
    data: {
      shop,
      number: ++claimNumber,
      orderId: "gid://shopify/Order/1",
      customerId: CUSTOMER,
      type: "arrival",
      status: "submitted",
      responseHours: 48,
      returnRequired: false,
      returnShippingPaidBy: "merchant",
      evidenceKindsJson: "[]",
      submittedAt: now,
      lastEventAt: now,
    },
  });
  return claim.id;
}

interface Stored {
  kind: "issue_photo" | "issue_video";
  fileName: string | null;
  claimId: string | null;
}

/** An evidence row and its files, as an upload leaves them. */
async function anEvidence(store: EvidenceStore, shop: string, stored: Stored) {
  const id = randomUUID();
  const keys = newEvidenceKeys(shop, id);
  const photo = stored.kind === "issue_photo";
  await store.put(keys.file, Readable.from([photo ? PHOTO : VIDEO]), photo ? "image/jpeg" : "video/mp4");
  if (photo) await store.put(keys.thumbnail, Readable.from([THUMBNAIL]), "image/webp");
  return prisma.evidence.create({
    data: {
      id,
      shop,
      orderId: "gid://shopify/Order/1",
      customerId: CUSTOMER,
      claimId: stored.claimId,
      kind: stored.kind,
      fileName: stored.fileName,
      contentType: photo ? "image/jpeg" : "video/mp4",
      byteSize: (photo ? PHOTO : VIDEO).byteLength,
      sha256: "0".repeat(64),
      storageKey: keys.file,
      thumbnailKey: photo ? keys.thumbnail : null,
      uploadedAt: new Date(),
      attachedAt: stored.claimId ? new Date() : null,
    },
  });
}

/** A request as an <img> or <video> sends it: the URL as given, no Authorization header. */
const fromElement = (url: string, headers: Record<string, string> = {}) =>
  evidenceLoader({ request: new Request(`${APP}${url}`, { headers }), params: paramsOf(url), context: {} });
/** A fetch from the embedded admin with the shop's session token. */
const fromAdmin = async (url: string, shop = TEST_SHOP, headers: Record<string, string> = {}) =>
  evidenceLoader({ request: await adminDataRequest(url, { headers }, shop), params: paramsOf(url), context: {} });
const paramsOf = (url: string) => ({ evidenceId: decodeURIComponent(new URL(url, APP).pathname.split("/")[2] ?? "") });

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });
const NOT_FOUND = {
  status: 404,
  body: {
    error: {
      code: "evidence.not_found",
      message:
        "This evidence file does not exist or is no longer available. Reload the claim to see its current evidence.",
    },
  },
};

const withQuery = (url: string, change: (query: URLSearchParams) => void) => {
  const parsed = new URL(url, APP);
  change(parsed.searchParams);
  return `${parsed.pathname}?${parsed.searchParams}`;
};

describe("a claim's evidence for the merchant", () => {
  let claimA: string;
  let photo: MerchantEvidence;
  let video: MerchantEvidence;

  beforeEach(async () => {
    await installTestShop(TEST_SHOP);
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-offline-token" });
    claimA = await aClaim(TEST_SHOP);
    await anEvidence(evidenceStore(), TEST_SHOP, {
      kind: "issue_photo",
      fileName: "Kratzer am Gehäuse.HEIC",
      claimId: claimA,
    });
    await anEvidence(evidenceStore(), TEST_SHOP, { kind: "issue_video", fileName: null, claimId: claimA });
    [photo, video] = (await listClaimEvidenceForMerchant(prisma, TEST_SHOP, claimA, new Date())) as [
      MerchantEvidence,
      MerchantEvidence,
    ];
  });

  it("GIVEN a claim of shop A WHEN its merchant lists its evidence THEN each file comes with URLs signed for it", async () => {
    const signed = (path: string) => new RegExp(`^${path}\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`);
    expect(photo).toEqual({
      id: expect.any(String),
      kind: "issue_photo",
      contentType: "image/jpeg",
      byteSize: PHOTO.byteLength,
      fileName: "Kratzer am Gehäuse.HEIC",
      uploadedAt: expect.any(String),
      url: expect.stringMatching(signed(`/evidence/${photo.id}`)),
      thumbnailUrl: expect.stringMatching(
        new RegExp(`^/evidence/${photo.id}\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}&variant=thumbnail$`),
      ),
    });
    expect(video).toMatchObject({ kind: "issue_video", contentType: "video/mp4", thumbnailUrl: null });
    expect(video.url).toMatch(signed(`/evidence/${video.id}`));
    // AND shop B's merchant gets nothing of shop A's claim
    expect(await listClaimEvidenceForMerchant(prisma, OTHER_SHOP, claimA, new Date())).toEqual([]);
  });

  it("GIVEN shop A's merchant WHEN they fetch the photo with their session token THEN the stored file with exact headers", async () => {
    const response = await fromAdmin(`/evidence/${photo.id}`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      "accept-ranges": "bytes",
      "cache-control": "private, max-age=3600",
      "content-disposition": `inline; filename="Kratzer am Geh_use.jpg"; filename*=UTF-8''Kratzer%20am%20Geh%C3%A4use.jpg`,
      "content-length": String(PHOTO.byteLength),
      "content-security-policy": "default-src 'none'; sandbox",
      "content-type": "image/jpeg",
      "x-content-type-options": "nosniff",
    });
    expect((await bytesOf(response)).equals(PHOTO)).toBe(true);
  });

  it("GIVEN the signed URLs WHEN an <img> or <video> loads them THEN the file, cached privately no longer than the URL lives", async () => {
    const expires = Number(new URL(video.url, APP).searchParams.get("expires"));
    const response = await fromElement(video.url);
    expect(response.status).toBe(200);
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(response.headers.get("Cache-Control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(3590);
    expect(maxAge).toBeLessThanOrEqual(expires - Math.floor(Date.now() / 1000));
    expect(response.headers.get("Content-Type")).toBe("video/mp4");
    expect(response.headers.get("Content-Disposition")).toBe(
      `inline; filename="evidence-${video.id}.mp4"; filename*=UTF-8''evidence-${video.id}.mp4`,
    );
    expect((await bytesOf(response)).equals(VIDEO)).toBe(true);

    // AND the photo's thumbnail on its own URL
    const thumbnail = await fromElement(photo.thumbnailUrl!);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("Content-Type")).toBe("image/webp");
    expect(thumbnail.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(thumbnail.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(thumbnail.headers.get("Content-Disposition")).toBe(
      `inline; filename="Kratzer am Geh_use-thumbnail.webp"; filename*=UTF-8''Kratzer%20am%20Geh%C3%A4use-thumbnail.webp`,
    );
    expect((await bytesOf(thumbnail)).equals(THUMBNAIL)).toBe(true);
    // AND with the token too
    expect((await bytesOf(await fromAdmin(`/evidence/${photo.id}?variant=thumbnail`))).equals(THUMBNAIL)).toBe(true);
  });

  it("GIVEN shop B WHEN it asks for shop A's evidence (its session, or its own signature on A's file) THEN the same 404 as a file that does not exist", async () => {
    const nothing = await answer(await fromAdmin(`/evidence/does-not-exist`));
    expect(nothing).toEqual(NOT_FOUND);
    expect(await answer(await fromAdmin(`/evidence/${photo.id}`, OTHER_SHOP))).toEqual(nothing);
    expect(await answer(await fromAdmin(`/evidence/${photo.id}?variant=thumbnail`, OTHER_SHOP))).toEqual(nothing);

    const claimB = await aClaim(OTHER_SHOP);
    await anEvidence(evidenceStore(), OTHER_SHOP, { kind: "issue_photo", fileName: "b.jpg", claimId: claimB });
    const [theirs] = await listClaimEvidenceForMerchant(prisma, OTHER_SHOP, claimB, new Date());
    // B's own file opens for B...
    expect((await fromAdmin(`/evidence/${theirs!.id}`, OTHER_SHOP)).status).toBe(200);
    expect((await fromElement(theirs!.url)).status).toBe(200);
    // ...and neither B's signature nor A's opens the other's file
    expect(await answer(await fromElement(theirs!.url.replace(theirs!.id, photo.id)))).toEqual(nothing);
    expect(await answer(await fromElement(photo.url.replace(photo.id, theirs!.id)))).toEqual(nothing);
    expect(await answer(await fromAdmin(`/evidence/${theirs!.id}`))).toEqual(nothing);
  });

  it.each([
    [
      "expired",
      (url: string, id: string) =>
        withQuery(url, (q) => {
          const past = signEvidenceGrant(
            { purpose: "merchant-evidence", evidenceId: id, shop: TEST_SHOP, variant: "original" },
            new Date(Date.now() - 2 * 60 * 60 * 1000),
          );
          q.set("expires", past.get("expires")!);
          q.set("signature", past.get("signature")!);
        }),
    ],
    [
      "with a later expiry than signed",
      (url: string) => withQuery(url, (q) => q.set("expires", String(Number(q.get("expires")) + 60))),
    ],
    [
      "with a tampered signature",
      (url: string) =>
        withQuery(url, (q) => {
          // the first character: the last one's low bits are padding, which decoding ignores
          const signature = q.get("signature")!;
          q.set("signature", `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`);
        }),
    ],
    ["for the photo, used for its thumbnail", (url: string) => withQuery(url, (q) => q.set("variant", "thumbnail"))],
    ["with an unknown variant", (url: string) => withQuery(url, (q) => q.set("variant", "../original"))],
    ["without its signature", (url: string) => withQuery(url, (q) => q.delete("signature"))],
    ["without any query", (url: string) => url.split("?")[0]!],
  ])("GIVEN the photo's URL %s WHEN loaded THEN the same 404 as a file that does not exist", async (_how, change) => {
    expect((await fromElement(photo.url)).status).toBe(200);
    expect(await answer(await fromElement(change(photo.url, photo.id)))).toEqual(NOT_FOUND);
  });

  it("GIVEN the thumbnail's URL WHEN used for the stored file (variant removed) THEN 404", async () => {
    expect(await answer(await fromElement(withQuery(photo.thumbnailUrl!, (q) => q.delete("variant"))))).toEqual(
      NOT_FOUND,
    );
    // AND a video has no thumbnail to give
    expect(await answer(await fromAdmin(`/evidence/${video.id}?variant=thumbnail`))).toEqual(NOT_FOUND);
  });

  it("GIVEN a shopper's customer-account token WHEN it asks for the file THEN it is refused and nothing is served", async () => {
    const response = await evidenceLoader({
      request: await shopperRequest(`/evidence/${photo.id}`, CUSTOMER),
      params: { evidenceId: photo.id },
      context: {},
    });
    expect(await answer(response)).toEqual({
      status: 401,
      body: { error: { code: "wrong_session_token", message: expect.any(String) } },
    });
  });

  it("GIVEN a shopper's unattached upload (a draft) WHEN shop A's merchant asks for it THEN 404: only claims' evidence", async () => {
    const draft = await anEvidence(evidenceStore(), TEST_SHOP, {
      kind: "issue_photo",
      fileName: "d.jpg",
      claimId: null,
    });
    expect(await answer(await fromAdmin(`/evidence/${draft.id}`))).toEqual(NOT_FOUND);
  });

  it("GIVEN evidence redacted (customers/redact marks it discarded before deleting it) WHEN asked for THEN 404 and no longer listed", async () => {
    await prisma.$transaction((tx) => discardEvidence(tx, { id: photo.id }, new Date()));
    expect(await answer(await fromAdmin(`/evidence/${photo.id}`))).toEqual(NOT_FOUND);
    expect(await answer(await fromElement(photo.url))).toEqual(NOT_FOUND);
    expect(await answer(await fromElement(photo.thumbnailUrl!))).toEqual(NOT_FOUND);
    expect((await listClaimEvidenceForMerchant(prisma, TEST_SHOP, claimA, new Date())).map((e) => e.id)).toEqual([
      video.id,
    ]);
  });

  it("GIVEN a video WHEN a <video> seeks (one Range) THEN 206 with exactly those bytes; past the end 416", async () => {
    const response = await fromElement(video.url, { Range: "bytes=100000-100009" });
    expect(response.status).toBe(206);
    expect(response.headers.get("Content-Range")).toBe(`bytes 100000-100009/${VIDEO.byteLength}`);
    expect(response.headers.get("Content-Length")).toBe("10");
    expect(response.headers.get("Content-Type")).toBe("video/mp4");
    expect((await bytesOf(response)).equals(VIDEO.subarray(100_000, 100_010))).toBe(true);
    // AND an open-ended range, with the token
    const rest = await fromAdmin(`/evidence/${video.id}`, TEST_SHOP, { Range: "bytes=299990-" });
    expect([rest.status, rest.headers.get("Content-Range")]).toEqual([206, `bytes 299990-299999/${VIDEO.byteLength}`]);
    expect((await bytesOf(rest)).equals(VIDEO.subarray(299_990))).toBe(true);

    const past = await fromElement(video.url, { Range: `bytes=${VIDEO.byteLength}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("Content-Range")).toBe(`bytes */${VIDEO.byteLength}`);
    expect(await past.text()).toBe("");
  });

  it("GIVEN any other method WHEN sent THEN 405", async () => {
    const response = evidenceAction({
      request: new Request(`${APP}/evidence/${photo.id}`, { method: "POST" }),
      params: { evidenceId: photo.id },
      context: {},
    });
    expect([response.status, response.headers.get("Allow")]).toEqual([405, "GET"]);
  });
});

describe.each([
  ["disk", diskTestStore],
  ["s3", s3TestStore],
] as const)("a merchant's Range request on the %s store", (_driver, start) => {
  let subject: TestEvidenceStore;
  beforeAll(async () => {
    subject = await start();
  });
  afterAll(async () => subject.close());
  beforeEach(() => subject.allowNetwork());

  it("GIVEN a video WHEN a range of it is opened THEN 206 with exactly those bytes", async () => {
    const claimId = await aClaim(TEST_SHOP);
    const row = await anEvidence(subject.store, TEST_SHOP, { kind: "issue_video", fileName: "v.mp4", claimId });
    const file = await openEvidenceFile(
      prisma,
      subject.store,
      { by: "admin", shop: TEST_SHOP },
      { evidenceId: row.id, variant: null, range: "bytes=12345-67889" },
      new Date(),
    );
    expect([file.status, file.headers["Content-Range"], file.headers["Content-Length"]]).toEqual([
      206,
      `bytes 12345-67889/${VIDEO.byteLength}`,
      "55545",
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream!) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).equals(VIDEO.subarray(12_345, 67_890))).toBe(true);
  });
});
