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

// The shop policy settings in a real browser: the merchant changes the policy, sees the preview
// follow as they type, meets the save bar and the leave confirmation, saves, reloads, and the
// shopper's deadlines (GET /api/claim-options) follow the saved policy.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
let problems: () => string[];

async function openSettings(): Promise<Frame> {
  await page.locator("nav a", { hasText: "Settings" }).click();
  const frame = await appFrame(page);
  await frame.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
  return frame;
}

type Window = { open: boolean; windowEndsAt: string | null; resolutions?: string[] };
type Options = {
  items: { name: string | null; arrival: Window; warranty: Window }[];
  resolutionsByType: Record<"arrival" | "warranty", string[]>;
};

/** The power bank's windows as the shopper's order page gets them (delivered yesterday, split-shipment order). */
async function powerBankWindows(): Promise<{ arrival: Window; warranty: Window }> {
  const options = await powerBankOrderOptions();
  return options.items.find((item) => item.name?.startsWith("Nimbus Power Bank"))!;
}

/** The claim options of the power bank's order, as the shopper's claim form gets them. */
async function powerBankOrderOptions(): Promise<Options> {
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
  return (await response.json()) as Options;
}

/** What axe finds in the app's frame (the demo's host page around it stands in for Shopify's admin). */

const saveBar = (frame: Frame) => frame.getByRole("region", { name: "Unsaved changes" });
const field = (frame: Frame, label: string) => frame.getByRole("spinbutton", { name: label });
const preview = (frame: Frame) => frame.getByText(/^An item delivered on/);

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

describe("the shop policy settings", () => {
  it("GIVEN the default policy WHEN the merchant changes the warranty and the arrival window and saves THEN the preview, a reload and the shopper's deadlines all follow", async () => {
    const before = await powerBankWindows();
    let frame = await openSettings();
    await expect.poll(() => preview(frame).textContent()).toMatch(/is under warranty until .*, 23:59 Berlin time\.$/);
    const previewBefore = (await preview(frame).textContent())!;
    expect(await saveBar(frame).count()).toBe(0);

    // WHEN they type a longer warranty THEN the preview follows before anything is saved, and the save bar appears
    await field(frame, "Warranty length").fill("24");
    await expect.poll(() => preview(frame).textContent()).not.toBe(previewBefore);
    const year = (text: string) => Number(/under warranty until .* (\d{4}), 23:59/.exec(text)?.[1]);
    expect(year((await preview(frame).textContent())!)).toBe(year(previewBefore) + 1);
    await saveBar(frame).waitFor();

    // WHEN the arrival window is not a whole number THEN the field says why, live and after a save the server refused
    await field(frame, "Arrival window").fill("-1");
    await frame.getByText("expected a whole number from 0 to 3,650").first().waitFor();
    await saveBar(frame).getByRole("button", { name: "Save" }).click();
    await frame.getByText("Nothing was saved").waitFor();
    expect(
      await frame
        .getByText(/^Arrival window: expected a whole number from 0 to 3,650\. Correct the marked field/)
        .count(),
    ).toBe(1);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/admin-settings-error.png" });
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN they correct it and save THEN the save bar goes and a toast confirms
    await field(frame, "Arrival window").fill("5");
    await expect.poll(() => frame.getByText("Nothing was saved").count()).toBe(0);
    await saveBar(frame).getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Policy saved/).waitFor();
    await expect.poll(() => saveBar(frame).count()).toBe(0);

    // THEN after a reload the page shows what was saved
    await page.reload();
    frame = await openSettings();
    await expect.poll(() => field(frame, "Warranty length").inputValue()).toBe("24");
    expect(await field(frame, "Arrival window").inputValue()).toBe("5");
    expect(await saveBar(frame).count()).toBe(0);

    // AND the shopper's deadlines moved: two more days to report damage, a year more of warranty
    const after = await powerBankWindows();
    expect(Date.parse(after.arrival.windowEndsAt!) - Date.parse(before.arrival.windowEndsAt!)).toBe(2 * 86_400_000);
    expect(after.warranty.windowEndsAt!.slice(0, 4)).toBe(
      String(Number(before.warranty.windowEndsAt!.slice(0, 4)) + 1),
    );
    expect(after.warranty.windowEndsAt!.slice(4)).toBe(before.warranty.windowEndsAt!.slice(4));

    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/settings.png", fullPage: false });
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN they try the policy on another delivery day THEN the preview counts from it, and nothing is unsaved
    await frame.getByLabel("Delivered on").fill("2026-01-31");
    await expect
      .poll(() => preview(frame).textContent())
      .toBe(
        "An item delivered on Saturday 31 January can be reported as damaged, wrong or not working on arrival " +
          "until Thursday 5 February, 23:59 Berlin time, and is under warranty until Monday 31 January 2028, 23:59 Berlin time.",
      );
    expect(await saveBar(frame).count()).toBe(0);
  });

  it("GIVEN the resolutions section WHEN the merchant stops offering replacements on arrival, keeps out-of-stock replacements for their own choice and pays wrong items' returns THEN a reload shows it and the shopper's claim form offers only a refund on arrival", async () => {
    const before = await powerBankOrderOptions();
    expect(before.resolutionsByType.arrival).toEqual(["refund", "replacement"]);
    let frame = await openSettings();
    const arrival = frame.getByRole("group", { name: "Resolutions for arrival claims" });
    const warranty = frame.getByRole("group", { name: "Resolutions for warranty claims" });
    // the guarantee never offers a repair on arrival: the form does not either
    expect(await arrival.getByRole("checkbox", { name: "Repair" }).count()).toBe(0);

    // WHEN every warranty resolution is unticked THEN the field says why, live
    for (const name of ["Refund", "Replacement", "Repair"]) await warranty.getByRole("checkbox", { name }).uncheck();
    await frame.getByText("expected at least one resolution").waitFor();
    await warranty.getByRole("checkbox", { name: "Repair" }).check();
    await warranty.getByRole("checkbox", { name: "Refund" }).check();
    await expect.poll(() => frame.getByText("expected at least one resolution").count()).toBe(0);

    // WHEN they stop offering replacements on arrival, choose for themselves on stock and pay wrong items' returns
    await arrival.getByRole("checkbox", { name: "Replacement" }).uncheck();
    // (Polaris draws the radio over its input: the merchant clicks its label)
    await frame.getByText("Let me decide: refund it, or wait for stock", { exact: true }).click();
    await expect
      .poll(() => frame.getByRole("radio", { name: "Let me decide: refund it, or wait for stock" }).isChecked())
      .toBe(true);
    await frame.getByLabel("Wrong item: return shipping is paid by").selectOption("merchant");
    // THEN the preview says it before anything is saved
    await frame
      .getByText(
        "Arrival claims can ask for a refund; warranty claims for a refund or repair; a replacement out of stock waits for your choice instead of being refunded.",
      )
      .waitFor();
    await frame.getByText(/By problem: wrong item: you pay\.$/).waitFor();
    await page.screenshot({ path: "test-results/admin-settings-resolutions.png" });
    expect(await axeViolations(frame)).toEqual([]);
    await saveBar(frame).getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Policy saved/).waitFor();
    await expect.poll(() => saveBar(frame).count()).toBe(0);

    // THEN after a reload the page shows what was saved
    await page.reload();
    frame = await openSettings();
    const reloaded = frame.getByRole("group", { name: "Resolutions for arrival claims" });
    await expect.poll(() => reloaded.getByRole("checkbox", { name: "Replacement" }).isChecked()).toBe(false);
    expect(await reloaded.getByRole("checkbox", { name: "Refund" }).isChecked()).toBe(true);
    expect(
      await frame
        .getByRole("group", { name: "Resolutions for warranty claims" })
        .getByRole("checkbox", { name: "Replacement" })
        .isChecked(),
    ).toBe(false);
    expect(await frame.getByRole("radio", { name: "Let me decide: refund it, or wait for stock" }).isChecked()).toBe(
      true,
    );
    expect(await frame.getByLabel("Wrong item: return shipping is paid by").inputValue()).toBe("merchant");

    // AND the shopper's claim form offers a refund only, on arrival, for the power bank
    const after = await powerBankOrderOptions();
    expect(after.resolutionsByType).toEqual({ arrival: ["refund"], warranty: ["refund", "repair"] });
    expect(after.items.find((item) => item.name?.startsWith("Nimbus Power Bank"))!.arrival.resolutions).toEqual([
      "refund",
    ]);
    expect(problems()).toEqual([]);
  });

  it("GIVEN unsaved changes WHEN the merchant discards them or tries to leave THEN nothing typed is lost without asking", async () => {
    const frame = await openSettings();
    await field(frame, "Response promise").fill("72");
    await saveBar(frame).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN they leave for the claims THEN they are asked first, and staying keeps what they typed
    await page.locator("nav a", { hasText: "Claims" }).click();
    const dialog = frame.getByRole("dialog", { name: "Leave page with unsaved changes?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Stay" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await field(frame, "Response promise").inputValue()).toBe("72");
    expect(await frame.getByRole("heading", { name: "Settings", level: 1 }).count()).toBe(1);
    // and a link inside the app asks the same
    await frame.getByRole("link", { name: "Return addresses" }).click();
    await dialog.getByRole("button", { name: "Stay" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await field(frame, "Response promise").inputValue()).toBe("72");

    // WHEN they discard THEN the saved value is back and the bar goes
    await saveBar(frame).getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => saveBar(frame).count()).toBe(0);
    expect(await field(frame, "Response promise").inputValue()).toBe("48");

    // WHEN they change it again and confirm leaving THEN the claims open and nothing was saved
    await field(frame, "Response promise").fill("96");
    await saveBar(frame).waitFor();
    await page.locator("nav a", { hasText: "Claims" }).click();
    await dialog.getByRole("button", { name: "Leave page" }).click();
    await frame.getByRole("heading", { name: "Claims" }).first().waitFor();
    expect(await saveBar(frame).count()).toBe(0);
    const settings = await openSettings();
    expect(await field(settings, "Response promise").inputValue()).toBe("48");
    expect(problems()).toEqual([]);
  });
});
