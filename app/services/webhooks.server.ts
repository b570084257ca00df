import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { processWebhookOnce, type Tx, type WebhookDeliveryRef } from "../db/webhook-deliveries.server";
import { deleteShopData, exportCustomerData, redactCustomer } from "./compliance.server";

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
 * Records a compliance request and carries out its data work (app/services/compliance.server.ts)
 * in the same transaction, once per delivery.
 */
export async function handleComplianceRequest(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  topic: ComplianceTopic,
  payload: unknown,
): Promise<boolean> {
  const request = parseCompliancePayload(topic, payload);
  return processWebhookOnce(db, delivery, async (tx) => {
    const now = new Date();
    const result = await carryOutCompliance(tx, delivery.shop, topic, request, now);
    await tx.complianceRequest.create({
      data: {
        shop: delivery.shop,
        topic,
        webhookId: delivery.webhookId,
        customerId: request.customerId,
        ordersJson: JSON.stringify(request.orderIds),
        completedAt: now,
        resultSummary: result.summary,
        resultJson: result.json,
      },
    });
  });
}

interface ComplianceRequestData {
  customerId: string | null;
  orderIds: string[];
}

function parseCompliancePayload(topic: ComplianceTopic, payload: unknown): ComplianceRequestData {
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
      return { customerId: null, orderIds: [] };
  }
}

async function carryOutCompliance(
  tx: Tx,
  shop: string,
  topic: ComplianceTopic,
  request: ComplianceRequestData,
  now: Date,
): Promise<{ summary: string; json: string | null }> {
  switch (topic) {
    case "customers/data_request": {
      const data = await exportCustomerData(tx, shop, request.customerId ?? "", request.orderIds);
      return { summary: `${data.claims.length} claims`, json: JSON.stringify(data) };
    }
    case "customers/redact": {
      const erased = await redactCustomer(tx, shop, request.customerId ?? "", request.orderIds, now);
      return {
        summary: `erased personal data from ${erased.claims} claims and ${erased.evidence} evidence files`,
        json: null,
      };
    }
    case "shop/redact": {
      const deleted = await deleteShopData(tx, shop);
      const summary = Object.entries(deleted)
        .map(([what, count]) => `${count} ${what}`)
        .join(", ");
      return { summary: `deleted ${summary}`, json: null };
    }
  }
}
