import { addDeliveredOrder } from "../test/demo/seed-claims";
import type { DemoManifest } from "../test/simulator/seed";
import type { ShopifySimulator } from "../test/simulator/simulator";
import type { ShopperOrder } from "./bench-server";

const HOUR = 60 * 60 * 1000;

/**
 * `count` shoppers for the refunds scenario, each with an order of TWO water bottles delivered a
 * day ago, of which they claim one: Shopify would accept a second refund of the other unit, so a
 * refund made twice shows as two refunds on the order instead of Shopify's refusal.
 */
export function seedRefundShoppers(
  simulator: ShopifySimulator,
  manifest: DemoManifest,
  count: number,
  now: Date,
): ShopperOrder[] {
  const store = simulator.store(manifest.shop);
  const product = store.state.products.find((p) => p.title === "Trail Water Bottle");
  const variant = product && store.state.variants.find((v) => v.productId === product.id);
  if (!variant) throw new Error("The simulated store has no water bottle to order");
  const deliveredAt = new Date(now.getTime() - 24 * HOUR);
  return Array.from({ length: count }, (_, index) => {
    const customer = store.addCustomer({
      firstName: "Refunded",
      lastName: String(index),
      email: `refund-shopper-${index}@example.com`,
      createdAt: new Date(deliveredAt.getTime() - 30 * 24 * HOUR).toISOString(),
    });
    const order = addDeliveredOrder(store, {
      customerId: customer.id,
      variantId: variant.id,
      deliveredAt,
      trackingNumber: `0034044${String(200000000 + index)}`,
      quantity: 2,
    });
    return { customerId: customer.id, orderId: order.id, lineItemId: order.lineItems[0]!.id };
  });
}
