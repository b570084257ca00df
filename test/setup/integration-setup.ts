import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, inject } from "vitest";
import { Prisma } from "@prisma/client";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { createWorkerDatabase } from "../support/test-database";
import { appTomlScopes } from "../support/app-toml";
import { adminRequests, resetStores, shopifyEdge } from "../simulator/network-edge";

// Runs before each integration test file, before the app's modules are imported:
// - the app's environment comes from Shopify's testConfig() (the keys its test helpers sign with);
// - the file gets a fresh database copied from the migrated template;
// - the network edge answers Shopify's hosts (token exchange, Admin API); anything else fails.
const config = testConfig();
process.env.NODE_ENV = "test";
process.env.SHOPIFY_API_KEY = config.apiKey;
process.env.SHOPIFY_API_SECRET = config.apiSecretKey;
process.env.SHOPIFY_APP_URL = config.appUrl;
// The scopes the app installs with (shopify.app.toml); tests that need fewer say so.
process.env.SCOPES = appTomlScopes().join(",");
process.env.DATABASE_URL = await createWorkerDatabase(inject("testDatabases"), process.env.VITEST_POOL_ID ?? "1");
// Evidence files on disk (the default store), in a folder of this test file's own.
process.env.EVIDENCE_STORE = "disk";
const evidenceDir = mkdtempSync(join(tmpdir(), "wd-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;

// Listening before the test file imports the app: the Shopify library captures fetch at import.
shopifyEdge.listen({ onUnhandledRequest: "error" });
// Every test starts from empty tables and no evidence files, so tests never depend on order.
beforeEach(async () => {
  rmSync(evidenceDir, { recursive: true, force: true });
  mkdirSync(evidenceDir);
  const { default: prisma } = await import("../../app/db.server");
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = prisma[(model.charAt(0).toLowerCase() + model.slice(1)) as Uncapitalize<typeof model>] as {
      deleteMany: () => Promise<unknown>;
    };
    await delegate.deleteMany();
  }
});
afterEach(() => {
  shopifyEdge.resetHandlers();
  resetStores();
  adminRequests.length = 0;
});
afterAll(async () => {
  rmSync(evidenceDir, { recursive: true, force: true });
  shopifyEdge.close();
  const { default: prisma } = await import("../../app/db.server");
  await prisma.$disconnect();
});
