import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
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

// The policy tester and the setup guide in a real browser against the demo: search an order by
// name, test a claim and read the engine's answer; the guide on the app's home counts the tester
// as tried and can be dismissed. The demo seeds shoppers' claims, so its extension step is done.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
let problems: () => string[];

const progress = async (frame: Frame) => {
  const text = await frame.getByText(/^\d of 3 tasks complete$/).textContent();
  return Number(text!.split(" ")[0]);
};

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, userAgent: DESKTOP_USER_AGENT });
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

describe("the setup guide and the policy tester", () => {
  let before = 0;

  it("shows the setup guide on the app's home, with the claim step done since shoppers filed claims", async () => {
    await page.goto(`${demo.baseUrl}/demo/admin`);
    const frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Setup guide" }).waitFor();
    before = await progress(frame);
    await frame.getByText("Done: a shopper has filed a claim.", { exact: true }).waitFor();
    expect(await frame.getByRole("checkbox", { name: "Try the policy tester" }).isChecked()).toBe(false);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it("searches an order by name, tests a claim and shows the engine's reasons, windows and flags", async () => {
    const order = demoManifest(demo)
      .customers.flatMap((c) => c.orders)
      .find((o) => o.scenario === "delivered-2-days-ago")!;
    await page.locator("nav a", { hasText: "Policy tester" }).click();
    const frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Policy tester" }).waitFor();
    // WHEN the merchant searches the order's name and picks it
    await frame.getByRole("textbox", { name: "Order name" }).fill(order.name);
    await frame.getByRole("button", { name: "Search" }).click();
    await frame.getByRole("link", { name: order.name }).click();
    await frame.getByRole("heading", { name: `Claim on ${order.name}` }).waitFor();
    // ...ticks its item and tests an arrival claim with the photos the policy asks for
    await frame.getByRole("checkbox", { name: /^Aurora Desk Lamp/ }).check();
    await frame.getByRole("button", { name: "Test the claim" }).click();
    // THEN the engine's answer: eligible, with the unit's delivery and its windows
    const answer = frame.getByRole("region", { name: "What your policy answers" });
    await answer.getByText("Eligible", { exact: true }).waitFor();
    await answer.getByText(/^Arrival window ends .* · Warranty ends /).waitFor();
    await answer.getByText(/would go back to /).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    mkdirSync("docs/screenshots", { recursive: true });
    // Tall enough for the admin frame to show the form and the answer whole.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.screenshot({ path: "docs/screenshots/policy-tester.png" });
    await page.setViewportSize({ width: 1280, height: 1000 });
    // WHEN the shopper would attach no packaging photo, and it is a warranty claim with a yes to an exclusion
    await frame.getByRole("checkbox", { name: "Photo of the packaging" }).uncheck();
    // (Polaris draws its own radio over the input: the merchant clicks the label)
    await frame.getByText("Warranty: a fault later", { exact: true }).click();
    await frame.getByRole("checkbox", { name: "Opened the body" }).check();
    await frame.getByRole("button", { name: "Test the claim" }).click();
    // THEN the flag shows, and the policy leaves it to the merchant's review
    await answer.getByText("Body opened", { exact: true }).waitFor();
    await answer.getByText(/leaves exclusions to your review/).waitFor();
    // ...and with arrival again but no packaging photo, the reason it is not eligible
    await frame.getByText("Arrival: a problem on delivery", { exact: true }).click();
    await frame.getByRole("button", { name: "Test the claim" }).click();
    await answer.getByText("Not eligible", { exact: true }).first().waitFor();
    await answer.getByText("Evidence the policy asks for was missing", { exact: true }).waitFor();
    await answer.getByText("Add a photo of the packaging.", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });

  it("counts the tester as tried on the home's guide, and the guide can be dismissed", async () => {
    await page.locator("nav a", { hasText: "Claims" }).click();
    const frame = await appFrame(page);
    await frame.getByRole("heading", { name: "Setup guide" }).waitFor();
    expect(await frame.getByRole("checkbox", { name: "Try the policy tester" }).isChecked()).toBe(true);
    expect(await progress(frame)).toBe(before + 1);
    await frame.getByRole("button", { name: "Dismiss guide" }).click();
    await frame.getByRole("heading", { name: "Setup guide" }).waitFor({ state: "detached" });
    // Kept: a reload of the home shows no guide, and the inbox is still there
    await page.reload();
    const reloaded = await appFrame(page);
    await reloaded.getByRole("tab", { name: /^Needs response/ }).waitFor();
    expect(await reloaded.getByRole("heading", { name: "Setup guide" }).count()).toBe(0);
    expect(problems()).toEqual([]);
  });

  it("GIVEN a claim the arrival window refuses WHEN the merchant widens the window in Settings THEN the tester's answer changes", async () => {
    const order = demoManifest(demo)
      .customers.flatMap((c) => c.orders)
      .find((o) => o.scenario === "delivered-4-days-ago")!;
    const testBottles = async () => {
      await page.locator("nav a", { hasText: "Policy tester" }).click();
      const frame = await appFrame(page);
      await frame.getByRole("textbox", { name: "Order name" }).fill(order.name);
      await frame.getByRole("button", { name: "Search" }).click();
      await frame.getByRole("link", { name: order.name }).click();
      await frame.getByRole("checkbox", { name: /^Trail Water Bottle/ }).check();
      await frame.getByRole("button", { name: "Test the claim" }).click();
      return frame.getByRole("region", { name: "What your policy answers" });
    };
    // GIVEN water bottles delivered 4 days ago: the default 3-day arrival window has ended
    let answer = await testBottles();
    await answer.getByText("Reported after the window had ended", { exact: true }).waitFor();
    await answer.getByText("Not eligible", { exact: true }).first().waitFor();
    // WHEN the merchant sets a 7-day arrival window and saves
    await page.locator("nav a", { hasText: "Settings" }).click();
    const settings = await appFrame(page);
    await settings.getByRole("spinbutton", { name: "Arrival window" }).fill("7");
    await settings.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Policy saved/).waitFor();
    // THEN the same claim is eligible
    answer = await testBottles();
    await answer.getByText("Eligible", { exact: true }).waitFor();
    expect(await answer.getByText("Reported after the window had ended", { exact: true }).count()).toBe(0);
    expect(problems()).toEqual([]);
  });
});
