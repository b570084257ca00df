import type { PrismaClient } from "@prisma/client";
import { purgeDiscardedEvidence } from "./evidence/discarded-evidence.server";
import { shopEvidencePrefix } from "./evidence/evidence-keys.server";
import type { EvidenceStore } from "./evidence/evidence-store.server";

// The data work of Shopify's mandatory privacy webhooks, on everything the app stores (the queries
// are in app/db/privacy.server.ts). Each runs in one transaction with the record of its webhook
// delivery (processWebhookOnce).
//   customers/data_request: the customer's claims, messages and evidence list, kept for the
//     merchant in ComplianceRequest.resultJson until a customers/redact of the customer erases it.
//   customers/redact: the customer's claims are those with their id or on the orders named.
//     Erased: on the claims, name, email, customer id, the return's tracking number and carrier,
//     every event's note and the customer's actor id; in the decisions, inspections, outcomes and
//     event data, every note, tracking number, carrier and customer field (set to null, which
//     their schemas allow, so the claims still load); the evidence rows; the customer id in the
//     stored Shopify actions (the replacement's customerId); the customer id on every delivery
//     record of the shop, claims or not; on the customer's earlier privacy requests, their id and
//     any export. The redact request's own record keeps no customer id either.
//     Kept: the claims' type, status, dates, items, decisions, outcomes, return instructions (the
//     merchant's warehouses) and event log; the merchant's staff ids on events; order ids and
//     names (not personal data); the app's own notes in Shopify actions ("Warranty Desk claim
//     #1001"); delivery records without the customer; what each privacy request asked, when, and
//     a summary of what was done (counts, no names).
//   shop/redact: everything of the shop deleted.
// Evidence files live in the evidence store, outside the transaction: the rows are discarded (or,
// for a shop, deleted) in it, and purgeEvidenceFiles deletes the files once it has committed, on
// every delivery of the webhook, repeated ones included (docs/decisions/010-evidence-store.md).

/**
 * After a customers/redact or shop/redact committed: deletes the evidence files it let go. Runs
 * on every delivery, so Shopify's retry of a delivery whose file deletion failed finishes it (the
 * delivery itself is then a duplicate, its data work already done).
 */
export async function purgeEvidenceFiles(
  db: PrismaClient,
  store: EvidenceStore,
  shop: string,
  topic: "customers/data_request" | "customers/redact" | "shop/redact",
): Promise<void> {
  switch (topic) {
    case "customers/data_request":
      return;
    case "customers/redact":
      await purgeDiscardedEvidence(db, store, shop);
      return;
    case "shop/redact":
      // Every file of the shop, with or without a row (an upload cut off between its file and its row).
      await store.deletePrefix(shopEvidencePrefix(shop));
      return;
  }
}
