import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { previewClaimResolution } from "../services/resolution/preview.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection } from "../utils/client-action";

// What resolving the claim would do in Shopify (refund per transaction, replacement, payment
// request), for the Resolve modal to show before the merchant confirms. Plans only: nothing is
// stored and Shopify is only read. Another shop's claim is a 404.
// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return await previewClaimResolution(prisma, admin.graphql, session.shop, params.claimId ?? "", body, new Date());
  } catch (error) {
    return errorResponse(error);
  }
};
