import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import {
  demoManifest,
  DESKTOP_USER_AGENT,
  launchBrowser,
  removeDir,
  startDemo,
  type RunningDemo,
  appFrame,
  appAxeViolations as axeViolations,
} from "./demo-harness";

// Settings for returns and denials in a real browser against the demo: the merchant sends one
// warehouse's returns to a returns centre and sees that address on a claim's return card; they add
// a denial clause of their own and deny a claim with it. axe runs on each page and modal.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
mkdirSync("test-results", { recursive: true });

/** Opens, from an inbox tab, the claim numbered `number` or else the first whose status reads `status`. */
async function openClaim(tab: RegExp, status: string, number?: string) {
  await page.locator("nav a", { hasText: "Claims" }).click();
  let frame = await appFrame(page);
  // The inbox was just loaded again: a click on a tab (a button) before the page has hydrated is
  // lost, so click until the tab is the selected one.
  const tabButton = frame.getByRole("tab", { name: tab });
  for (let tries = 0; (await tabButton.getAttribute("aria-selected")) !== "true"; tries++) {
    if (tries === 40) throw new Error(`The inbox's ${String(tab)} tab never opened`);
    await tabButton.click();
    await page.waitForTimeout(250);
  }
  const row = frame
    .locator("tbody tr")
    .filter({
      has: number ? frame.getByRole("link", { name: number, exact: true }) : frame.getByText(status, { exact: true }),
    })
    .first();
  await row.waitFor();
  const shown = (await row.locator("td").first().textContent())!.trim();
  await row.getByRole("link", { name: shown }).click();
  frame = await appFrame(page);
  await frame.getByRole("heading", { name: `Claim ${shown}` }).waitFor();
  return { frame, number: shown };
}

/** Opens a page of Settings by its link there, as the merchant does. */
async function openSettingsPage(name: string): Promise<Frame> {
  await page.locator("nav a", { hasText: "Settings" }).click();
  let frame = await appFrame(page);
  await frame.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
  await frame.getByRole("link", { name, exact: true }).click();
  frame = await appFrame(page);
  await frame.getByRole("heading", { name, level: 1 }).waitFor();
  return frame;
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, userAgent: DESKTOP_USER_AGENT });
  await page.goto(`${demo.baseUrl}/demo/admin`);
  await (await appFrame(page)).getByRole("tab", { name: /^Needs response/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

describe("return addresses", () => {
  it("sends a warehouse's returns to a returns centre, and the claim's return card shows that address", async () => {
    // GIVEN a claim awaiting its return to the warehouse that shipped it
    const claim = await openClaim(/^Awaiting return/, "Awaiting return");
    let frame = claim.frame;
    await frame.getByRole("heading", { name: "Return", exact: true }).waitFor();
    const warehouses = demoManifest(demo).locations.map((location) => location.name);
    const shown = await Promise.all(
      warehouses.map(async (name) => (await frame.getByRole("heading", { name, level: 3 }).count()) > 0),
    );
    const warehouse = warehouses.find((_, index) => shown[index])!;
    expect(warehouse).toBeDefined();

    // WHEN the merchant sets a returns centre for that warehouse
    frame = await openSettingsPage("Return addresses");
    expect(await axeViolations(frame)).toEqual([]);
    await frame
      .getByRole("group", { name: `Where returns to ${warehouse} go` })
      .getByText("Another address, such as a returns centre")
      .click();
    await frame.getByLabel(`Name (e.g. your returns centre) for ${warehouse}`).fill("Rhein Returns Centre");
    await frame.getByLabel(`Street and number for ${warehouse}`).fill("Hafenweg 3");
    await frame.getByLabel(`Postal code for ${warehouse}`).fill("50667");
    await frame.getByLabel(`City for ${warehouse}`).fill("Köln");
    await frame.getByLabel(`Country for ${warehouse}`).selectOption("DE");
    // The App Bridge save bar appears with the first change.
    const saveBar = frame.getByRole("region", { name: "Unsaved changes" });
    await saveBar.waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/admin-return-addresses.png" });
    await saveBar.getByRole("button", { name: "Save" }).click();
    await page.locator("#toasts", { hasText: "Return addresses saved" }).waitFor();
    await expect.poll(() => saveBar.count()).toBe(0);

    // THEN the claim's return card sends the item to the returns centre
    frame = (await openClaim(/^Awaiting return/, "Awaiting return", claim.number)).frame;
    await frame.getByRole("heading", { name: "Rhein Returns Centre" }).waitFor();
    await frame.getByText(`Returns for ${warehouse} (Settings, Return addresses)`, { exact: true }).waitFor();
    await frame.getByText("Hafenweg 3", { exact: true }).waitFor();
    await frame.getByText("50667 Köln", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });
});

describe("denial clauses", () => {
  it("adds a clause of the merchant's own and denies a claim with it", async () => {
    // GIVEN a new claim
    const claim = await openClaim(/^Needs response/, "New");

    // WHEN the merchant adds a clause
    let frame = await openSettingsPage("Denial clauses");
    expect(await axeViolations(frame)).toEqual([]);
    await frame.getByRole("button", { name: "Add clause" }).click();
    let dialog = frame.getByRole("dialog");
    await dialog.getByLabel("Label").fill("Seal broken");
    await dialog
      .getByLabel("What the shopper reads")
      .fill("The guarantee does not cover a product whose warranty seal was broken.");
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole("button", { name: "Add clause" }).click();
    await page.locator("#toasts", { hasText: "Clause “Seal broken” added" }).waitFor();
    await frame.getByText("Your clause", { exact: true }).waitFor();

    // AND denies the claim's items with it
    frame = (await openClaim(/^Needs response/, "New", claim.number)).frame;
    await frame.getByRole("button", { name: "Approve or deny" }).click();
    dialog = frame.getByRole("dialog");
    const items = dialog.getByRole("group", { name: / × / });
    for (let index = 0; index < (await items.count()); index++) {
      const item = items.nth(index);
      await item.getByText("Deny", { exact: true }).click();
      await dialog
        .getByRole("combobox", { name: /^Clause for denying / })
        .nth(index)
        .selectOption({ label: "Seal broken" });
    }
    await dialog
      .getByText("the shopper reads “The guarantee does not cover a product whose warranty seal was broken.”", {
        exact: false,
      })
      .first()
      .waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole("button", { name: "Send decision" }).click();

    // THEN the claim is denied citing it
    await page.locator("#toasts", { hasText: `Claim ${claim.number} denied` }).waitFor();
    await frame.getByText("Denied: Seal broken", { exact: true }).first().waitFor();
    // (axe judges the page once the modal and its fading backdrop are gone)
    await frame.getByRole("dialog").waitFor({ state: "detached" });
    await frame.locator(".Polaris-Backdrop").waitFor({ state: "detached" });
    expect(await axeViolations(frame)).toEqual([]);
  });
});
