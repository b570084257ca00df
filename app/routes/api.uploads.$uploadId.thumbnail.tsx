import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import prisma from "../db.server";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { evidenceStore } from "../services/evidence/evidence-store.server";
import { openUploadThumbnail } from "../services/evidence/uploads.server";
import { loggedInShopper } from "../services/customer-account.server";

// GET /api/uploads/:uploadId/thumbnail — the thumbnail of the shopper's own photo, re-encoded by
// us (WebP), never sniffed by the browser as anything else, and kept out of shared caches.
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async ({ identity }) => {
    const thumbnail = await openUploadThumbnail(
      prisma,
      evidenceStore(),
      loggedInShopper(identity),
      params.uploadId ?? "",
    );
    return new Response(Readable.toWeb(thumbnail) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "image/webp",
        "Content-Disposition": 'inline; filename="thumbnail.webp"',
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
      },
    });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async () =>
    Response.json(
      { error: { code: "method_not_allowed", message: "This address answers GET requests only." } },
      { status: 405, headers: { Allow: "GET, OPTIONS" } },
    ),
  );
