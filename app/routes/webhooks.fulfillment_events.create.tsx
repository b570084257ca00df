import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleFulfillmentEventWebhook } from "../services/delivery-webhooks.server";
import { authenticate } from "../shopify.server";

// fulfillment_events/create: tracking events; "delivered" dates the delivery (HMAC-verified, once).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  await handleFulfillmentEventWebhook(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
