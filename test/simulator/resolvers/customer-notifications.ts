import type { CustomerNotificationState, OrderState } from "../state";
import type { ResolverContext } from "./context";

/** Shopify emails the customer when asked to and the order has an email; the store keeps what it sent. */
export function notifyCustomer(
  ctx: ResolverContext,
  order: OrderState,
  kind: CustomerNotificationState["kind"],
  asked: boolean | null | undefined,
): void {
  if (!asked || !order.email) return;
  (ctx.store.state.customerNotifications ??= []).push({
    kind,
    orderId: order.id,
    to: order.email,
    at: ctx.now.toISOString(),
  });
}
