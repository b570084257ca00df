import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import {
  DESKTOP_USER_AGENT,
  launchBrowser,
  removeDir,
  startDemo,
  type RunningDemo,
  appFrame,
  appAxeViolations as axeViolations,
} from "./demo-harness";

// The return's steps in the merchant's admin, in a real browser against the demo: a claim awaiting
// its return is recorded in transit with the shopper's tracking, then received; a return in
// transit is marked lost and the claim closed. axe runs on the page with a modal open.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
mkdirSync("test-results", { recursive: true });

/** Opens, from the inbox's "Awaiting return" tab, the claim whose status reads `status`; its number. */
async function openAwaitingReturnClaim(status: string): Promise<{ frame: Frame; number: string }> {
  await page.goto(`${demo.baseUrl}/demo/admin`);
  let frame = await appFrame(page);
  await frame.getByRole("tab", { name: /^Awaiting return/ }).click();
  const row = frame.locator("tbody tr").filter({ has: frame.getByText(status, { exact: true }) });
  await row.waitFor();
  const number = (await row.locator("td").first().textContent())!.trim();
  await row.getByRole("link", { name: number }).click();
  frame = await appFrame(page);
  await frame.getByRole("heading", { name: `Claim ${number}` }).waitFor();
  return { frame, number };
}

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

describe("the return's steps in the admin", () => {
  it("records a return in transit with the shopper's tracking, then marks it received", async () => {
    // GIVEN a claim awaiting its return: the card says where it goes back and the Shopify return is open
    const { frame, number } = await openAwaitingReturnClaim("Awaiting return");
    await frame.getByRole("heading", { name: "Return", exact: true }).waitFor();
    await frame.getByText("You pay the return shipping.", { exact: false }).waitFor();
    await frame.getByText("No tracking number from the shopper yet.", { exact: true }).waitFor();
    await frame.getByText(/^Shopify return #\d+-R\d+$/).waitFor();
    await frame.getByText("Open", { exact: true }).waitFor();

    // WHEN the merchant records the return in transit THEN the modal says what happens in Shopify
    await frame.getByRole("button", { name: "Record return in transit" }).click();
    const dialog = frame.getByRole("dialog");
    await dialog.getByText("Nothing changes in Shopify now", { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole("textbox", { name: "Tracking number" }).fill("00340434161094999999");
    await dialog.getByRole("textbox", { name: "Carrier" }).fill("DHL");
    await dialog.getByRole("button", { name: "Record in transit" }).click();
    await page
      .locator("#toasts", { hasText: `Return of claim ${number} recorded in transit (DHL 00340434161094999999)` })
      .waitFor();
    await dialog.waitFor({ state: "detached" });
    await frame.getByText("Return in transit", { exact: true }).first().waitFor();
    await frame.getByText("Tracking: DHL 00340434161094999999", { exact: true }).waitFor();

    // WHEN the parcel arrives THEN the claim waits for its inspection; the Shopify return stays open
    await frame.getByRole("button", { name: "Mark return received" }).click();
    await frame
      .getByRole("dialog")
      .getByText("The parcel DHL 00340434161094999999 arrived.", { exact: false })
      .waitFor();
    await frame.getByRole("dialog").getByText("is closed when you resolve the claim", { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await frame.getByRole("dialog").getByRole("button", { name: "Mark received" }).click();
    await page.locator("#toasts", { hasText: `Return of claim ${number} received: inspect it next` }).waitFor();
    await frame.getByRole("dialog").waitFor({ state: "detached" });
    await frame.getByText("Return received", { exact: true }).first().waitFor();
    await frame.getByText(/^Received /).waitFor();
    await frame.getByText("Open", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await frame.getByRole("heading", { name: "Return", exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/admin-return-received.png" });
  });

  it("marks a return lost in transit, then closes the claim", async () => {
    const { frame, number } = await openAwaitingReturnClaim("Return in transit");
    await frame.getByRole("button", { name: "Mark return lost in transit" }).click();
    const dialog = frame.getByRole("dialog");
    await dialog.getByText("The guarantee does not cover items lost on their way back", { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole("textbox", { name: "What happened" }).fill("DHL confirmed the loss");
    await dialog.getByRole("button", { name: "Mark lost" }).click();
    await page.locator("#toasts", { hasText: `Return of claim ${number} marked lost` }).waitFor();
    await dialog.waitFor({ state: "detached" });
    await frame.getByText("Return lost", { exact: true }).first().waitFor();
    await frame.getByText(/^Marked lost in transit .*: not covered unless you resolve the claim anyway\.$/).waitFor();

    // WHEN the merchant closes the claim THEN nothing is left to do on it
    await frame.getByRole("button", { name: "Close claim" }).click();
    // The claim's Shopify return is still open: the merchant is told to cancel it there
    await frame
      .getByRole("dialog")
      .getByText("stays open: cancel it in the order in Shopify, since the parcel never came", { exact: false })
      .waitFor();
    await frame.getByRole("dialog").getByRole("button", { name: "Close claim" }).click();
    await page.locator("#toasts", { hasText: `Claim ${number} closed` }).waitFor();
    await frame.getByRole("dialog").waitFor({ state: "detached" });
    await frame.getByText("Nothing to do on this claim right now.", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });
});
