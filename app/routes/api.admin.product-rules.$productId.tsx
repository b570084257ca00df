import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { loadProductRules } from "../services/product-overrides.server";
import { authenticate } from "../shopify.server";
import { errorResponse, methodNotAllowed } from "../utils/http.server";

// GET /api/admin/product-rules/:productId (the product's number) — for the admin block on
// Shopify's product page (extensions/product-rules): the rules the product's claims follow, shop
// policy and override merged, and where its override is edited in the app. The block's fetch
// carries the admin's session token; authenticate.admin checks it and answers the CORS preflight.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  try {
    return cors(Response.json(await loadProductRules(prisma, session.shop, params.productId ?? "")));
  } catch (error) {
    return cors(errorResponse(error));
  }
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  return cors(methodNotAllowed("GET, OPTIONS"));
};
