import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// HEIC/HEIF photos (what iPhones take) are HEVC inside an ISO box container. sharp's prebuilt
// libvips reads the container but has no HEVC decoder, so they are decoded here with heic-decode
// (libheif compiled to WebAssembly, shipped inside the npm package: no install script, nothing
// fetched at run time) to raw RGBA pixels, which photos.server.ts re-encodes like any other photo.
//
// Each decode runs in a worker thread of its own that ends with it: the WebAssembly memory of a
// decode (several bytes a pixel) only grows and is never handed back while its module lives, and a
// 12 MP photo takes about a second of CPU that would otherwise stop the event loop. Decodes run one
// at a time, so the memory a HEIC costs is bounded by one photo of at most `maxPixels`.
//
// libheif applies the container's transformations (irot rotation, imir mirror, clap crop) while
// decoding, and the width and height it reports are the transformed ones: the pixels come back
// upright. EXIF inside a HEIC is not applied (the container's properties are authoritative) and
// is never copied: only pixels leave the worker.

/** Longest a decode may take before the photo is refused as unreadable. */
const DECODE_TIMEOUT_MS = 30_000;

interface HeifPixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  data: Buffer;
}

type HeifOutcome =
  { ok: true; pixels: HeifPixels } | { ok: false; reason: "unreadable" | "too_many_pixels"; detail: string };

// Run as CommonJS in the worker. The first top-level image is the photo (heic-decode's own choice
// too); its size is read from the container and checked before a pixel is decoded.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const decode = require(workerData.modulePath);
(async () => {
  let images;
  try {
    images = await decode.all({ buffer: new Uint8Array(workerData.input) });
    const first = images[0];
    if (!first) throw new Error("no image in the file");
    if (!(first.width > 0 && first.height > 0)) throw new Error("no size in the file");
    if (first.width * first.height > workerData.maxPixels) {
      parentPort.postMessage({ ok: false, reason: "too_many_pixels", detail: first.width + "x" + first.height });
      return;
    }
    const { width, height, data } = await first.decode();
    if (data.byteLength !== width * height * 4) throw new Error("decoded " + data.byteLength + " bytes for " + width + "x" + height);
    parentPort.postMessage({ ok: true, width, height, data }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: "unreadable", detail: String(error && error.message || error) });
  } finally {
    if (images) images.dispose();
  }
})();
`;

const heicDecodePath = createRequire(import.meta.url).resolve("heic-decode");

/** The decoder itself failed (it could not start, ran out of memory): ours, not the shopper's. */
export class HeifDecoderError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "HeifDecoderError";
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** The upright RGBA pixels of a HEIC/HEIF photo, or why it is refused. One decode at a time. */
export function decodeHeif(input: Buffer, maxPixels: number): Promise<HeifOutcome> {
  const turn = queue.then(() => decodeInWorker(input, maxPixels));
  queue = turn.catch(() => undefined);
  return turn;
}

function decodeInWorker(input: Buffer, maxPixels: number): Promise<HeifOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath: heicDecodePath, input: new Uint8Array(input), maxPixels },
      // libheif-js prints its parse errors to the console; the reason comes back in the message.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (outcome: HeifOutcome | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: "unreadable", detail: `not decoded within ${DECODE_TIMEOUT_MS} ms` }),
      DECODE_TIMEOUT_MS,
    );
    worker.on(
      "message",
      (message: { ok: true; width: number; height: number; data: Uint8ClampedArray } | HeifOutcome) => {
        if (message.ok && "width" in message) {
          const { width, height, data } = message;
          finish({
            ok: true,
            pixels: { width, height, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
          });
        } else {
          finish(message as HeifOutcome);
        }
      },
    );
    // The worker itself failing (out of memory, the module missing) is ours, not the shopper's.
    worker.on("error", (error) => finish(new HeifDecoderError("The HEIF decoder failed", { cause: error })));
    worker.on("exit", (code) =>
      finish(new HeifDecoderError(`The HEIF decoder stopped (exit ${code}) without an answer`)),
    );
  });
}
