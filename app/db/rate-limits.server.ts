import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";

type Db = PrismaClient | Prisma.TransactionClient;

const CounterSchema = z.object({ hits: z.coerce.number(), windowEndsAt: z.coerce.date() });
type RateLimitCounter = z.infer<typeof CounterSchema>;

/**
 * Counts one hit on the counter `key` in ONE statement (INSERT … ON CONFLICT DO UPDATE …
 * RETURNING, the same SQL on SQLite and PostgreSQL): a window that ended by `now` starts again at
 * 1 and ends at `windowEndsAt`. Returns the counter after the hit.
 */
export async function countRateLimitHit(db: Db, key: string, now: Date, windowEndsAt: Date): Promise<RateLimitCounter> {
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO "RateLimit" ("key", "hits", "windowEndsAt")
    VALUES (${key}, 1, ${windowEndsAt})
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."windowEndsAt" <= ${now} THEN 1 ELSE "RateLimit"."hits" + 1 END,
      "windowEndsAt" = CASE WHEN "RateLimit"."windowEndsAt" <= ${now}
        THEN excluded."windowEndsAt" ELSE "RateLimit"."windowEndsAt" END
    RETURNING "hits", "windowEndsAt"`;
  const [counter] = z.array(CounterSchema).length(1).parse(rows);
  if (!counter) throw new Error(`rate limit ${key}: the upsert returned no row`);
  return counter;
}

/** Deletes the counters whose window ended by `now`. Returns how many. */
export async function deleteEndedRateLimits(db: Db, now: Date): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowEndsAt: { lte: now } } });
  return count;
}
