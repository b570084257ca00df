import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { shopperLanguageOf } from "../i18n/shopper-messages";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { readShopperClaim } from "../services/shopper-claims.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { methodNotAllowed } from "../utils/http.server";

// GET /api/claims/:claimId — the shopper's claim page: status, timeline, evidence, return
// instructions, outcome or denial.
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async ({ identity, admin }) => {
    const claim = await readShopperClaim(
      prisma,
      withShopifyRetries(admin.graphql),
      identity,
      params.claimId ?? "",
      new Date(),
      shopperLanguageOf(request),
    );
    return Response.json({ claim });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async () => {
    throw methodNotAllowed("GET, OPTIONS");
  });
