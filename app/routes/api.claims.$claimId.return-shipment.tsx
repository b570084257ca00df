import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { shopperLanguageOf } from "../i18n/shopper-messages";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { readJsonBody, ReturnShipmentSchema, sendReturnShipment } from "../services/shopper-claims.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { methodNotAllowed } from "../utils/http.server";

// POST /api/claims/:claimId/return-shipment — the return's carrier and tracking number; only
// while the merchant awaits the return.
export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async ({ request: bounded, identity, admin }) => {
    if (bounded.method !== "POST") throw methodNotAllowed("POST, OPTIONS");
    const shipment = await readJsonBody(bounded, ReturnShipmentSchema);
    const claim = await sendReturnShipment(
      prisma,
      withShopifyRetries(admin.graphql),
      identity,
      params.claimId ?? "",
      shipment,
      new Date(),
      shopperLanguageOf(request),
    );
    return Response.json({ claim });
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async () => {
    throw methodNotAllowed("POST, OPTIONS");
  });
