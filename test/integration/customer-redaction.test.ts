import { Prisma } from "@prisma/client";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { requireClaim } from "../../app/db/claims.server";
import { action as customersDataRequest } from "../../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as ordersFulfilled } from "../../app/routes/webhooks.orders.fulfilled";
import { runClaimCommand, type LocalClaimCommand } from "../../app/services/claim-commands.server";
import { requestReturn } from "../../app/services/request-return.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { unauthenticated } from "../../app/shopify.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import type { Actor } from "../../app/domain/claim-lifecycle/claim-state";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore } from "../simulator/seed";
import type { CustomerState, OrderState } from "../simulator/state";
import { installTestShop, routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

// customers/redact against everything the app stores about a shopper, built the way the app
// builds it (webhooks, the claim services, the store simulator): afterwards no table and no column
// holds the shopper's id, name, email, messages, file names or tracking number, the claims still
// load with their statistics, and another shopper of the same shop keeps every record.

const DAY = 24 * 60 * 60 * 1000;
const merchant = { type: "merchant" as const, id: "staff-1" };
const ARRIVAL_EVIDENCE = ["issue_photo", "shipping_label_photo", "packaging_photo"];

let graphql: AdminGraphql;
const store = () => simulator.store(TEST_SHOP);
const numeric = (gid: string) => gid.split("/").pop() as string;

beforeEach(async () => {
  seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  // Shopify's ids have 13 digits: from here on a shopper's numeric id cannot occur by chance.
  store().state.nextId = 7_420_000_000_000;
  await installTestShop(TEST_SHOP);
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

// ---- the shop's data, as Shopify and the app's services make it ---------------------------------

function addShopper(firstName: string, lastName: string): CustomerState {
  return store().addCustomer({
    firstName,
    lastName,
    email: `${firstName}.${lastName}@example.com`.toLowerCase(),
    createdAt: new Date(Date.now() - 400 * DAY).toISOString(),
  });
}

const variantOf = (sku: string) => store().state.variants.find((v) => v.sku === sku)!.id;

/** An order of `skus`, shipped in one parcel from the Berlin warehouse and delivered `daysAgo`. */
function deliveredOrder(customer: CustomerState, skus: string[], daysAgo: number): OrderState {
  const deliveredAt = new Date(Date.now() - daysAgo * DAY);
  const shipped = new Date(deliveredAt.getTime() - 2 * DAY);
  return store().addOrder({
    createdAt: new Date(shipped.getTime() - DAY),
    customerId: customer.id,
    lines: skus.map((sku) => ({ variantId: variantOf(sku), quantity: 1 })),
    shipping: { title: "DHL Paket", price: 590 },
    fulfillments: [
      {
        lines: skus.map((_, index) => ({ index })),
        createdAt: shipped,
        deliveredAt,
        deliveredEventAt: deliveredAt,
        tracking: [{ company: "DHL", number: "00340434161094042557", url: null }],
      },
    ],
  });
}

async function deliver(action: typeof ordersFulfilled, topic: string, payload: unknown) {
  const response = await action(routeArgs(await webhookRequest(`/webhooks/${topic}`, topic, payload))).catch(
    (thrown: unknown) => thrown as Response,
  );
  expect({ topic, status: response.status, body: await response.text() }).toEqual({ topic, status: 200, body: "" });
}

/** Shopify's orders/fulfilled (REST shape): it names the customer, so every shipped line records their id. */
const orderFulfilled = (order: OrderState, customer: CustomerState) =>
  deliver(ordersFulfilled, "orders/fulfilled", {
    id: Number(numeric(order.id)),
    name: order.name,
    customer: { id: Number(numeric(customer.id)), email: customer.email, first_name: customer.firstName },
    fulfillments: order.fulfillments.map((f) => ({
      id: Number(numeric(f.id)),
      order_id: Number(numeric(order.id)),
      status: "success",
      created_at: f.createdAt,
      updated_at: f.updatedAt,
      location_id: Number(numeric(f.locationId)),
      line_items: f.lineItems.map((fl) => {
        const line = order.lineItems.find((l) => l.id === fl.lineItemId)!;
        return {
          id: Number(numeric(line.id)),
          product_id: Number(numeric(line.productId!)),
          variant_id: Number(numeric(line.variantId!)),
          quantity: fl.quantity,
        };
      }),
    })),
  });

const dataRequest = (customer: CustomerState, orders: OrderState[]) =>
  deliver(customersDataRequest, "customers/data_request", {
    shop_id: 1,
    shop_domain: TEST_SHOP,
    customer: { id: Number(numeric(customer.id)), email: customer.email, phone: null },
    orders_requested: orders.map((o) => Number(numeric(o.id))),
    data_request: { id: 9999 },
  });

const redact = (customer: CustomerState, orders: OrderState[]) =>
  deliver(customersRedact, "customers/redact", {
    shop_id: 1,
    shop_domain: TEST_SHOP,
    customer: { id: Number(numeric(customer.id)), email: customer.email, phone: null },
    orders_to_redact: orders.map((o) => Number(numeric(o.id))),
  });

/** A clock that moves a minute per step, so the claim's log stays in order. */
function steps() {
  let at = Date.now();
  return () => new Date((at += 60 * 1000));
}

async function fileClaim(
  customer: CustomerState,
  order: OrderState,
  lines: number[],
  preferredResolution: "refund" | "replacement",
  note: string,
  now: Date,
) {
  const { claim } = await submitClaim(
    prisma,
    graphql,
    { shop: TEST_SHOP, customerId: customer.id, orderId: order.id },
    {
      claim: {
        type: "arrival",
        items: lines.map((index) => ({ lineItemId: order.lineItems[index]!.id, quantity: 1 })),
        evidence: ARRIVAL_EVIDENCE,
        preferredResolution,
      },
      note,
    },
    now,
  );
  // Nothing records the shopper's name and email yet (the claim screens will); the columns exist
  // and the export carries them, so they are filled here as the screens will fill them.
  await prisma.claim.update({
    where: { id: claim.state.id },
    data: { customerName: `${customer.firstName} ${customer.lastName}`, customerEmail: customer.email },
  });
  // No upload service yet either: the evidence row as the upload will store it.
  await prisma.evidence.create({
    data: {
      claimId: claim.state.id,
      shop: TEST_SHOP,
      orderId: claim.state.orderId,
      customerId: claim.meta.customerId,
      kind: "issue_photo",
      fileName: `${customer.firstName}-${customer.lastName}-broken.jpg`.toLowerCase(),
      contentType: "image/jpeg",
      byteSize: 52_000,
      sha256: "0".repeat(64),
      storageKey: `${TEST_SHOP}/${claim.state.id}/1`,
    },
  });
  return claim.state.id;
}

const run = (claimId: string, command: LocalClaimCommand, now: Date, actor: Actor = merchant) =>
  runClaimCommand(prisma, TEST_SHOP, claimId, command, actor, now);

const resolve = (claimId: string, now: Date) =>
  resolveClaim(prisma, graphql, { shop: TEST_SHOP, claimId, actor: merchant, items: [] }, now);

/**
 * GIVEN Jane's two claims: the first (lamp and bottle) with questions and answers, the lamp
 * replaced, the bottle denied with a note naming her; the second (another bottle) refunded after a
 * tracked return; her orders' delivery records from orders/fulfilled and an earlier data request.
 */
async function janesHistory(jane: CustomerState) {
  const next = steps();
  const shopper = { type: "customer" as const, id: jane.id };
  const lampAndBottle = deliveredOrder(jane, ["AUR-LAMP-01", "TRAIL-BTL-750"], 2);
  const bottle = deliveredOrder(jane, ["TRAIL-BTL-750"], 1);
  await orderFulfilled(lampAndBottle, jane);
  await orderFulfilled(bottle, jane);

  const first = await fileClaim(
    jane,
    lampAndBottle,
    [0, 1],
    "replacement",
    "Jane Doemann here: the lamp arrived cracked and the bottle dented.",
    next(),
  );
  await run(
    first,
    { type: "request_information", question: "Dear Jane Doemann, is the lamp's base cracked too?" },
    next(),
  );
  await run(
    first,
    {
      type: "provide_information",
      answer: "Yes, the base too. Call me: jane.doemann@example.com",
      evidence: ["issue_photo"],
    },
    next(),
    shopper,
  );
  const [lamp, dentedBottle] = lampAndBottle.lineItems.map((line) => line.id) as [string, string];
  await run(
    first,
    { type: "decide_item", lineItemId: lamp, decision: { kind: "approve", resolution: "replacement" } },
    next(),
  );
  await run(
    first,
    {
      type: "decide_item",
      lineItemId: dentedBottle,
      decision: { kind: "deny", reason: "other", note: "Jane Doemann told us on the phone she dropped it." },
    },
    next(),
  );
  await run(
    first,
    { type: "finalize_decision", returnRequired: false, note: "Replacing Jane Doemann's lamp." },
    next(),
  );
  const replaced = await resolve(first, next());

  const second = await fileClaim(jane, bottle, [0], "refund", "The bottle leaks. Jane Doemann", next());
  const leaking = bottle.lineItems[0]!.id;
  await run(
    second,
    { type: "decide_item", lineItemId: leaking, decision: { kind: "approve", resolution: "refund" } },
    next(),
  );
  await run(second, { type: "finalize_decision", returnRequired: true }, next());
  await requestReturn(
    prisma,
    graphql,
    { shop: TEST_SHOP, claimId: second, actor: merchant, shippingPaidBy: "merchant" },
    next(),
  );
  await run(second, { type: "ship_return", trackingNumber: "JJD0099420017", carrier: "DHL" }, next(), shopper);
  await run(second, { type: "receive_return" }, next());
  await run(second, { type: "inspect_return", items: [{ lineItemId: leaking, missingComponents: [] }] }, next());
  const refunded = await resolve(second, next());

  await dataRequest(jane, [lampAndBottle, bottle]);
  return { first, second, orders: [lampAndBottle, bottle], replaced, refunded };
}

/** GIVEN Otto, another shopper of the same shop: a claim, its delivery records and a data request. */
async function ottosHistory(otto: CustomerState) {
  const order = deliveredOrder(otto, ["AUR-LAMP-01"], 2);
  await orderFulfilled(order, otto);
  const claimId = await fileClaim(otto, order, [0], "refund", "Otto Andersson: the lamp flickers.", new Date());
  await dataRequest(otto, [order]);
  return { claimId, order };
}

// ---- looking everywhere ------------------------------------------------------------------------------

const tokensOf = (customer: CustomerState) => [
  numeric(customer.id),
  customer.id,
  customer.firstName + " " + customer.lastName,
  customer.lastName,
  customer.email,
];

/**
 * Every column of every table (Prisma.ModelName: a new table or column is searched without
 * changing this test) that contains one of `tokens`, case-insensitively, as "Model.column: token".
 */
async function whereStored(tokens: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = prisma[
      (model.charAt(0).toLowerCase() + model.slice(1)) as Uncapitalize<typeof model>
    ] as unknown as {
      findMany: () => Promise<Record<string, unknown>[]>;
    };
    for (const row of await delegate.findMany()) {
      for (const [column, value] of Object.entries(row)) {
        const text = (value instanceof Date ? value.toISOString() : String(value)).toLowerCase();
        for (const token of tokens) if (text.includes(token.toLowerCase())) found.add(`${model}.${column}: ${token}`);
      }
    }
  }
  return [...found].sort();
}

/** Every row of every table that mentions one of `tokens`, to prove another shopper's data unchanged. */
async function rowsMentioning(tokens: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = prisma[
      (model.charAt(0).toLowerCase() + model.slice(1)) as Uncapitalize<typeof model>
    ] as unknown as {
      findMany: (args: object) => Promise<Record<string, unknown>[]>;
    };
    const mentioning = (await delegate.findMany({})).filter((row) =>
      tokens.some((token) =>
        JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))
          .toLowerCase()
          .includes(token.toLowerCase()),
      ),
    );
    if (mentioning.length) rows[model] = mentioning.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return rows;
}

/** Where Otto, who keeps everything, is stored (a comparison of nothing would prove nothing). */
const OTTOS_TABLES = ["Claim", "ClaimEvent", "ClaimSearchTerm", "ComplianceRequest", "DeliveryFact", "Evidence"];

describe("customers/redact erases a shopper everywhere", () => {
  it("leaves no trace of a shopper without claims, whose only records are delivery records and a data request", async () => {
    // GIVEN Max, who never filed a claim: two shipped orders recorded by orders/fulfilled, and an
    // earlier data request (an empty export that still names him)
    const max = addShopper("Max", "Kleinschmidt");
    const orders = [
      deliveredOrder(max, ["AUR-LAMP-01", "TRAIL-BTL-750"], 20),
      deliveredOrder(max, ["TRAIL-BTL-750"], 9),
    ];
    for (const order of orders) await orderFulfilled(order, max);
    await dataRequest(max, orders);
    const otto = addShopper("Otto", "Andersson");
    await ottosHistory(otto);
    const ottoBefore = await rowsMentioning(tokensOf(otto));
    expect(Object.keys(ottoBefore).sort()).toEqual(OTTOS_TABLES);
    expect(await whereStored(tokensOf(max))).toEqual([
      `ComplianceRequest.customerId: ${numeric(max.id)}`,
      `ComplianceRequest.resultJson: ${numeric(max.id)}`,
      `ComplianceRequest.resultJson: ${max.id}`,
      `DeliveryFact.customerId: ${numeric(max.id)}`,
      `DeliveryFact.customerId: ${max.id}`,
    ]);

    // WHEN Shopify asks to erase him
    await redact(max, orders);

    // THEN no table holds anything of his
    expect(await whereStored(tokensOf(max))).toEqual([]);
    // AND his delivery records are kept, anonymous, for the orders' warranty facts
    expect(
      await prisma.deliveryFact.findMany({
        where: { orderId: { in: orders.map((o) => o.id) } },
        select: { customerId: true, quantity: true },
      }),
    ).toEqual([
      { customerId: null, quantity: 1 },
      { customerId: null, quantity: 1 },
      { customerId: null, quantity: 1 },
    ]);
    // AND the privacy records say what was asked and done, without naming him
    expect(
      await prisma.complianceRequest.findMany({
        where: { topic: { in: ["customers/data_request", "customers/redact"] }, customerId: null },
        select: { topic: true, customerId: true, ordersJson: true, resultSummary: true, resultJson: true },
        orderBy: { topic: "asc" },
      }),
    ).toEqual([
      {
        topic: "customers/data_request",
        customerId: null,
        ordersJson: JSON.stringify(orders.map((o) => numeric(o.id))),
        resultSummary: "0 claims (the export was erased by a later customers/redact)",
        resultJson: null,
      },
      {
        topic: "customers/redact",
        customerId: null,
        ordersJson: JSON.stringify(orders.map((o) => numeric(o.id))),
        resultSummary:
          "erased personal data from 0 claims, 0 evidence files, 0 Shopify actions, 3 delivery records and 1 earlier privacy requests",
        resultJson: null,
      },
    ]);
    // AND Otto, of the same shop, keeps every record
    expect(await rowsMentioning(tokensOf(otto))).toEqual(ottoBefore);
  });

  it("erases a shopper's claims, decisions, replacement, return and export, and keeps the claims' statistics", async () => {
    const jane = addShopper("Jane", "Doemann");
    const otto = addShopper("Otto", "Andersson");
    const { first, second, orders, replaced, refunded } = await janesHistory(jane);
    const ottos = await ottosHistory(otto);
    const ottoBefore = await rowsMentioning(tokensOf(otto));
    expect(Object.keys(ottoBefore).sort()).toEqual(OTTOS_TABLES);
    expect(replaced.replacement?.lines).toHaveLength(1);
    expect(refunded.refund?.plan.items).toHaveLength(1);
    expect(refunded.shopifyReturn?.status).toBe("CLOSED");
    const messages = [
      "the lamp arrived cracked",
      "is the lamp's base cracked too",
      "Yes, the base too",
      "she dropped it",
      "Replacing",
      "The bottle leaks",
    ];
    const janes = [...tokensOf(jane), ...messages, "JJD0099420017"];
    // (the search finds her wherever she is stored today: a search that found nothing proves nothing)
    expect(new Set((await whereStored(janes)).map((hit) => hit.split(":")[0]))).toEqual(
      new Set([
        "Claim.customerEmail",
        "Claim.customerId",
        "Claim.customerName",
        "Claim.returnTrackingNumber",
        "ClaimEvent.actorId",
        "ClaimEvent.dataJson",
        "ClaimEvent.note",
        "ClaimItem.decisionJson",
        "ClaimSearchTerm.term",
        "ComplianceRequest.customerId",
        "ComplianceRequest.resultJson",
        "DeliveryFact.customerId",
        "Evidence.customerId",
        "Evidence.fileName",
        "ShopifyAction.requestJson",
      ]),
    );

    // WHEN Shopify asks to erase her
    await redact(jane, orders);

    // THEN no table holds anything of hers
    expect(await whereStored(janes)).toEqual([]);
    // AND her claims still load (every JSON column valid) with what the statistics need
    const lamp = await requireClaim(prisma, TEST_SHOP, first);
    expect(lamp.meta).toMatchObject({
      customerId: null,
      customerName: null,
      customerEmail: null,
      orderName: orders[0]!.name,
    });
    expect(lamp.state).toMatchObject({ type: "arrival", status: "resolved", returnShipment: null });
    expect(lamp.state.items.map((item) => [item.decision, item.outcome])).toEqual([
      [
        { kind: "approve", quantity: 1, resolution: "replacement" },
        { outcome: "replaced", fallback: null },
      ],
      [{ kind: "deny", reason: "other", note: null }, null],
    ]);
    expect(lamp.state.events.map((e) => [e.type, e.actor, e.note, e.at])).toEqual(
      replaced.claim.state.events.map((e) => [
        e.type,
        e.actor.type === "customer" ? { type: "customer" } : e.actor,
        null,
        e.at,
      ]),
    );
    const bottle = await requireClaim(prisma, TEST_SHOP, second);
    expect(bottle.state).toMatchObject({
      type: "arrival",
      status: "resolved",
      returnShipment: null,
      returnInstructions: refunded.claim.state.returnInstructions,
    });
    expect(bottle.state.events.map((e) => e.type)).toEqual([
      "submitted",
      "item_decided",
      "claim_decided",
      "return_requested",
      "return_shipped",
      "return_received",
      "return_inspected",
      "resolved",
    ]);
    expect(bottle.state.events.find((e) => e.type === "return_shipped")!.data).toEqual({
      trackingNumber: null,
      carrier: null,
    });
    // AND what the resolutions did in Shopify still reads back (the stored actions keep their shapes)
    const again = await resolve(first, new Date(Date.now() + DAY));
    expect(again.replacement).toEqual(replaced.replacement);
    const againRefund = await resolve(second, new Date(Date.now() + DAY));
    expect(againRefund.refund).toEqual(refunded.refund);
    expect(againRefund.shopifyReturn).toEqual(refunded.shopifyReturn);
    // AND the privacy records keep what was asked and done, without naming her
    expect(
      await prisma.complianceRequest.findMany({
        where: { customerId: null, topic: { not: "shop/redact" } },
        select: { topic: true, ordersJson: true, resultSummary: true, resultJson: true },
        orderBy: { topic: "asc" },
      }),
    ).toEqual([
      {
        topic: "customers/data_request",
        ordersJson: JSON.stringify(orders.map((o) => numeric(o.id))),
        resultSummary: "2 claims (the export was erased by a later customers/redact)",
        resultJson: null,
      },
      {
        topic: "customers/redact",
        ordersJson: JSON.stringify(orders.map((o) => numeric(o.id))),
        resultSummary:
          "erased personal data from 2 claims, 2 evidence files, 1 Shopify actions, 3 delivery records and 1 earlier privacy requests",
        resultJson: null,
      },
    ]);
    // AND Otto, of the same shop, keeps every record, his claim whole
    expect(await rowsMentioning(tokensOf(otto))).toEqual(ottoBefore);
    expect((await requireClaim(prisma, TEST_SHOP, ottos.claimId)).meta).toMatchObject({
      customerId: otto.id,
      customerName: "Otto Andersson",
      customerEmail: otto.email,
    });
  });
});
