import { createHmac } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { BENCH_APP } from "./bench-app";
import type { BenchServer } from "./bench-server";

// The webhook burst: for each of many fulfillments, its creation, three updates (each from another
// location), four tracking events (two delivery scans) and orders/fulfilled, plus two deliveries
// Shopify repeats with the same webhook id; all shuffled together (out of order), signed as Shopify
// signs them, sent WEBHOOK_CONCURRENCY at a time. Then the records must be as if they had come in
// order and once: the newest update's location, the first delivery scan, the newest estimate.

/** How many deliveries are in flight at once (Shopify sends a shop's webhooks concurrently). */
export const WEBHOOK_CONCURRENCY = 10;
const DELIVERIES_PER_FULFILLMENT = 10;

const at = (minutes: number) => new Date(Date.parse("2026-11-20T08:00:00Z") + minutes * 60_000).toISOString();

interface Delivery {
  path: string;
  topic: string;
  webhookId: string;
  body: string;
}

function deliveriesOf(k: number): Delivery[] {
  const orderId = 900_000_000 + k;
  const fulfillmentId = 800_000_000 + k;
  const fulfillment = (minutes: number) => ({
    id: fulfillmentId,
    order_id: orderId,
    status: "success",
    created_at: at(0),
    updated_at: at(minutes),
    shipment_status: "in_transit",
    location_id: 24_826_000 + minutes,
    line_items: [{ id: 700_000_000 + k, product_id: 632_910_392, variant_id: 39_072_856, quantity: 1 }],
  });
  const event = (minutes: number, status: string, estimatedMinutes: number | null) => ({
    id: 600_000_000 + k * 100 + minutes,
    fulfillment_id: fulfillmentId,
    order_id: orderId,
    status,
    happened_at: at(minutes),
    estimated_delivery_at: estimatedMinutes === null ? null : at(estimatedMinutes),
  });
  const delivery = (topic: string, name: string, payload: unknown): Delivery => ({
    path: `/webhooks/${topic}`,
    topic,
    webhookId: `bench-${k}-${name}`,
    body: JSON.stringify(payload),
  });
  const unique = [
    delivery("fulfillments/create", "create", fulfillment(0)),
    delivery("fulfillments/update", "update-1", fulfillment(1)),
    delivery("fulfillments/update", "update-2", fulfillment(2)),
    delivery("fulfillments/update", "update-3", fulfillment(3)),
    delivery("fulfillment_events/create", "in-transit", event(30, "in_transit", 3000)),
    delivery("fulfillment_events/create", "delivered-50", event(50, "delivered", 2000)),
    delivery("fulfillment_events/create", "delivered-45", event(45, "delivered", null)),
    delivery("orders/fulfilled", "fulfilled", {
      id: orderId,
      customer: { id: 500_000_000 + k, email: `shopper-${k}@example.com` },
      fulfillments: [fulfillment(1)],
    }),
  ];
  // Shopify delivers at least once: two of them again, with the same webhook id.
  return [...unique, unique[3]!, unique[6]!];
}

/** A deterministic shuffle (a fixed permutation), so deliveries about one fulfillment interleave. */
function shuffle<T>(items: T[]): T[] {
  const shuffled = [...items];
  let state = 20261129;
  for (let i = shuffled.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

interface WebhookBurstResult {
  deliveries: number;
  duplicates: number;
  ackMs: number[];
  failures: string[];
  /** Fulfillments whose records are not what in-order, once-only processing gives. */
  wrongRecords: string[];
  seconds: number;
}

export async function runWebhookBurst(
  server: BenchServer,
  db: PrismaClient,
  shop: string,
  fulfillments: number,
): Promise<WebhookBurstResult> {
  const deliveries = shuffle(Array.from({ length: fulfillments }, (_, k) => deliveriesOf(k)).flat());
  const ackMs: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++]!;
      const headers = {
        "Content-Type": "application/json",
        "User-Agent": "Shopify-Captain-Hook",
        "X-Shopify-Topic": delivery.topic,
        "X-Shopify-Hmac-Sha256": createHmac("sha256", BENCH_APP.apiSecret).update(delivery.body).digest("base64"),
        "X-Shopify-Shop-Domain": shop,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": delivery.webhookId,
        "X-Shopify-Triggered-At": new Date().toISOString(),
      };
      try {
        const { serverMs } = await server.request(delivery.path, { method: "POST", headers, body: delivery.body });
        ackMs.push(serverMs);
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: WEBHOOK_CONCURRENCY }, sender));
  const seconds = (performance.now() - started) / 1000;

  // The records afterwards, fulfillment by fulfillment.
  const [facts, tracking] = await Promise.all([
    db.deliveryFact.findMany({ where: { shop, fulfillmentId: { startsWith: "gid://shopify/Fulfillment/8" } } }),
    db.fulfillmentDelivery.findMany({ where: { shop, fulfillmentId: { startsWith: "gid://shopify/Fulfillment/8" } } }),
  ]);
  const factsOf = new Map(facts.map((f) => [f.fulfillmentId, f]));
  const trackingOf = new Map(tracking.map((t) => [t.fulfillmentId, t]));
  const wrongRecords: string[] = [];
  for (let k = 0; k < fulfillments; k++) {
    const id = `gid://shopify/Fulfillment/${800_000_000 + k}`;
    const fact = factsOf.get(id);
    const track = trackingOf.get(id);
    const right =
      fact?.locationId === `gid://shopify/Location/${24_826_000 + 3}` &&
      fact.sourceUpdatedAt.toISOString() === at(3) &&
      fact.customerId === `gid://shopify/Customer/${500_000_000 + k}` &&
      track?.deliveredAt?.toISOString() === at(45) &&
      track.estimatedDeliveryAt?.toISOString() === at(2000) &&
      track.lastEventAt.toISOString() === at(50) &&
      track.cancelledAt === null;
    if (!right) wrongRecords.push(id);
  }
  const processed = await db.webhookDelivery.count({ where: { shop, webhookId: { startsWith: "bench-" } } });
  if (processed !== fulfillments * 8) wrongRecords.push(`${processed} deliveries recorded, not ${fulfillments * 8}`);
  return {
    deliveries: deliveries.length,
    duplicates: fulfillments * (DELIVERIES_PER_FULFILLMENT - 8),
    ackMs,
    failures,
    wrongRecords,
    seconds,
  };
}
