import type { Prisma } from "@prisma/client";
import { eraseCustomerSearchTerms } from "./claim-search.server";
import { discardEvidence } from "./evidence.server";

// The data work of Shopify's mandatory privacy webhooks on the app's tables: what each request
// reads, erases or deletes (app/services/compliance.server.ts says what and why). Every function
// runs inside the transaction that records the webhook delivery.

type Tx = Prisma.TransactionClient;

const customerGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Customer/${id}`);
const orderGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Order/${id}`);

function customerClaimsWhere(shop: string, customerId: string, orderIds: string[]): Prisma.ClaimWhereInput {
  return {
    shop,
    OR: [
      { customerId: customerGid(customerId) },
      ...(orderIds.length ? [{ orderId: { in: orderIds.map(orderGid) } }] : []),
    ],
  };
}

interface CustomerDataExport {
  customerId: string;
  claims: {
    number: number;
    orderId: string;
    orderName: string | null;
    type: string;
    status: string;
    submittedAt: string;
    customerName: string | null;
    customerEmail: string | null;
    messages: { at: string; from: string; note: string }[];
    evidence: { kind: string; fileName: string | null; contentType: string; uploadedAt: string }[];
  }[];
}

export async function exportCustomerData(
  tx: Tx,
  shop: string,
  customerId: string,
  orderIds: string[],
): Promise<CustomerDataExport> {
  const claims = await tx.claim.findMany({
    where: customerClaimsWhere(shop, customerId, orderIds),
    include: { events: { orderBy: { sequence: "asc" } }, evidence: { orderBy: { uploadedAt: "asc" } } },
    orderBy: { number: "asc" },
  });
  return {
    customerId: customerGid(customerId),
    claims: claims.map((claim) => ({
      number: claim.number,
      orderId: claim.orderId,
      orderName: claim.orderName,
      type: claim.type,
      status: claim.status,
      submittedAt: claim.submittedAt.toISOString(),
      customerName: claim.customerName,
      customerEmail: claim.customerEmail,
      messages: claim.events.flatMap((e) =>
        e.note ? [{ at: e.at.toISOString(), from: e.actorType, note: e.note }] : [],
      ),
      evidence: claim.evidence
        .filter((e) => e.redactedAt === null)
        .map((e) => ({
          kind: e.kind,
          fileName: e.fileName,
          contentType: e.contentType,
          uploadedAt: e.uploadedAt.toISOString(),
        })),
    })),
  };
}

/** What identifies the shopper in the claim's JSON (decisions, inspections, outcomes, event data). */
const CLAIM_PERSONAL_KEYS = new Set([
  "note",
  "trackingNumber",
  "carrier",
  "customerId",
  "customerName",
  "customerEmail",
]);
/**
 * What identifies the shopper in a Shopify action's stored request and result (the replacement's
 * customerId). Their notes are the app's own words ("Warranty Desk claim #1001"): kept, and the
 * intents' schemas require them.
 */
const ACTION_PERSONAL_KEYS = new Set(["customerId", "customerName", "customerEmail", "email", "phone"]);

function withKeysErased(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((entry) => withKeysErased(entry, keys));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, keys.has(key) ? null : withKeysErased(entry, keys)]),
  );
}

/**
 * The JSON text with those keys set to null wherever they occur (every schema that has them
 * allows null), or undefined when nothing changed.
 */
function erasedJson(text: string | null, keys: ReadonlySet<string>): string | undefined {
  if (text === null) return undefined;
  const erased = JSON.stringify(withKeysErased(JSON.parse(text) as unknown, keys));
  return erased === text ? undefined : erased;
}

interface CustomerRedaction {
  claims: number;
  evidence: number;
  /** Shopify actions whose stored request or result named the customer. */
  actions: number;
  deliveryRecords: number;
  /** Earlier privacy requests of the customer: their export erased, their customer id removed. */
  privacyRequests: number;
  /** The claims' emails, queued or sent: recipients and data erased; the shopper's queued ones not sent. */
  emails: number;
}

export async function redactCustomer(
  tx: Tx,
  shop: string,
  customerId: string,
  orderIds: string[],
  now: Date,
): Promise<CustomerRedaction> {
  // Shopify's numeric id (privacy requests keep it as sent) and its gid (everything else).
  const ids = [...new Set([customerId.replace(/^gid:\/\/shopify\/Customer\//, ""), customerGid(customerId)])];

  // Most customers have no claim, but every shipped order of theirs has delivery records.
  const deliveryRecords = await tx.deliveryFact.updateMany({
    where: { shop, customerId: { in: ids } },
    data: { customerId: null },
  });
  const privacyRequests = await redactPrivacyRequests(tx, shop, ids);

  const claims = await tx.claim.findMany({
    where: customerClaimsWhere(shop, customerId, orderIds),
    select: { id: true },
  });
  const claimIds = claims.map((c) => c.id);
  await tx.claim.updateMany({
    where: { id: { in: claimIds } },
    data: {
      customerName: null,
      customerEmail: null,
      customerId: null,
      // A tracking number leads to the parcel, hence the shopper's address; the carrier is their words.
      returnTrackingNumber: null,
      returnCarrier: null,
      redactedAt: now,
      // Their language: nothing is sent to them any more.
      locale: null,
    },
  });
  // The inbox search's words of their name (app/db/claim-search.server.ts).
  await eraseCustomerSearchTerms(tx, claimIds);
  const emails = await redactClaimEmails(tx, claimIds, now);
  await tx.claimEvent.updateMany({ where: { claimId: { in: claimIds } }, data: { note: null } });
  // The shopper's own id; the merchant's staff ids stay (the merchant's audit trail, not the shopper's data).
  await tx.claimEvent.updateMany({
    where: { claimId: { in: claimIds }, actorType: "customer" },
    data: { actorId: null },
  });
  const events = await tx.claimEvent.findMany({
    where: { claimId: { in: claimIds } },
    select: { id: true, dataJson: true },
  });
  for (const event of events) {
    const dataJson = erasedJson(event.dataJson, CLAIM_PERSONAL_KEYS);
    if (dataJson !== undefined) await tx.claimEvent.update({ where: { id: event.id }, data: { dataJson } });
  }
  const items = await tx.claimItem.findMany({
    where: { claimId: { in: claimIds } },
    select: { id: true, decisionJson: true, inspectionJson: true, outcomeJson: true },
  });
  for (const item of items) {
    const data = {
      decisionJson: erasedJson(item.decisionJson, CLAIM_PERSONAL_KEYS),
      inspectionJson: erasedJson(item.inspectionJson, CLAIM_PERSONAL_KEYS),
      outcomeJson: erasedJson(item.outcomeJson, CLAIM_PERSONAL_KEYS),
    };
    if (Object.values(data).some((json) => json !== undefined)) {
      await tx.claimItem.update({ where: { id: item.id }, data });
    }
  }
  const actions = await tx.shopifyAction.findMany({
    where: { claimId: { in: claimIds } },
    select: { id: true, requestJson: true, resultJson: true },
  });
  let actionsErased = 0;
  for (const action of actions) {
    const data = {
      requestJson: erasedJson(action.requestJson, ACTION_PERSONAL_KEYS),
      resultJson: erasedJson(action.resultJson, ACTION_PERSONAL_KEYS),
    };
    if (data.requestJson === undefined && data.resultJson === undefined) continue;
    await tx.shopifyAction.update({ where: { id: action.id }, data });
    actionsErased += 1;
  }
  // The evidence of the claims, and the customer's uploads no claim holds yet: marked discarded
  // here, their files and rows deleted once this transaction committed (purgeEvidenceFiles in
  // app/services/compliance.server.ts).
  const evidence = await discardEvidence(
    tx,
    { shop, OR: [{ claimId: { in: claimIds } }, { customerId: { in: ids } }] },
    now,
  );
  return {
    claims: claimIds.length,
    evidence,
    actions: actionsErased,
    deliveryRecords: deliveryRecords.count,
    privacyRequests,
    emails,
  };
}

/**
 * The claims' emails: who each went (or was to go) to and the data it was composed from are
 * erased; the shopper's emails not sent yet never will be (skipped, with the reason the claim page
 * shows). The merchant's keep their status: they were about the shop's claim, not to the shopper.
 */
async function redactClaimEmails(tx: Tx, claimIds: string[], now: Date): Promise<number> {
  const rows = await tx.emailMessage.findMany({
    where: { claimId: { in: claimIds } },
    select: { id: true, dataJson: true },
  });
  for (const row of rows) {
    await tx.emailMessage.update({
      where: { id: row.id },
      data: { toJson: null, dataJson: erasedJson(row.dataJson, CLAIM_PERSONAL_KEYS) ?? row.dataJson, redactedAt: now },
    });
  }
  await tx.emailMessage.updateMany({
    where: { claimId: { in: claimIds }, audience: "shopper", status: { in: ["queued", "failed"] } },
    data: { status: "skipped", lastError: "The shopper's data was erased (customers/redact): not sent." },
  });
  return rows.length;
}

/**
 * Earlier privacy requests of the customer keep what was asked and when, not whom: a data
 * request's export (names, email, messages, file names) is erased and its summary says so.
 */
async function redactPrivacyRequests(tx: Tx, shop: string, ids: string[]): Promise<number> {
  const earlier = await tx.complianceRequest.findMany({
    where: { shop, customerId: { in: ids } },
    select: { id: true, resultJson: true, resultSummary: true },
  });
  for (const request of earlier) {
    await tx.complianceRequest.update({
      where: { id: request.id },
      data: {
        customerId: null,
        resultJson: null,
        ...(request.resultJson === null
          ? {}
          : {
              resultSummary:
                `${request.resultSummary ?? ""} (the export was erased by a later customers/redact)`.trim(),
            }),
      },
    });
  }
  return earlier.length;
}

/**
 * Everything of the shop, except the record of this shop/redact delivery itself
 * (`currentWebhookId`): it is written before the work, so that a repeated delivery is recognised.
 */
export async function deleteShopData(tx: Tx, shop: string, currentWebhookId: string) {
  const counts = {
    // Uploads no claim holds too; the files go after the commit (purgeEvidenceFiles).
    evidence: (await tx.evidence.deleteMany({ where: { shop } })).count,
    claimSearchTerms: (await tx.claimSearchTerm.deleteMany({ where: { shop } })).count,
    claims: (await tx.claim.deleteMany({ where: { shop } })).count,
    deliveryFacts: (await tx.deliveryFact.deleteMany({ where: { shop } })).count,
    fulfillmentDeliveries: (await tx.fulfillmentDelivery.deleteMany({ where: { shop } })).count,
    productOverrides: (await tx.productOverride.deleteMany({ where: { shop } })).count,
    policies: (await tx.shopPolicy.deleteMany({ where: { shop } })).count,
    claimCounters: (await tx.claimCounter.deleteMany({ where: { shop } })).count,
    setupSteps: (await tx.setupStep.deleteMany({ where: { shop } })).count,
    returnAddresses: (await tx.returnAddress.deleteMany({ where: { shop } })).count,
    denialClauses: (await tx.denialClause.deleteMany({ where: { shop } })).count,
    emails: (await tx.emailMessage.deleteMany({ where: { shop } })).count,
    notificationSettings: (await tx.notificationSettings.deleteMany({ where: { shop } })).count,
    sessions: (await tx.session.deleteMany({ where: { shop } })).count,
    webhookRecords: (await tx.webhookDelivery.deleteMany({ where: { shop, webhookId: { not: currentWebhookId } } }))
      .count,
    privacyRecords: (await tx.complianceRequest.deleteMany({ where: { shop } })).count,
  };
  return counts;
}

interface ComplianceRecord {
  shop: string;
  topic: string;
  webhookId: string;
  customerId: string | null;
  orderIds: string[];
  completedAt: Date;
  resultSummary: string;
  resultJson: string | null;
}

/** The record of a privacy request carried out: what was asked, when, and what was done. */
export async function recordComplianceRequest(tx: Tx, record: ComplianceRecord): Promise<void> {
  const { orderIds, ...rest } = record;
  await tx.complianceRequest.create({ data: { ...rest, ordersJson: JSON.stringify(orderIds) } });
}
