import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateWebhook } from "../services/webhook-authentication.server";
import { handleAppUninstalled } from "../services/webhooks.server";

// app/uninstalled: the shop's sessions go; its data waits for shop/redact.
// authenticateWebhook answers 413, 401 or 400 unless the delivery is genuine and for this topic.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticateWebhook(request, "app/uninstalled");
  await handleAppUninstalled(prisma, { webhookId, shop, topic });
  return new Response(null, { status: 200 });
};
