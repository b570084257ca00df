import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateWebhook } from "../services/webhook-authentication.server";
import { handleFulfillmentWebhook } from "../services/delivery-webhooks.server";

// fulfillments/create: keeps the fulfilled lines' delivery facts, once per delivery.
// authenticateWebhook answers 413, 401 or 400 unless the delivery is genuine and for this topic.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request, "fulfillments/create");
  await handleFulfillmentWebhook(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
