import { setTimeout } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";

// A shop's submissions queue on its claim counter's row lock, each holding it until it commits:
// under a burst on a loaded machine a submission's transaction ran past Prisma's default 5 s and
// was expired (P2028), a 500 to the shopper (npm run bench -- --only refunds, on PostgreSQL). The
// app's client lets an interactive transaction run longer (app/db.server.ts).

const SHOP = "slow-transaction-shop.myshopify.com";
const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

describe("the app's interactive transactions", () => {
  it("GIVEN a transaction holding the shop's claim counter WHEN it runs longer than Prisma's default 5 s THEN it commits", async () => {
    const number = await db.$transaction(async (tx) => {
      const counter = await tx.claimCounter.upsert({
        where: { shop: SHOP },
        create: { shop: SHOP, last: 1001 },
        update: { last: { increment: 1 } },
      });
      // As long as a submission queued behind others' locks on a loaded machine.
      await setTimeout(5_500);
      await tx.claimCounter.findUniqueOrThrow({ where: { shop: SHOP } });
      return counter.last;
    });
    expect(await db.claimCounter.findUnique({ where: { shop: SHOP } })).toMatchObject({ last: number });
  }, 20_000);
});
