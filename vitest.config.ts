import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Two tiers run here (the third, end-to-end, drives a real browser against the demo app):
// - unit: pure code (domain, utils), beside the code as *.test.ts, no database, no network.
// - integration: real loaders/actions with real Requests, a real database (one per worker) and
//   Shopify answered at the network edge. Lives in test/integration.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "app/**/*.test.ts",
            "app/**/*.test.tsx",
            "extensions/**/*.test.ts",
            // Component tests of the extensions' screens; each file opts into happy-dom itself
            // (`// @vitest-environment happy-dom`), so the rest of the unit tests stay on node.
            "extensions/**/*.test.tsx",
            "scripts/**/*.test.ts",
            "test/unit/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/global-setup.ts"],
          setupFiles: ["test/setup/integration-setup.ts"],
          env: { LOG_LEVEL: "error" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Browser tests against the demo (the production build on the simulator): npm run test:e2e.
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
