import type { OrderLine } from "./evaluate-claim-schema";
import type { ClaimType } from "./policy/resolve-policy";
import type { Policy } from "./policy/policy-schema";
import {
  addCalendarDays,
  addCalendarMonthsClamped,
  calendarDateAt,
  DAY_MS,
  endOfCalendarDay,
  parseInstant,
} from "./time";

/** One fulfilled unit of an order line, with the windows that apply to it. */
export type ClaimUnit = {
  readonly deliveredAt: number;
  readonly deliveryEstimated: boolean;
  readonly locationId: string;
  /** Last millisecond of the arrival window; null when the policy offers no arrival claims. */
  readonly arrivalWindowEndsAt: number | null;
  /** Last millisecond of the warranty; null when the policy gives no warranty. */
  readonly warrantyWindowEndsAt: number | null;
};

export function arrivalWindowEnd(deliveredAt: number, policy: Policy, timeZone: string): number | null {
  if (policy.arrivalWindowDays === 0) return null;
  const deliveryDay = calendarDateAt(deliveredAt, timeZone);
  return endOfCalendarDay(addCalendarDays(deliveryDay, policy.arrivalWindowDays), timeZone);
}

export function warrantyWindowEnd(deliveredAt: number, policy: Policy, timeZone: string): number | null {
  if (policy.warrantyMonths === 0) return null;
  const deliveryDay = calendarDateAt(deliveredAt, timeZone);
  return endOfCalendarDay(addCalendarMonthsClamped(deliveryDay, policy.warrantyMonths), timeZone);
}

export function windowEndFor(unit: ClaimUnit, type: ClaimType): number | null {
  return type === "arrival" ? unit.arrivalWindowEndsAt : unit.warrantyWindowEndsAt;
}

export function isInWindow(unit: ClaimUnit, type: ClaimType, now: number): boolean {
  const end = windowEndFor(unit, type);
  return end !== null && now <= end;
}

/**
 * Delivery of a unit: `deliveredAt`; else `estimatedDeliveryAt`; else `fulfilledAt` plus the
 * policy's transit days (24 h each). The last two are estimates.
 */
function deliveryOf(fulfillment: OrderLine["fulfillments"][number], policy: Policy) {
  if (fulfillment.deliveredAt) return { at: parseInstant(fulfillment.deliveredAt), estimated: false };
  if (fulfillment.estimatedDeliveryAt) return { at: parseInstant(fulfillment.estimatedDeliveryAt), estimated: true };
  return { at: parseInstant(fulfillment.fulfilledAt) + policy.unknownDeliveryTransitDays * DAY_MS, estimated: true };
}

/** The line's fulfilled units, earliest delivered first (ties keep fulfilment order). */
export function unitsOfLine(line: OrderLine, policy: Policy, timeZone: string): ClaimUnit[] {
  const units: ClaimUnit[] = [];
  for (const fulfillment of line.fulfillments) {
    const delivery = deliveryOf(fulfillment, policy);
    const unit: ClaimUnit = {
      deliveredAt: delivery.at,
      deliveryEstimated: delivery.estimated,
      locationId: fulfillment.locationId,
      arrivalWindowEndsAt: arrivalWindowEnd(delivery.at, policy, timeZone),
      warrantyWindowEndsAt: warrantyWindowEnd(delivery.at, policy, timeZone),
    };
    for (let i = 0; i < fulfillment.quantity; i++) units.push(unit);
  }
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => a.unit.deliveredAt - b.unit.deliveredAt || a.index - b.index)
    .map(({ unit }) => unit);
}

/**
 * Previously claimed units are the earliest delivered; a new claim draws on the rest, latest
 * delivered first (the shopper most likely reports the newest units).
 */
export function drawClaimUnits(units: readonly ClaimUnit[], previouslyClaimed: number, quantity: number): ClaimUnit[] {
  return units.slice(Math.min(previouslyClaimed, units.length)).reverse().slice(0, quantity);
}
