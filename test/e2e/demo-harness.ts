import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import type { DemoManifest } from "../simulator/seed";

// Starts `npm run demo`'s server (the production build on the simulator) on a free port with its own
// data folder, and Debian's Chromium to drive it. The build must exist (scripts/test-e2e.sh makes it).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningDemo {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startDemo(args: string[] = ["--reset"], dataDir?: string): Promise<RunningDemo> {
  const port = await freePort();
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "warranty-desk-demo-"));
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "test/demo/server.ts", "--port", String(port), "--data-dir", dir, ...args],
    { cwd: process.cwd(), env: { ...process.env, LOG_LEVEL: "error" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The demo server exited (${child.exitCode}):\n${output}`);
    // Ready once it says so: it has then installed the app (the first token exchange) too.
    if (output.includes("Warranty Desk demo is running")) break;
    if (Date.now() > deadline) throw new Error(`The demo server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    dataDir: dir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

// Headless Chromium says "HeadlessChrome" in its user agent, which Shopify's library (rightly)
// treats as a bot and answers 410. A merchant's browser does not: pages get a desktop Chrome UA.
export const DESKTOP_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The demo store's customers and orders (seeded by test/simulator/seed.ts), from its saved store. */
export function demoManifest(demo: RunningDemo): DemoManifest {
  return (JSON.parse(readFileSync(join(demo.dataDir, "store.json"), "utf8")) as { manifest: DemoManifest }).manifest;
}

/**
 * Reads the demo app's database (SQLite in its data dir) as a test checks it. The demo may be
 * writing meanwhile (its email worker sends in the background): a read waits up to 10 s for the
 * writer instead of failing with SQLITE_BUSY.
 */
export async function readDemoDatabase<T>(dataDir: string, read: (db: Client) => Promise<T>): Promise<T> {
  const db = createClient({ url: `file:${join(dataDir, "app.sqlite")}` });
  try {
    await db.execute("PRAGMA busy_timeout = 10000");
    return await read(db);
  } finally {
    db.close();
  }
}

const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** The embedded app's document inside the demo admin (its iframe#app), as the admin frames it. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("iframe#app");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the app frame has no document");
  return frame;
}

/** What axe finds in the embedded app's own document (the demo admin's host page is not the app). */
export async function appAxeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/** What axe finds on the whole page, its frames (the extensions) included: rule ids and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  // axe looks into frames when each has axe too; it then judges the page and its frames as one.
  for (const frame of page.frames()) await frame.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  });
}

/**
 * Collects what should never happen on a demo page: a script error, a failed request the page
 * made on its own, or a "[demo]" complaint of the stand-ins (an s-* element or a translation the
 * demo lacks).
 */
export function watchForProblems(page: Page): () => string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.text().includes("[demo]")) problems.push(message.text());
  });
  return () => [...problems];
}
