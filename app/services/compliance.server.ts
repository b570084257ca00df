import type { Prisma } from "@prisma/client";

// The data work of Shopify's mandatory privacy webhooks, on everything the app stores.
//   customers/data_request: the customer's claims and evidence list, kept for the merchant.
//   customers/redact: the customer's personal data erased from claims (names, emails, messages,
//     evidence), keeping anonymous statistics (type, status, dates, items, decisions).
//   shop/redact: everything of the shop deleted.
// Evidence files live in the evidence store; their rows go here, so the store's cleanup finds
// nothing that points at them any more.

type Tx = Prisma.TransactionClient;

export const customerGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Customer/${id}`);
export const orderGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Order/${id}`);

function customerClaimsWhere(shop: string, customerId: string, orderIds: string[]): Prisma.ClaimWhereInput {
  return {
    shop,
    OR: [
      { customerId: customerGid(customerId) },
      ...(orderIds.length ? [{ orderId: { in: orderIds.map(orderGid) } }] : []),
    ],
  };
}

export interface CustomerDataExport {
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

export async function redactCustomer(tx: Tx, shop: string, customerId: string, orderIds: string[], now: Date) {
  const claims = await tx.claim.findMany({
    where: customerClaimsWhere(shop, customerId, orderIds),
    select: { id: true },
  });
  const claimIds = claims.map((c) => c.id);
  if (claimIds.length === 0) return { claims: 0, evidence: 0 };
  await tx.claim.updateMany({
    where: { id: { in: claimIds } },
    data: { customerName: null, customerEmail: null, customerId: null, redactedAt: now },
  });
  await tx.claimEvent.updateMany({ where: { claimId: { in: claimIds } }, data: { note: null, actorId: null } });
  const evidence = await tx.evidence.deleteMany({ where: { claimId: { in: claimIds } } });
  await tx.deliveryFact.updateMany({
    where: { shop, customerId: customerGid(customerId) },
    data: { customerId: null },
  });
  return { claims: claimIds.length, evidence: evidence.count };
}

export async function deleteShopData(tx: Tx, shop: string) {
  const counts = {
    claims: (await tx.claim.deleteMany({ where: { shop } })).count,
    deliveryFacts: (await tx.deliveryFact.deleteMany({ where: { shop } })).count,
    fulfillmentDeliveries: (await tx.fulfillmentDelivery.deleteMany({ where: { shop } })).count,
    productOverrides: (await tx.productOverride.deleteMany({ where: { shop } })).count,
    policies: (await tx.shopPolicy.deleteMany({ where: { shop } })).count,
    claimCounters: (await tx.claimCounter.deleteMany({ where: { shop } })).count,
    sessions: (await tx.session.deleteMany({ where: { shop } })).count,
    webhookRecords: (await tx.webhookDelivery.deleteMany({ where: { shop } })).count,
    privacyRecords: (await tx.complianceRequest.deleteMany({ where: { shop } })).count,
  };
  return counts;
}
