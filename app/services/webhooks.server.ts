import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { deleteShopData, exportCustomerData, recordComplianceRequest, redactCustomer } from "../db/privacy.server";
import { deleteShopSessions, setShopSessionScopes } from "../db/sessions.server";
import { processWebhookOnce, type Tx, type WebhookDeliveryRef } from "../db/webhook-deliveries.server";
import { purgeEvidenceFiles } from "./compliance.server";
import { evidenceStore, type EvidenceStore } from "./evidence/evidence-store.server";

// What the app does for each app-level and compliance webhook. Routes authenticate and validate
// the delivery (app/services/webhook-authentication.server.ts) and hand over the parsed payload;
// everything here is idempotent by webhook id.

// app/uninstalled carries the Shop resource. `myshopify_domain` names the shop; `domain` is its
// primary domain, possibly a custom one, so it is never compared with the shop header.
export const AppUninstalledPayloadSchema = z.object({
  id: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  myshopify_domain: z.string(),
});

export async function handleAppUninstalled(db: PrismaClient, delivery: WebhookDeliveryRef): Promise<boolean> {
  // Sessions are useless once the app is uninstalled; the shop's data stays until shop/redact
  // (48 hours later), so a quick reinstall loses nothing.
  return processWebhookOnce(db, delivery, async (tx) => {
    await deleteShopSessions(tx, delivery.shop);
  });
}

export const ScopesUpdatePayloadSchema = z.object({
  current: z.array(z.string()),
  previous: z.array(z.string()).optional(),
});
type ScopesUpdatePayload = z.infer<typeof ScopesUpdatePayloadSchema>;

export async function handleScopesUpdate(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  { current }: ScopesUpdatePayload,
): Promise<boolean> {
  return processWebhookOnce(db, delivery, async (tx) => {
    await setShopSessionScopes(tx, delivery.shop, current);
  });
}

// Compliance payloads: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
// Only the body is signed, the topic header is not: each payload refuses the fields that mark
// another compliance topic, so a signed body of one topic can never pass for another (a customer's
// data request replayed as shop/redact or customers/redact).
const id = z.union([z.number(), z.string()]).transform(String);
const absent = z.never({ error: "belongs to another compliance topic" }).optional();
export const CustomerDataRequestPayloadSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id }),
  orders_requested: z.array(id).default([]),
  data_request: z.object({ id }).optional(),
  orders_to_redact: absent,
});
export const CustomerRedactPayloadSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id }),
  orders_to_redact: z.array(id).default([]),
  orders_requested: absent,
  data_request: absent,
});
export const ShopRedactPayloadSchema = z.object({ shop_domain: z.string(), customer: absent });

type ComplianceTopic = "customers/data_request" | "customers/redact" | "shop/redact";
/** A compliance delivery's topic with its parsed payload. */
export type ComplianceDelivery =
  | { topic: "customers/data_request"; payload: z.infer<typeof CustomerDataRequestPayloadSchema> }
  | { topic: "customers/redact"; payload: z.infer<typeof CustomerRedactPayloadSchema> }
  | { topic: "shop/redact"; payload: z.infer<typeof ShopRedactPayloadSchema> };

/**
 * Records a compliance request and carries out its data work (app/db/privacy.server.ts)
 * in the same transaction, once per delivery.
 */
export async function handleComplianceRequest(
  db: PrismaClient,
  delivery: WebhookDeliveryRef,
  compliance: ComplianceDelivery,
  store: EvidenceStore = evidenceStore(),
): Promise<boolean> {
  const { topic } = compliance;
  const request = complianceRequestData(compliance);
  const processed = await processWebhookOnce(db, delivery, async (tx) => {
    const now = new Date();
    const result = await carryOutCompliance(tx, delivery, topic, request, now);
    await recordComplianceRequest(tx, {
      shop: delivery.shop,
      topic,
      webhookId: delivery.webhookId,
      // An erased customer's own erasure request does not name them either.
      customerId: topic === "customers/redact" ? null : request.customerId,
      orderIds: request.orderIds,
      completedAt: now,
      resultSummary: result.summary,
      resultJson: result.json,
    });
  });
  // Files only after the commit: a failed transaction must not lose files its rows still name.
  await purgeEvidenceFiles(db, store, delivery.shop, topic);
  return processed;
}

interface ComplianceRequestData {
  customerId: string | null;
  orderIds: string[];
}

function complianceRequestData({ topic, payload }: ComplianceDelivery): ComplianceRequestData {
  switch (topic) {
    case "customers/data_request":
      return { customerId: payload.customer.id, orderIds: payload.orders_requested };
    case "customers/redact":
      return { customerId: payload.customer.id, orderIds: payload.orders_to_redact };
    case "shop/redact":
      return { customerId: null, orderIds: [] };
  }
}

async function carryOutCompliance(
  tx: Tx,
  { shop, webhookId }: WebhookDeliveryRef,
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
        summary:
          `erased personal data from ${erased.claims} claims, ${erased.evidence} evidence files, ` +
          `${erased.actions} Shopify actions, ${erased.deliveryRecords} delivery records and ` +
          `${erased.privacyRequests} earlier privacy requests`,
        json: null,
      };
    }
    case "shop/redact": {
      const deleted = await deleteShopData(tx, shop, webhookId);
      const summary = Object.entries(deleted)
        .map(([what, count]) => `${count} ${what}`)
        .join(", ");
      return { summary: `deleted ${summary}`, json: null };
    }
  }
}
