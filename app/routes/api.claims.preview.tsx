import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { shopperLanguageOf } from "../i18n/shopper-messages";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { ClaimDraftSchema, previewShopperClaim, readJsonBody } from "../services/shopper-claims.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { methodNotAllowed } from "../utils/http.server";

// POST /api/claims/preview — the live preview of the claim form: whether it can be accepted and,
// if not, why in the shopper's words; the server decides, never the client.
export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async ({ request: bounded, identity, admin }) => {
    if (bounded.method !== "POST") throw methodNotAllowed("POST, OPTIONS");
    const draft = await readJsonBody(bounded, ClaimDraftSchema);
    const preview = await previewShopperClaim(
      prisma,
      withShopifyRetries(admin.graphql),
      identity,
      draft,
      new Date(),
      shopperLanguageOf(request),
    );
    return Response.json({ preview });
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async () => {
    throw methodNotAllowed("POST, OPTIONS");
  });
