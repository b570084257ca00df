import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import prisma from "../db.server";
import { evidenceStore } from "../services/evidence/evidence-store.server";
import { openEvidenceFile, type EvidenceFileAccess } from "../services/evidence/merchant-evidence.server";
import { urlSignatureOf } from "../services/evidence/signed-urls.server";
import { authenticate } from "../shopify.server";
import { errorResponse, methodNotAllowed } from "../utils/http.server";
import { sessionTokenOf } from "../utils/session-tokens.server";

// GET /evidence/:evidenceId[?variant=thumbnail] — a claim's evidence file for the merchant, outside
// the /app layout: for the admin's session token (fetch), or on the signed URL that
// listClaimEvidenceForMerchant gives an <img> or <video> (which cannot send one). Anything else,
// another shop's evidence included, is the same 404 as evidence that does not exist.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  try {
    const query = new URL(request.url).searchParams;
    const access: EvidenceFileAccess =
      sessionTokenOf(request) === null
        ? { by: "signature", signature: urlSignatureOf(query) }
        : { by: "admin", shop: (await authenticate.admin(request)).session.shop };
    const file = await openEvidenceFile(
      prisma,
      evidenceStore(),
      access,
      { evidenceId: params.evidenceId ?? "", variant: query.get("variant"), range: request.headers.get("Range") },
      new Date(),
    );
    const body = file.stream === null ? null : (Readable.toWeb(file.stream) as ReadableStream<Uint8Array>);
    return new Response(body, { status: file.status, headers: file.headers });
  } catch (error) {
    return errorResponse(error);
  }
};

export const action = (_args: ActionFunctionArgs) => methodNotAllowed("GET");
