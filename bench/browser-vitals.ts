import { existsSync } from "node:fs";
import type { Browser, Frame } from "playwright-core";
import {
  CHROMIUM_PATH,
  DESKTOP_USER_AGENT,
  appFrame,
  launchBrowser,
  readDemoDatabase,
  removeDir,
  startDemo,
} from "../test/e2e/demo-harness";
import { cumulativeLayoutShift } from "./cumulative-layout-shift";
import { timingOf, type ScenarioResult } from "./report";

// The admin pages' Core Web Vitals in Chromium: the demo (`npm run demo`: the production build on
// the store simulator, with its own seeded claims) opened at /demo/admin?path=…, the admin stand-in
// that frames the app in iframe#app as Shopify's admin does. Measured inside the app's frame:
// - LCP: the last 'largest-contentful-paint' entry (buffered), from the frame's navigation start
//   (its timeOrigin: the frame's request, the token exchange's redirects included);
// - CLS: 'layout-shift' entries without recent input, in session windows as Chrome counts CLS
//   (shifts less than 1 s apart, a window at most 5 s long; the largest window's sum).
// Every run is cold: a new browser context (empty HTTP cache, no cookies), the page opened from
// the admin URL. Fixed viewport 1440×900, no network or CPU throttling (the server is on localhost).

export const VITALS_VIEWPORT = { width: 1440, height: 900 } as const;
export const LCP_TARGET_MS = 1000;
export const CLS_TARGET = 0.05;
const VITALS_SCENARIO = "admin pages in Chromium, LCP and CLS";
/** After the frame's load event: how long nothing may shift or paint larger before the figures are read. */
const QUIET_MS = 1000;
/** Reading gives up waiting for quiet after this long (the figures so far are taken). */
const SETTLE_LIMIT_MS = 6000;

/** The admin pages measured: a name, and the app path the admin opens (a claim's is found in the demo). */
function adminPages(claimId: string): Record<string, string> {
  return {
    inbox: "/app/claims",
    "claim page": `/app/claims/${claimId}`,
    settings: "/app/settings",
    "notification settings": "/app/settings/notifications",
    "return addresses": "/app/settings/return-addresses",
    "denial clauses": "/app/settings/denial-clauses",
    "products and overrides": "/app/products",
    numbers: "/app/numbers",
    "policy tester": "/app/policy-tester",
    // The app's home (Shopify opens /app): it redirects to the inbox, whose top is the setup guide.
    "home, setup guide": "/app",
  };
}

/** What the init script keeps in each document (window.__vitals), read once the page settles. */
interface DocumentVitals {
  lcpMs: number | null;
  lcpElement: string | null;
  fcpMs: number | null;
  shifts: { startTime: number; value: number; sources: string[] }[];
  lastChange: number;
}

// Runs in every document (the admin's and the app's frame) before its own scripts.
const OBSERVER_SCRIPT = `(() => {
  const describe = (node) => {
    if (!node || !node.nodeName) return null;
    if (node.nodeType !== 1) return node.nodeName.toLowerCase();
    const cls = typeof node.className === "string" && node.className ? "." + node.className.trim().split(/\\s+/).slice(0, 2).join(".") : "";
    return node.nodeName.toLowerCase() + (node.id ? "#" + node.id : "") + cls;
  };
  const vitals = { lcpMs: null, lcpElement: null, fcpMs: null, shifts: [], lastChange: 0 };
  window.__vitals = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      vitals.lcpMs = entry.startTime;
      vitals.lcpElement = describe(entry.element) || entry.url || null;
      vitals.lastChange = performance.now();
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      vitals.shifts.push({ startTime: entry.startTime, value: entry.value, sources: (entry.sources || []).map((s) => describe(s.node) || "?") });
      vitals.lastChange = performance.now();
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") vitals.fcpMs = entry.startTime;
  }).observe({ type: "paint", buffered: true });
})();`;

/** Waits until the document has not painted larger or shifted for QUIET_MS (or SETTLE_LIMIT_MS passed). */
async function settledVitals(frame: Frame): Promise<DocumentVitals & { timeOrigin: number; responseStartMs: number }> {
  await frame.waitForLoadState("load");
  const started = Date.now();
  for (;;) {
    const read = await frame.evaluate(() => {
      const vitals = (window as unknown as { __vitals: DocumentVitals }).__vitals;
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return {
        ...vitals,
        now: performance.now(),
        timeOrigin: performance.timeOrigin,
        responseStartMs: navigation?.responseStart ?? 0,
      };
    });
    if (read.now - read.lastChange >= QUIET_MS || Date.now() - started > SETTLE_LIMIT_MS) return read;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface PageRun {
  lcpMs: number;
  cls: number;
  /** The app's LCP counted from the admin page's own navigation start (what the merchant waits). */
  lcpFromAdminMs: number;
  lcpElement: string | null;
  shiftSources: string[];
  /** The frame's first byte of its document and its first contentful paint (what the LCP waits on). */
  responseStartMs: number;
  fcpMs: number;
}

/** Opens the admin URL in a cold context (a new one: empty HTTP cache, no cookies) and measures it. */
async function measurePage(browser: Browser, url: string): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VITALS_VIEWPORT, userAgent: DESKTOP_USER_AGENT });
  await context.addInitScript(OBSERVER_SCRIPT);
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: "load" });
    const frame = await appFrame(page);
    const app = await settledVitals(frame);
    const admin = await settledVitals(page.mainFrame());
    if (app.lcpMs === null) throw new Error(`no largest contentful paint in the app's frame at ${url}`);
    if (errors.length > 0) throw new Error(`page errors at ${url}: ${errors.join("; ")}`);
    return {
      lcpMs: app.lcpMs,
      cls: cumulativeLayoutShift(app.shifts),
      lcpFromAdminMs: app.timeOrigin - admin.timeOrigin + app.lcpMs,
      lcpElement: app.lcpElement,
      responseStartMs: app.responseStartMs,
      fcpMs: app.fcpMs ?? app.lcpMs,
      shiftSources: app.shifts.filter((s) => s.value >= 0.001).flatMap((s) => s.sources),
    };
  } finally {
    await context.close();
  }
}

/** Opens the admin URL once, without measuring: the server's first render of the route. */
async function warmUp(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage({ viewport: VITALS_VIEWPORT, userAgent: DESKTOP_USER_AGENT });
  try {
    await page.goto(url, { waitUntil: "load" });
    await (await appFrame(page)).waitForLoadState("load");
  } finally {
    await page.close();
  }
}

/** The reason the scenario cannot run here, or null when it can. */
export function vitalsUnavailable(database: "sqlite" | "postgresql" = "sqlite"): string | null {
  // The demo keeps its own SQLite database, and `--db postgres` generated this tree's Prisma client
  // for PostgreSQL: the pages are measured in the SQLite run (the browser's side is the same).
  if (database === "postgresql") return "the demo runs on SQLite; measured in the SQLite run (npm run bench)";
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
  if (!existsSync("build/server/index.js")) return "no production build (run npm run build first)";
  return null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Opens each admin page `runs` times, cold, round-robin (a load change hits every page alike),
 * after one unmeasured warm-up visit of each (the server's first render of each route). Answers the
 * scenario with each page's LCP timing and its CLS, the target LCP p95 < 1 s and CLS max < 0.05.
 */
export async function measureAdminVitals(runs: number): Promise<ScenarioResult> {
  const started = performance.now();
  const demo = await startDemo(["--reset"]);
  const browser = await launchBrowser();
  try {
    // The claim page of the demo's claim with the longest history (the longest page; the demo's
    // claims carry no evidence files, so the evidence thumbnails are not measured here).
    const claimId = await readDemoDatabase(demo.dataDir, async (db) => {
      const { rows } = await db.execute(
        'SELECT "claimId" FROM "ClaimEvent" GROUP BY "claimId" ORDER BY COUNT(*) DESC, "claimId" LIMIT 1',
      );
      return String(rows[0]!.claimId);
    });
    const urls = Object.fromEntries(
      Object.entries(adminPages(claimId)).map(([name, path]) => [
        name,
        `${demo.baseUrl}/demo/admin?${new URLSearchParams({ path })}`,
      ]),
    );
    for (const url of Object.values(urls)) await warmUp(browser, url);
    const results: Record<string, PageRun[]> = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
    for (let round = 0; round < runs; round++) {
      for (const [name, url] of Object.entries(urls)) results[name]!.push(await measurePage(browser, url));
    }
    return vitalsResult(results, runs, (performance.now() - started) / 1000);
  } finally {
    await browser.close();
    await demo.stop();
    removeDir(demo.dataDir);
  }
}

const median = (samples: readonly number[]) => timingOf(samples).medianMs;

function vitalsResult(results: Record<string, PageRun[]>, runs: number, seconds: number): ScenarioResult {
  const lcp = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, timingOf(r.map((x) => x.lcpMs))]));
  const pages = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      {
        cls: round(Math.max(...r.map((x) => x.cls)), 4),
        firstByteMedianMs: median(r.map((x) => x.responseStartMs)),
        fcpMedianMs: median(r.map((x) => x.fcpMs)),
        lcpElement: [...new Set(r.map((x) => x.lcpElement ?? "?"))].join(" | "),
      },
    ]),
  );
  const fromAdmin = timingOf(Object.values(results).flatMap((r) => r.map((x) => x.lcpFromAdminMs)));
  const all = timingOf(Object.values(results).flatMap((r) => r.map((x) => x.lcpMs)));
  const worstCls = Math.max(...Object.values(pages).map((p) => p.cls));
  const shifted = Object.entries(results)
    .filter(([name]) => pages[name]!.cls > 0)
    .map(([name, r]) => `${name}: ${[...new Set(r.flatMap((x) => x.shiftSources))].slice(0, 4).join(" ") || "-"}`);
  return {
    name: VITALS_SCENARIO,
    measure: "browser",
    target: { stat: "p95Ms", below: LCP_TARGET_MS },
    // Each page's LCP p95 under the target, and no page's CLS at or over its target in any run.
    pass: Object.values(lcp).every((t) => t.p95Ms < LCP_TARGET_MS) && worstCls < CLS_TARGET,
    timing: all,
    cases: lcp,
    vitals: { lcpTargetMs: LCP_TARGET_MS, clsTarget: CLS_TARGET, pages, lcpFromAdmin: fromAdmin },
    notes:
      `the demo (its own SQLite database and seeded claims, whatever --db); ${runs} cold run(s) per page ` +
      `(a new browser context each) after a warm-up visit; ` +
      `${VITALS_VIEWPORT.width}×${VITALS_VIEWPORT.height}, no throttling; LCP in the app's frame from its navigation start; ` +
      `CLS by session windows, the largest of the runs (worst ${round(worstCls, 4)}); the app's LCP from the admin page's start: ` +
      `median ${fromAdmin.medianMs} ms, p95 ${fromAdmin.p95Ms} ms; ${seconds.toFixed(0)} s with the demo's start` +
      (shifted.length > 0 ? `; shifted: ${shifted.join("; ")}` : ""),
  };
}

/**
 * At most this many runs per page (a cold page load takes about 2 s): enough that a page's p95 is
 * not simply its slowest run (the nearest rank of 20 is the 19th), as it is below 20.
 */
const MAX_VITALS_RUNS = 20;

/** The scenario with min(runs, MAX_VITALS_RUNS) per page, or, where it cannot run, why not. */
export async function measureAdminVitalsOrSayWhyNot(
  runs: number,
  database: "sqlite" | "postgresql",
): Promise<ScenarioResult> {
  const why = vitalsUnavailable(database);
  if (why === null) return measureAdminVitals(Math.min(runs, MAX_VITALS_RUNS));
  console.error(`vitals: not run: ${why}`);
  return {
    name: VITALS_SCENARIO,
    measure: "browser",
    target: { stat: "p95Ms", below: LCP_TARGET_MS },
    pass: false,
    notRun: why,
  };
}
