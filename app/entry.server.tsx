import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import {
  createReadableStreamFromReadable,
  type ActionFunctionArgs,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentResponseHeaders } from "./shopify.server";
import "./email-worker.server"; // starts this process's email worker once (issue 12)
import "./claim-search-backfill.server"; // indexes claims filed before the inbox search index (ADR 032)
import { logger } from "./utils/logger.server";
import { REQUEST_ID_HEADER } from "./utils/request-log.server";

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        logger.error("Rendering the page failed", { requestId: request.headers.get(REQUEST_ID_HEADER), error });
      },
    });
    // Abort the render once the stream timeout has passed, so a stuck loader cannot hold the socket.
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Remix calls this for an error thrown by a loader, an action or the render; the default writes it
 * to the console as text. A URL no route answers (404) is already in the request's log line.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  logger.error("A loader, action or render failed", {
    requestId: request.headers.get(REQUEST_ID_HEADER),
    path: new URL(request.url).pathname,
    error,
  });
}
