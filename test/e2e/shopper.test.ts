import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser, removeDir, startDemo, type RunningDemo } from "./demo-harness";

// The shopper's side in a real browser: the demo's customer-account page runs the extension's real
// bundle, which asks the app's backend (authenticated by a customer session token) what can be
// claimed on the order and until when.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, userAgent: DESKTOP_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

async function openOrder(description: RegExp): Promise<Frame> {
  await page.goto(`${demo.baseUrl}/demo`);
  await page.locator("ul ul > li", { hasText: description }).locator("a").click();
  // The order's action menu renders the extension's menu-item target...
  await page.frameLocator("#menu").getByRole("button", { name: "Report a problem" }).click();
  // ...which opens its action target.
  const handle = await page.waitForSelector("#overlay.open iframe#action");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the action frame has no document");
  return frame;
}

describe("the shopper's order page", () => {
  it("shows, per item of a split shipment, the arrival and warranty deadlines in the shop's timezone", async () => {
    const action = await openOrder(/two deliveries, two windows/);
    const dialog = action.getByRole("dialog", { name: "Report a problem with this order" });
    await dialog.waitFor();
    await action.getByText("Warranty: covered until", { exact: false }).first().waitFor();
    const item = async (name: string) => {
      // Each item is a section headed by its name (the heading is the section's own, accessible).
      await action.getByRole("heading", { name }).waitFor();
      return (await action.locator(`s-section[heading="${name}"]`).innerText()).replace(/\s+/g, " ").trim();
    };
    const date = String.raw`\w+day, \w+ \d+, \d{4}`;
    // The scooter came from Berlin 9 days ago: its arrival window closed, its warranty runs.
    expect(await item("Volt X2 E-Scooter - Graphite")).toMatch(
      new RegExp(`^The window to report damage on arrival closed on ${date}\\. Warranty: covered until ${date}\\.$`),
    );
    // The power bank came from Shenzhen yesterday: damage can still be reported.
    expect(await item("Nimbus Power Bank 20000")).toMatch(
      new RegExp(
        `^Damaged, wrong or not working on arrival: you can report it until ${date}\\. Warranty: covered until ${date}\\.$`,
      ),
    );
    await page.screenshot({ path: "test-results/shopper-claim-options.png" });
  });

  it("has no accessibility violations that axe can find in the action", async () => {
    const action = await openOrder(/two deliveries, two windows/);
    await action.getByText("Warranty: covered until", { exact: false }).first().waitFor();
    await action.evaluate(axeSource);
    const violations = await action.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } })
        .axe;
      return (await axe.run(document)).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it("tells the shopper an unshipped item can be reported once delivered, and closes", async () => {
    const action = await openOrder(/not shipped yet/);
    await action.getByText("Not shipped yet: you can report a problem once it has been delivered.").waitFor();
    await action.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.locator("#overlay.open").count()).toBe(0);
  });
});
