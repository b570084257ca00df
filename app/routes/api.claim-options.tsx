import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { customerAccountContext, OrderQuerySchema } from "../services/customer-account.server";
import { claimOptions } from "../services/submit-claim.server";
import { withShopifyRetries } from "../shopify/retry.server";
import { methodNotAllowed } from "../utils/http.server";
import { parseRequestInput } from "../utils/request-input.server";

// GET /api/claim-options?orderId=gid://shopify/Order/1 — for the customer-account extension: which
// items of the shopper's order can be claimed, and until when.
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async ({ identity, admin }) => {
    const context = customerAccountContext(
      identity,
      parseRequestInput(OrderQuerySchema, Object.fromEntries(new URL(request.url).searchParams)),
    );
    return Response.json(await claimOptions(prisma, withShopifyRetries(admin.graphql), context, new Date()));
  });

// The CORS preflight (OPTIONS reaches the action) is answered by the authentication; any other
// method is refused, after its body was bounded like every /api/* body.
export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async () => {
    throw methodNotAllowed("GET, OPTIONS");
  });
