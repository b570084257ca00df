import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateWebhook } from "../services/webhook-authentication.server";
import { handleComplianceRequest } from "../services/webhooks.server";

// customers/data_request (mandatory compliance webhook).
// authenticateWebhook answers 413, 401 or 400 unless the delivery is genuine and for this topic.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request, "customers/data_request");
  await handleComplianceRequest(prisma, { webhookId, shop, topic }, { topic: "customers/data_request", payload });
  return new Response(null, { status: 200 });
};
