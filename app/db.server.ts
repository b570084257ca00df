import { PrismaClient } from "@prisma/client";
import { createAdapterFactory, databaseTarget } from "./db/database-target.server.mjs";
import { env } from "./utils/env.server";

// One Prisma client per process, through a driver adapter (libSQL for SQLite, pg for PostgreSQL):
// Prisma's Rust-free mode, so no native engine is needed. See docs/decisions/003-databases.md.

declare global {
  var __warrantyDeskPrisma: PrismaClient | undefined;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createAdapterFactory(databaseTarget(databaseUrl)) });
}

// Reused across hot reloads in development so connections are not leaked.
const prisma: PrismaClient = (globalThis.__warrantyDeskPrisma ??= createPrismaClient(env().DATABASE_URL));

export default prisma;
