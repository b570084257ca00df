import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PhotoRefusedError, reencodePhoto } from "./photos.server";

// HEIC photos through reencodePhoto: decoded by heic-decode in a worker, re-encoded by sharp.
// Fixtures: test/fixtures/evidence/README.md.

const FIXTURES = join(process.cwd(), "test/fixtures/evidence");
const heic = readFileSync(join(FIXTURES, "damaged-box.heic"));
const rotatedHeic = readFileSync(join(FIXTURES, "damaged-box-rotated.heic"));
const jpeg = readFileSync(join(FIXTURES, "damaged-box.jpg"));
const PIXELS = 640 * 480;

/** The same container with its HEVC picture data zeroed: the header reads, the pixels do not. */
function withPictureDataZeroed(file: Buffer): Buffer {
  const copy = Buffer.from(file);
  // the HEVC picture is the first thing in mdat (the EXIF item follows it, far further on)
  const pictureData = copy.indexOf("mdat", 0, "latin1") + 4;
  copy.fill(0, pictureData, pictureData + 2000);
  return copy;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error("not refused"),
    (e: unknown) => e,
  );
  return error instanceof PhotoRefusedError ? error.reason : String(error);
}

/** Mean absolute difference per channel value of two same-sized pictures, 0..255. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((img) => sharp(img).removeAlpha().raw().toBuffer()));
  expect(x!.length).toBe(y!.length);
  let sum = 0;
  for (let i = 0; i < x!.length; i++) sum += Math.abs(x![i]! - y![i]!);
  return sum / x!.length;
}

describe("reencodePhoto with HEIC", () => {
  it("GIVEN a HEIC with exactly the most pixels allowed WHEN re-encoded THEN it is accepted", async () => {
    const { photo } = await reencodePhoto(heic, "image/heic", PIXELS);
    expect(await sharp(photo).metadata()).toMatchObject({ format: "jpeg", width: 640, height: 480 });
  });

  it("GIVEN a HEIC one pixel over the limit WHEN re-encoded THEN it is refused as too many pixels", async () => {
    expect(await refusal(reencodePhoto(heic, "image/heic", PIXELS - 1))).toBe("too_many_pixels");
  });

  it("GIVEN a HEIC whose picture data cannot be decoded WHEN re-encoded THEN the size is refused before any decoding, and the pixels after", async () => {
    const broken = withPictureDataZeroed(heic);
    // THEN over the limit it is refused for its size: the header alone was read
    expect(await refusal(reencodePhoto(broken, "image/heic", PIXELS - 1))).toBe("too_many_pixels");
    // AND within the limit, decoding fails and it is refused as unreadable
    expect(await refusal(reencodePhoto(broken, "image/heic", PIXELS))).toBe("unreadable");
  });

  it("GIVEN a HEIC whose container rotates it (irot, 90° anticlockwise) WHEN re-encoded THEN the stored copy is the picture turned upright", async () => {
    const { photo } = await reencodePhoto(rotatedHeic, "image/heic", PIXELS);
    expect(await sharp(photo).metadata()).toMatchObject({ format: "jpeg", width: 480, height: 640 });
    // AND it is the JPEG the HEIC was made from turned 90° anticlockwise (sharp turns clockwise)
    // (the right way differs by JPEG and HEVC noise, about 0.3 of 255; a wrong turn or a mirror by 9 or more)
    expect(await difference(photo, await sharp(jpeg).rotate(270).toBuffer())).toBeLessThan(2);
    expect(await difference(photo, await sharp(jpeg).rotate(90).toBuffer())).toBeGreaterThan(5);
    expect(await difference(photo, await sharp(jpeg).rotate(270).flop().toBuffer())).toBeGreaterThan(5);
  });
});
