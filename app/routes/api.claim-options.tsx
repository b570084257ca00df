import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { customerAccountContext } from "../services/customer-account.server";
import { claimOptions } from "../services/submit-claim.server";
import { authenticate, unauthenticated } from "../shopify.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { errorResponse } from "../utils/http.server";

const QuerySchema = z.object({ orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/) });

// GET /api/claim-options?orderId=gid://shopify/Order/1 — for the customer-account extension: which
// items of the shopper's order can be claimed, and until when.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  try {
    const context = customerAccountContext(
      sessionToken,
      QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
    );
    const { admin } = await unauthenticated.admin(context.shop);
    return cors(Response.json(await claimOptions(prisma, withShopifyRetries(admin.graphql), context, new Date())));
  } catch (error) {
    return cors(errorResponse(error));
  }
};

// CORS preflight (OPTIONS reaches the action): the library answers it.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.public.customerAccount(request);
  return cors(new Response(null, { status: 405 }));
};
