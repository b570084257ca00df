import { describe, expect, it } from "vitest";
import { BODY_LIMITS, limitedBody, withinBodyLimit } from "./request-limits.server";

const MiB = 1024 * 1024;

/** A chunked body (no Content-Length) that yields `chunks` chunks of 1 MiB, counting what was pulled. */
function chunkedRequest(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(MiB));
    },
  });
  const request = new Request("https://app.test/webhooks/orders/fulfilled", {
    method: "POST",
    body,
    duplex: "half", // Node's fetch needs it for a streamed body
  } as RequestInit);
  return { request, pulled: () => pulled };
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describe("request body limits", () => {
  it("GIVEN a declared Content-Length over the limit THEN answers 413 without reading the body", async () => {
    const { request, pulled } = chunkedRequest(10);
    request.headers.set("content-length", String(BODY_LIMITS.webhook + 1));
    const response = await thrown(withinBodyLimit(request, "webhook"));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: "The request body is larger than 5 MB, the most this address accepts. Send less data in one request.",
      },
    });
    // A stream fills its one-chunk queue when made; nothing is read past that.
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("GIVEN a chunked body over the limit THEN stops reading just past the limit and answers 413", async () => {
    const { request, pulled } = chunkedRequest(300);
    const response = await thrown(withinBodyLimit(request, "webhook"));
    expect(response.status).toBe(413);
    // 5 MiB allowed: the sixth chunk trips it; a pipe may have pulled one or two chunks ahead.
    expect(pulled()).toBeLessThanOrEqual(8);
  });

  it("GIVEN a body within the limit THEN the copy carries every byte", async () => {
    const { request } = chunkedRequest(3);
    const copy = await withinBodyLimit(request, "webhook");
    expect((await copy.arrayBuffer()).byteLength).toBe(3 * MiB);
  });

  it("GIVEN a streamed upload THEN passes chunks through until the limit", async () => {
    const { request } = chunkedRequest(2);
    const stream = limitedBody(request, "api");
    const reader = stream!.getReader();
    expect((await reader.read()).value?.byteLength).toBe(MiB);
    const error = await reader.read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(413);
  });
});
