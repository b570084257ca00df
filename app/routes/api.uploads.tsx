import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { EvidenceKindSchema } from "../domain/policy/policy-schema";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { customerAccountContext, OrderQuerySchema } from "../services/customer-account.server";
import { evidenceStore } from "../services/evidence/evidence-store.server";
import { receiveUpload, uploadLimits } from "../services/evidence/uploads.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { methodNotAllowed } from "../utils/http.server";
import { parseRequestInput } from "../utils/request-input.server";

const QuerySchema = OrderQuerySchema.extend({ kind: EvidenceKindSchema });

// POST /api/uploads?orderId=gid://shopify/Order/1&kind=issue_photo — one evidence file of the
// shopper's order, its bytes as the raw body (streamed, never read whole), X-File-Name optional.
export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "upload" }, async ({ request: bounded, identity, admin }) => {
    if (request.method !== "POST") throw methodNotAllowed("POST, OPTIONS");
    const query = parseRequestInput(QuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    const declared = bounded.headers.get("content-length");
    const upload = await receiveUpload(
      prisma,
      withShopifyRetries(admin.graphql),
      evidenceStore(),
      customerAccountContext(identity, query),
      {
        kind: query.kind,
        body: bounded.body,
        declaredLength: declared !== null && /^\d+$/.test(declared.trim()) ? Number(declared) : null,
        fileName: bounded.headers.get("x-file-name"),
      },
      uploadLimits(),
      new Date(),
    );
    return Response.json({ upload }, { status: 201 });
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async () => {
    throw methodNotAllowed("POST, OPTIONS");
  });
