import { readFileSync, mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser, removeDir, startDemo, type RunningDemo } from "./demo-harness";

// The merchant's admin in a real browser: the demo's host page frames the production build, which
// authenticates through the real token exchange against the store simulator.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
mkdirSync("test-results", { recursive: true });

async function appFrame(p: Page): Promise<Frame> {
  const handle = await p.waitForSelector("iframe#app");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the app frame has no document");
  return frame;
}

async function axeViolations(frame: Frame) {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (ctx: Document) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
      }
    ).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, userAgent: DESKTOP_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

describe("the demo admin", () => {
  it("opens the claims inbox inside the admin frame, authenticated by token exchange", async () => {
    // WHEN the merchant opens the app from the (demo) Shopify admin
    await page.goto(`${demo.baseUrl}/demo/admin`);
    const frame = await appFrame(page);
    // THEN the app's claims page renders with its empty state
    // (Polaris renders an empty state's heading as bold text, not as a heading element.)
    await frame.getByText("No claims yet", { exact: true }).waitFor();
    await page.screenshot({ path: "test-results/admin-claims.png" });
    // and the app's navigation appears in the admin's sidebar
    await expect.poll(() => page.locator("nav a").allTextContents()).toEqual(["Claims", "Settings", "Products"]);
  });

  it("navigates from the admin's sidebar and reads the store through the Admin API", async () => {
    await page.locator("nav a", { hasText: "Settings" }).click();
    const frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Settings" }).waitFor();
    // The timezone and currency come from the simulated store, through the app's Admin API call.
    await frame.getByText("Europe/Berlin").waitFor();
    await frame.getByText("EUR", { exact: true }).waitFor();
    await expect.poll(() => page.locator('nav a[aria-current="page"]').textContent()).toBe("Settings");
    await page.screenshot({ path: "test-results/admin-settings.png" });
  });

  it("has no accessibility violations that axe can find on its pages", async () => {
    for (const [label, text] of [
      ["Claims", "No claims yet"],
      ["Products", "Every product follows your shop policy"],
      ["Settings", "Europe/Berlin"],
    ] as const) {
      await page.locator("nav a", { hasText: label }).click();
      const frame = await appFrame(page);
      await frame.getByText(text, { exact: true }).waitFor();
      expect(await axeViolations(frame), label).toEqual([]);
    }
  });
});
