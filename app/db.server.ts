import { PrismaClient } from "@prisma/client";
import { createAdapterFactory, databaseTarget } from "./db/database-target.server.mjs";
import { env } from "./utils/env.server";

// One Prisma client per process, through a driver adapter (libSQL for SQLite, pg for PostgreSQL):
// Prisma's Rust-free mode, so no native engine is needed. See docs/decisions/003-databases.md.

declare global {
  var __warrantyDeskPrisma: PrismaClient | undefined;
}

// How long an interactive transaction may wait for a connection before it fails. Prisma's default
// (2 s) turned a burst of 200 shoppers submitting at once on PostgreSQL (a pool of 10) into 46
// answers of 500 (npm run bench); waiting longer answers them all, a few seconds later.
const TRANSACTION_MAX_WAIT_MS = 15_000;
// How long an interactive transaction may run before Prisma expires it (its default is 5 s). A
// shop's submissions queue on its claim counter's row lock, each holding it until it commits: of
// 1,000 claims filed 20 at a time on PostgreSQL on a loaded machine, one got a 500 (P2028, "expired
// transaction", 5.1 s; npm run bench -- --only refunds). A slow transaction now completes.
const TRANSACTION_TIMEOUT_MS = 15_000;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({
    adapter: createAdapterFactory(databaseTarget(databaseUrl)),
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
}

// Reused across hot reloads in development so connections are not leaked.
const prisma: PrismaClient = (globalThis.__warrantyDeskPrisma ??= createPrismaClient(env().DATABASE_URL));

export default prisma;
