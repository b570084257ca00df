import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { evidenceStore } from "../services/evidence/evidence-store.server";
import { removeUpload } from "../services/evidence/uploads.server";
import { loggedInShopper } from "../services/customer-account.server";
import { methodNotAllowed } from "../utils/http.server";

// DELETE /api/uploads/:uploadId — the shopper removes their own upload before the claim holds it.
export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async ({ identity }) => {
    if (request.method !== "DELETE") throw methodNotAllowed("DELETE, OPTIONS");
    await removeUpload(prisma, evidenceStore(), loggedInShopper(identity), params.uploadId ?? "", new Date());
    return new Response(null, { status: 204 });
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async () => {
    throw methodNotAllowed("DELETE, OPTIONS");
  });
