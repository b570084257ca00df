import { mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { createClient } from "@libsql/client";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "../../app/db.server";
import { processWebhookOnce, type Tx } from "../../app/db/webhook-deliveries.server";
import { databaseTarget, POSTGRES_POOL_SIZE } from "../../app/db/database-target.server.mjs";

// A burst of webhooks is a burst of interactive transactions. Whatever the burst, the app must hold
// a bounded number of connections: on SQLite, descriptors on the database file (libSQL once opened a
// new connection per transaction and kept it until garbage collection); on PostgreSQL, the pool's
// connections. See docs/decisions/003-databases.md.

const TRANSACTIONS = 2_000;
const CONCURRENCY = 50;
const SAMPLE_EVERY = 25;
const SHOP = "burst-shop.myshopify.com";
const target = databaseTarget(process.env.DATABASE_URL);

class RolledBack extends Error {}

/** Delivery i of the burst; every tenth one's work fails, so its transaction rolls back. */
const delivery = (i: number) => ({ webhookId: `burst-${i}`, shop: SHOP, topic: "orders/fulfilled" });
const rollsBack = (i: number) => i % 10 === 9;

/**
 * Processes TRANSACTIONS webhook deliveries, CONCURRENCY at a time, each in its own interactive
 * transaction (processWebhookOnce) doing `work`; calls `sample` every SAMPLE_EVERY deliveries.
 * Returns the unexpected errors (rolled-back work is expected).
 */
async function burst(
  db: PrismaClient,
  work: (tx: Tx) => Promise<void>,
  sample: () => Promise<void> | void,
): Promise<unknown[]> {
  const errors: unknown[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < TRANSACTIONS; i = next++) {
      try {
        await processWebhookOnce(db, delivery(i), async (tx) => {
          await work(tx);
          if (rollsBack(i)) throw new RolledBack();
        });
      } catch (err) {
        if (!(err instanceof RolledBack)) errors.push(err);
      }
      if (++done % SAMPLE_EVERY === 0) await sample();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return errors;
}

const committed = Array.from({ length: TRANSACTIONS }, (_, i) => i).filter((i) => !rollsBack(i));

async function recordedDeliveryIds(db: PrismaClient): Promise<string[]> {
  const rows = await db.webhookDelivery.findMany({ where: { shop: SHOP }, select: { webhookId: true } });
  return rows.map((row) => row.webhookId).sort();
}
const expectedDeliveryIds = committed.map((i) => delivery(i).webhookId).sort();

describe.runIf(target.provider === "sqlite")("SQLite connections under a burst of webhooks", () => {
  // The database file and its journal, as this process holds them open.
  const openDescriptors = () => {
    const databaseFile = realpathSync(target.url.slice("file:".length));
    return readdirSync("/proc/self/fd").filter((fd) => {
      try {
        const path = readlinkSync(`/proc/self/fd/${fd}`);
        return path === databaseFile || path.startsWith(`${databaseFile}-`);
      } catch {
        return false; // closed between the listing and the look
      }
    }).length;
  };

  it(`holds at most a few descriptors on the database file through ${TRANSACTIONS} transactions, ${CONCURRENCY} at a time, and keeps every committed write`, async () => {
    // GIVEN the app's client on this worker's database (the shared client of the test setup is
    // open too), and a claim counter that every delivery's work reads and then writes
    const db = createPrismaClient(target.url);
    await db.claimCounter.create({ data: { shop: SHOP, last: 1000 } });
    const peak = { descriptors: openDescriptors() };
    const sample = () => {
      peak.descriptors = Math.max(peak.descriptors, openDescriptors());
    };

    // WHEN the deliveries arrive, 50 at a time, one in ten failing after its writes
    const errors = await burst(
      db,
      async (tx) => {
        const counter = await tx.claimCounter.findUniqueOrThrow({ where: { shop: SHOP } });
        await tx.claimCounter.update({ where: { shop: SHOP }, data: { last: counter.last + 1 } });
      },
      sample,
    );
    sample();

    // THEN no transaction failed (no SQLITE_BUSY, no timeout), the descriptors stayed bounded
    // during the burst and after it, without waiting for garbage collection
    expect(errors).toEqual([]);
    expect(peak.descriptors).toBeLessThanOrEqual(10);
    expect(openDescriptors()).toBeLessThanOrEqual(10);
    // AND every committed delivery is recorded, no rolled-back one is, and the read-then-write
    // counter lost no update: the transactions ran one after another
    expect(await recordedDeliveryIds(db)).toEqual(expectedDeliveryIds);
    expect(await db.claimCounter.findUniqueOrThrow({ where: { shop: SHOP } })).toEqual({
      shop: SHOP,
      last: 1000 + committed.length,
    });
    await db.$disconnect();
  });

  it("ends a transaction whose COMMIT is refused (SQLITE_BUSY), so the connection's next statements are not inside it", async () => {
    // GIVEN a database file in the rollback journal, another connection reading it in an open
    // transaction (its shared lock makes a writer's COMMIT busy, and SQLite then leaves the
    // writer's transaction open; it also keeps the app's client from switching the file to WAL,
    // where readers never make a COMMIT busy), and the app's client on that file
    const dir = mkdtempSync(join(tmpdir(), "wd-busy-commit-"));
    const url = `file:${join(dir, "app.sqlite")}`;
    const reader = createClient({ url });
    await reader.execute("CREATE TABLE ClaimCounter (shop TEXT NOT NULL PRIMARY KEY, last INTEGER NOT NULL)");
    await reader.execute({ sql: "INSERT INTO ClaimCounter (shop, last) VALUES (?, 1000)", args: [SHOP] });
    await reader.execute("BEGIN");
    await reader.execute("SELECT last FROM ClaimCounter");
    const db = createPrismaClient(url);
    const storedLast = async () => {
      const { rows } = await reader.execute({ sql: "SELECT last FROM ClaimCounter WHERE shop = ?", args: [SHOP] });
      return rows.map((row) => Number(row.last));
    };

    try {
      // WHEN a transaction writes and its COMMIT is refused
      await expect(
        db.$transaction((tx) => tx.claimCounter.update({ where: { shop: SHOP }, data: { last: 1001 } })),
      ).rejects.toThrow("SQLITE_BUSY: database is locked");
      // AND, the reader gone, the client writes again in a transaction and outside one
      await reader.execute("COMMIT");
      await db.$transaction((tx) => tx.claimCounter.update({ where: { shop: SHOP }, data: { last: 1002 } }));
      expect(await storedLast()).toEqual([1002]);
      await db.claimCounter.update({ where: { shop: SHOP }, data: { last: 1003 } });

      // THEN the refused write was undone and the later writes are committed, as another
      // connection sees them
      expect(await storedLast()).toEqual([1003]);
    } finally {
      reader.close();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(target.provider === "postgresql")("PostgreSQL connections under a burst of webhooks", () => {
  it(`holds at most the pool's ${POSTGRES_POOL_SIZE} connections through ${TRANSACTIONS} transactions, ${CONCURRENCY} at a time, and keeps every committed write`, async () => {
    // GIVEN the app's client on this worker's database, its connections named so they can be
    // counted apart from the test setup's client
    const applicationName = `wd-burst-${process.pid}`;
    const url = new URL(target.url);
    url.searchParams.set("application_name", applicationName);
    const db = createPrismaClient(url.toString());
    await db.claimCounter.create({ data: { shop: SHOP, last: 1000 } });
    const observer = new pg.Client({ connectionString: target.url });
    await observer.connect();
    const openConnections = async () => {
      const {
        rows: [row],
      } = await observer.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
        [applicationName],
      );
      if (row === undefined) throw new Error("count(*) returned no row");
      return row.count;
    };
    const peak = { connections: await openConnections() };
    const sample = async () => {
      peak.connections = Math.max(peak.connections, await openConnections());
    };

    try {
      // WHEN the deliveries arrive, 50 at a time, one in ten failing after its writes
      const errors = await burst(
        db,
        async (tx) => {
          await tx.claimCounter.update({ where: { shop: SHOP }, data: { last: { increment: 1 } } });
        },
        sample,
      );
      await sample();

      // THEN no transaction failed, and the connections stayed within the pool's bound
      expect(errors).toEqual([]);
      expect(peak.connections).toBeGreaterThan(0);
      expect(peak.connections).toBeLessThanOrEqual(POSTGRES_POOL_SIZE);
      // AND every committed delivery is recorded and counted once, no rolled-back one is
      expect(await recordedDeliveryIds(db)).toEqual(expectedDeliveryIds);
      expect(await db.claimCounter.findUniqueOrThrow({ where: { shop: SHOP } })).toEqual({
        shop: SHOP,
        last: 1000 + committed.length,
      });
      // AND disconnecting closes them all (the server ends its backends a moment later)
      await db.$disconnect();
      const deadline = Date.now() + 5_000;
      while ((await openConnections()) > 0 && Date.now() < deadline) await setTimeout(50);
      expect(await openConnections()).toBe(0);
    } finally {
      await db.$disconnect();
      await observer.end();
    }
  });
});
