import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateWebhook } from "../services/webhook-authentication.server";
import { handleScopesUpdate } from "../services/webhooks.server";

// app/scopes_update: keeps the stored sessions' scopes in step with what the merchant granted.
// authenticateWebhook answers 413, 401 or 400 unless the delivery is genuine and for this topic.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request, "app/scopes_update");
  await handleScopesUpdate(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
