import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { shopperLanguageOf } from "../i18n/shopper-messages";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { ClaimReplySchema, readJsonBody, replyToClaim } from "../services/shopper-claims.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { methodNotAllowed } from "../utils/http.server";

// POST /api/claims/:claimId/replies — the shopper answers the merchant's question, with more
// uploads; only while the merchant asked for information.
export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async ({ request: bounded, identity, admin }) => {
    if (bounded.method !== "POST") throw methodNotAllowed("POST, OPTIONS");
    const reply = await readJsonBody(bounded, ClaimReplySchema);
    const claim = await replyToClaim(
      prisma,
      withShopifyRetries(admin.graphql),
      identity,
      params.claimId ?? "",
      reply,
      new Date(),
      shopperLanguageOf(request),
    );
    return Response.json({ claim });
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async () => {
    throw methodNotAllowed("POST, OPTIONS");
  });
