import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newEvidenceKeys, shopEvidencePrefix } from "../../app/services/evidence/evidence-keys.server";
import type { EvidenceStore } from "../../app/services/evidence/evidence-store.server";
import type { ByteRange } from "../../app/utils/byte-ranges.server";
import { diskTestStore, s3TestStore, type TestEvidenceStore } from "../support/evidence-stores";

// The evidence store's contract, the same on the local disk and on S3-compatible storage (s3rver).

const SHOP = "test-shop.myshopify.com";
const OTHER_SHOP = "other-shop.myshopify.com";

async function read(store: EvidenceStore, key: string, range?: ByteRange): Promise<Buffer | null> {
  const stream = await store.get(key, range);
  if (stream === null) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** `size` bytes in 64 KB chunks, made as they are read (the whole never exists at once). */
function generated(size: number, failAfter?: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (failAfter !== undefined && sent >= failAfter) {
        this.destroy(new Error("the shopper's connection broke"));
        return;
      }
      if (sent >= size) {
        this.push(null);
        return;
      }
      const chunk = Buffer.alloc(Math.min(65_536, size - sent), sent % 251);
      sent += chunk.byteLength;
      this.push(chunk);
    },
  });
}

describe.each([
  ["disk", diskTestStore],
  ["s3", s3TestStore],
] as const)("the evidence store on %s", (_driver, start) => {
  let subject: TestEvidenceStore;
  let store: EvidenceStore;
  beforeAll(async () => {
    subject = await start();
    store = subject.store;
  });
  afterAll(async () => subject.close());
  beforeEach(() => subject.allowNetwork());

  it("GIVEN a stream put under a key WHEN it is read back THEN the bytes are the same", async () => {
    const key = newEvidenceKeys(SHOP, "round-trip").file;
    await store.put(key, Readable.from([Buffer.from("first "), Buffer.from("photo")]), "image/jpeg");
    expect((await read(store, key))?.toString()).toBe("first photo");
    // AND a second put replaces it
    await store.put(key, Readable.from([Buffer.from("second")]), "image/jpeg");
    expect((await read(store, key))?.toString()).toBe("second");
  });

  it("GIVEN a stream larger than one multipart part (6 MB) WHEN it is put THEN it is stored whole", async () => {
    const key = newEvidenceKeys(SHOP, "large").file;
    await store.put(key, generated(6 * 1024 * 1024 + 123), "video/mp4");
    const stored = await read(store, key);
    expect(stored?.byteLength).toBe(6 * 1024 * 1024 + 123);
    expect(stored?.[65_536]).toBe(65_536 % 251);
  });

  it.each([
    ["at once", 0],
    ["after 6 MB", 6 * 1024 * 1024],
  ])(
    "GIVEN a stream that fails %s WHEN it is put THEN the put fails with its error and nothing is stored",
    async (_when, failAfter) => {
      const key = newEvidenceKeys(SHOP, `broken-${failAfter}`).file;
      await expect(store.put(key, generated(10 * 1024 * 1024, failAfter), "video/mp4")).rejects.toThrow(
        "the shopper's connection broke",
      );
      expect(await read(store, key)).toBeNull();
    },
  );

  it("GIVEN a stored video WHEN byte ranges of it are read THEN exactly those bytes come back, the end included", async () => {
    const key = newEvidenceKeys(SHOP, "ranged").file;
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256));
    await store.put(key, Readable.from([bytes]), "video/mp4");
    // (one byte at 5: s3rver reads an end of 0 as "to the end", which S3 itself does not)
    expect((await read(store, key, { start: 5, end: 5 }))?.toString("hex")).toBe("23");
    expect((await read(store, key, { start: 10, end: 19 }))?.equals(bytes.subarray(10, 20))).toBe(true);
    expect((await read(store, key, { start: 70_000, end: 199_999 }))?.equals(bytes.subarray(70_000))).toBe(true);
    // AND a range of a missing file is null like the whole of it
    expect(await store.get(newEvidenceKeys(SHOP, "never-stored").file, { start: 0, end: 9 })).toBeNull();
  });

  it("GIVEN no file under a key WHEN it is read THEN the answer is null", async () => {
    expect(await store.get(newEvidenceKeys(SHOP, "never-stored").file)).toBeNull();
  });

  it("GIVEN stored files WHEN some keys are deleted (one never stored) THEN only those are gone", async () => {
    const [a, b, c] = ["a", "b", "c"].map((id) => newEvidenceKeys(SHOP, `delete-${id}`).file) as [
      string,
      string,
      string,
    ];
    for (const key of [a, b, c]) await store.put(key, Readable.from([Buffer.from(key)]), "image/jpeg");
    await store.delete([a, c, newEvidenceKeys(SHOP, "delete-missing").file]);
    expect([await read(store, a), (await read(store, b))?.toString(), await read(store, c)]).toEqual([null, b, null]);
    await store.delete([]);
  });

  it("GIVEN two shops' files WHEN one shop's prefix is deleted THEN the other shop's files stay", async () => {
    const mine = [newEvidenceKeys(SHOP, "p1").file, newEvidenceKeys(SHOP, "p1").thumbnail];
    const theirs = newEvidenceKeys(OTHER_SHOP, "p1").file;
    for (const key of [...mine, theirs]) await store.put(key, Readable.from([Buffer.from("x")]), "image/jpeg");
    await store.deletePrefix(shopEvidencePrefix(SHOP));
    expect(await Promise.all(mine.map((key) => read(store, key)))).toEqual([null, null]);
    expect((await read(store, theirs))?.toString()).toBe("x");
    // AND deleting an empty prefix again is no error
    await store.deletePrefix(shopEvidencePrefix(SHOP));
  });

  it.each([
    "../../etc/passwd",
    "test-shop.myshopify.com/../../etc/passwd",
    "/etc/passwd",
    "test-shop.myshopify.com/..",
    "test-shop.myshopify.com//x",
    "test-shop.myshopify.com\\..\\x",
    "Test-Shop/x",
    "",
  ])("GIVEN the key %j, not one of ours WHEN it is used THEN every operation refuses it", async (key) => {
    await expect(store.put(key, Readable.from([Buffer.from("x")]), "image/jpeg")).rejects.toThrow(
      "Not a valid evidence key",
    );
    await expect(store.get(key)).rejects.toThrow("Not a valid evidence key");
    await expect(store.delete([key])).rejects.toThrow("Not a valid evidence key");
    await expect(store.deletePrefix(`${key}/`)).rejects.toThrow("Not a valid evidence key prefix");
  });
});

describe("the evidence store on disk", () => {
  it("GIVEN a put WHEN it completes THEN the file is inside the folder, at our key, with no partial file left", async () => {
    const subject = diskTestStore();
    const root = (subject.store as unknown as { root: string }).root;
    const { file } = newEvidenceKeys(SHOP, "inside");
    await subject.store.put(file, Readable.from([Buffer.from("x")]), "image/jpeg");
    expect(readdirSync(join(root, SHOP))).toEqual(["inside"]);
    // AND a failed put leaves no partial file behind either
    await expect(
      subject.store.put(newEvidenceKeys(SHOP, "half").file, generated(1000, 0), "video/mp4"),
    ).rejects.toThrow();
    expect(readdirSync(join(root, SHOP))).toEqual(["inside"]);
    expect(existsSync(join(root, "..", "etc"))).toBe(false);
    await subject.close();
  });
});
