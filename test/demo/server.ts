// `npm run demo`: the real app (the production build) on the store simulator, offline.
//   npm run demo                 start (keeps the data of the previous run)
//   npm run demo -- --reset      start from a freshly seeded store and an empty app database
// Options: --port N (or PORT; default 3000), --data-dir DIR (default .cache/demo).
// Only the network edge (Shopify's hosts, answered by the simulator) and the host frame (the
// admin page and an App Bridge stand-in) are simulated; the app's code runs unchanged. The app's
// emails go to a local SMTP server, the demo mailbox (/demo/mail; mailbox.ts, decision 025).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import type { Response as ExpressResponse } from "express";
import { http } from "msw";
import { setupServer } from "msw/node";
import { ShopifySimulator, type SimulatorOptions } from "../simulator/simulator";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { parse as parseToml } from "smol-toml";
import { buildExtension, EXTENSIONS } from "../../scripts/build-extension.mjs";
import {
  adminHostPage,
  demoLocale,
  extensionFramePage,
  extensionFrameUrl,
  extensionPage,
  frontPage,
  shopperPage,
  type DemoLocale,
} from "./pages";
import { signAdminSessionToken, signCustomerAccountSessionToken } from "./session-tokens";
import { startDemoMailbox } from "./mailbox";
import { mailboxPage, mailMessagePage, mailPageCsp, type MailboxView } from "./mailbox-pages";
import { appPathOrHome, demoPageForShopifyUrl } from "./shopify-links";

export const DEMO_APP = {
  apiKey: "warranty-desk-demo",
  // The demo app's own secret: it signs the demo admin's session tokens. Not a real credential.
  apiSecret: "warranty-desk-demo-secret",
  shop: "warranty-desk-demo.myshopify.com",
} as const;

const root = process.cwd();
const { values } = parseArgs({
  options: {
    reset: { type: "boolean", default: false },
    port: { type: "string" },
    "data-dir": { type: "string" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const dataDir = resolve(values["data-dir"] ?? join(root, ".cache", "demo"));
const appUrl = `http://localhost:${port}`;

if (values.reset) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

// The demo's mailbox: a local SMTP server that keeps every email the app sends (in the data dir, so
// a restart keeps them), started before the app so its configuration can point at it.
const mailbox = await startDemoMailbox({ dir: join(dataDir, "mail") });

// The app's configuration, exactly as a deployment would set it.
Object.assign(process.env, {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: DEMO_APP.apiKey,
  SHOPIFY_API_SECRET: DEMO_APP.apiSecret,
  SHOPIFY_APP_URL: appUrl,
  DATABASE_URL: `file:${join(dataDir, "app.sqlite")}`,
  APP_BRIDGE_URL: `${appUrl}/demo/app-bridge.js`,
  // The shoppers' evidence files, beside the demo's database (--reset removes both).
  EVIDENCE_STORE: "disk",
  EVIDENCE_DIR: join(dataDir, "evidence"),
  // One JSON line per request, as the production server writes them (info).
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  PORT: String(port),
  // Emails go to the demo's mailbox; the sending worker looks for queued ones every second.
  SMTP_URL: mailbox.smtpUrl,
  EMAIL_FROM: "claims@warranty-desk.example",
  NOTIFICATIONS_WORKER: "on",
  NOTIFICATIONS_POLL_MS: "1000",
});

execFileSync(process.execPath, [join(root, "scripts/db.mjs"), "deploy"], { stdio: ["ignore", "ignore", "inherit"] });

// The store: loaded from the previous run, or seeded.
const simulatorOptions: SimulatorOptions = { apiKey: DEMO_APP.apiKey, apiSecret: DEMO_APP.apiSecret };
const storeFile = join(dataDir, "store.json");
let simulator: ShopifySimulator;
let manifest: DemoManifest;
// A fresh store also gets the demo's claims, once the app is installed (they need its session).
const freshStore = !existsSync(storeFile);
if (!freshStore) {
  const saved = JSON.parse(readFileSync(storeFile, "utf8")) as { simulator: unknown; manifest: DemoManifest };
  simulator = ShopifySimulator.fromJSON(saved.simulator, simulatorOptions);
  manifest = saved.manifest;
} else {
  simulator = new ShopifySimulator(simulatorOptions);
  manifest = seedDemoStore(simulator, { shop: DEMO_APP.shop, now: new Date(), seed: 20261124 });
}
function saveStore() {
  const tmp = `${storeFile}.partial`;
  writeFileSync(tmp, JSON.stringify({ simulator: simulator.toJSON(), manifest }));
  renameSync(tmp, storeFile);
}
saveStore();
let saveTimer: NodeJS.Timeout | undefined;
const scheduleSave = () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveStore, 200);
};

// The globals remix-serve installs (undici's fetch among them), then the edge on top of them.
installGlobals({ nativeFetch: true });

// The network edge: Shopify's hosts are answered by the simulator, before the app is imported
// (the Shopify library captures fetch when it loads).
const edge = setupServer(
  http.all(/^https:\/\/[a-z0-9-]+\.myshopify\.com\//, async ({ request }) => {
    const response = await simulator.handle(request);
    scheduleSave();
    return response ?? new Response("The store simulator does not serve this URL.", { status: 502 });
  }),
);
edge.listen({ onUnhandledRequest: "bypass" });

const { default: express } = await import("express");
const { createProductionApp } = await import("../../server/app");
const { logger } = await import("../../app/utils/logger.server");
const buildPath = join(root, "build", "server", "index.js");
if (!existsSync(buildPath)) throw new Error("No production build: run `npm run build` (npm run demo does it for you).");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

// The demo's own pages, answered by the production server's app before the app's routes (so one
// JSON line per request, static files and the favicon as `npm start` serves them).
const demo = express.Router();
// The app allows only Shopify's admin to frame it (CSP frame-ancestors). Here the demo admin
// page, on the app's own origin, is the admin: it is added to the list, nothing else changes.
demo.use((_req, res, next) => {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() === "content-security-policy" && typeof value === "string") {
      return setHeader(name, value.replace("frame-ancestors", "frame-ancestors 'self'"));
    }
    return setHeader(name, value);
  };
  next();
});
demo.get("/demo/app-bridge.js", (_req, res) => {
  res.type("application/javascript").sendFile(join(root, "test/demo/public/app-bridge.js"));
});
demo.get("/demo/api/session-token", async (_req, res) => {
  res.set("Cache-Control", "no-store").json(await signAdminSessionToken(DEMO_APP, DEMO_APP.shop));
});
// What Shopify's resource picker lists (the App Bridge stand-in shows it): the store's products,
// with their variants, filtered by title like the picker's search.
demo.get("/demo/api/products", (req, res) => {
  const store = simulator.store(DEMO_APP.shop);
  const query = String(req.query.query ?? "").toLowerCase();
  const products = store.state.products
    .filter((p) => p.title.toLowerCase().includes(query))
    .map((p) => ({
      id: p.id,
      title: p.title,
      handle: p.handle,
      status: p.status,
      variants: store.variantsOf(p.id).map((v) => ({ id: v.id, title: v.title })),
    }));
  res.set("Cache-Control", "no-store").json(products);
});

// The shopper's side: customer-account pages running the extensions' real bundles, each target in
// its own frame as customer accounts sandbox them.
const extensionDir = join(dataDir, "extension");
await buildExtension({ outdir: extensionDir, appUrl });
/** Every target of every extension: its bundle's module, its extension's handle and folder. */
const targets = new Map(
  EXTENSIONS.flatMap(({ dir, targets: modules }) => {
    const toml = parseToml(readFileSync(join(dir, "shopify.extension.toml"), "utf8")) as {
      extensions: { handle: string }[];
    };
    const handle = toml.extensions[0]!.handle;
    return Object.entries(modules).map(([target, module]) => [target, { module, handle, dir }] as const);
  }),
);
const extensionDirs = new Map([...targets.values()].map(({ handle, dir }) => [handle, dir]));
const findOrder = (customerId: unknown, orderId: unknown) => {
  const customer = manifest.customers.find((c) => c.id === customerId);
  const order = customer?.orders.find((o) => o.id === orderId || o.id === `gid://shopify/Order/${String(orderId)}`);
  return customer && order ? { customer, order } : null;
};
demo.get("/demo/polaris-stand-ins.js", (_req, res) => {
  res.type("application/javascript").sendFile(join(root, "test/demo/public/polaris-stand-ins.js"));
});
demo.get("/demo/extension/:handle/locales/:file", (req, res) => {
  const dir = extensionDirs.get(req.params.handle);
  if (!dir || !/^[a-z]{2}(-[A-Z]{2})?(\.default)?\.json$/.test(req.params.file)) return void res.sendStatus(404);
  const file = join(dir, "locales", req.params.file);
  if (!existsSync(file)) return void res.sendStatus(404);
  res.set("Cache-Control", "no-store").sendFile(file);
});
demo.use("/demo/extension", express.static(extensionDir, { maxAge: 0 }));
demo.get("/demo/api/customer-session-token", async (req, res) => {
  const customer = manifest.customers.find((c) => c.id === req.query.customer);
  if (!customer) return void res.status(404).json({ error: "unknown customer" });
  // A customer account's token, as Shopify signs it for the extension: it never opens the admin.
  res
    .set("Cache-Control", "no-store")
    .json(await signCustomerAccountSessionToken(DEMO_APP, DEMO_APP.shop, customer.id));
});
const shopName = () => simulator.store(DEMO_APP.shop).shop.name;
// The order's page in customer accounts: the "Report a problem" menu item and the order-status block.
demo.get("/demo/shopper", (req, res) => {
  const found = findOrder(req.query.customer, req.query.order);
  if (!found) return void res.status(404).type("text").send("No such customer and order in the demo store.");
  res.type("html").send(shopperPage({ shopName: shopName(), locale: demoLocale(req.query.locale), ...found }));
});
// A full-page extension on an order, at the URL customer accounts give it:
// extension:<handle>/<target>/<order number>/<path> is /demo/shopper/page/<handle>/<target>/<order number>/<path>.
demo.get("/demo/shopper/page/:handle/:target/:orderNumber/*", (req, res) => {
  const found = findOrder(req.query.customer, req.params.orderNumber);
  const target = targets.get(req.params.target);
  if (!found || !target || target.handle !== req.params.handle || !req.params.target.endsWith(".page.render")) {
    return void res.status(404).type("text").send("Unknown order or extension page.");
  }
  const path = (req.params as Record<string, string>)[0] ?? "";
  const locale = demoLocale(req.query.locale);
  const url = `extension:${target.handle}/${req.params.target}/${req.params.orderNumber}/${path}`;
  const pageUrl = (l: DemoLocale) => {
    const query = new URLSearchParams({ customer: found.customer.id });
    if (l !== "en") query.set("locale", l);
    return `/demo/shopper/page/${target.handle}/${req.params.target}/${req.params.orderNumber}/${path}?${query}`;
  };
  const frameSrc = extensionFrameUrl({
    target: req.params.target,
    customerId: found.customer.id,
    orderId: found.order.id,
    locale,
    url,
  });
  res.type("html").send(extensionPage({ shopName: shopName(), locale, ...found, frameSrc, pageUrl }));
});
demo.get("/demo/shopper/extension", (req, res) => {
  const found = findOrder(req.query.customer, req.query.order);
  const targetName = String(req.query.target ?? "");
  const target = targets.get(targetName);
  if (!found || !target) return void res.status(404).type("text").send("Unknown order or extension target.");
  const fullPage = targetName.endsWith(".page.render");
  res.type("html").send(
    extensionFramePage({
      target: targetName,
      module: target.module,
      handle: target.handle,
      orderId: found.order.id,
      orderName: found.order.name,
      customerId: found.customer.id,
      locale: demoLocale(req.query.locale),
      url: fullPage ? String(req.query.url ?? "") : null,
      fullPage,
    }),
  );
});
// The demo mailbox: what the app emailed, as the shopper and the merchant read it.
const mailboxView = (): MailboxView => {
  const shop = simulator.store(DEMO_APP.shop).shop;
  return { shopName: shop.name, timezone: shop.ianaTimezone, smtpUrl: mailbox.smtpUrl, customers: manifest.customers };
};
const sendMailPage = (res: ExpressResponse, render: (nonce: string) => string) => {
  const nonce = randomBytes(16).toString("base64");
  res
    .set({ "Cache-Control": "no-store", "Content-Security-Policy": mailPageCsp(nonce) })
    .type("html")
    .send(render(nonce));
};
demo.get("/demo/mail", (_req, res) => {
  sendMailPage(res, (nonce) => mailboxPage(mailboxView(), mailbox.list(), nonce));
});
demo.get("/demo/mail/:id", (req, res) => {
  const mail = mailbox.find(req.params.id);
  if (!mail) return void res.status(404).type("text").send("No such email in the demo mailbox.");
  const part = req.query.part === "text" ? "text" : "html";
  sendMailPage(res, (nonce) => mailMessagePage(mailboxView(), mail, mailbox.list(), part, nonce));
});
// A link in an email to one of Shopify's pages: the demo's stand-in for it.
demo.get("/demo/link", (req, res) => {
  const href = String(req.query.url ?? "");
  const context = { shop: DEMO_APP.shop, customers: manifest.customers };
  const target = demoPageForShopifyUrl(href, context, demoLocale(req.query.locale));
  if (!target) return void res.status(404).type("text").send(`The demo has no page for this link: ${href}`);
  res.redirect(target);
});
demo.get(["/", "/demo"], (_req, res) => {
  const shop = simulator.store(DEMO_APP.shop).shop;
  res.type("html").send(frontPage({ shop: DEMO_APP.shop, shopName: shop.name, customers: manifest.customers }));
});
// The app's first page in the admin: embedded, with the shop, host and a fresh session token.
async function appEntryUrl(path = "/app"): Promise<string> {
  const { token } = await signAdminSessionToken(DEMO_APP, DEMO_APP.shop);
  const host = Buffer.from(`admin.shopify.com/store/${DEMO_APP.shop.replace(".myshopify.com", "")}`).toString(
    "base64url",
  );
  return `${path}?${new URLSearchParams({ embedded: "1", shop: DEMO_APP.shop, host, id_token: token, locale: "en" })}`;
}
// ?path=/app/claims/ID opens that page of the app, as a link into the Shopify admin does.
demo.get("/demo/admin", async (req, res) => {
  const appSrc = await appEntryUrl(appPathOrHome(req.query.path));
  const shop = simulator.store(DEMO_APP.shop).shop;
  res.type("html").send(adminHostPage({ shop: DEMO_APP.shop, shopName: shop.name, appSrc }));
});
const app = createProductionApp({ build, clientDir: join(root, "build", "client"), logger, routes: demo });

// The demo store has the app installed: the first start opens the app once as the merchant would,
// so the real token exchange stores the shop's offline session (shopper pages need it too).
async function installAppOnce() {
  const response = await fetch(`${appUrl}${await appEntryUrl()}`, { headers: { "User-Agent": MERCHANT_BROWSER } });
  if (!response.ok) throw new Error(`The demo could not install the app (HTTP ${response.status}).`);
}
// Shopify's library answers bots (and so unnamed HTTP clients) with 410: this is a merchant.
const MERCHANT_BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

// Claims in every step, made by the app's own services (loaded here, after the environment and
// the network edge are in place) on orders of their own, so the inbox shows every tab at once.
async function seedClaimsOnce() {
  if (!freshStore) return;
  const [{ default: prisma }, { unauthenticated }, { seedDemoClaims }] = await Promise.all([
    import("../../app/db.server"),
    import("../../app/shopify.server"),
    import("./seed-claims"),
  ]);
  const { admin } = await unauthenticated.admin(DEMO_APP.shop);
  await seedDemoClaims(prisma, admin.graphql, simulator, manifest, new Date());
  // As a merchant runs `npm run backfill` after installing: the numbers dashboard's units delivered.
  const { backfillDeliveryFacts } = await import("../../app/services/backfill-delivery-facts.server");
  await backfillDeliveryFacts(prisma, admin.graphql, DEMO_APP.shop, new Date());
  await prisma.$disconnect();
  saveStore();
}

const server = app.listen(port, async () => {
  await installAppOnce();
  await seedClaimsOnce();
  console.log(`Warranty Desk demo is running (data in ${dataDir}):`);
  console.log(`  Demo home:       ${appUrl}/demo`);
  console.log(`  Merchant admin:  ${appUrl}/demo/admin`);
  console.log(`  Shopper pages:   ${appUrl}/demo (pick a customer's order)`);
  console.log(`  Demo mailbox:    ${appUrl}/demo/mail (every email the app sends, by ${mailbox.smtpUrl})`);
  console.log("Stop with Ctrl+C; `npm run demo` again keeps the data, `npm run demo -- --reset` reseeds.");
});

async function shutdown() {
  clearTimeout(saveTimer);
  saveStore();
  setTimeout(() => process.exit(0), 3000).unref();
  // The app's email worker (app/email-worker.server.ts) finishes its round and lets its leases go,
  // so the next start sends at once instead of waiting for this run's lease to expire.
  await globalThis.__warrantyDeskNotificationWorker?.stop().catch(() => undefined);
  edge.close();
  await mailbox.close();
  server.close(() => process.exit(0));
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
