import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PrismaClient } from "@prisma/client";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import {
  claimDueEmailsConditionally,
  claimDueEmailsSkipLocked,
  enqueueEmails,
  listClaimsAwaitingResponse,
  listDigestShops,
  markEmailAttemptFailed,
  markEmailSent,
  markEmailSkipped,
  type OutboxEmail,
} from "../../db/email-outbox.server";
import { isUniqueViolation } from "../../db/errors.server";
import { readNotificationPreferences } from "../../db/notification-settings.server";
import { acquireWorkerLease, releaseWorkerLease } from "../../db/worker-leases.server";
import type { PlannedEmail } from "../../domain/notifications/notification-types";
import { planDigest, planResponseReminders } from "../../domain/notifications/plan-emails";
import { unauthenticated } from "../../shopify.server";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { fetchShopContact, type ShopContactFacts } from "../../shopify/shop-contact.server";
import { logger, type Logger } from "../../utils/logger.server";
import { ClaimRedactedError, composeEmail, EmailNoLongerNeededError } from "./compose-email.server";
import { recipientsOf } from "./recipients.server";
import type { EmailTransport } from "./transport.server";

// The outbox's sender (issue 12; docs/decisions/029-email-outbox-and-worker.md). Every round:
// 1. the scan (one instance at a time, under the "notification-scan" lease, at most once per
//    scan interval) queues the response reminders and daily digests that are due; each has a
//    dedupeKey, so however often and wherever it runs, each is queued once;
// 2. the send claims due rows (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: the single
//    "email-sender" lease, then a conditional claim), marks them `sending` under a lease, sends
//    each and marks it `sent`. A row left in `sending` past its lease (its instance crashed between
//    the send and the mark) is claimed again and resent with the same Message-ID. A failed send is
//    retried after 1 min, 5 min, 30 min, 2 h and 6 h, then marked `failed` with the error.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The waits between tries: six tries in all, the last about 8.6 hours after the first. */
export const RETRY_BACKOFF_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
/** Emails queued longer ago than this are not sent any more (emails were off meanwhile): skipped. */
const MAX_QUEUED_AGE_MS = 7 * DAY;
/** Reminders are planned for claims due within the largest lead time Settings allow, overdue by up to a week. */
const MAX_REMINDER_LEAD_MS = 72 * HOUR;
const OVERDUE_REMINDER_WINDOW_MS = 7 * DAY;
const SENDER_LEASE = "email-sender";
const SCAN_LEASE = "notification-scan";

/**
 * SMTP answers that say this message will never be accepted as it is (no such mailbox, address not
 * allowed, transaction refused): trying again for hours changes nothing, so the email fails at once
 * and the claim page shows why. 5xx answers about the connection or login (530, 535) are the
 * server's settings, which may be fixed meanwhile: they are retried like temporary ones.
 */
const PERMANENT_REFUSALS = new Set([550, 551, 553, 554]);

function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && PERMANENT_REFUSALS.has(code);
}

/** When the attempt that just failed (attempts counts it) should be tried again; null after the last try. */
function nextRetryAt(attempts: number, now: Date, error: unknown): Date | null {
  if (isPermanentRefusal(error)) return null;
  const wait = RETRY_BACKOFF_MS[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

/** The shop as its emails need it: its contact, and its Admin API for the warehouses' names. */
interface ShopAccess {
  contact: ShopContactFacts;
  graphql?: AdminGraphql;
}

/** The shop cannot be reached for good (the app is not installed): its emails are skipped, not retried. */
class ShopUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShopUnavailableError";
  }
}

/**
 * The shop's contact through its offline session (as webhooks and the backfill reach Shopify),
 * kept in memory for `ttlMs`: a round of emails for one shop asks Shopify once.
 */
function offlineShopAccess(now: () => Date, ttlMs = 10 * MINUTE): (shop: string) => Promise<ShopAccess> {
  const cache = new Map<string, { contact: ShopContactFacts; expiresAt: number }>();
  return async (shop) => {
    let graphql: AdminGraphql;
    try {
      graphql = (await unauthenticated.admin(shop)).admin.graphql;
    } catch (error) {
      if (error instanceof SessionNotFoundError) {
        throw new ShopUnavailableError("The app has no session for this shop (uninstalled, or never opened).");
      }
      throw error;
    }
    const cached = cache.get(shop);
    if (cached && cached.expiresAt > now().getTime()) return { contact: cached.contact, graphql };
    const contact = await fetchShopContact(graphql);
    cache.set(shop, { contact, expiresAt: now().getTime() + ttlMs });
    return { contact, graphql };
  };
}

export interface NotificationWorkerOptions {
  db: PrismaClient;
  transport: EmailTransport;
  provider: "sqlite" | "postgresql";
  shopAccess?: (shop: string) => Promise<ShopAccess>;
  now?: () => Date;
  /** The wait between rounds. */
  pollIntervalMs?: number;
  /** The least time between two scans for reminders and digests. */
  scanIntervalMs?: number;
  /** Rows claimed per round. */
  batchSize?: number;
  /** How long a claimed row (and the SQLite sender lease) is this instance's: longer than a batch's sends. */
  leaseMs?: number;
  /** This instance's name in the leases. */
  owner?: string;
  log?: Logger;
}

export interface RoundReport {
  /** Reminders and digests the scan queued. */
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Sent, but the mark failed (or the lease was lost): resent later with the same Message-ID. */
  unmarked: number;
}

export interface NotificationWorker {
  readonly owner: string;
  /** One round: the scan (when due) and one batch of sends. */
  runOnce(): Promise<RoundReport>;
  /** Rounds every poll interval until stop(). */
  start(): void;
  /** Stops after the round in progress and lets the leases go. */
  stop(): Promise<void>;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

export function createNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { db, transport, provider } = options;
  const now = options.now ?? (() => new Date());
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  const scanIntervalMs = options.scanIntervalMs ?? MINUTE;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 10 * MINUTE;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const shopAccess = options.shopAccess ?? offlineShopAccess(now);
  const log = (options.log ?? logger).child({ job: "email-worker", worker: owner });
  let lastScanAt = Number.NEGATIVE_INFINITY;

  /** Queues one planned email; another instance queuing the same key first is no error. */
  async function queue(shop: string, claimId: string | null, email: PlannedEmail, at: Date): Promise<number> {
    try {
      return await enqueueEmails(db, shop, claimId, [email], at);
    } catch (error) {
      if (isUniqueViolation(error)) return 0;
      throw error;
    }
  }

  async function scan(at: Date): Promise<number> {
    if (at.getTime() - lastScanAt < scanIntervalMs) return 0;
    const until = new Date(at.getTime() + Math.max(2 * scanIntervalMs, 5 * MINUTE));
    if (!(await acquireWorkerLease(db, SCAN_LEASE, owner, at, until))) return 0;
    lastScanAt = at.getTime();
    let queued = 0;
    const claims = await listClaimsAwaitingResponse(db, {
      dueAfter: new Date(at.getTime() - OVERDUE_REMINDER_WINDOW_MS),
      dueBefore: new Date(at.getTime() + MAX_REMINDER_LEAD_MS),
    });
    const byShop = new Map<string, typeof claims>();
    for (const claim of claims) byShop.set(claim.shop, [...(byShop.get(claim.shop) ?? []), claim]);
    for (const [shop, shopClaims] of byShop) {
      const prefs = await readNotificationPreferences(db, shop);
      for (const claim of shopClaims) {
        for (const reminder of planResponseReminders([claim], prefs, at))
          queued += await queue(shop, claim.id, reminder, at);
      }
    }
    for (const shop of await listDigestShops(db)) {
      try {
        const { contact } = await shopAccess(shop);
        const digest = planDigest(shop, contact.timezone, await readNotificationPreferences(db, shop), at);
        if (digest) queued += await queue(shop, null, digest, at);
      } catch (error) {
        log.warn("digest not planned: the shop could not be read", { shop, error });
      }
    }
    return queued;
  }

  async function claimBatch(at: Date): Promise<OutboxEmail[]> {
    const lease = { owner, now: at, until: new Date(at.getTime() + leaseMs), limit: batchSize };
    if (provider === "postgresql") return claimDueEmailsSkipLocked(db, lease);
    // SQLite: one sending instance at a time.
    if (!(await acquireWorkerLease(db, SENDER_LEASE, owner, at, lease.until))) return [];
    return claimDueEmailsConditionally(db, lease);
  }

  type Outcome = Exclude<keyof RoundReport, "queued">;

  async function deliver(email: OutboxEmail): Promise<Outcome> {
    const fields = { emailId: email.id, shop: email.shop, claimId: email.claimId, template: email.template };
    let to: string[] | null = null;
    try {
      if (now().getTime() - email.createdAt.getTime() > MAX_QUEUED_AGE_MS) {
        await markEmailSkipped(db, email, "Queued more than 7 days ago (emails were off): too late to send.");
        return "skipped";
      }
      const { contact, graphql } = await shopAccess(email.shop);
      const recipients = await recipientsOf(db, email, contact);
      if ("skip" in recipients) {
        await markEmailSkipped(db, email, recipients.skip);
        return "skipped";
      }
      to = recipients.to;
      const composed = await composeEmail(
        db,
        {
          id: email.id,
          shop: email.shop,
          claimId: email.claimId,
          template: email.template,
          locale: email.locale,
          data: email.data,
        },
        {
          name: contact.name,
          email: contact.email,
          timezone: contact.timezone,
          myshopifyDomain: contact.myshopifyDomain,
        },
        now(),
        { graphql },
      );
      await transport.send({ outboxId: email.id, senderName: contact.name, replyTo: contact.replyTo, to, ...composed });
    } catch (error) {
      if (
        error instanceof ClaimRedactedError ||
        error instanceof EmailNoLongerNeededError ||
        error instanceof ShopUnavailableError
      ) {
        await markEmailSkipped(db, email, error.message);
        return "skipped";
      }
      const retryAt = nextRetryAt(email.attempts, now(), error);
      await markEmailAttemptFailed(db, email, errorText(error), to, retryAt);
      log.warn(retryAt ? "email not sent; retrying" : "email not sent; that was the last try", {
        ...fields,
        attempts: email.attempts,
        error: errorText(error),
      });
      return retryAt ? "retrying" : "failed";
    }
    // Sent. If this mark is lost (a crash, the database away), the row stays `sending` and is sent
    // again after its lease with the same Message-ID: a duplicate the receiving side can recognise.
    try {
      if (await markEmailSent(db, email, to, now())) return "sent";
      log.warn("email sent after its lease ran out; another instance may send it again", fields);
    } catch (error) {
      log.error("email sent but not marked; it will be resent with the same Message-ID", { ...fields, error });
    }
    return "unmarked";
  }

  /** One JSON line per email job, whatever its outcome: ids only, never the addresses or the content. */
  async function deliverAndLog(email: OutboxEmail): Promise<Outcome> {
    const started = performance.now();
    const outcome = await deliver(email);
    log.info("email job", {
      emailId: email.id,
      shop: email.shop,
      claimId: email.claimId,
      template: email.template,
      attempt: email.attempts,
      outcome,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    return outcome;
  }

  async function runOnce(): Promise<RoundReport> {
    const report: RoundReport = { queued: 0, sent: 0, retrying: 0, failed: 0, skipped: 0, unmarked: 0 };
    report.queued = await scan(now());
    for (const email of await claimBatch(now())) report[await deliverAndLog(email)] += 1;
    return report;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  function tick() {
    running = runOnce()
      .catch((error: unknown) => log.error("email worker round failed", { error }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollIntervalMs);
      });
  }

  return {
    owner,
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await releaseWorkerLease(db, SENDER_LEASE, owner);
      await releaseWorkerLease(db, SCAN_LEASE, owner);
    },
  };
}
