import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { DomainError } from "../domain/errors";
import type { MoneyInput } from "../domain/money";
import { deriveResponseClock } from "../domain/claim-lifecycle/response-clock";
import {
  ClaimStateSchema,
  type ClaimEvent,
  type ClaimItemState,
  type ClaimState,
} from "../domain/claim-lifecycle/claim-state";
import { planClaimEventEmails } from "../domain/notifications/plan-emails";
import { CLAIM_SEARCH_INDEX_VERSION, writeClaimSearchTerms } from "./claim-search.server";
import { enqueueEmails } from "./email-outbox.server";
import { readNotificationPreferences } from "./notification-settings.server";

// Claims in the database. Rows are parsed into the domain's ClaimState at this edge (zod), and a
// change is saved as "the claim moved from version n to n+1 and appended these events", so two
// merchants acting on one claim at once cannot both win: the second gets a conflict.

type Db = PrismaClient | Prisma.TransactionClient;

interface ClaimMeta {
  shop: string;
  number: number;
  orderName: string | null;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  /** The shopper's language when they filed, for their emails. */
  locale: string | null;
  version: number;
  respondBy: Date | null;
  /** What the shopper calls each claimed line (Shopify's line name at submission), when known. */
  itemTitles: Record<string, string | null>;
}

export interface StoredClaim {
  meta: ClaimMeta;
  state: ClaimState;
}

interface NewClaim {
  shop: string;
  state: ClaimState;
  orderName?: string | null;
  customerId?: string | null;
  customerName?: string | null;
  customerEmail?: string | null;
  /** The shopper's idempotency key for the submission (unique per shop). */
  submissionKey?: string | null;
  /** Line names by line item id, kept so the shopper's claim pages need not ask Shopify. */
  itemTitles?: Readonly<Record<string, string>>;
  /** What the claimed items cost the shopper, in the order's currency, when Shopify showed the prices. */
  claimedValue?: MoneyInput | null;
  /** The shopper's language (en | fr | de | es) for their emails. */
  locale?: string | null;
}

const json = (value: unknown) => JSON.stringify(value);
const parseJson = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/** When the merchant must answer by: the running response clock's due time, else null. */
function respondByOf(state: ClaimState, now: Date): Date | null {
  const clock = deriveResponseClock(state, now);
  return clock.state === "running" ? new Date(clock.dueAt) : null;
}

function itemRow(item: ClaimItemState, position: number) {
  return {
    position,
    lineItemId: item.lineItemId,
    productId: item.productId,
    quantity: item.quantity,
    componentsJson: json(item.components),
    returnLocationsJson: json(item.returnLocations),
    decisionJson: item.decision ? json(item.decision) : null,
    inspectionJson: item.inspection ? json(item.inspection) : null,
    outcomeJson: item.outcome ? json(item.outcome) : null,
  };
}

function eventRow(event: ClaimEvent) {
  return {
    sequence: event.sequence,
    at: new Date(event.at),
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    type: event.type,
    fromStatus: event.from,
    toStatus: event.to,
    note: event.note,
    dataJson: json(event.data),
  };
}

async function nextClaimNumber(tx: Prisma.TransactionClient, shop: string): Promise<number> {
  const counter = await tx.claimCounter.upsert({
    where: { shop },
    create: { shop, last: 1001 },
    update: { last: { increment: 1 } },
  });
  return counter.last;
}

/** Stores a newly submitted claim (its first event included) under the shop's next number. */
export async function insertClaim(tx: Prisma.TransactionClient, input: NewClaim): Promise<StoredClaim> {
  const state = ClaimStateSchema.parse(input.state);
  const [first] = state.events;
  if (!first || state.events.length !== 1) {
    throw new DomainError("invalid", "claim.not_new", "A new claim must have exactly its submission event.");
  }
  const number = await nextClaimNumber(tx, input.shop);
  await tx.claim.create({
    data: {
      id: state.id,
      shop: input.shop,
      number,
      orderId: state.orderId,
      orderName: input.orderName ?? null,
      customerId: input.customerId ?? null,
      customerName: input.customerName ?? null,
      customerEmail: input.customerEmail ?? null,
      locale: input.locale ?? null,
      type: state.type,
      status: state.status,
      responseHours: state.responseHours,
      returnRequired: state.returnRequired,
      returnShippingPaidBy: state.returnShippingPaidBy,
      evidenceKindsJson: json(state.evidence),
      returnInstructions: null,
      submittedAt: new Date(first.at),
      respondBy: respondByOf(state, new Date(first.at)),
      lastEventAt: new Date(first.at),
      submissionKey: input.submissionKey ?? null,
      claimedValueAmount: input.claimedValue?.amount ?? null,
      claimedValueCurrency: input.claimedValue?.currencyCode ?? null,
      items: {
        create: state.items.map((item, position) => ({
          ...itemRow(item, position),
          title: input.itemTitles?.[item.lineItemId] ?? null,
        })),
      },
      events: { create: state.events.map(eventRow) },
      searchIndexVersion: CLAIM_SEARCH_INDEX_VERSION,
    },
  });
  await writeClaimSearchTerms(tx, [
    {
      id: state.id,
      shop: input.shop,
      orderName: input.orderName ?? null,
      customerName: input.customerName ?? null,
      itemTitles: state.items.map((item) => input.itemTitles?.[item.lineItemId] ?? null),
    },
  ]);
  const stored = await findClaim(tx, input.shop, state.id);
  if (!stored) throw new Error(`claim ${state.id} vanished after insert`);
  await enqueueClaimEmails(tx, stored, state.events, new Date(first.at));
  return stored;
}

/**
 * The transactional outbox's write (docs/decisions/029-email-outbox-and-worker.md): the emails the
 * new events cause are queued in the claim change's own transaction, so the change and its emails
 * commit together or not at all; the worker sends them.
 */
async function enqueueClaimEmails(
  tx: Prisma.TransactionClient,
  stored: StoredClaim,
  newEvents: readonly ClaimEvent[],
  now: Date,
): Promise<void> {
  const prefs = await readNotificationPreferences(tx, stored.meta.shop);
  const planned = planClaimEventEmails(
    {
      id: stored.state.id,
      shop: stored.meta.shop,
      number: stored.meta.number,
      type: stored.state.type,
      status: stored.state.status,
      locale: stored.meta.locale,
      respondBy: stored.meta.respondBy,
    },
    newEvents.map((event) => ({
      sequence: event.sequence,
      type: event.type,
      actorType: event.actor.type,
      fromStatus: event.from,
      toStatus: event.to,
      at: event.at,
      data: event.data,
    })),
    prefs,
  );
  await enqueueEmails(tx, stored.meta.shop, stored.state.id, planned, now);
}

const claimInclude = {
  items: { orderBy: { position: "asc" } },
  events: { orderBy: { sequence: "asc" } },
} as const satisfies Prisma.ClaimInclude;

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

const ShipmentSchema = z.object({ trackingNumber: z.string(), carrier: z.string().nullable() });

function toStoredClaim(row: ClaimRow): StoredClaim {
  const state = ClaimStateSchema.parse({
    id: row.id,
    orderId: row.orderId,
    type: row.type,
    status: row.status,
    responseHours: row.responseHours,
    returnRequired: row.returnRequired,
    returnShippingPaidBy: row.returnShippingPaidBy,
    evidence: parseJson(row.evidenceKindsJson),
    items: row.items.map((item) => ({
      lineItemId: item.lineItemId,
      productId: item.productId,
      quantity: item.quantity,
      components: parseJson(item.componentsJson),
      returnLocations: parseJson(item.returnLocationsJson),
      decision: parseJson(item.decisionJson),
      inspection: parseJson(item.inspectionJson),
      outcome: parseJson(item.outcomeJson),
    })),
    returnInstructions: parseJson(row.returnInstructions),
    returnShipment:
      row.returnTrackingNumber === null
        ? null
        : ShipmentSchema.parse({ trackingNumber: row.returnTrackingNumber, carrier: row.returnCarrier }),
    events: row.events.map((event) => ({
      sequence: event.sequence,
      at: event.at.toISOString(),
      actor: event.actorId === null ? { type: event.actorType } : { type: event.actorType, id: event.actorId },
      type: event.type,
      from: event.fromStatus,
      to: event.toStatus,
      note: event.note,
      data: parseJson(event.dataJson),
    })),
  });
  return {
    state,
    meta: {
      shop: row.shop,
      number: row.number,
      orderName: row.orderName,
      customerId: row.customerId,
      customerName: row.customerName,
      customerEmail: row.customerEmail,
      locale: row.locale,
      version: row.version,
      respondBy: row.respondBy,
      itemTitles: Object.fromEntries(row.items.map((item) => [item.lineItemId, item.title])),
    },
  };
}

export async function findClaim(db: Db, shop: string, claimId: string): Promise<StoredClaim | null> {
  const row = await db.claim.findFirst({ where: { id: claimId, shop }, include: claimInclude });
  return row ? toStoredClaim(row) : null;
}

/** The claim a shopper's submission key made in this shop, if any. */
export async function findClaimBySubmissionKey(
  db: Db,
  shop: string,
  submissionKey: string,
): Promise<StoredClaim | null> {
  const row = await db.claim.findFirst({ where: { shop, submissionKey }, include: claimInclude });
  return row ? toStoredClaim(row) : null;
}

/** A writer who read an older version than the stored one: they reload and decide again. */
export const claimChangedMeanwhile = () =>
  new DomainError(
    "conflict",
    "claim.changed_meanwhile",
    "Someone else changed this claim a moment ago. Reload it to see what changed, then try again.",
  );

/** The merchant's 404: another shop's claim reads the same as one that does not exist. */
export const merchantClaimNotFound = () =>
  new DomainError(
    "not_found",
    "claim.not_found",
    "This claim does not exist in your store. Go back to the claims inbox to find the claim you are looking for.",
  );

export async function requireClaim(db: Db, shop: string, claimId: string): Promise<StoredClaim> {
  const claim = await findClaim(db, shop, claimId);
  if (!claim) throw new DomainError("not_found", "claim.not_found", `There is no claim ${claimId} in this shop.`);
  return claim;
}

/**
 * Saves the claim's next state, read at `expectedVersion`: the claim row moves to the next
 * version only if nobody else moved it first (else a conflict), changed items are updated and the
 * new events appended. Run it inside the transaction that also records any side effect's intent.
 */
export async function saveClaimChange(
  tx: Prisma.TransactionClient,
  shop: string,
  expectedVersion: number,
  before: ClaimState,
  after: ClaimState,
): Promise<StoredClaim> {
  const next = ClaimStateSchema.parse(after);
  const newEvents = next.events.slice(before.events.length);
  const last = next.events.at(-1);
  if (!last || newEvents.length === 0) {
    throw new DomainError("invalid", "claim.no_change", "A claim change must append at least one event.");
  }
  const moved = await tx.claim.updateMany({
    where: { id: next.id, shop, version: expectedVersion },
    data: {
      version: expectedVersion + 1,
      status: next.status,
      returnRequired: next.returnRequired,
      returnShippingPaidBy: next.returnShippingPaidBy,
      evidenceKindsJson: json(next.evidence),
      returnInstructions: next.returnInstructions ? json(next.returnInstructions) : null,
      returnTrackingNumber: next.returnShipment?.trackingNumber ?? null,
      returnCarrier: next.returnShipment?.carrier ?? null,
      respondBy: respondByOf(next, new Date(last.at)),
      lastEventAt: new Date(last.at),
    },
  });
  if (moved.count === 0) throw claimChangedMeanwhile();
  for (const [position, item] of next.items.entries()) {
    const previous = before.items.find((candidate) => candidate.lineItemId === item.lineItemId);
    if (previous && json(previous) === json(item)) continue;
    await tx.claimItem.update({
      where: { claimId_lineItemId: { claimId: next.id, lineItemId: item.lineItemId } },
      data: itemRow(item, position),
    });
  }
  await tx.claimEvent.createMany({ data: newEvents.map((event) => ({ claimId: next.id, ...eventRow(event) })) });
  const stored = await findClaim(tx, shop, next.id);
  if (!stored) throw new Error(`claim ${next.id} vanished after update`);
  await enqueueClaimEmails(tx, stored, newEvents, new Date(last.at));
  return stored;
}
