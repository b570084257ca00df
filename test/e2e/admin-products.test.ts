import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  demoManifest,
  DESKTOP_USER_AGENT,
  launchBrowser,
  removeDir,
  startDemo,
  watchForProblems,
  type RunningDemo,
  appFrame,
  appAxeViolations as axeViolations,
} from "./demo-harness";

// Per-product overrides in a real browser: the merchant picks a product with the resource picker
// (the App Bridge stand-in's), gives it a longer warranty, sees it in the products list, and the
// shopper's warranty deadline for that product (GET /api/claim-options) moves with it.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
let problems: () => string[];

/** What axe finds in the app's frame (the demo admin's own page around it is not the app's). */

type Window = { open: boolean; windowEndsAt: string | null };

/** The power bank's windows as the shopper's order page gets them (the split-shipment order). */
async function powerBankWindows(): Promise<{ arrival: Window; warranty: Window }> {
  const manifest = demoManifest(demo);
  const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "split-shipment"))!;
  const orderId = customer.orders.find((o) => o.scenario === "split-shipment")!.id;
  const tokenAnswer = await fetch(
    `${demo.baseUrl}/demo/api/customer-session-token?customer=${encodeURIComponent(customer.id)}`,
  );
  const { token } = (await tokenAnswer.json()) as { token: string };
  const response = await fetch(`${demo.baseUrl}/api/claim-options?orderId=${encodeURIComponent(orderId)}`, {
    headers: { Authorization: `Bearer ${token}`, "User-Agent": DESKTOP_USER_AGENT },
  });
  expect(response.status).toBe(200);
  const options = (await response.json()) as { items: { name: string | null; arrival: Window; warranty: Window }[] };
  return options.items.find((item) => item.name?.startsWith("Nimbus Power Bank"))!;
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, userAgent: DESKTOP_USER_AGENT });
  problems = watchForProblems(page);
  await page.goto(`${demo.baseUrl}/demo/admin`);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

describe("per-product overrides", () => {
  it("GIVEN the power bank's warranty follows the shop policy WHEN the merchant picks it and gives it a 36-month warranty THEN the list shows it and the shopper's warranty deadline moves two years", async () => {
    const before = await powerBankWindows();
    await page.locator("nav a", { hasText: "Products" }).click();
    let frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Products", level: 1 }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN the merchant adds a product with Shopify's resource picker
    await frame.getByRole("button", { name: "Add products" }).first().click();
    const picker = frame.getByRole("dialog", { name: "Select products" });
    await picker.getByRole("checkbox", { name: /^Nimbus Power Bank/ }).check();
    await picker.getByRole("button", { name: "Select" }).click();

    // THEN its editor opens, its warranty following the shop policy
    frame = await appFrame(page);
    await frame.getByRole("heading", { name: /^Nimbus Power Bank/, level: 1 }).waitFor();
    const inherit = frame.getByRole("checkbox", { name: "Use shop policy for warranty length" });
    expect(await inherit.isChecked()).toBe(true);
    expect(await frame.getByRole("region", { name: "Unsaved changes" }).count()).toBe(0);

    // WHEN they give it its own warranty THEN the save bar appears
    await inherit.uncheck();
    const warranty = frame.getByRole("spinbutton", { name: "Warranty length" });
    await warranty.fill("-1");
    const saveBar = frame.getByRole("region", { name: "Unsaved changes" });
    await saveBar.waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN the value is not a whole number of months THEN the server's 400 names the field and what was typed stays
    await saveBar.getByRole("button", { name: "Save" }).click();
    await frame.getByText("Check the marked field").waitFor();
    expect(await warranty.inputValue()).toBe("-1");
    expect(await frame.getByText("expected a whole number from 0 to 1,200").count()).toBeGreaterThan(0);

    // WHEN they correct it and save
    await warranty.fill("36");
    await saveBar.getByRole("button", { name: "Save" }).click();
    await page.getByText("Rules saved for 1 product").waitFor();

    // THEN the products list shows the override in words
    frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Products", level: 1 }).waitFor();
    const row = frame.locator("tbody tr", { hasText: "Nimbus Power Bank" });
    await row.waitFor();
    expect(await row.textContent()).toContain("warranty 36 months");
    expect(await axeViolations(frame)).toEqual([]);
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/products.png" });

    // AND the shopper's warranty deadline for the power bank moved from 12 to 36 months; the
    // arrival window, still the shop's, did not
    const after = await powerBankWindows();
    expect(Number(after.warranty.windowEndsAt!.slice(0, 4))).toBe(
      Number(before.warranty.windowEndsAt!.slice(0, 4)) + 2,
    );
    expect(after.warranty.windowEndsAt!.slice(4)).toBe(before.warranty.windowEndsAt!.slice(4));
    expect(after.arrival.windowEndsAt).toBe(before.arrival.windowEndsAt);
    expect(problems()).toEqual([]);
  });
});
