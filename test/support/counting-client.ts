import { Prisma, PrismaClient } from "@prisma/client";
import { createAdapterFactory, databaseTarget } from "../../app/db/database-target.server.mjs";

/**
 * A Prisma client on the test database that records every statement it sends, as "VERB Table",
 * from Prisma's query events, so that a test can count a path's round trips.
 */
export function countingClient() {
  const db = new PrismaClient({
    adapter: createAdapterFactory(databaseTarget(process.env.DATABASE_URL)),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: string[] = [];
  const table = new RegExp(`["\`](${Object.values(Prisma.ModelName).join("|")})["\`]`);
  db.$on("query", ({ query }) => {
    // Transaction control is not a round trip of ours (and differs between the drivers).
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|--)/i.test(query)) return;
    statements.push(`${query.trim().split(/\s+/)[0]?.toUpperCase()} ${table.exec(query)?.[1] ?? "?"}`);
  });
  return { db, statements };
}
