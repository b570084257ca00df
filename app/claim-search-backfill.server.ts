import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import prisma from "./db.server";
import { backfillClaimSearch } from "./db/claim-search.server";
import { logger } from "./utils/logger.server";

// The inbox search's backfill (docs/decisions/032-inbox-search-index.md): at server start (one
// import in app/entry.server.tsx), the claims filed before the search index, or indexed with an
// older version of its words, are indexed in batches by one instance at a time.

declare global {
  var __warrantyDeskClaimSearchBackfill: boolean | undefined;
}

const RETRY_MS = 60_000;

function startClaimSearchBackfill(): void {
  if (globalThis.__warrantyDeskClaimSearchBackfill) return;
  globalThis.__warrantyDeskClaimSearchBackfill = true;
  const log = logger.child({ job: "claim-search-backfill" });
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const later = () => setTimeout(() => void run(), RETRY_MS).unref();
  const run = async () => {
    try {
      const indexed = await backfillClaimSearch(prisma, { owner, leaseMs: RETRY_MS });
      // Another instance holds the lease: it does the work, unless it stops before it is done.
      if (indexed === null) later();
      else if (indexed > 0) log.info("claims indexed for the inbox search", { claims: indexed });
    } catch (error) {
      log.error("indexing claims for the inbox search failed: trying again in a minute", { error });
      later();
    }
  };
  void run();
}

startClaimSearchBackfill();
