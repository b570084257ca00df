import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleFulfillmentWebhook } from "../services/delivery-webhooks.server";
import { authenticate } from "../shopify.server";

// fulfillments/update: keeps the fulfilled lines' delivery facts (HMAC-verified, once per delivery).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  await handleFulfillmentWebhook(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
