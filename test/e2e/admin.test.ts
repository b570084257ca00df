import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import {
  DESKTOP_USER_AGENT,
  demoManifest,
  launchBrowser,
  removeDir,
  startDemo,
  type RunningDemo,
  appFrame,
  appAxeViolations as axeViolations,
} from "./demo-harness";

// The merchant's admin in a real browser: the demo's host page frames the production build, which
// authenticates through the real token exchange against the store simulator.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
mkdirSync("test-results", { recursive: true });

/** The inbox's rows as the merchant reads them: the response clock and the status. */
async function inboxRows(frame: Frame) {
  return frame.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      // A badge also says its tone to screen readers in visually hidden text: read what is seen.
      const cells = [...row.querySelectorAll("td")].map((cell) => {
        const seen = cell.cloneNode(true) as HTMLElement;
        seen.querySelectorAll('[class*="visuallyHidden"]').forEach((hidden) => hidden.remove());
        return seen.textContent?.trim() ?? "";
      });
      return { value: cells[5] ?? "", clock: cells[6] ?? "", status: cells[7] ?? "" };
    }),
  );
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
    // THEN the app's home is the claims inbox, on the claims that need a response, soonest due first
    // (the demo seeds claims in every step through the app's services)
    // with what the claimed items cost the shopper (one unit each)
    await frame.getByRole("tab", { name: /^Needs response, 5 claims/ }).waitFor();
    const rows = await inboxRows(frame);
    expect(rows.slice(0, 3)).toEqual([
      { value: "€59.90", clock: "overdue by 3 h", status: "New" },
      { value: "€24.90", clock: "due in 3 h", status: "New" },
      { value: "€79.50", clock: "due in 46 h", status: "New" },
    ]);
    // The claims without a clock come last, in no particular order between them.
    expect(rows.slice(3).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { value: "€59.90", clock: "—", status: "Approved" },
      { value: "€59.90", clock: "—", status: "Return lost" },
    ]);
    for (const [tab, count] of [
      ["Waiting on shopper", 1],
      ["Awaiting return", 2],
      ["To inspect", 2],
      ["Resolved", 4],
      ["All", 14],
    ] as const) {
      await frame.getByRole("tab", { name: new RegExp(`^${tab}, ${count} claims`) }).waitFor();
    }
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/inbox.png" });
    // and the app's navigation appears in the admin's sidebar
    await expect
      .poll(() => page.locator("nav a").allTextContents())
      .toEqual(["Claims", "Settings", "Products", "Numbers", "Policy tester"]);
  });

  it("switches the inbox's tabs and searches its claims", async () => {
    const frame = await appFrame(page);
    // WHEN the merchant opens the tab of claims waiting on the shopper THEN its clock is paused
    await frame.getByRole("tab", { name: /^Waiting on shopper/ }).click();
    await expect
      .poll(() => inboxRows(frame))
      .toEqual([{ value: "€79.50", clock: "paused", status: "Waiting on shopper" }]);
    // WHEN they open every claim and search for a product THEN only that product's claims remain
    await frame.getByRole("tab", { name: /^All/ }).click();
    await expect.poll(async () => (await inboxRows(frame)).length).toBe(14);
    await frame.getByRole("button", { name: /Search and filter/ }).click();
    await frame.getByRole("textbox", { name: /Search claims/ }).fill("water bottle");
    await expect
      .poll(async () => (await inboxRows(frame)).map((row) => row.status).sort())
      .toEqual(["Closed", "Denied", "New", "Return in transit"]);
    expect(await axeViolations(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/admin-claims-search.png" });
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
    for (const [label, shown] of [
      ["Claims", (frame: Frame) => frame.getByRole("tab", { name: /^Needs response, 5 claims/ })],
      // The demo saves its products' parts and overrides through the app: the list shows them.
      ["Products", (frame: Frame) => frame.getByText("Aurora Desk Lamp", { exact: true })],
      ["Settings", (frame: Frame) => frame.getByText("Europe/Berlin", { exact: true })],
    ] as const) {
      await page.locator("nav a", { hasText: label }).click();
      const frame = await appFrame(page);
      await shown(frame).waitFor();
      expect(await axeViolations(frame), label).toEqual([]);
    }
  });
  it("opens a claim from the inbox and asks the shopper for more information", async () => {
    await page.goto(`${demo.baseUrl}/demo/admin`);
    let frame = await appFrame(page);
    await frame.getByRole("tab", { name: /^Needs response, 5 claims/ }).waitFor();
    // WHEN the merchant clicks the most overdue claim's row THEN its page shows what the shopper reported
    const number = (await frame.locator("tbody tr").first().locator("td").first().textContent())!.trim();
    await frame.locator("tbody tr").first().locator("td").nth(3).click();
    frame = await appFrame(page);
    await frame.getByRole("heading", { name: `Claim ${number}` }).waitFor();
    await frame.getByText("Arrived damaged", { exact: true }).waitFor();
    await frame.getByText("The box was crushed and the item is cracked.", { exact: true }).waitFor();
    await frame.getByText(/^Shipped .* from .+, delivered /).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/claim.png" });
    // WHEN they ask for more information THEN the confirmation says what happens, a toast confirms,
    // and the claim waits on the shopper with its clock paused
    await frame.getByRole("button", { name: "Ask for more information" }).click();
    await frame.getByText("The response clock pauses until they answer", { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await frame.getByRole("textbox", { name: "Message to the shopper" }).fill("Could you send a photo of the box?");
    await frame.getByRole("button", { name: "Send to shopper" }).click();
    await page.locator("#toasts", { hasText: `Message sent to the shopper on claim ${number}` }).waitFor();
    await frame.getByRole("dialog").waitFor({ state: "detached" });
    await frame.getByText("Waiting on shopper", { exact: true }).first().waitFor();
    await frame.getByText("paused", { exact: true }).waitFor();
    await frame.getByText("Could you send a photo of the box?", { exact: true }).waitFor();

    // WHEN the shopper answers from their claim page (the shopper's API, with their account's token)
    const claimId = new URL(frame.url()).pathname.split("/").at(-1)!;
    const customerCard = await frame.getByRole("heading", { name: "Customer" }).locator("xpath=..").innerText();
    const customer = demoManifest(demo).customers.find((c) => customerCard.includes(c.name))!;
    const { token } = (await (
      await fetch(`${demo.baseUrl}/demo/api/customer-session-token?customer=${encodeURIComponent(customer.id)}`)
    ).json()) as { token: string };
    const reply = await fetch(`${demo.baseUrl}/api/claims/${claimId}/replies`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "User-Agent": DESKTOP_USER_AGENT,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ message: "Here it is: the box was crushed on one corner.", uploadIds: [] }),
    });
    expect(reply.status).toBe(200);
    // THEN the merchant's page shows the answer in the conversation, and the claim needs a response again
    await page.goto(`${demo.baseUrl}/demo/admin`);
    frame = await appFrame(page);
    await frame.getByRole("tab", { name: /^Needs response, 5 claims/ }).waitFor();
    await frame.getByRole("link", { name: number }).click();
    frame = await appFrame(page);
    await frame.getByRole("heading", { name: `Claim ${number}` }).waitFor();
    await frame.getByText("Here it is: the box was crushed on one corner.", { exact: true }).waitFor();
    await frame.getByText("New", { exact: true }).first().waitFor();
    // (the clock resumes where it paused: the claim was already overdue when the merchant asked)
    await frame.getByText("overdue by 3 h", { exact: true }).waitFor();
  });

  it("shows a claim that does not exist as a not-found page with the way back", async () => {
    await page.goto(`${demo.baseUrl}/demo/admin`);
    const frame = await appFrame(page);
    await frame.getByRole("tab", { name: /^Needs response/ }).waitFor();
    // The admin's own params (shop, host, session token), as a link opened in the admin carries them.
    const { search } = new URL(frame.url());
    await frame.goto(`${demo.baseUrl}/app/claims/no-such-claim${search}`);
    await frame.getByRole("heading", { name: "Claim not found" }).waitFor();
    await frame.getByText("This claim does not exist in your store", { exact: true }).waitFor();
    await frame.getByRole("link", { name: "Go to the claims inbox" }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });
});
