import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleOrderFulfilledWebhook } from "../services/delivery-webhooks.server";
import { authenticate } from "../shopify.server";

// orders/fulfilled: the order's delivery facts learn whose order it is (HMAC-verified, once).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  await handleOrderFulfilledWebhook(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
