import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleComplianceRequest } from "../services/webhooks.server";
import { authenticate } from "../shopify.server";

// customers/data_request (mandatory compliance webhook). authenticate.webhook verifies the HMAC.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  await handleComplianceRequest(prisma, { webhookId, shop, topic }, "customers/data_request", payload);
  return new Response(null, { status: 200 });
};
