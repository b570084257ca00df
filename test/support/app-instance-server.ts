// One app instance in a process of its own (started by test/support/app-instance.ts): the app's
// real modules (loaded by tsx from the source, as the integration tests load them), served over
// HTTP by the production Express app (server/app.ts), with its own Prisma client and email worker
// (app/email-worker.server.ts starts it when SMTP_URL and EMAIL_FROM are set).
//
// Shopify: every request to https://*.myshopify.com is forwarded over HTTP to SIMULATOR_URL (the
// original URL in its `url` query parameter), where
// the parent test process's store simulator answers, so all instances talk to one Shopify.
//
// Environment: the app's (DATABASE_URL, SHOPIFY_*, EVIDENCE_STORE, S3_*, SMTP_URL, …) and
// SIMULATOR_URL. When ready it prints one JSON line {"msg":"instance-ready","port":…,"pid":…,
// "workerOwner":…}; the app's own log lines (JSON) follow on standard output.
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { http } from "msw";
import { setupServer } from "msw/node";

/** The app's routes this instance serves: file name in app/routes -> URL path. */
const INSTANCE_ROUTES = {
  healthz: "healthz",
  "webhooks.fulfillments.create": "webhooks/fulfillments/create",
  "webhooks.customers.data_request": "webhooks/customers/data_request",
  "app.claims.$claimId": "app/claims/:claimId",
  "api.uploads": "api/uploads",
  "api.uploads.$uploadId.thumbnail": "api/uploads/:uploadId/thumbnail",
} as const;

type RouteFunction = ((args: unknown) => Promise<unknown>) | undefined;
/** A page's loader or action answering as a resource route may: a Response, its data as JSON. */
const asJson = (run: RouteFunction): RouteFunction =>
  run &&
  (async (args) => {
    const result = await run(args);
    return result instanceof Response ? result : Response.json(result);
  });

async function main() {
  const simulatorUrl = process.env.SIMULATOR_URL ?? "";
  // Before the app's modules load: the Shopify library captures fetch at import.
  const edge = setupServer(
    http.all(/^https:\/\/[a-z0-9][a-z0-9-]*\.myshopify\.com\//, async ({ request }) => {
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
      const forwarded = `${simulatorUrl}/?${new URLSearchParams({ url: request.url })}`;
      return fetch(forwarded, { method: request.method, headers: request.headers, ...(body ? { body } : {}) });
    }),
  );
  edge.listen({ onUnhandledRequest: "bypass" });

  const { default: db } = await import("../../app/db.server");
  await import("../../app/email-worker.server");
  const worker = globalThis.__warrantyDeskNotificationWorker ?? null;
  const { logger } = await import("../../app/utils/logger.server");
  const { createProductionApp } = await import("../../server/app");
  const { resourceRoutesBuild } = await import("./remix-build");

  const routes: Record<string, unknown> = { root: { id: "root", path: "", module: { default: () => null } } };
  for (const [file, path] of Object.entries(INSTANCE_ROUTES)) {
    const { loader, action } = (await import(`../../app/routes/${file}.tsx`)) as Record<string, RouteFunction>;
    // Without a default export Remix serves the route's loader and action as they answer.
    const module = { loader: asJson(loader), action: asJson(action) };
    routes[`routes/${file}`] = { id: `routes/${file}`, parentId: "root", path, module };
  }
  const server = createProductionApp({
    build: resourceRoutesBuild(routes),
    clientDir: join(process.cwd(), "public"),
    logger,
  }).listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    const ready = { msg: "instance-ready", port, pid: process.pid, workerOwner: worker?.owner ?? null };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  });

  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => {
      void (async () => {
        await worker?.stop();
        await db.$disconnect();
        edge.close();
        process.exit(0);
      })();
    });
  });
}

await main();
