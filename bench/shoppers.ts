import prisma from "../app/db.server";
import { addDeliveredOrder } from "../test/demo/seed-claims";
import type { DemoManifest } from "../test/simulator/seed";
import type { ShopifySimulator } from "../test/simulator/simulator";
import type { ShopperOrder } from "./bench-server";

const HOUR = 60 * 60 * 1000;

/**
 * `count` shoppers, each with an order of one water bottle (a product without overrides) delivered
 * a day ago, for the submission scenario; and the shop policy asks no evidence of arrival claims,
 * so a claim without files is accepted (the scenario measures submission without uploads).
 */
export async function seedShoppers(simulator: ShopifySimulator, manifest: DemoManifest, count: number, now: Date) {
  const store = simulator.store(manifest.shop);
  const product = store.state.products.find((p) => p.title === "Trail Water Bottle");
  const variant = product && store.state.variants.find((v) => v.productId === product.id);
  if (!variant) throw new Error("The simulated store has no water bottle to order");
  const deliveredAt = new Date(now.getTime() - 24 * HOUR);
  const shoppers: ShopperOrder[] = [];
  for (let index = 0; index < count; index++) {
    const customer = store.addCustomer({
      firstName: "Shopper",
      lastName: String(index),
      email: `shopper-${index}@example.com`,
      createdAt: new Date(deliveredAt.getTime() - 30 * 24 * HOUR).toISOString(),
    });
    const order = addDeliveredOrder(store, {
      customerId: customer.id,
      variantId: variant.id,
      deliveredAt,
      trackingNumber: `0034043${String(200000000 + index)}`,
    });
    shoppers.push({ customerId: customer.id, orderId: order.id, lineItemId: order.lineItems[0]!.id });
  }
  await prisma.shopPolicy.upsert({
    where: { shop: manifest.shop },
    create: { shop: manifest.shop, overrideJson: JSON.stringify({ arrivalEvidence: [] }) },
    update: { overrideJson: JSON.stringify({ arrivalEvidence: [] }) },
  });
  return shoppers;
}
