// The bench's app process: the production server (the production build behind server/app.ts, as
// `npm start` runs it) on the store simulator, answered at the network edge as in the demo (test/demo/server.ts). Run by
// bench/run.ts as a child process so the bench's own client work never shares the app's event loop;
// it reads the app's JSON request log on this process's standard output.
//
// Environment (set by bench/run.ts): DATABASE_URL (already migrated and seeded), PORT, BENCH_SHOP,
// BENCH_CLAIM_EVENTS, BENCH_CLAIM_EVIDENCE. When ready it prints one JSON line
// {"msg":"bench-ready","claimPageClaimId":…}.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import express from "express";
import { http } from "msw";
import { setupServer } from "msw/node";
import { seedDemoStore } from "../test/simulator/seed";
import { ShopifySimulator } from "../test/simulator/simulator";
import { signAdminSessionToken } from "../test/demo/session-tokens";
import { logger } from "../app/utils/logger.server";
import { createProductionApp } from "../server/app";
import { BENCH_APP, BROWSER_USER_AGENT } from "./bench-app";

const shop = process.env.BENCH_SHOP ?? "";
const port = Number(process.env.PORT);
const eventCount = Number(process.env.BENCH_CLAIM_EVENTS ?? 100);
const evidenceCount = Number(process.env.BENCH_CLAIM_EVIDENCE ?? 20);
const baseUrl = `http://127.0.0.1:${port}`;

Object.assign(process.env, {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: BENCH_APP.apiKey,
  SHOPIFY_API_SECRET: BENCH_APP.apiSecret,
  SHOPIFY_APP_URL: baseUrl,
  EVIDENCE_STORE: "disk",
  EVIDENCE_DIR: mkdtempSync(join(tmpdir(), "wd-bench-evidence-")),
  LOG_LEVEL: "info",
  // The refunds scenario files 1,000 claims in the one shop within minutes, beside the submission
  // scenario's: more than the shop's hourly limit allows a real shop (500).
  RATE_LIMIT_SUBMISSIONS_PER_SHOP: "100000",
  // No SMTP_URL: emails are off, so no worker polls the database while the bench measures.
});

const simulator = new ShopifySimulator({ apiKey: BENCH_APP.apiKey, apiSecret: BENCH_APP.apiSecret });
const manifest = seedDemoStore(simulator, { shop, now: new Date(), seed: 20261129 });

// Wall time the store simulator was busy answering the app (overlapping calls counted once), so
// the bench can tell the app's own time from the simulated Shopify's.
let simulatorBusyMs = 0;
let inFlight = 0;
let busySince = 0;
const simulatorTime = () => simulatorBusyMs + (inFlight > 0 ? performance.now() - busySince : 0);
/** Every Admin GraphQL operation the simulator answered, with the cost it reported as Shopify does. */
interface AdminOperation {
  name: string | null;
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
}
const adminOperations: AdminOperation[] = [];

async function recordAdminOperation(request: Request, response: Response) {
  if (!new URL(request.url).pathname.endsWith("/graphql.json")) return;
  const body = (await request.json()) as { query?: string; operationName?: string };
  const answer = (await response.json()) as {
    extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null } };
  };
  adminOperations.push({
    name: body.operationName ?? /\b(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? null,
    requestedQueryCost: answer.extensions?.cost?.requestedQueryCost ?? null,
    actualQueryCost: answer.extensions?.cost?.actualQueryCost ?? null,
  });
}

installGlobals({ nativeFetch: true });
// Shopify's hosts are answered by the simulator, before the app loads (the library captures fetch).
const edge = setupServer(
  http.all(/^https:\/\/[a-z0-9-]+\.myshopify\.com\//, async ({ request }) => {
    if (inFlight++ === 0) busySince = performance.now();
    try {
      const copy = request.clone();
      const response = await simulator.handle(request);
      if (!response) return new Response("The store simulator does not serve this URL.", { status: 502 });
      await recordAdminOperation(copy, response.clone());
      return response;
    } finally {
      if (--inFlight === 0) simulatorBusyMs += performance.now() - busySince;
    }
  }),
);
edge.listen({ onUnhandledRequest: "bypass" });

// The production server's app (server/app.ts: compression, static files, the JSON request log,
// the Remix handler) on the production build, as server/index.ts starts it. Not build/server.js
// itself: it installs Remix's globals after loading the build, which would replace the fetch the
// network edge intercepts (a real deployment has no edge, so the order does not matter there).
const build = (await import(pathToFileURL(join(process.cwd(), "build", "server", "index.js")).href)) as ServerBuild;
const productionApp = createProductionApp({ build, clientDir: join(process.cwd(), "build", "client"), logger });
const app = express();
// Bench only, not the product's: what the simulated Shopify holds of each order's refunds (the
// refunds scenario counts them per order), with what one unit of each line was paid, in minor units.
app.get("/bench/simulator/refunds", (_req, res) => {
  const orders = simulator.store(shop).state.orders.map((order) => ({
    orderId: order.id,
    unitPaid: Object.fromEntries(
      order.lineItems.map((line) => [
        line.id,
        (line.originalUnitPrice * line.quantity - line.discountAllocations.reduce((sum, d) => sum + d.amount, 0)) /
          line.quantity,
      ]),
    ),
    refunds: order.refunds.map((refund) => ({
      id: refund.id,
      amount: order.transactions
        .filter((t) => refund.transactionIds.includes(t.id) && t.status === "SUCCESS")
        .reduce((sum, t) => sum + t.amount, 0),
      lines: refund.lineItems.map((line) => ({ lineItemId: line.lineItemId, quantity: line.quantity })),
    })),
  }));
  res.json({ orders });
});
// One line per request beside the app's own: the simulator's time within it (exact for the
// bench's one-at-a-time requests).
// The operations logged before the oldest open request's first are no request's any more, and the
// simulator's own request log is for tests' assertions: both are let go, or a long scenario keeps
// every query's text twice (about 40 MB of the app process's heap per 1,000 refunded claims).
let droppedOperations = 0;
const openRequestsFrom = new Map<object, number>();
app.use((req, res, next) => {
  const started = simulatorTime();
  const firstOperation = droppedOperations + adminOperations.length;
  openRequestsFrom.set(res, firstOperation);
  res.once("close", () => openRequestsFrom.delete(res));
  res.once("finish", () => {
    const line = {
      msg: "bench-simulator",
      requestId: req.headers["x-request-id"],
      simulatorMs: simulatorTime() - started,
      adminOperations: adminOperations.slice(firstOperation - droppedOperations),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    openRequestsFrom.delete(res);
    const stillNeeded = Math.min(droppedOperations + adminOperations.length, ...openRequestsFrom.values());
    adminOperations.splice(0, stillNeeded - droppedOperations);
    droppedOperations = stillNeeded;
    simulator.adminRequests.length = 0;
    simulator.tokenRequests.length = 0;
  });
  next();
});
app.use(productionApp);
const server = app.listen(port, "127.0.0.1");
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open.
  server.closeAllConnections();
});

async function waitForHealth() {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The production server did not answer /healthz");
}
await waitForHealth();

// The merchant opens the app once, as in the demo: the real token exchange stores the shop's
// offline session.
const { token } = await signAdminSessionToken(BENCH_APP, shop);
const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
const entry = new URLSearchParams({ embedded: "1", shop, host, id_token: token, locale: "en" });
const install = await fetch(`${baseUrl}/app?${entry}`, {
  headers: { "User-Agent": BROWSER_USER_AGENT, "X-Request-Id": "bench-install" },
});
if (!install.ok) throw new Error(`Installing the app failed: HTTP ${install.status}`);

// The claim page's claim, made by the app's own services on an order of the simulated store.
const { seedClaimPageClaim } = await import("./claim-page-claim");
const claimPageClaimId = await seedClaimPageClaim({ simulator, manifest, eventCount, evidenceCount });

// An order a shopper may still claim (delivered two days ago), for the evaluation scenario.
const { customer, order } = manifest.customers
  .flatMap((c) => c.orders.map((o) => ({ customer: c, order: o })))
  .find(({ order }) => order.scenario === "delivered-2-days-ago")!;
const lineItemId = simulator.store(shop).state.orders.find((o) => o.id === order.id)!.lineItems[0]!.id;
const evaluationOrder = { customerId: customer.id, orderId: order.id, lineItemId };

// Shoppers with an order each, for the submission scenario.
const { seedShoppers } = await import("./shoppers");
const shoppers = await seedShoppers(simulator, manifest, Number(process.env.BENCH_SHOPPERS ?? 0), new Date());

// Shoppers with an order of two units each, for the refunds scenario.
const { seedRefundShoppers } = await import("./refund-shoppers");
const refundShoppers = seedRefundShoppers(
  simulator,
  manifest,
  Number(process.env.BENCH_REFUND_SHOPPERS ?? 0),
  new Date(),
);

const evidenceDir = process.env.EVIDENCE_DIR;
process.stdout.write(
  `${JSON.stringify({ msg: "bench-ready", claimPageClaimId, evaluationOrder, shoppers, evidenceDir, refundShoppers })}\n`,
);
