import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { processWebhookOnce, type Tx, type WebhookDeliveryRef } from "../db/webhook-deliveries.server";

// What the app does for each app-level and compliance webhook. Routes authenticate (HMAC) and
// hand over; everything here is idempotent by webhook id.

export async function handleAppUninstalled(db: PrismaClient, delivery: WebhookDeliveryRef): Promise<boolean> {
  // Sessions are useless once the app is uninstalled; the shop's data stays until shop/redact
  // (48 hours later), so a quick reinstall loses nothing.
  return processWebhookOnce(db, delivery, async (tx) => {
    await tx.session.deleteMany({ where: { shop: delivery.shop } });
  });
}

export const ScopesUpdatePayloadSchema = z.object({
  current: z.array(z.string()),
  previous: z.array(z.string()).optional(),
});

export async function handleScopesUpdate(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  payload: unknown,
): Promise<boolean> {
  const { current } = ScopesUpdatePayloadSchema.parse(payload);
  return processWebhookOnce(db, delivery, async (tx) => {
    await tx.session.updateMany({ where: { shop: delivery.shop }, data: { scope: current.join(",") } });
  });
}

// Compliance payloads: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
const id = z.union([z.number(), z.string()]).transform(String);
export const CustomerDataRequestPayloadSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id }),
  orders_requested: z.array(id).default([]),
  data_request: z.object({ id }).optional(),
});
export const CustomerRedactPayloadSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id }),
  orders_to_redact: z.array(id).default([]),
});
export const ShopRedactPayloadSchema = z.object({ shop_domain: z.string() });

export type ComplianceTopic = "customers/data_request" | "customers/redact" | "shop/redact";

/**
 * Records a compliance request and carries out the data work for the data the app holds today.
 * The claims data model extends each case (a customer's claims and evidence, a shop's files).
 */
export async function handleComplianceRequest(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  topic: ComplianceTopic,
  payload: unknown,
): Promise<boolean> {
  const request = parseCompliancePayload(topic, payload);
  return processWebhookOnce(db, delivery, async (tx) => {
    const resultSummary = await carryOutCompliance(tx, delivery.shop, topic);
    await tx.complianceRequest.create({
      data: {
        shop: delivery.shop,
        topic,
        webhookId: delivery.webhookId,
        customerId: request.customerId,
        ordersJson: JSON.stringify(request.orderIds),
        completedAt: new Date(),
        resultSummary,
      },
    });
  });
}

function parseCompliancePayload(topic: ComplianceTopic, payload: unknown) {
  switch (topic) {
    case "customers/data_request": {
      const p = CustomerDataRequestPayloadSchema.parse(payload);
      return { customerId: p.customer.id, orderIds: p.orders_requested };
    }
    case "customers/redact": {
      const p = CustomerRedactPayloadSchema.parse(payload);
      return { customerId: p.customer.id, orderIds: p.orders_to_redact };
    }
    case "shop/redact":
      ShopRedactPayloadSchema.parse(payload);
      return { customerId: null, orderIds: [] as string[] };
  }
}

async function carryOutCompliance(tx: Tx, shop: string, topic: ComplianceTopic): Promise<string> {
  switch (topic) {
    case "customers/data_request":
      // The app stores no customer data yet (claims arrive with the claims data model).
      return "no customer data held";
    case "customers/redact":
      return "no customer data held";
    case "shop/redact": {
      const sessions = await tx.session.deleteMany({ where: { shop } });
      const deliveries = await tx.webhookDelivery.deleteMany({ where: { shop } });
      return `deleted ${sessions.count} sessions and ${deliveries.count} webhook records`;
    }
  }
}
