import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { parseNumbersParams } from "../services/claim-numbers.server";
import { exportClaimsCsv } from "../services/claims-export.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";

// The claims of a period as a CSV download, streamed page by page. The dashboard fetches it with
// the session token (Authorization: Bearer) and saves the file: a plain link from the embedded
// admin would carry no token.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const params = parseNumbersParams(new URL(request.url));
    const csv = await exportClaimsCsv(prisma, admin.graphql, session.shop, params, new Date());
    return new Response(csv.body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    throw errorResponse(error);
  }
};
