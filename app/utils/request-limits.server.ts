// Request body limits per route family, enforced before the body is read: a declared
// Content-Length over the limit is refused at once, and a body without one (chunked) is counted
// as it streams and cut off at the limit. Either way the answer is 413 with a JSON error, and the
// server never holds more than the limit in memory.

const MiB = 1024 * 1024;

export const BODY_LIMITS = {
  /** Shopify's webhook payloads: an order with hundreds of lines stays well under this. */
  webhook: 5 * MiB,
  /** JSON from the customer-account extension and the embedded admin. */
  api: 1 * MiB,
  /** One evidence file (photo or video), streamed to the evidence store. */
  upload: 250 * MiB,
} as const;

type BodyFamily = keyof typeof BODY_LIMITS;

function describeBytes(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The 413 answer for a body over `limit` bytes. */
function payloadTooLarge(limit: number): Response {
  return Response.json(
    {
      error: {
        code: "payload_too_large",
        message: `The request body is larger than ${describeBytes(limit)}, the most this address accepts. Send less data in one request.`,
      },
    },
    { status: 413, headers: { Connection: "close" } },
  );
}

/** Throws the 413 Response when the request declares a body over the family's limit. */
function assertDeclaredLength(request: Request, family: BodyFamily): void {
  const limit = BODY_LIMITS[family];
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    throw payloadTooLarge(limit);
  }
}

/**
 * The request's body as a stream that fails with the 413 Response (thrown by the reader) as soon
 * as more than the family's limit has arrived. For bodies that are streamed on (uploads).
 */
export function limitedBody(request: Request, family: BodyFamily): ReadableStream<Uint8Array> | null {
  assertDeclaredLength(request, family);
  const limit = BODY_LIMITS[family];
  if (!request.body) return null;
  let received = 0;
  return request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) {
          controller.error(payloadTooLarge(limit));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * A copy of the request with its body read into memory, within the family's limit; throws the 413
 * Response otherwise. For handlers that need the whole body (HMAC checks, JSON).
 */
export async function withinBodyLimit(request: Request, family: BodyFamily): Promise<Request> {
  const body = limitedBody(request, family);
  if (!body) return request;
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: Buffer.concat(chunks),
    signal: request.signal,
  });
}
