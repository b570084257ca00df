import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { evidenceStore } from "../services/evidence/evidence-store.server";
import { removeUpload } from "../services/evidence/uploads.server";
import { loggedInShopper } from "../services/customer-account.server";

// DELETE /api/uploads/:uploadId — the shopper removes their own upload before the claim holds it.
export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async ({ identity }) => {
    if (request.method !== "DELETE") return methodNotAllowed();
    await removeUpload(prisma, evidenceStore(), loggedInShopper(identity), params.uploadId ?? "", new Date());
    return new Response(null, { status: 204 });
  });

function methodNotAllowed() {
  return Response.json(
    { error: { code: "method_not_allowed", message: "This address answers DELETE requests only." } },
    { status: 405, headers: { Allow: "DELETE, OPTIONS" } },
  );
}

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async () => methodNotAllowed());
