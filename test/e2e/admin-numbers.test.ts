import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import {
  DESKTOP_USER_AGENT,
  launchBrowser,
  removeDir,
  startDemo,
  watchForProblems,
  type RunningDemo,
  appFrame,
  appAxeViolations as axeViolations,
} from "./demo-harness";

// The numbers dashboard in a real browser against the demo: its figures checked by hand against the
// claims the demo seeds (test/demo/seed-claims.ts DEMO_CLAIM_PLANS, 14 claims in every step) and the
// delivery records the demo's backfill keeps of the demo store's orders (test/simulator/seed.ts),
// over the default period, the last 30 days in the shop's timezone (Europe/Berlin).

let demo: RunningDemo;
let browser: Browser;
let page: Page;

/** A figure's value and the line below it, by its heading. */
async function figure(frame: Frame, label: string) {
  const heading = frame.getByRole("heading", { name: label, exact: true });
  return (await heading.locator("xpath=..").locator("p").allTextContents()).map((t) => t.trim());
}

/** The rows of the table under a heading, cell by cell. */
async function tableRows(frame: Frame, heading: string) {
  return frame
    .getByRole("heading", { name: heading, exact: true })
    .locator("xpath=ancestor::*[.//tbody][1]")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent?.trim())));
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({
    viewport: { width: 1280, height: 1400 },
    userAgent: DESKTOP_USER_AGENT,
    acceptDownloads: true,
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

describe("the numbers dashboard", () => {
  it("GIVEN the demo's claims WHEN the merchant opens Numbers THEN the figures are the hand-worked ones, and axe finds nothing", async () => {
    const problems = watchForProblems(page);
    await page.goto(`${demo.baseUrl}/demo/admin`);
    await page.locator("nav a", { hasText: "Numbers" }).click();
    const frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Numbers", level: 1 }).waitFor();

    // All 14 claims were filed in the last 5 days. Open: not denied, resolved, cancelled or closed
    // (a lost return waits on the merchant: cover it or close it): 3 new + 7 others.
    expect(await figure(frame, "Claims filed")).toEqual(["14", "10 still open · 19 units delivered"]);
    // Merchant responses (hours after submission or the shopper's answer): needs_information 3,
    // approved 1 + 1 = 2, awaiting_return / in transit / received / lost / inspected 2 + 2 = 4 each,
    // denied and closed 5 + 1 = 6, resolved 2 + 1 = 3: sorted 2 3 3 4 4 4 4 4 6 6, so the median
    // (5th) is 4 h and the 90th percentile (9th) 6 h. The new claim filed 51 h ago is past the 48 h
    // promise unanswered: 10 of 11 = 90.9%.
    expect(await figure(frame, "Response time")).toEqual(["4 h median", "90% within 6 h · 10 responses"]);
    expect(await figure(frame, "Answered within the promise")).toEqual([
      "90.9%",
      "10 of 11 (overdue claims count as missed)",
    ]);
    // Units delivered in the last 30 days: the demo store's orders (scooter today, lamp 2 days ago,
    // 2 bottles 4 days ago, scooter and power bank of the split shipment, earbuds shipped 2 days ago
    // still in transit, the bottle shipped 5 days ago without tracking, earbuds + lamp, scooter +
    // bottle: 12) and the 7 arrival claims' orders (delivered 6 h before each report); the 7
    // warranty claims' items arrived 31 to 35 days ago. 7 arrival units of 19 = 36.8%.
    expect(await figure(frame, "Arrival problems")).toEqual(["36.8%", "7 of 19 units delivered"]);

    expect(await tableRows(frame, "Open claims by status")).toEqual([
      ["New", "3"],
      ["Waiting on shopper", "1"],
      ["Approved", "1"],
      ["Awaiting return", "1"],
      ["Return in transit", "1"],
      ["Return received", "1"],
      ["Inspected", "1"],
      ["Return lost", "1"],
    ]);
    // Lamp: 4 arrival + 1 warranty claims; delivered: 2 days ago, the gift-card order, 4 arrival
    // claims = 6. Power bank: 3 + 2 claims; delivered: the split shipment's and 3 arrival claims' = 4.
    // Bottle: 4 warranty claims; delivered: 2 + 1 + 1 = 4. Only the resolved lamp was refunded (€79.50).
    expect(await tableRows(frame, "Claims per product")).toEqual([
      ["Aurora Desk Lamp", "6", "5", "5", "83.3%", "4", "1", "€79.50"],
      ["Nimbus Power Bank 20000", "4", "5", "5", "125.0%", "3", "2", "–"],
      ["Trail Water Bottle", "4", "4", "4", "100.0%", "0", "4", "–"],
    ]);
    // Every warranty claim's item was delivered 30 days before its report.
    await expect
      .poll(() => frame.getByText(/^Median \d+ days/).textContent())
      .toBe("Median 30 days · 90% within 30 days");

    // The charts drew in the browser.
    await frame.locator('[role="img"] svg').first().waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    expect(problems()).toEqual([]);
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/numbers.png", fullPage: true });
  });

  it("GIVEN another warehouse WHEN chosen THEN only its deliveries and claims", async () => {
    const frame = await appFrame(page);
    await frame.getByLabel("Warehouse", { exact: true }).selectOption({ label: "Shenzhen Fulfilment Centre" });
    await frame.getByRole("button", { name: "Show numbers" }).click();
    // The split shipment's power bank is Shenzhen's only delivery; every claim's order shipped from Berlin.
    await expect.poll(() => figure(frame, "Claims filed")).toEqual(["0", "0 still open · 1 units delivered"]);
    expect(await frame.getByText("No claims in this period.").count()).toBe(1);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it("GIVEN the dashboard WHEN the merchant downloads the claims THEN a CSV with a line per claim, fetched with the session token", async () => {
    const frame = await appFrame(page);
    await frame.getByLabel("Warehouse", { exact: true }).selectOption({ label: "All warehouses" });
    await frame.getByRole("button", { name: "Show numbers" }).click();
    await expect.poll(() => figure(frame, "Claims filed")).toEqual(["14", "10 still open · 19 units delivered"]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByRole("button", { name: /^Download claims \(CSV\) filed / }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^claims-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const lines = readFileSync(path, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Claim,Submitted \(shop time\),Type,Status,/);
    expect(lines).toHaveLength(15);
    // Oldest first: the closed bottle claim filed 120 hours ago.
    expect(lines[1]).toMatch(/,Warranty,Closed,.*Trail Water Bottle × 1,1,Berlin Warehouse,24\.90,EUR,,,6,1 of 1$/);
  });
});
