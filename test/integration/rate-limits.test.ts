import { afterAll, describe, expect, it } from "vitest";
import prisma, { createPrismaClient } from "../../app/db.server";
import {
  consumeRateLimit,
  consumeShopperRateLimits,
  pruneRateLimits,
  RateLimitedError,
  type RateLimit,
  type ShopperRateLimits,
} from "../../app/services/rate-limits.server";

// Rate limits kept in the database: every app instance (here: a second Prisma client on the same
// database, as a second process would have) counts against the same windows.

const second = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => second.$disconnect());

const limit: RateLimit = { name: "test.customer", max: 3, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0) + seconds * 1000);

async function outcome(run: () => Promise<unknown>): Promise<"admitted" | number> {
  try {
    await run();
    return "admitted";
  } catch (error) {
    if (error instanceof RateLimitedError) return error.retryAfterSeconds;
    throw error;
  }
}

describe("consumeRateLimit", () => {
  it("GIVEN two app instances THEN their hits count against one window, and the fourth waits for its end", async () => {
    // GIVEN three hits split between two clients within the window
    expect(await consumeRateLimit(prisma, limit, "shopper-1", at(0))).toBe(1);
    expect(await consumeRateLimit(second, limit, "shopper-1", at(10))).toBe(2);
    expect(await consumeRateLimit(prisma, limit, "shopper-1", at(20))).toBe(3);
    // WHEN a fourth comes 45.2 s after the window opened
    const refused = await outcome(() => consumeRateLimit(second, limit, "shopper-1", at(45.2)));
    // THEN it is refused until the window's end, 14.8 s later, rounded up
    expect(refused).toBe(15);
    // AND another key has its own window
    expect(await consumeRateLimit(second, limit, "shopper-2", at(45))).toBe(1);
  });

  it("GIVEN an expired window WHEN hit again THEN it starts a new window from that hit", async () => {
    for (const s of [0, 1, 2]) await consumeRateLimit(prisma, limit, "shopper-1", at(s));
    expect(await outcome(() => consumeRateLimit(prisma, limit, "shopper-1", at(59.999)))).toBe(1);
    // the window opened at 0 s ends at 60 s
    expect(await consumeRateLimit(second, limit, "shopper-1", at(60))).toBe(1);
    expect(await consumeRateLimit(prisma, limit, "shopper-1", at(61))).toBe(2);
    const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: "test.customer:shopper-1" } });
    expect(row).toEqual({ key: "test.customer:shopper-1", hits: 2, windowEndsAt: at(120) });
  });

  it("GIVEN 40 concurrent hits from two instances THEN exactly the limit is admitted", async () => {
    const wide: RateLimit = { name: "test.burst", max: 7, windowSeconds: 60 };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        outcome(() => consumeRateLimit(i % 2 === 0 ? prisma : second, wide, "shop-1", at(1))),
      ),
    );
    expect(results.filter((r) => r === "admitted")).toHaveLength(7);
    expect(results.filter((r) => r === 60)).toHaveLength(33);
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: "test.burst:shop-1" } })).hits).toBe(40);
  });

  it("GIVEN ended windows WHEN pruned THEN only those rows go", async () => {
    await consumeRateLimit(prisma, limit, "old", at(0));
    await consumeRateLimit(prisma, limit, "current", at(30));
    expect(await pruneRateLimits(prisma, at(60))).toBe(1);
    expect((await prisma.rateLimit.findMany()).map((r) => r.key)).toEqual(["test.customer:current"]);
  });
});

describe("consumeShopperRateLimits", () => {
  const limits: ShopperRateLimits = {
    submissions: {
      customer: { name: "submissions.customer", max: 2, windowSeconds: 3600 },
      shop: { name: "submissions.shop", max: 3, windowSeconds: 3600 },
    },
    replies: {
      customer: { name: "replies.customer", max: 1, windowSeconds: 3600 },
      shop: { name: "replies.shop", max: 1, windowSeconds: 3600 },
    },
    uploads: {
      customer: { name: "uploads.customer", max: 1, windowSeconds: 3600 },
      shop: { name: "uploads.shop", max: 1, windowSeconds: 3600 },
    },
  };
  const shopper = (customer: number, shop = "a.myshopify.com") => ({
    shop,
    customerId: `gid://shopify/Customer/${customer}`,
  });

  it("GIVEN a shopper at their limit THEN they wait, others of the shop go on until the shop's limit", async () => {
    const submit = (who: { shop: string; customerId: string }) =>
      outcome(() => consumeShopperRateLimits(prisma, "submissions", who, at(0), limits));
    expect(await submit(shopper(1))).toBe("admitted");
    expect(await submit(shopper(1))).toBe("admitted");
    expect(await submit(shopper(1))).toBe(3600);
    // the refused hit did not use up the shop's limit: one more shopper fits
    expect(await submit(shopper(2))).toBe("admitted");
    expect(await submit(shopper(3))).toBe(3600);
    // another shop and another action have their own windows
    expect(await submit(shopper(3, "b.myshopify.com"))).toBe("admitted");
    expect(await outcome(() => consumeShopperRateLimits(prisma, "replies", shopper(1), at(0), limits))).toBe(
      "admitted",
    );
  });
});
