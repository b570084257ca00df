import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { handleScopesUpdate } from "../services/webhooks.server";
import { authenticate } from "../shopify.server";

// app/scopes_update: keeps the stored sessions' scopes in step with what the merchant granted.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  await handleScopesUpdate(prisma, { webhookId, shop, topic }, payload);
  return new Response(null, { status: 200 });
};
