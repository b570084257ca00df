// Adds to a stopped demo (its --data-dir) the two claims the resolution e2e needs, made the way
// they happen, through the app's own services on the demo's database and saved store:
//   - "inspect": an arrival claim on a lamp and earbuds paid by card plus a €50 gift card, both
//     approved for a refund, the return requested, shipped and received, waiting for inspection
//     (the products list their parts: the lamp's cable, the earbuds' charger and cable);
//   - "refused": an arrival claim on a lamp of another such order, approved for a refund with no
//     return, whose first resolution never reached Shopify (its plan, €79.50 to the card, is
//     stored), after which the merchant refunded the earbuds by hand from the card: Shopify will
//     refuse the stored plan.
// Usage: tsx test/e2e/seed-resolution-claims.ts DATA_DIR  (prints {"inspect": n, "refused": n}).
// The demo seeds none of these itself (test/demo/seed-claims.ts has no claim with parts or split payments).
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { installGlobals } from "@remix-run/node";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { ShopifySimulator } from "../simulator/simulator";
import type { DemoManifest } from "../simulator/seed";

const DEMO_APP = { apiKey: "warranty-desk-demo", apiSecret: "warranty-desk-demo-secret" };
const HOUR = 60 * 60 * 1000;
const dataDir = resolve(process.argv[2] ?? "");
const storeFile = join(dataDir, "store.json");

Object.assign(process.env, {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: DEMO_APP.apiKey,
  SHOPIFY_API_SECRET: DEMO_APP.apiSecret,
  SHOPIFY_APP_URL: "http://localhost:3000",
  DATABASE_URL: `file:${join(dataDir, "app.sqlite")}`,
  EVIDENCE_STORE: "disk",
  EVIDENCE_DIR: join(dataDir, "evidence"),
  LOG_LEVEL: "error",
});

const saved = JSON.parse(readFileSync(storeFile, "utf8")) as { simulator: unknown; manifest: DemoManifest };
const simulator = ShopifySimulator.fromJSON(saved.simulator, DEMO_APP);
const manifest = saved.manifest;
const store = simulator.store(manifest.shop);

// The first refundCreate of the "refused" claim never reaches Shopify (the network failed).
let loseNextRefund = false;
installGlobals({ nativeFetch: true });
const edge = setupServer(
  http.all(/^https:\/\/[a-z0-9-]+\.myshopify\.com\//, async ({ request }) => {
    if (loseNextRefund && (await request.clone().text()).includes("WarrantyDeskRefundCreate")) {
      loseNextRefund = false;
      return HttpResponse.error();
    }
    return (await simulator.handle(request)) ?? new Response("not simulated", { status: 502 });
  }),
);
edge.listen({ onUnhandledRequest: "bypass" });

const [{ default: prisma }, { unauthenticated }, commands, overrides, returns, resolution, submit, refunds] =
  await Promise.all([
    import("../../app/db.server"),
    import("../../app/shopify.server"),
    import("../../app/services/claim-commands.server"),
    import("../../app/services/product-overrides.server"),
    import("../../app/services/request-return.server"),
    import("../../app/services/resolve-claim.server"),
    import("../../app/services/submit-claim.server"),
    import("../../app/shopify/refunds.server"),
  ]);
const { admin } = await unauthenticated.admin(manifest.shop);
const graphql = admin.graphql;
const merchant = { type: "merchant" as const, id: "demo-staff" };
const now = new Date();

const productNamed = (title: string) => store.state.products.find((p) => p.title.includes(title))!;
const variantOf = (productId: string) => store.state.variants.find((v) => v.productId === productId)!;
const lamp = productNamed("Lamp");
const earbuds = productNamed("Earbuds");
const parts = (...items: [string, string][]) =>
  items.map(([name, amount]) => ({ name, chargeIfMissing: { amount, currencyCode: "EUR" } }));
await overrides.saveProductOverride(
  prisma,
  graphql,
  manifest.shop,
  { productId: lamp.id, components: parts(["cable", "6.90"]) },
  lamp.title,
);
await overrides.saveProductOverride(
  prisma,
  graphql,
  manifest.shop,
  { productId: earbuds.id, components: parts(["charger", "24.90"], ["cable", "7.90"]) },
  earbuds.title,
);

/** A new order of earbuds and a lamp, paid by card and a €50 gift card, delivered `deliveredHoursAgo`. */
function cardAndGiftCardOrder(customerId: string, deliveredHoursAgo: number) {
  const deliveredAt = new Date(now.getTime() - deliveredHoursAgo * HOUR);
  const shippedAt = new Date(deliveredAt.getTime() - 48 * HOUR);
  const lines = [variantOf(earbuds.id), variantOf(lamp.id)];
  const shipping = 590;
  const total = lines.reduce((sum, v) => sum + v.price, 0) + shipping;
  return store.addOrder({
    createdAt: new Date(shippedAt.getTime() - 24 * HOUR),
    customerId,
    lines: lines.map((v) => ({ variantId: v.id, quantity: 1 })),
    shipping: { title: "DHL Paket", price: shipping },
    payments: [
      { gateway: "shopify_payments", amount: total - 5000 },
      { gateway: "gift_card", amount: 5000 },
    ],
    fulfillments: [
      {
        lines: [{ index: 0 }, { index: 1 }],
        createdAt: shippedAt,
        inTransitAt: shippedAt,
        deliveredAt,
        deliveredEventAt: deliveredAt,
      },
    ],
  });
}

async function approvedClaim(order: ReturnType<typeof cardAndGiftCardOrder>, lineItemIds: string[], returned: boolean) {
  const { claim } = await submit.submitClaim(
    prisma,
    graphql,
    { shop: manifest.shop, customerId: order.customerId!, orderId: order.id },
    {
      claim: {
        type: "arrival",
        items: lineItemIds.map((lineItemId) => ({ lineItemId, quantity: 1 })),
        evidence: ["issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"],
        preferredResolution: "refund",
      },
      problem: "damaged",
      note: "Both arrived with the box crushed.",
    },
    now,
  );
  const run = (command: Parameters<typeof commands.runClaimCommand>[3]) =>
    commands.runClaimCommand(prisma, manifest.shop, claim.state.id, command, merchant, new Date());
  for (const lineItemId of lineItemIds) {
    await run({ type: "decide_item", lineItemId, decision: { kind: "approve", resolution: "refund" } });
  }
  await run({ type: "finalize_decision", returnRequired: returned });
  if (returned) {
    await returns.requestReturn(
      prisma,
      graphql,
      { shop: manifest.shop, claimId: claim.state.id, actor: merchant, shippingPaidBy: "merchant" },
      new Date(),
    );
    await run({ type: "ship_return", trackingNumber: "00340434161094777777", carrier: "DHL" });
    await run({ type: "receive_return" });
  }
  return claim;
}

const [first, second] = manifest.customers;
const inspectOrder = cardAndGiftCardOrder(first!.id, 10);
const inspect = await approvedClaim(
  inspectOrder,
  inspectOrder.lineItems.map((l) => l.id),
  true,
);

const refusedOrder = cardAndGiftCardOrder(second!.id, 12);
const [refusedEarbuds, refusedLamp] = refusedOrder.lineItems;
const refused = await approvedClaim(refusedOrder, [refusedLamp!.id], false);
loseNextRefund = true;
await resolution
  .resolveClaim(
    prisma,
    graphql,
    { shop: manifest.shop, claimId: refused.state.id, actor: merchant, items: [] },
    new Date(),
  )
  .then(() => {
    throw new Error("the first resolution was meant to fail");
  })
  .catch((error: unknown) => {
    if (error instanceof Error && error.message === "the first resolution was meant to fail") throw error;
  });
const card = refusedOrder.transactions.find((t) => t.gateway === "shopify_payments")!;
await refunds.createRefund(graphql, "shopify-admin:refund:e2e", {
  orderId: refusedOrder.id,
  lines: [{ lineItemId: refusedEarbuds!.id, quantity: 1, restockType: "NO_RESTOCK" }],
  transactions: [{ parentTransactionId: card.id, gateway: "shopify_payments", amount: "129.00" }],
  currencyCode: "EUR",
  note: "Refunded by hand",
  notifyCustomer: false,
});

await prisma.$disconnect();
edge.close();
const tmp = `${storeFile}.partial`;
writeFileSync(tmp, JSON.stringify({ simulator: simulator.toJSON(), manifest }));
renameSync(tmp, storeFile);
console.log(JSON.stringify({ inspect: inspect.meta.number, refused: refused.meta.number }));
process.exit(0);
