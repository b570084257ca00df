import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateWebhook } from "../services/webhook-authentication.server";
import { handleFulfillmentEventWebhook } from "../services/delivery-webhooks.server";

// fulfillment_events/create: tracking events; "delivered" dates the delivery, once per delivery.
// authenticateWebhook answers 413, 401 or 400 unless the delivery is genuine and for this topic.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request, "fulfillment_events/create");
  await handleFulfillmentEventWebhook(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
