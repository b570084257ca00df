import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleAppUninstalled } from "../services/webhooks.server";
import { authenticate } from "../shopify.server";

// app/uninstalled. authenticate.webhook verifies the HMAC (a forged request gets 401).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await handleAppUninstalled(prisma, { webhookId, shop, topic });
  return new Response(null, { status: 200 });
};
