import type { ClaimEventType } from "../claim-lifecycle/claim-state";
import { FINISHED_STATUSES, type ClaimStatus } from "../claim-lifecycle/claim-status";
import { DomainError } from "../errors";
import { money, roundDivide, type Money } from "../money";
import type { ClaimType } from "../policy/resolve-policy";
import { DAY_MS, HOUR_MS } from "../time";

/**
 * The numbers that show product quality and how fast the shop answers, folded from the claims
 * filed in a period (one claim at a time, so any number of claims can stream through) and the
 * units delivered in it. Pure: instants are epoch milliseconds, `now` is a parameter.
 */

interface ClaimUnits {
  /** The warehouse the units shipped from (and go back to); null when not known. */
  locationId: string | null;
  quantity: number;
}

export interface ClaimItemForNumbers {
  productId: string;
  title: string | null;
  units: readonly ClaimUnits[];
  /** What was refunded for this item (its share of the claim's refund); null when nothing was. */
  refunded: Money | null;
  /** When the item was delivered (our delivery records); null when not known. */
  deliveredAt: number | null;
}

export interface ClaimForNumbers {
  type: ClaimType;
  status: ClaimStatus;
  submittedAt: number;
  /** The response promise in hours, as snapshotted at submission. */
  responseHours: number;
  /** The log, in sequence order: only the events' types and times matter here. */
  events: readonly { type: ClaimEventType; at: number }[];
  items: readonly ClaimItemForNumbers[];
}

/** Units delivered of a product from a warehouse (null: unknown warehouse) in the period. */
interface DeliveredUnits {
  productId: string;
  locationId: string | null;
  units: number;
}

// ---------------------------------------------------------------------------------------------
// Response times
// ---------------------------------------------------------------------------------------------

interface ResponseSample {
  /** From the shopper's submission (or answer) to the merchant's next response. */
  ms: number;
  /** Whether it came by the promise's deadline (the response clock's due time at that moment). */
  withinPromise: boolean;
}

interface ClaimResponses {
  answered: ResponseSample[];
  /** The claim still waits for a response and its deadline has passed: a promise already missed. */
  overdue: boolean;
}

/**
 * Each wait of the shopper for the merchant (from `submitted` or `information_provided` to the
 * merchant's next `information_requested` or `claim_decided`), as the response clock counts it:
 * the deadline is the submission plus the promise plus the time the claim waited on the shopper.
 * A wait ended by a cancellation is no response; a wait still open counts only once overdue.
 */
export function claimResponses(claim: Pick<ClaimForNumbers, "events" | "responseHours">, now: number): ClaimResponses {
  const answered: ResponseSample[] = [];
  const first = claim.events[0];
  if (!first) return { answered, overdue: false };
  const promiseMs = claim.responseHours * HOUR_MS;
  let waitingSince: number | null = null;
  let pausedSince: number | null = null;
  let pausedMs = 0;
  const dueAt = () => first.at + promiseMs + pausedMs;
  for (const event of claim.events) {
    switch (event.type) {
      case "submitted":
        waitingSince = event.at;
        break;
      case "information_requested":
        if (waitingSince !== null) answered.push({ ms: event.at - waitingSince, withinPromise: event.at <= dueAt() });
        waitingSince = null;
        pausedSince ??= event.at;
        break;
      case "information_provided":
        if (pausedSince !== null) pausedMs += event.at - pausedSince;
        pausedSince = null;
        waitingSince = event.at;
        break;
      case "claim_decided":
        if (waitingSince !== null) answered.push({ ms: event.at - waitingSince, withinPromise: event.at <= dueAt() });
        return { answered, overdue: false };
      case "cancelled":
        return { answered, overdue: false };
      default:
        break;
    }
  }
  return { answered, overdue: waitingSince !== null && now > dueAt() };
}

/** The nearest-rank percentile (the smallest value with at least p% of the values at or below it). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new DomainError("invalid", "numbers.bad_percentile", `No ${p}th percentile.`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Money shares
// ---------------------------------------------------------------------------------------------

/**
 * Splits an amount across weights (the refund's lines, a line's warehouses) so the parts add up to
 * it exactly: each part rounded down, the minor units left over go to the largest remainders
 * (earlier parts first on ties). All-zero weights split evenly.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new DomainError("invalid", "money.bad_weights", "Weights must be whole numbers, not below zero.");
  }
  const shares = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  const whole = shares.reduce((a, b) => a + BigInt(b), 0n);
  const amount = BigInt(total.minorUnits);
  const sign = amount < 0n ? -1n : 1n;
  const abs = amount * sign;
  const parts = shares.map((w) => (abs * BigInt(w)) / whole);
  const remainders = shares.map((w, i) => ({ i, r: (abs * BigInt(w)) % whole }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  for (const { i } of remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => money(Number(p * sign), total.currencyCode));
}

/** Amounts per currency, never mixed: a shop selling in several currencies gets one total each. */
export type MoneyByCurrency = Record<string, number>;

function addTo(totals: MoneyByCurrency, value: Money): void {
  totals[value.currencyCode] = (totals[value.currencyCode] ?? 0) + value.minorUnits;
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

interface ProductNumbers {
  productId: string;
  title: string | null;
  unitsDelivered: number;
  /** Claims naming the product (a claim counts once per product). */
  claims: number;
  unitsClaimed: number;
  arrivalUnits: number;
  warrantyUnits: number;
  refunded: MoneyByCurrency;
}

/** A ratio kept as its two counts, so the screen and the tests see exactly what it is made of. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

const FAILURE_DAY_BUCKETS = [
  { label: "0–30 days", upTo: 30 },
  { label: "31–90 days", upTo: 90 },
  { label: "91–180 days", upTo: 180 },
  { label: "181–365 days", upTo: 365 },
  { label: "over a year", upTo: Infinity },
] as const;

export interface ClaimNumbers {
  claims: number;
  /** Claims of the period that are still open (not finished or closed), by status. */
  openByStatus: Partial<Record<ClaimStatus, number>>;
  response: {
    answered: number;
    p50Ms: number | null;
    p90Ms: number | null;
    /** Responses by the deadline, of all responses plus the waits already past their deadline. */
    withinPromise: Ratio;
  };
  products: ProductNumbers[];
  unitsDelivered: number;
  /** Units reported in arrival claims, of the units delivered. */
  arrivalProblemRate: Ratio;
  refunded: MoneyByCurrency;
  /** Warranty claims' items: whole days from delivery to the report, where the delivery is known. */
  daysToFailure: {
    count: number;
    unknown: number;
    medianDays: number | null;
    p90Days: number | null;
    buckets: { label: string; count: number }[];
  };
}

interface NumbersFold {
  add(claim: ClaimForNumbers): void;
  finish(delivered: readonly DeliveredUnits[]): ClaimNumbers;
}

/**
 * Folds claims one at a time into the report. With `warehouse`, only claims with units from that
 * warehouse count, and per product only those units (and their share of the refund).
 */
export function foldClaimNumbers(now: number, warehouse: string | null): NumbersFold {
  let claims = 0;
  const openByStatus: Partial<Record<ClaimStatus, number>> = {};
  const responseMs: number[] = [];
  let within = 0;
  let measured = 0;
  const products = new Map<string, ProductNumbers>();
  const refunded: MoneyByCurrency = {};
  const failureDays: number[] = [];
  let unknownDelivery = 0;

  const product = (productId: string, title: string | null): ProductNumbers => {
    let entry = products.get(productId);
    if (!entry) {
      entry = {
        productId,
        title,
        unitsDelivered: 0,
        claims: 0,
        unitsClaimed: 0,
        arrivalUnits: 0,
        warrantyUnits: 0,
        refunded: {},
      };
      products.set(productId, entry);
    }
    entry.title ??= title;
    return entry;
  };

  return {
    add(claim) {
      const inWarehouse = (u: ClaimUnits) => warehouse === null || u.locationId === warehouse;
      const items = claim.items.flatMap((item) => {
        const units = item.units.filter(inWarehouse);
        const quantity = units.reduce((n, u) => n + u.quantity, 0);
        if (quantity === 0) return [];
        const all = item.units.reduce((n, u) => n + u.quantity, 0);
        // The refund's share of the units counted here (all of it without a warehouse filter).
        const share =
          item.refunded && quantity < all ? allocate(item.refunded, [quantity, all - quantity])[0]! : item.refunded;
        return [{ item, quantity, refunded: share }];
      });
      if (items.length === 0) return;
      claims += 1;
      if (!FINISHED_STATUSES.includes(claim.status) && claim.status !== "closed") {
        openByStatus[claim.status] = (openByStatus[claim.status] ?? 0) + 1;
      }
      const responses = claimResponses(claim, now);
      for (const sample of responses.answered) {
        responseMs.push(sample.ms);
        measured += 1;
        if (sample.withinPromise) within += 1;
      }
      if (responses.overdue) measured += 1;
      const named = new Set<string>();
      for (const { item, quantity, refunded: share } of items) {
        const entry = product(item.productId, item.title);
        if (!named.has(item.productId)) entry.claims += 1;
        named.add(item.productId);
        entry.unitsClaimed += quantity;
        if (claim.type === "arrival") entry.arrivalUnits += quantity;
        else entry.warrantyUnits += quantity;
        if (share) {
          addTo(entry.refunded, share);
          addTo(refunded, share);
        }
        if (claim.type === "warranty") {
          if (item.deliveredAt === null) unknownDelivery += 1;
          else failureDays.push(Math.max(0, Math.floor((claim.submittedAt - item.deliveredAt) / DAY_MS)));
        }
      }
    },
    finish(delivered) {
      let unitsDelivered = 0;
      for (const row of delivered) {
        if (warehouse !== null && row.locationId !== warehouse) continue;
        unitsDelivered += row.units;
        const entry = products.get(row.productId);
        if (entry) entry.unitsDelivered += row.units;
      }
      const list = [...products.values()].sort(
        (a, b) => b.unitsClaimed - a.unitsClaimed || (a.title ?? "").localeCompare(b.title ?? ""),
      );
      const arrivalUnits = list.reduce((n, p) => n + p.arrivalUnits, 0);
      return {
        claims,
        openByStatus,
        response: {
          answered: responseMs.length,
          p50Ms: percentile(responseMs, 50),
          p90Ms: percentile(responseMs, 90),
          withinPromise: { numerator: within, denominator: measured },
        },
        products: list,
        unitsDelivered,
        arrivalProblemRate: { numerator: arrivalUnits, denominator: unitsDelivered },
        refunded,
        daysToFailure: {
          count: failureDays.length,
          unknown: unknownDelivery,
          medianDays: percentile(failureDays, 50),
          p90Days: percentile(failureDays, 90),
          buckets: FAILURE_DAY_BUCKETS.map((bucket, i) => {
            const from = i === 0 ? -Infinity : FAILURE_DAY_BUCKETS[i - 1]!.upTo;
            return { label: bucket.label, count: failureDays.filter((d) => d > from && d <= bucket.upTo).length };
          }),
        },
      };
    },
  };
}

/** A ratio in tenths of a percent, rounded once (half away from zero); null when nothing to divide by. */
export function perMille(ratio: Ratio): number | null {
  if (ratio.denominator === 0) return null;
  return Number(roundDivide(BigInt(ratio.numerator) * 1000n, BigInt(ratio.denominator)));
}
