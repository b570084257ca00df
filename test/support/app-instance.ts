import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { vi } from "vitest";
import type { NotificationWorker } from "../../app/services/notifications/worker.server";
import type * as ShopifyServer from "../../app/shopify.server";
import { createLogger } from "../../app/utils/logger.server";
import { createProductionApp } from "../../server/app";
import { resourceRoutesBuild } from "./remix-build";

// One app instance in this test process, as a second server would be: its own module graph (the
// app's modules evaluated afresh after vi.resetModules(), so its own Prisma client and connection
// pool, its own shopifyApp(), environment, evidence store and email worker), served over HTTP by
// the production Express app (server/app.ts) on a port of its own. The app's real route modules
// make its Remix build; page routes are served by their loader and action alone (no React
// rendering), as a data request reaches them. Shared with the other instances: the process and
// its event loop, the libraries in node_modules (loaded once by Node) and the network edge, whose
// store simulator is the one Shopify every instance talks to.

/** The routes an instance serves: file name in app/routes -> URL path. */
const ROUTES = {
  healthz: "healthz",
  "webhooks.fulfillments.create": "webhooks/fulfillments/create",
  "webhooks.customers.data_request": "webhooks/customers/data_request",
  "app.claims.$claimId": "app/claims/:claimId",
  "api.uploads": "api/uploads",
  "api.uploads.$uploadId.thumbnail": "api/uploads/:uploadId/thumbnail",
} as const;

export interface AppInstance {
  name: string;
  baseUrl: string;
  /** This instance's Prisma client (app/db.server.ts of its module graph). */
  db: PrismaClient;
  /** This instance's email worker, started by app/email-worker.server.ts; null when emails are off. */
  worker: NotificationWorker | null;
  /** This instance's app/shopify.server.ts. */
  shopify: typeof ShopifyServer;
  /** The app's JSON log lines (errors only unless LOG_LEVEL says otherwise). */
  logLines: string[];
  /** Sends a request built for the app's URL (the test helpers' requests) to this instance. */
  send(request: Request): Promise<Response>;
  stop(): Promise<void>;
}

/** The worker app/email-worker.server.ts started (read through a call: the reset above would narrow it to undefined). */
const runningWorker = (): NotificationWorker | null => globalThis.__warrantyDeskNotificationWorker ?? null;

type RouteFunction = ((args: unknown) => Promise<unknown>) | undefined;
const asJson = (run: RouteFunction): RouteFunction =>
  run &&
  (async (args) => {
    const result = await run(args);
    return result instanceof Response ? result : Response.json(result);
  });

/**
 * Starts an instance with the environment as it is now (set what differs from the test setup's
 * first). The previous instance's modules stay with it; the test file's own later imports of app
 * modules get this instance's.
 */
export async function startAppInstance(name: string): Promise<AppInstance> {
  vi.resetModules();
  // Both are per-process singletons kept on globalThis across hot reloads: a second instance makes its own.
  globalThis.__warrantyDeskPrisma = undefined;
  globalThis.__warrantyDeskNotificationWorker = undefined;
  const db = (await import("../../app/db.server")).default;
  await import("../../app/email-worker.server");
  const worker = runningWorker();
  const shopify = await import("../../app/shopify.server");

  const routes: Record<string, unknown> = { root: { id: "root", path: "", module: { default: () => null } } };
  for (const [file, path] of Object.entries(ROUTES)) {
    const { loader, action } = (await import(`../../app/routes/${file}.tsx`)) as Record<string, RouteFunction>;
    // Without a default export Remix serves the route's loader and action as they answer; a page's
    // data goes out as JSON (what a resource route may return).
    const module = { loader: asJson(loader), action: asJson(action) };
    routes[`routes/${file}`] = { id: `routes/${file}`, parentId: "root", path, module };
  }
  const logLines: string[] = [];
  const clientDir = mkdtempSync(join(tmpdir(), `wd-instance-${name}-`));
  const app = createProductionApp({
    build: resourceRoutesBuild(routes),
    clientDir,
    logger: createLogger({ level: "error", write: (line) => logLines.push(line) }),
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    name,
    baseUrl,
    db,
    worker,
    shopify,
    logLines,
    async send(request) {
      const url = new URL(request.url);
      const body = request.body ? await request.arrayBuffer() : undefined;
      return fetch(`${baseUrl}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        ...(body ? { body } : {}),
      });
    },
    async stop() {
      await worker?.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.$disconnect();
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}
