import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import prisma from "../db.server";
import { handleCustomerAccountRequest, handleSignedUrlRequest } from "../services/customer-account-auth.server";
import { loggedInShopper } from "../services/customer-account.server";
import { evidenceStore } from "../services/evidence/evidence-store.server";
import {
  openSignedUploadThumbnail,
  openUploadThumbnail,
  type OpenedThumbnail,
} from "../services/evidence/uploads.server";
import { methodNotAllowed } from "../utils/http.server";

// GET /api/uploads/:uploadId/thumbnail — the thumbnail of the shopper's own photo, for their
// session token or, from an <s-image> (which cannot send one), on the signed URL that the upload's
// thumbnailUrl gives (?expires=&signature=). Re-encoded by us (WebP), never sniffed as anything
// else, kept out of shared caches and in the browser's no longer than the signature lives.
export const loader = ({ request, params }: LoaderFunctionArgs) => {
  const uploadId = params.uploadId ?? "";
  const query = new URL(request.url).searchParams;
  if (!request.headers.has("Authorization") && query.has("signature")) {
    return handleSignedUrlRequest(request, async () =>
      thumbnailResponse(
        await openSignedUploadThumbnail(
          prisma,
          evidenceStore(),
          uploadId,
          { expires: query.get("expires"), signature: query.get("signature") },
          new Date(),
        ),
      ),
    );
  }
  return handleCustomerAccountRequest(request, { body: "none" }, async ({ identity }) =>
    thumbnailResponse(await openUploadThumbnail(prisma, evidenceStore(), loggedInShopper(identity), uploadId)),
  );
};

function thumbnailResponse({ stream, maxAgeSeconds }: OpenedThumbnail): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "image/webp",
      "Content-Disposition": 'inline; filename="thumbnail.webp"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": `private, max-age=${maxAgeSeconds}`,
    },
  });
}

export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async () => {
    throw methodNotAllowed("GET, OPTIONS");
  });
