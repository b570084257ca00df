import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import {
  appAxeViolations as axeViolations,
  appFrame,
  DESKTOP_USER_AGENT,
  launchBrowser,
  removeDir,
  startDemo,
  type RunningDemo,
} from "./demo-harness";

// Settings, Notifications in a real browser against the demo: the merchant adds an address for
// their emails, has Shopify tell shoppers about refunds and returns, moves the reminder and takes a
// daily digest; a bad address is refused with the field marked and what they typed kept; after a
// reload the choices are still there. A claim's page lists its emails. axe finds nothing.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
mkdirSync("test-results", { recursive: true });

/** Settings, then its Notifications link, as the merchant goes there. */
async function openNotifications(): Promise<Frame> {
  await page.locator("nav a", { hasText: "Settings" }).click();
  let frame = await appFrame(page);
  await frame.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
  await frame.getByRole("link", { name: "Notifications", exact: true }).click();
  frame = await appFrame(page);
  await frame.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
  return frame;
}

const saveBar = (frame: Frame) => frame.getByRole("region", { name: "Unsaved changes" });

/** The first claim of the inbox's Needs response tab, down to its Emails card. */
async function openFirstClaimEmails() {
  await page.locator("nav a", { hasText: "Claims" }).click();
  let frame = await appFrame(page);
  await frame.getByRole("tab", { name: /^Needs response/ }).click();
  const row = frame.locator("tbody tr").first();
  await row.waitFor();
  const number = (await row.locator("td").first().textContent())!.trim();
  await row.getByRole("link", { name: number }).click();
  frame = await appFrame(page);
  await frame.getByRole("heading", { name: `Claim ${number}` }).waitFor();
  await frame.getByRole("heading", { name: "Emails", level: 2 }).waitFor();
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

describe("Settings, Notifications", () => {
  it("GIVEN the defaults WHEN the merchant changes every setting, meets a refused address and saves THEN a reload shows what was saved", async () => {
    let frame = await openNotifications();
    // GIVEN the defaults: the store's email, Warranty Desk's emails, 6 hours, an email each
    await frame.getByText(/^With no address here, they go to your store's email, \S+@\S+\.$/).waitFor();
    expect(await frame.getByLabel("Warranty Desk's emails").isChecked()).toBe(true);
    expect(await frame.getByLabel("Remind me before a response is due").inputValue()).toBe("6");
    expect(await saveBar(frame).count()).toBe(0);
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN the merchant adds a bad address among their changes and saves
    await frame.getByRole("button", { name: "Add an address" }).click();
    await frame.getByLabel("Address 1", { exact: true }).fill("claims@lumen-home.example");
    await frame.getByRole("button", { name: "Add an address" }).click();
    await frame.getByLabel("Address 2", { exact: true }).fill("ops at lumen-home");
    await frame.getByText("Shopify's notifications", { exact: true }).click();
    await frame.getByLabel("Remind me before a response is due").fill("12");
    await frame.getByText("One email a day, a digest", { exact: true }).click();
    await saveBar(frame).waitFor();
    await saveBar(frame).getByRole("button", { name: "Save" }).click();

    // THEN it is refused, the field says why, and everything typed is still there
    await frame.getByText("The notification settings were not saved").waitFor();
    await frame.getByText("expected an email address", { exact: true }).waitFor();
    expect(await frame.getByLabel("Address 2", { exact: true }).inputValue()).toBe("ops at lumen-home");
    expect(await frame.getByLabel("Address 1", { exact: true }).inputValue()).toBe("claims@lumen-home.example");
    expect(await frame.getByLabel("Remind me before a response is due").inputValue()).toBe("12");
    await page.screenshot({ path: "test-results/admin-notifications-error.png" });
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN they remove the bad one and save THEN a toast confirms and the save bar goes
    await frame.getByRole("button", { name: "Remove address 2" }).click();
    await expect.poll(() => frame.getByText("The notification settings were not saved").count()).toBe(0);
    await saveBar(frame).getByRole("button", { name: "Save" }).click();
    await page.locator("#toasts", { hasText: "Notification settings saved" }).waitFor();
    await expect.poll(() => saveBar(frame).count()).toBe(0);

    // THEN after a reload the page shows what was saved
    await page.reload();
    frame = await openNotifications();
    await expect
      .poll(() => frame.getByLabel("Address 1", { exact: true }).inputValue())
      .toBe("claims@lumen-home.example");
    expect(await frame.getByLabel("Address 2", { exact: true }).count()).toBe(0);
    expect(await frame.getByLabel("Shopify's notifications").isChecked()).toBe(true);
    expect(await frame.getByLabel("Remind me before a response is due").inputValue()).toBe("12");
    expect(await frame.getByLabel("One email a day, a digest").isChecked()).toBe(true);
    expect(await saveBar(frame).count()).toBe(0);
    await page.screenshot({ path: "test-results/admin-notifications.png" });
    expect(await axeViolations(frame)).toEqual([]);

    // AND a claim's emails card says Shopify tells the shopper about refunds and returns
    const claim = await openFirstClaimEmails();
    await claim.getByText(/^Shopify's notifications tell the shopper about refunds and returns/).waitFor();
  });

  it("GIVEN a claim in the inbox WHEN the merchant opens it THEN its emails card lists the emails it caused, each with where it stands", async () => {
    await page.goto(`${demo.baseUrl}/demo/admin`);
    const frame = await openFirstClaimEmails();

    // The demo's worker sends in the background: the page shows each email as it stood when loaded,
    // which may be while the worker is sending it or after a try that failed (a slow machine): any
    // status of the five will do, as long as each email says where it stands.
    await frame.getByRole("heading", { name: "Claim received, with the response promise", level: 3 }).waitFor();
    await frame.getByRole("heading", { name: "New claim", level: 3 }).waitFor();
    await frame
      .getByText(/^To the shopper · (Queued|Being sent|Sent|Not sent|Try \d+ failed|Failed after)/)
      .first()
      .waitFor();
    await frame
      .getByText(/^To you · (Queued|Being sent|Sent|Not sent|Try \d+ failed|Failed after)/)
      .first()
      .waitFor();
    await frame.getByRole("heading", { name: "Emails", level: 2 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/admin-claim-emails.png" });
    expect(await axeViolations(frame)).toEqual([]);
  });
  it("GIVEN the connection drops WHEN the merchant saves the settings or sends a question to the shopper THEN the page stays, says nothing was saved, and keeps what they typed for the next try", async () => {
    let frame = await openNotifications();
    const lead = frame.getByLabel("Remind me before a response is due");
    await lead.fill("9");
    await page.context().setOffline(true);
    await saveBar(frame).getByRole("button", { name: "Save" }).click();
    await frame.getByText(/the connection to the app was lost/).waitFor();
    expect(await lead.inputValue()).toBe("9");
    await page.context().setOffline(false);
    await saveBar(frame).getByRole("button", { name: "Save" }).click();
    await page.locator("#toasts", { hasText: "Notification settings saved" }).waitFor();

    frame = await openFirstClaimEmails();
    await frame.getByRole("button", { name: "Ask for more information" }).click();
    const message = frame.getByRole("textbox", { name: "Message to the shopper" });
    await message.fill("Could you send a photo of the label?");
    await page.context().setOffline(true);
    await frame.getByRole("button", { name: "Send to shopper" }).click();
    await frame.getByText(/the connection to the app was lost/).waitFor();
    expect(await message.inputValue()).toBe("Could you send a photo of the label?");
    await page.context().setOffline(false);
    await frame.getByRole("button", { name: "Send to shopper" }).click();
    await page.locator("#toasts", { hasText: /Message sent to the shopper/ }).waitFor();
  });
});
