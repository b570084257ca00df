import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { shopperLanguageOf } from "../i18n/shopper-messages";
import { handleCustomerAccountRequest } from "../services/customer-account-auth.server";
import { OrderQuerySchema } from "../services/customer-account.server";
import {
  listShopperClaims,
  readJsonBody,
  submitShopperClaim,
  ClaimSubmissionSchema,
} from "../services/shopper-claims.server";
import { methodNotAllowed } from "../utils/http.server";
import { parseRequestInput } from "../utils/request-input.server";
import { withShopifyRetries } from "../shopify/retry.server";

// GET /api/claims?orderId= — the shopper's claims on their order, newest first.
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "none" }, async ({ identity, admin }) => {
    const { orderId } = parseRequestInput(OrderQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    const claims = await listShopperClaims(prisma, withShopifyRetries(admin.graphql), identity, orderId);
    return Response.json({ claims });
  });

// POST /api/claims — files the claim form: 201 with the new claim, or 200 with the claim an
// earlier request made with the same submissionKey.
export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomerAccountRequest(request, { body: "api" }, async ({ request: bounded, identity, admin }) => {
    if (bounded.method !== "POST") throw methodNotAllowed("GET, POST, OPTIONS");
    const draft = await readJsonBody(bounded, ClaimSubmissionSchema);
    const { claim, created } = await submitShopperClaim(
      prisma,
      withShopifyRetries(admin.graphql),
      identity,
      draft,
      new Date(),
      shopperLanguageOf(request),
    );
    return Response.json({ claim }, { status: created ? 201 : 200 });
  });
