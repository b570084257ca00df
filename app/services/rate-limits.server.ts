import type { Prisma, PrismaClient } from "@prisma/client";
import { countRateLimitHit, deleteEndedRateLimits } from "../db/rate-limits.server";
import { env, type Env } from "../utils/env.server";

// Fixed-window rate limits shared by every app instance: the counters live in the database
// (RateLimit), one row per key and window. A hit is ONE statement (INSERT … ON CONFLICT DO UPDATE
// … RETURNING, the same SQL on SQLite and PostgreSQL): the database serialises concurrent hits on
// the row, so two instances never both admit the last allowed hit, and nothing can violate a key
// (on PostgreSQL a violation, even caught, aborts the surrounding transaction). An expired window
// is reset by the same statement. Refused hits are counted too, so hammering does not open a gap.

type Db = PrismaClient | Prisma.TransactionClient;

export interface RateLimit {
  /** Names the limit in keys and logs, e.g. "submissions.customer". */
  name: string;
  /** Hits admitted per window. */
  max: number;
  windowSeconds: number;
}

const HOUR = 3600;

/** The shopper's actions that are limited, each per customer and per shop. */
export const SHOPPER_ACTIONS = ["submissions", "replies", "uploads"] as const;
type ShopperAction = (typeof SHOPPER_ACTIONS)[number];

export type ShopperRateLimits = Record<ShopperAction, { customer: RateLimit; shop: RateLimit }>;

/**
 * The limits per hour, as the environment sets them (RATE_LIMIT_*, app/utils/env.server.ts). By
 * default a shopper files a claim or two, answers a question now and then, and uploads at most 12
 * files per claim (with retries): 10 submissions, 30 replies and 60 uploads an hour; a shop's
 * limits (500, 1000, 3000) stop a flood from many accounts without touching a busy shop's day.
 */
export function shopperRateLimits(settings: Env = env()): ShopperRateLimits {
  const hourly = (name: string, max: number): RateLimit => ({ name, max, windowSeconds: HOUR });
  return {
    submissions: {
      customer: hourly("submissions.customer", settings.RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER),
      shop: hourly("submissions.shop", settings.RATE_LIMIT_SUBMISSIONS_PER_SHOP),
    },
    replies: {
      customer: hourly("replies.customer", settings.RATE_LIMIT_REPLIES_PER_CUSTOMER),
      shop: hourly("replies.shop", settings.RATE_LIMIT_REPLIES_PER_SHOP),
    },
    uploads: {
      customer: hourly("uploads.customer", settings.RATE_LIMIT_UPLOADS_PER_CUSTOMER),
      shop: hourly("uploads.shop", settings.RATE_LIMIT_UPLOADS_PER_SHOP),
    },
  };
}

/** Thrown when a limit is exceeded; the HTTP mapping answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  readonly code = "rate_limited";

  constructor(
    readonly limit: RateLimit,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `You have done this too often in a short time. Please wait ${describeWait(retryAfterSeconds)} and try again.`,
    );
  }
}

function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "a second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

/**
 * Counts one hit of `limit` for `key` at `now`; throws RateLimitedError when the window already
 * admitted `limit.max` hits. Returns the hits counted in the window so far.
 */
export async function consumeRateLimit(db: Db, limit: RateLimit, key: string, now: Date): Promise<number> {
  const id = `${limit.name}:${key}`;
  const windowEndsAt = new Date(now.getTime() + limit.windowSeconds * 1000);
  const counter = await countRateLimitHit(db, id, now, windowEndsAt);
  if (counter.hits > limit.max) {
    const retryAfterSeconds = Math.max(1, Math.ceil((counter.windowEndsAt.getTime() - now.getTime()) / 1000));
    throw new RateLimitedError(limit, retryAfterSeconds);
  }
  return counter.hits;
}

/**
 * Counts one of the shopper's actions against their own limit and their shop's. The customer's
 * limit is checked first, so one shopper over their limit does not use up the shop's.
 */
export async function consumeShopperRateLimits(
  db: Db,
  action: ShopperAction,
  who: { shop: string; customerId: string },
  now: Date,
  limits: ShopperRateLimits = shopperRateLimits(),
): Promise<void> {
  await consumeRateLimit(db, limits[action].customer, `${who.shop}:${who.customerId}`, now);
  await consumeRateLimit(db, limits[action].shop, who.shop, now);
}

/** Deletes windows that ended before `now` (they would be reset on their next hit anyway). */
export async function pruneRateLimits(db: Db, now: Date): Promise<number> {
  return deleteEndedRateLimits(db, now);
}
