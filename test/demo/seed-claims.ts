import type { PrismaClient } from "@prisma/client";
import type { ClaimStatus } from "../../app/domain/claim-lifecycle/claim-status";
import { runClaimCommand, type LocalClaimCommand } from "../../app/services/claim-commands.server";
import { requestReturn } from "../../app/services/request-return.server";
import { resolveClaim } from "../../app/services/resolve-claim.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import type { DemoManifest } from "../simulator/seed";
import { seedDemoOverrides } from "./seed-overrides";
import type { SimulatedStore, ShopifySimulator } from "../simulator/simulator";

// Claims in every step of their lifecycle for the demo store, made the way they happen: each on an
// order of its own (added to the simulated store, delivered shortly before the shopper reports
// it), submitted through the app's submit service and moved on with its claim services. The
// demo's shopper orders stay untouched, so the shopper's pages still offer every scenario.

const HOUR = 60 * 60 * 1000;
const merchant = { type: "merchant" as const, id: "demo-staff" };

type Product = "lamp" | "powerBank" | "bottle";
type Step = { afterHours: number } & (
  { command: LocalClaimCommand; actor?: "merchant" | "customer" } | { requestReturn: true } | { resolve: true }
);

interface DemoClaimPlan {
  product: Product;
  type: "arrival" | "warranty";
  /** How long ago the shopper submitted it. */
  submittedHoursAgo: number;
  steps: Step[];
  /** The status the steps lead to (checked, so a plan that stops early fails loudly). */
  status: ClaimStatus;
  /** Paid by card plus a gift card, so its refund splits across both. */
  giftCard?: true;
}

const decide = (kind: "approve" | "deny"): LocalClaimCommand => ({
  type: "decide_item",
  lineItemId: "LINE",
  decision: kind === "approve" ? { kind, resolution: "refund" } : { kind, reason: "accidental_damage" },
});
const returned = (tracking: string): Step[] => [
  { afterHours: 2, command: decide("approve") },
  { afterHours: 2, command: { type: "finalize_decision", returnRequired: true } },
  { afterHours: 4, requestReturn: true },
  { afterHours: 20, command: { type: "ship_return", trackingNumber: tracking, carrier: "DHL" }, actor: "customer" },
  { afterHours: 30, command: { type: "receive_return" } },
];
const approved: Step[] = [
  { afterHours: 2, command: decide("approve") },
  { afterHours: 2, command: { type: "finalize_decision", returnRequired: true } },
];

export const DEMO_CLAIM_PLANS: readonly DemoClaimPlan[] = [
  { product: "lamp", type: "arrival", submittedHoursAgo: 1, steps: [], status: "submitted" },
  { product: "bottle", type: "warranty", submittedHoursAgo: 44, steps: [], status: "submitted" },
  { product: "powerBank", type: "arrival", submittedHoursAgo: 51, steps: [], status: "submitted" },
  {
    product: "lamp",
    type: "arrival",
    submittedHoursAgo: 20,
    steps: [
      { afterHours: 3, command: { type: "request_information", question: "Could you send a photo of the box?" } },
    ],
    status: "needs_information",
  },
  {
    product: "powerBank",
    type: "warranty",
    submittedHoursAgo: 30,
    steps: [
      { afterHours: 1, command: decide("approve") },
      { afterHours: 1, command: { type: "finalize_decision", returnRequired: false } },
    ],
    status: "approved",
  },
  {
    product: "lamp",
    type: "arrival",
    submittedHoursAgo: 40,
    steps: [...approved, { afterHours: 4, requestReturn: true }],
    status: "awaiting_return",
  },
  {
    product: "bottle",
    type: "warranty",
    submittedHoursAgo: 60,
    steps: [
      ...approved,
      { afterHours: 4, requestReturn: true },
      {
        afterHours: 20,
        command: { type: "ship_return", trackingNumber: "00340434161094000001", carrier: "DHL" },
        actor: "customer",
      },
    ],
    status: "return_in_transit",
  },
  {
    product: "powerBank",
    type: "arrival",
    submittedHoursAgo: 66,
    steps: [
      ...approved,
      { afterHours: 4, requestReturn: true },
      {
        afterHours: 20,
        command: { type: "ship_return", trackingNumber: "00340434161094000002", carrier: "DHL" },
        actor: "customer",
      },
      { afterHours: 30, command: { type: "receive_return" } },
    ],
    status: "return_received",
    giftCard: true,
  },
  {
    product: "bottle",
    type: "warranty",
    submittedHoursAgo: 50,
    steps: [
      { afterHours: 5, command: decide("deny") },
      { afterHours: 1, command: { type: "finalize_decision" } },
    ],
    status: "denied",
  },
  {
    product: "powerBank",
    type: "warranty",
    submittedHoursAgo: 90,
    steps: [
      ...returned("00340434161094000003"),
      {
        afterHours: 2,
        command: {
          type: "inspect_return",
          items: [{ lineItemId: "LINE", missingComponents: [{ name: "cable", quantity: 1 }] }],
          note: "Came back without its cable.",
        },
      },
    ],
    status: "inspected",
  },
  {
    product: "lamp",
    type: "warranty",
    submittedHoursAgo: 100,
    steps: [
      { afterHours: 2, command: decide("approve") },
      { afterHours: 1, command: { type: "finalize_decision", returnRequired: false } },
      { afterHours: 1, resolve: true },
    ],
    status: "resolved",
  },
  {
    product: "bottle",
    type: "warranty",
    submittedHoursAgo: 120,
    steps: [
      { afterHours: 5, command: decide("deny") },
      { afterHours: 1, command: { type: "finalize_decision" } },
      { afterHours: 30, command: { type: "close" } },
    ],
    status: "closed",
  },
  {
    product: "powerBank",
    type: "arrival",
    submittedHoursAgo: 110,
    steps: [
      ...approved,
      { afterHours: 4, requestReturn: true },
      {
        afterHours: 20,
        command: { type: "ship_return", trackingNumber: "00340434161094000004", carrier: "DHL" },
        actor: "customer",
      },
      { afterHours: 70, command: { type: "mark_return_lost", note: "DHL lost the parcel." } },
    ],
    status: "return_lost",
  },
  {
    product: "lamp",
    type: "arrival",
    submittedHoursAgo: 8,
    steps: [{ afterHours: 1, command: { type: "cancel", note: "It works after all." }, actor: "customer" }],
    status: "cancelled",
  },
];

const PRODUCT_TITLES: Record<Product, string> = {
  lamp: "Aurora Desk Lamp",
  powerBank: "Nimbus Power Bank 20000",
  bottle: "Trail Water Bottle",
};

export interface SeededDemoClaim {
  claimId: string;
  number: number;
  status: ClaimStatus;
  orderName: string;
  customerName: string;
  productTitle: string;
}

/**
 * An order of one unit of a variant with DHL shipping (5.90), shipped 48 hours before it was
 * delivered, ordered a day before shipping; paid by card unless `payments` say otherwise.
 */
export function addDeliveredOrder(
  store: SimulatedStore,
  order: {
    customerId: string;
    variantId: string;
    deliveredAt: Date;
    trackingNumber: string;
    payments?: { gateway: string; amount: number }[];
    /** Units of the variant ordered (1 unless said). */
    quantity?: number;
  },
) {
  const shippedAt = new Date(order.deliveredAt.getTime() - 48 * HOUR);
  return store.addOrder({
    createdAt: new Date(shippedAt.getTime() - 24 * HOUR),
    customerId: order.customerId,
    lines: [{ variantId: order.variantId, quantity: order.quantity ?? 1 }],
    shipping: { title: "DHL Paket", price: 590 },
    ...(order.payments ? { payments: order.payments } : {}),
    fulfillments: [
      {
        lines: [{ index: 0 }],
        createdAt: shippedAt,
        inTransitAt: shippedAt,
        deliveredAt: order.deliveredAt,
        deliveredEventAt: order.deliveredAt,
        tracking: [{ company: "DHL", number: order.trackingNumber, url: null }],
      },
    ],
  });
}

/** Submits and moves on the planned claims; `plans` defaults to one claim in each lifecycle step. */
export async function seedDemoClaims(
  db: PrismaClient,
  graphql: AdminGraphql,
  simulator: ShopifySimulator,
  manifest: DemoManifest,
  now: Date,
  plans: readonly DemoClaimPlan[] = DEMO_CLAIM_PLANS,
): Promise<SeededDemoClaim[]> {
  const store = simulator.store(manifest.shop);
  // The products' parts and overrides first, as a merchant would have set them up.
  await seedDemoOverrides(db, graphql, manifest);
  const seeded: SeededDemoClaim[] = [];
  for (const [index, plan] of plans.entries()) {
    const customer = manifest.customers[index % manifest.customers.length]!;
    const product = store.state.products.find((p) => p.title === PRODUCT_TITLES[plan.product])!;
    const variant = store.state.variants.find((v) => v.productId === product.id)!;
    const submittedAt = new Date(now.getTime() - plan.submittedHoursAgo * HOUR);
    // Arrival: delivered 6 hours before the report; warranty: a month before.
    const deliveredAt = new Date(submittedAt.getTime() - (plan.type === "arrival" ? 6 : 30 * 24) * HOUR);
    const order = addDeliveredOrder(store, {
      customerId: customer.id,
      variantId: variant.id,
      deliveredAt,
      trackingNumber: `00340434${String(161094100 + index)}`,
      ...(plan.giftCard
        ? {
            payments: [
              { gateway: "shopify_payments", amount: variant.price + 590 - 2000 },
              { gateway: "gift_card", amount: 2000 },
            ],
          }
        : {}),
    });
    const lineItemId = order.lineItems[0]!.id;
    const { claim } = await submitClaim(
      db,
      graphql,
      { shop: manifest.shop, customerId: customer.id, orderId: order.id },
      {
        claim: {
          type: plan.type,
          items: [{ lineItemId, quantity: 1 }],
          evidence:
            plan.type === "arrival" ? ["issue_photo", "shipping_label_photo", "packaging_photo"] : ["issue_photo"],
          preferredResolution: "refund",
          ...(plan.type === "warranty" ? { answers: { accidentalDamage: false, bodyOpened: false } } : {}),
        },
        problem: plan.type === "arrival" ? "damaged" : "fault",
        note: plan.type === "arrival" ? "The box was crushed and the item is cracked." : "It stopped working.",
      },
      submittedAt,
    );
    let at = submittedAt.getTime();
    let status = claim.state.status;
    for (const step of plan.steps) {
      at += step.afterHours * HOUR;
      const when = new Date(Math.min(at, now.getTime()));
      if ("requestReturn" in step) {
        status = (
          await requestReturn(
            db,
            graphql,
            { shop: manifest.shop, claimId: claim.state.id, actor: merchant, shippingPaidBy: "merchant" },
            when,
          )
        ).claim.state.status;
        continue;
      }
      if ("resolve" in step) {
        const input = {
          shop: manifest.shop,
          claimId: claim.state.id,
          actor: merchant,
          items: [],
        };
        status = (await resolveClaim(db, graphql, input, when)).claim.state.status;
        continue;
      }
      const command =
        step.command.type === "decide_item"
          ? { ...step.command, lineItemId }
          : step.command.type === "inspect_return"
            ? { ...step.command, items: step.command.items.map((item) => ({ ...item, lineItemId })) }
            : step.command;
      const actor = step.actor === "customer" ? { type: "customer" as const, id: customer.id } : merchant;
      status = (await runClaimCommand(db, manifest.shop, claim.state.id, command, actor, when)).state.status;
    }
    if (status !== plan.status) throw new Error(`demo claim ${index} ended ${status}, not ${plan.status}`);
    seeded.push({
      claimId: claim.state.id,
      number: claim.meta.number,
      status,
      orderName: order.name,
      customerName: customer.name,
      productTitle: product.title,
    });
  }
  return seeded;
}
