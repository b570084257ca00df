import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import { recordDeliveryFacts, recordFulfillmentEvent } from "../../app/db/delivery-facts.server";
import { writeProductOverride, writeShopPolicyOverride } from "../../app/db/policies.server";
import { submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import { action as customersDataRequest } from "../../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as shopRedact } from "../../app/routes/webhooks.shop.redact";
import { installTestShop, routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

const OTHER_SHOP = "other-shop.myshopify.com";

async function fileClaim(shop: string, claimId: string, customer: number, order: number) {
  const { state } = submitClaim(
    {
      claimId,
      orderId: `gid://shopify/Order/${order}`,
      type: "warranty",
      responseHours: 48,
      returnRequired: true,
      returnShippingPaidBy: "decided_on_review",
      evidence: ["issue_video"],
      items: [
        {
          lineItemId: `gid://shopify/LineItem/${order}1`,
          productId: "gid://shopify/Product/1",
          quantity: 1,
          components: [],
          returnLocations: [{ locationId: "gid://shopify/Location/1", quantity: 1 }],
        },
      ],
      note: "My name is Jane Doe, the drone stopped charging.",
    },
    new Date("2026-06-01T10:00:00Z"),
    { type: "customer", id: `gid://shopify/Customer/${customer}` },
  );
  await prisma.$transaction(async (tx) => {
    await insertClaim(tx, {
      shop,
      state,
      orderName: `#${order}`,
      customerId: `gid://shopify/Customer/${customer}`,
      customerName: "Jane Doe",
      customerEmail: "jane@example.com",
    });
    await tx.evidence.create({
      data: {
        claimId,
        shop,
        orderId: state.orderId,
        customerId: `gid://shopify/Customer/${customer}`,
        kind: "issue_video",
        fileName: "jane-drone.mp4",
        contentType: "video/mp4",
        byteSize: 1000,
        sha256: "0".repeat(64),
        storageKey: `${shop}/${claimId}/1`,
      },
    });
  });
}

describe("customers/data_request", () => {
  it("gives the merchant the customer's claims, messages and evidence list, and nobody else's", async () => {
    await fileClaim(TEST_SHOP, "c1", 7, 100);
    await fileClaim(TEST_SHOP, "c2", 8, 200);
    await fileClaim(OTHER_SHOP, "c3", 7, 300);
    const request = await webhookRequest("/webhooks/customers/data_request", "customers/data_request", {
      shop_domain: TEST_SHOP,
      customer: { id: 7 },
      orders_requested: [100],
      data_request: { id: 1 },
    });
    await customersDataRequest(routeArgs(request));
    const record = await prisma.complianceRequest.findFirstOrThrow({ where: { topic: "customers/data_request" } });
    expect(record.resultSummary).toBe("1 claims");
    expect(JSON.parse(record.resultJson!)).toEqual({
      customerId: "gid://shopify/Customer/7",
      claims: [
        {
          number: 1001,
          orderId: "gid://shopify/Order/100",
          orderName: "#100",
          type: "warranty",
          status: "submitted",
          submittedAt: "2026-06-01T10:00:00.000Z",
          customerName: "Jane Doe",
          customerEmail: "jane@example.com",
          messages: [
            {
              at: "2026-06-01T10:00:00.000Z",
              from: "customer",
              note: "My name is Jane Doe, the drone stopped charging.",
            },
          ],
          evidence: [
            {
              kind: "issue_video",
              fileName: "jane-drone.mp4",
              contentType: "video/mp4",
              uploadedAt: expect.any(String),
            },
          ],
        },
      ],
    });
  });
});

describe("customers/redact", () => {
  it("erases the customer's personal data from claims and keeps anonymous statistics", async () => {
    await fileClaim(TEST_SHOP, "c1", 7, 100);
    await fileClaim(TEST_SHOP, "c2", 8, 200);
    await recordDeliveryFacts(prisma, [
      {
        shop: TEST_SHOP,
        orderId: "gid://shopify/Order/100",
        fulfillmentId: "gid://shopify/Fulfillment/1",
        lineItemId: "gid://shopify/LineItem/1001",
        productId: null,
        variantId: null,
        customerId: "gid://shopify/Customer/7",
        quantity: 1,
        fulfilledAt: new Date("2026-05-20T00:00:00Z"),
        deliveredAt: null,
        estimatedDeliveryAt: null,
        locationId: null,
        sourceUpdatedAt: new Date("2026-05-20T00:00:00Z"),
      },
    ]);
    const request = await webhookRequest("/webhooks/customers/redact", "customers/redact", {
      shop_domain: TEST_SHOP,
      customer: { id: 7 },
      orders_to_redact: [100],
    });
    await customersRedact(routeArgs(request));

    const redacted = await prisma.claim.findUniqueOrThrow({
      where: { id: "c1" },
      include: { events: true, evidence: true },
    });
    // Nothing that identifies the customer is left on the claim...
    expect(JSON.stringify(redacted)).not.toMatch(/Jane|jane@|Customer\/7|jane-drone/);
    expect(redacted.evidence).toEqual([]);
    // ...while what the statistics need is kept.
    expect(redacted).toMatchObject({
      type: "warranty",
      status: "submitted",
      number: 1001,
      redactedAt: expect.any(Date),
    });
    expect(await prisma.deliveryFact.findFirstOrThrow()).toMatchObject({ customerId: null, quantity: 1 });
    // The other customer's claim is untouched.
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: "c2" } })).toMatchObject({ customerName: "Jane Doe" });
  });
});

describe("shop/redact", () => {
  it("deletes everything of the shop and nothing of other shops", async () => {
    await installTestShop();
    await fileClaim(TEST_SHOP, "c1", 7, 100);
    await fileClaim(OTHER_SHOP, "c3", 7, 300);
    await writeShopPolicyOverride(prisma, TEST_SHOP, { warrantyMonths: 24 });
    await writeProductOverride(prisma, TEST_SHOP, { productId: "gid://shopify/Product/1", warrantyMonths: 6 }, "Drone");
    await prisma.returnAddress.create({
      data: { shop: TEST_SHOP, locationId: "gid://shopify/Location/1", addressJson: null, overseas: true },
    });
    await prisma.denialClause.create({
      data: {
        shop: TEST_SHOP,
        clauseId: "custom_c1",
        label: "Seal broken",
        wordsJson: '{"words":"x","translations":{}}',
      },
    });
    await recordFulfillmentEvent(prisma, {
      shop: TEST_SHOP,
      orderId: "gid://shopify/Order/100",
      fulfillmentId: "gid://shopify/Fulfillment/9",
      status: "delivered",
      happenedAt: new Date("2026-05-25T10:00:00Z"),
      estimatedDeliveryAt: null,
    });

    const request = await webhookRequest(
      "/webhooks/shop/redact",
      "shop/redact",
      { shop_id: 1, shop_domain: TEST_SHOP },
      { webhookId: "redact-1" },
    );
    await shopRedact(routeArgs(request));

    // Every table, searched for the shop: only the audit records of this very request remain
    // (which request, when: no personal data).
    const leftovers: Record<string, unknown[]> = {};
    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = prisma[
        (model.charAt(0).toLowerCase() + model.slice(1)) as Uncapitalize<typeof model>
      ] as unknown as {
        findMany: () => Promise<unknown[]>;
      };
      const rows = (await delegate.findMany()).filter(
        (row) => JSON.stringify(row).includes(TEST_SHOP) || JSON.stringify(row).includes('"c1"'),
      );
      if (rows.length) leftovers[model] = rows;
    }
    expect(Object.keys(leftovers).sort()).toEqual(["ComplianceRequest", "WebhookDelivery"]);
    expect(leftovers.ComplianceRequest).toEqual([expect.objectContaining({ topic: "shop/redact", customerId: null })]);
    expect(leftovers.WebhookDelivery).toEqual([expect.objectContaining({ webhookId: "redact-1" })]);
    // The other shop keeps its claim.
    expect(await prisma.claim.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });
});
