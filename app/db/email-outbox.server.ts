import type { Prisma, PrismaClient } from "@prisma/client";
import {
  EmailAudienceSchema,
  EmailStatusSchema,
  EmailTemplateSchema,
  type EmailAudience,
  type EmailStatus,
  type EmailTemplate,
  type PlannedEmail,
} from "../domain/notifications/notification-types";

// The email outbox (issue 12, EmailMessage): rows written in the same transaction as their cause,
// read by the claim page and the demo mailbox, claimed and marked by the worker
// (app/services/notifications/worker.server.ts). A row that fails its schema is our 500.

type Db = PrismaClient | Prisma.TransactionClient;

export interface ClaimEmailRow {
  id: string;
  template: EmailTemplate;
  audience: EmailAudience;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/** The claim's emails, oldest first, for the claim page's emails card. */
export async function listClaimEmails(db: Db, shop: string, claimId: string): Promise<ClaimEmailRow[]> {
  const rows = await db.emailMessage.findMany({
    where: { shop, claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      template: true,
      audience: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    template: EmailTemplateSchema.parse(row.template),
    audience: EmailAudienceSchema.parse(row.audience),
    status: EmailStatusSchema.parse(row.status),
  }));
}

/** "Send again": a failed email goes back to the queue with a fresh set of tries. False if not failed (or not the shop's). */
export async function requeueFailedEmail(db: Db, shop: string, emailId: string, now: Date): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: { id: emailId, shop, status: "failed" },
    data: { status: "queued", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null },
  });
  return count === 1;
}

/** A row the worker claimed for one attempt. */
export interface OutboxEmail {
  id: string;
  shop: string;
  claimId: string | null;
  template: EmailTemplate;
  audience: EmailAudience;
  locale: string;
  data: unknown;
  /** This attempt included. */
  attempts: number;
  createdAt: Date;
  leaseOwner: string;
  leaseUntil: Date;
}

/**
 * Writes the planned emails as queued rows, due now, skipping any whose dedupeKey is already in
 * the outbox (the same cause planned twice). Call it in the transaction of the change that causes
 * them: the claim change and its emails commit together or not at all.
 */
export async function enqueueEmails(
  db: Db,
  shop: string,
  claimId: string | null,
  planned: readonly PlannedEmail[],
  now: Date,
): Promise<number> {
  if (planned.length === 0) return 0;
  const existing = await db.emailMessage.findMany({
    where: { dedupeKey: { in: planned.map((email) => email.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const known = new Set(existing.map((row) => row.dedupeKey));
  // Once per key, within this batch too.
  const fresh = [
    ...new Map(
      planned.filter((email) => !known.has(email.dedupeKey)).map((email) => [email.dedupeKey, email]),
    ).values(),
  ];
  if (fresh.length === 0) return 0;
  await db.emailMessage.createMany({
    data: fresh.map((email) => ({
      shop,
      claimId,
      dedupeKey: email.dedupeKey,
      template: EmailTemplateSchema.parse(email.template),
      audience: EmailAudienceSchema.parse(email.audience),
      locale: email.locale,
      dataJson: JSON.stringify(email.data),
      status: "queued",
      nextAttemptAt: now,
    })),
  });
  return fresh.length;
}

/** Queued and due, or stuck in `sending` past its lease (its worker crashed or hung). */
const claimableWhere = (now: Date): Prisma.EmailMessageWhereInput => ({
  OR: [
    { status: "queued", nextAttemptAt: { lte: now } },
    { status: "sending", leaseUntil: { lt: now } },
  ],
});

interface EmailLease {
  owner: string;
  now: Date;
  until: Date;
  limit: number;
}

/**
 * PostgreSQL: claims up to `limit` due rows for `lease.owner`. `FOR UPDATE SKIP LOCKED` locks the
 * rows this transaction picked and lets every other instance's transaction pick others, so no row
 * is handed to two instances and none waits on another.
 */
export async function claimDueEmailsSkipLocked(db: PrismaClient, lease: EmailLease): Promise<OutboxEmail[]> {
  return db.$transaction(async (tx) => {
    // Timestamps are stored as UTC wall times (timestamp(3) without time zone): compare with the
    // instant's UTC wall time, whatever the server's TimeZone.
    const now = lease.now.toISOString();
    const picked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "EmailMessage"
      WHERE ("status" = 'queued' AND "nextAttemptAt" <= ${now}::timestamp)
         OR ("status" = 'sending' AND "leaseUntil" < ${now}::timestamp)
      ORDER BY "nextAttemptAt"
      LIMIT ${lease.limit}
      FOR UPDATE SKIP LOCKED`;
    const ids = picked.map((row) => row.id);
    if (ids.length === 0) return [];
    await tx.emailMessage.updateMany({
      where: { id: { in: ids } },
      data: { status: "sending", leaseOwner: lease.owner, leaseUntil: lease.until, attempts: { increment: 1 } },
    });
    return readLeased(tx, ids, lease);
  });
}

/**
 * SQLite: claims up to `limit` due rows for `lease.owner`, who holds the single sender lease
 * (app/db/worker-leases.server.ts). Each row is taken only if it is still claimable, so even two
 * holders (a lease that ran out mid-round) never take one row both.
 */
export async function claimDueEmailsConditionally(db: PrismaClient, lease: EmailLease): Promise<OutboxEmail[]> {
  const candidates = await db.emailMessage.findMany({
    where: claimableWhere(lease.now),
    orderBy: { nextAttemptAt: "asc" },
    take: lease.limit,
    select: { id: true },
  });
  const ids = candidates.map((row) => row.id);
  if (ids.length === 0) return [];
  await db.emailMessage.updateMany({
    where: { id: { in: ids }, ...claimableWhere(lease.now) },
    data: { status: "sending", leaseOwner: lease.owner, leaseUntil: lease.until, attempts: { increment: 1 } },
  });
  return readLeased(db, ids, lease);
}

async function readLeased(db: Db, ids: string[], lease: EmailLease): Promise<OutboxEmail[]> {
  const rows = await db.emailMessage.findMany({
    where: { id: { in: ids }, status: "sending", leaseOwner: lease.owner, leaseUntil: lease.until },
    orderBy: { nextAttemptAt: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    shop: row.shop,
    claimId: row.claimId,
    template: EmailTemplateSchema.parse(row.template),
    audience: EmailAudienceSchema.parse(row.audience),
    locale: row.locale,
    data: JSON.parse(row.dataJson) as unknown,
    attempts: row.attempts,
    createdAt: row.createdAt,
    leaseOwner: lease.owner,
    leaseUntil: lease.until,
  }));
}

/** Only while the attempt still holds the row: a holder whose lease ran out never overwrites the next. */
const heldBy = (email: OutboxEmail): Prisma.EmailMessageWhereInput => ({
  id: email.id,
  status: "sending",
  leaseOwner: email.leaseOwner,
  leaseUntil: email.leaseUntil,
});
const released = { leaseOwner: null, leaseUntil: null };

export async function markEmailSent(db: Db, email: OutboxEmail, to: readonly string[], now: Date): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: heldBy(email),
    data: { status: "sent", sentAt: now, toJson: JSON.stringify(to), lastError: null, ...released },
  });
  return count === 1;
}

/** Nobody to send it to (no shopper email, a shop without email): not an error to retry. */
export async function markEmailSkipped(db: Db, email: OutboxEmail, reason: string): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: heldBy(email),
    data: { status: "skipped", lastError: reason, ...released },
  });
  return count === 1;
}

/** A failed attempt: queued again at `retryAt`, or `failed` for good when `retryAt` is null (the last try). */
export async function markEmailAttemptFailed(
  db: Db,
  email: OutboxEmail,
  error: string,
  to: readonly string[] | null,
  retryAt: Date | null,
): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: heldBy(email),
    data: {
      status: retryAt ? "queued" : "failed",
      lastError: error,
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      ...(to ? { toJson: JSON.stringify(to) } : {}),
      ...released,
    },
  });
  return count === 1;
}

/** Claims whose response is due by `dueBefore` and became due after `dueAfter`: the reminder scan's candidates. */
export async function listClaimsAwaitingResponse(
  db: Db,
  { dueAfter, dueBefore }: { dueAfter: Date; dueBefore: Date },
): Promise<{ id: string; shop: string; number: number; respondBy: Date }[]> {
  const rows = await db.claim.findMany({
    where: { respondBy: { not: null, gt: dueAfter, lte: dueBefore } },
    select: { id: true, shop: true, number: true, respondBy: true },
    orderBy: { respondBy: "asc" },
  });
  return rows.flatMap((row) => (row.respondBy ? [{ ...row, respondBy: row.respondBy }] : []));
}

/** The shops whose merchant chose one daily digest instead of single emails. */
export async function listDigestShops(db: Db): Promise<string[]> {
  const rows = await db.notificationSettings.findMany({
    where: { merchantDelivery: "daily_digest" },
    select: { shop: true },
    orderBy: { shop: "asc" },
  });
  return rows.map((row) => row.shop);
}
