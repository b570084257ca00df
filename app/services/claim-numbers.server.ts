import { z } from "zod";
import {
  lineDeliveryDates,
  listPeriodClaims,
  shippingLocationIds,
  sumDeliveredUnits,
  type ClaimNumbersRow,
  type NumbersDb,
} from "../db/claim-numbers.server";
import { ClaimEventTypeSchema } from "../domain/claim-lifecycle/claim-state";
import { ClaimStatusSchema } from "../domain/claim-lifecycle/claim-status";
import { ClaimTypeSchema } from "../domain/evaluate-claim-schema";
import { allocate, foldClaimNumbers, type ClaimForNumbers, type ClaimNumbers } from "../domain/numbers/claim-numbers";
import { formatCalendarDate, parseCalendarDate, periodOf, recentDays, type Period } from "../domain/numbers/period";
import { parseMoney, type Money } from "../domain/money";
import { addCalendarDays, compareCalendarDates } from "../domain/time";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchLocations } from "../shopify/locations.server";
import { fetchShopProfile } from "../shopify/shop.server";
import { parseRequestInput } from "../utils/request-input.server";
import { SHOPIFY_ACTION_KINDS } from "./shopify-action-kinds.server";

// The numbers dashboard and the claims export share this: the period and warehouse from the URL
// (a bad one is the caller's 400 naming the field), the shop's timezone for the period's days, and
// the claims of the period read a page at a time and turned into the domain's input.

const MAX_PERIOD_DAYS = 731;
const PAGE_SIZE = 200;

const DateParamSchema = z
  .string()
  .refine((text) => parseCalendarDate(text) !== null, { message: "give a date as YYYY-MM-DD, like 2026-03-01" });

const NumbersParamsSchema = z
  .object({
    from: DateParamSchema.optional(),
    to: DateParamSchema.optional(),
    warehouse: z
      .string()
      .regex(/^gid:\/\/shopify\/Location\/\d+$/, { message: "pick a warehouse from the list" })
      .optional(),
  })
  .refine((p) => !(p.from && p.to) || p.from <= p.to, { message: "the period ends before it starts", path: ["to"] })
  .refine(
    (p) =>
      !(p.from && p.to) ||
      compareCalendarDates(
        addCalendarDays(parseCalendarDate(p.from)!, MAX_PERIOD_DAYS - 1),
        parseCalendarDate(p.to)!,
      ) >= 0,
    { message: `choose a period of at most ${MAX_PERIOD_DAYS} days`, path: ["to"] },
  );
export type NumbersParams = z.infer<typeof NumbersParamsSchema>;

/** The dashboard's own params from the URL (Shopify's embedded params are ignored). */
export function parseNumbersParams(url: URL): NumbersParams {
  const own = ["from", "to", "warehouse"].flatMap((key) => {
    const value = url.searchParams.get(key);
    return value === null || value === "" ? [] : [[key, value] as const];
  });
  return parseRequestInput(NumbersParamsSchema, Object.fromEntries(own));
}

/** The period asked for, in the shop's timezone: the last 30 days by default; one end alone keeps 30 days. */
export function resolvePeriod(params: NumbersParams, timeZone: string, now: Date): Period {
  const from = params.from ? parseCalendarDate(params.from) : null;
  const to = params.to ? parseCalendarDate(params.to) : null;
  if (from && to) return periodOf(from, to, timeZone);
  if (from) return periodOf(from, addCalendarDays(from, 29), timeZone);
  if (to) return periodOf(addCalendarDays(to, -29), to, timeZone);
  return recentDays(now.getTime(), timeZone);
}

const ReturnLocationsSchema = z.array(z.object({ locationId: z.string(), quantity: z.number().int().positive() }));

/** What each item of the claim had refunded: the refund's total split by the plan's line amounts. */
function itemRefunds(row: ClaimNumbersRow): (Money | null)[] {
  const action = row.actions[0];
  if (!action?.resultJson) return row.items.map(() => null);
  const intent = SHOPIFY_ACTION_KINDS.refund.intent.parse(JSON.parse(action.requestJson));
  const result = SHOPIFY_ACTION_KINDS.refund.result.parse(JSON.parse(action.resultJson));
  const total = parseMoney(result.totalRefunded.amount, result.totalRefunded.currencyCode);
  if (total.minorUnits === 0) return row.items.map(() => null);
  const weights = row.items.map((item) => {
    const line = intent.plan.items.find((planned) => planned.lineItemId === item.lineItemId);
    return line ? parseMoney(line.amount, intent.plan.currencyCode).minorUnits : 0;
  });
  return allocate(total, weights).map((share) => (share.minorUnits === 0 ? null : share));
}

export interface PeriodClaim {
  row: ClaimNumbersRow;
  claim: ClaimForNumbers;
}

/** The shop's claims submitted in the period, a page at a time (oldest first), ready for the fold. */
export async function* periodClaims(db: NumbersDb, shop: string, period: Period): AsyncGenerator<PeriodClaim[]> {
  const bounds = { startsAt: new Date(period.startsAt), endsAt: new Date(period.endsAt) };
  let cursor: { submittedAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await listPeriodClaims(db, shop, bounds, cursor, PAGE_SIZE);
    if (rows.length === 0) return;
    const delivered = await lineDeliveryDates(
      db,
      shop,
      rows.map((row) => row.orderId),
    );
    yield rows.map((row) => {
      const refunds = itemRefunds(row);
      const claim: ClaimForNumbers = {
        type: ClaimTypeSchema.parse(row.type),
        status: ClaimStatusSchema.parse(row.status),
        submittedAt: row.submittedAt.getTime(),
        responseHours: row.responseHours,
        events: row.events.map((event) => ({ type: ClaimEventTypeSchema.parse(event.type), at: event.at.getTime() })),
        items: row.items.map((item, index) => {
          const locations = ReturnLocationsSchema.parse(JSON.parse(item.returnLocationsJson));
          const located = locations.reduce((n, l) => n + l.quantity, 0);
          return {
            productId: item.productId,
            title: item.title,
            units: [
              ...locations,
              // Units whose warehouse is not known still count, under no warehouse.
              ...(located < item.quantity ? [{ locationId: null, quantity: item.quantity - located }] : []),
            ],
            refunded: refunds[index] ?? null,
            deliveredAt: delivered.get(item.lineItemId)?.getTime() ?? null,
          };
        }),
      };
      return { row, claim };
    });
    if (rows.length < PAGE_SIZE) return;
    const last = rows.at(-1)!;
    cursor = { submittedAt: last.submittedAt, id: last.id };
  }
}

interface Warehouse {
  id: string;
  name: string;
}

export interface ClaimNumbersView {
  period: { from: string; to: string };
  timeZone: string;
  shopCurrency: string;
  warehouse: string | null;
  warehouses: Warehouse[];
  report: ClaimNumbers;
}

/** Names for the warehouses, from Shopify (a deleted one keeps its id's number). */
export async function warehouseNames(graphql: AdminGraphql, ids: Iterable<string>): Promise<Warehouse[]> {
  const unique = [...new Set(ids)].sort();
  const named = await fetchLocations(graphql, unique);
  return unique.map((id) => ({ id, name: named.get(id)?.name ?? `Location ${id.split("/").at(-1) ?? id}` }));
}

export async function loadClaimNumbers(
  db: NumbersDb,
  graphql: AdminGraphql,
  shop: string,
  params: NumbersParams,
  now: Date,
): Promise<ClaimNumbersView> {
  const profile = await fetchShopProfile(graphql);
  const period = resolvePeriod(params, profile.ianaTimezone, now);
  const warehouse = params.warehouse ?? null;
  const fold = foldClaimNumbers(now.getTime(), warehouse);
  const seen = new Set(await shippingLocationIds(db, shop));
  for await (const page of periodClaims(db, shop, period)) {
    for (const { claim } of page) {
      fold.add(claim);
      for (const item of claim.items) for (const unit of item.units) if (unit.locationId) seen.add(unit.locationId);
    }
  }
  const delivered = await sumDeliveredUnits(db, shop, {
    startsAt: new Date(period.startsAt),
    endsAt: new Date(period.endsAt),
  });
  const report = fold.finish(delivered.flatMap((row) => (row.productId ? [{ ...row, productId: row.productId }] : [])));
  if (warehouse) seen.add(warehouse);
  return {
    period: { from: formatCalendarDate(period.from), to: formatCalendarDate(period.to) },
    timeZone: profile.ianaTimezone,
    shopCurrency: profile.currencyCode,
    warehouse,
    warehouses: await warehouseNames(graphql, seen),
    report,
  };
}
