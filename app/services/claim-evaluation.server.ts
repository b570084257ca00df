import type { DeliveryFact } from "../db/delivery-facts.server";
import type { OrderLine } from "../domain/evaluate-claim-schema";
import type { OrderFacts } from "../shopify/order-facts.server";

// Turns what Shopify (or, for orders Shopify no longer shows, our delivery facts) says about an
// order into the policy engine's order input. Units whose shipping location is unknown cannot be
// sent back anywhere and are left out (merchant-managed fulfillments always have one).

export interface EvaluationOrder {
  id: string;
  lines: OrderLine[];
}

const PRODUCTLESS = null;

export function evaluationOrderFromShopify(
  facts: OrderFacts,
  previouslyClaimed: Readonly<Record<string, number>>,
): EvaluationOrder {
  const lines: OrderLine[] = [];
  for (const line of facts.lines) {
    // A custom line item (no product) has no policy to apply: it cannot be claimed.
    if (line.productId === PRODUCTLESS) continue;
    const fulfillments = line.fulfilled.flatMap((group) =>
      group.locationId
        ? [
            {
              quantity: group.quantity,
              fulfilledAt: group.fulfilledAt,
              deliveredAt: group.deliveredAt,
              estimatedDeliveryAt: group.estimatedDeliveryAt,
              locationId: group.locationId,
            },
          ]
        : [],
    );
    const fulfilledUnits = fulfillments.reduce((total, f) => total + f.quantity, 0);
    lines.push({
      lineItemId: line.lineItemId,
      productId: line.productId,
      quantity: Math.max(line.quantity, fulfilledUnits),
      previouslyClaimedQuantity: Math.min(previouslyClaimed[line.lineItemId] ?? 0, fulfilledUnits),
      fulfillments,
    });
  }
  return { id: facts.orderId, lines };
}

export function evaluationOrderFromDeliveryFacts(
  orderId: string,
  facts: readonly DeliveryFact[],
  previouslyClaimed: Readonly<Record<string, number>>,
): EvaluationOrder {
  const byLine = new Map<string, { productId: string; fulfillments: OrderLine["fulfillments"] }>();
  for (const fact of facts) {
    if (fact.orderId !== orderId || !fact.productId || !fact.locationId) continue;
    const line = byLine.get(fact.lineItemId) ?? { productId: fact.productId, fulfillments: [] };
    line.fulfillments.push({
      quantity: fact.quantity,
      fulfilledAt: fact.fulfilledAt.toISOString(),
      deliveredAt: fact.deliveredAt?.toISOString() ?? null,
      estimatedDeliveryAt: fact.estimatedDeliveryAt?.toISOString() ?? null,
      locationId: fact.locationId,
    });
    byLine.set(fact.lineItemId, line);
  }
  return {
    id: orderId,
    lines: [...byLine.entries()].map(([lineItemId, line]) => {
      const fulfilled = line.fulfillments.reduce((total, f) => total + f.quantity, 0);
      return {
        lineItemId,
        productId: line.productId,
        quantity: fulfilled,
        previouslyClaimedQuantity: Math.min(previouslyClaimed[lineItemId] ?? 0, fulfilled),
        fulfillments: line.fulfillments,
      };
    }),
  };
}
