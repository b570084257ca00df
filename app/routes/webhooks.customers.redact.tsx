import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateWebhook } from "../services/webhook-authentication.server";
import { handleComplianceRequest } from "../services/webhooks.server";

// customers/redact (mandatory compliance webhook).
// authenticateWebhook answers 413, 401 or 400 unless the delivery is genuine and for this topic.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request, "customers/redact");
  await handleComplianceRequest(prisma, { webhookId, shop, topic }, { topic: "customers/redact", payload });
  return new Response(null, { status: 200 });
};
