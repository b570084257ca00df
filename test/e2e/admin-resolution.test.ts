import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
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

// Inspecting and resolving in the merchant's admin, in a real browser against the demo: a claim
// whose return came back (a lamp and earbuds paid by card and a gift card) is inspected with the
// lamp's cable missing, the Resolve preview shows the deduction and the split, the refund is made
// (the store then holds exactly one refund, split over card and gift card) and the toast says so;
// and a claim whose stored refund Shopify refuses (the order was refunded by hand meanwhile) shows
// Shopify's reason, and is resolved from a fresh preview. axe runs with each modal open.
// The claims are added to the demo through the app's services (seed-resolution-claims.ts).

let demo: RunningDemo;
let browser: Browser;
let page: Page;
let claims: { inspect: number; refused: number };
mkdirSync("test-results", { recursive: true });

/** Opens claim #`number` from the inbox's "All" tab, searched by its number. */
async function openClaim(number: number): Promise<Frame> {
  await page.goto(`${demo.baseUrl}/demo/admin`);
  let frame = await appFrame(page);
  await frame.getByRole("tab", { name: /^All/ }).click();
  const row = frame.locator("tbody tr").filter({ has: frame.getByRole("link", { name: `#${number}`, exact: true }) });
  await row.getByRole("link", { name: `#${number}`, exact: true }).click();
  frame = await appFrame(page);
  await frame.getByRole("heading", { name: `Claim #${number}` }).waitFor();
  return frame;
}

beforeAll(async () => {
  // A fresh demo, stopped once seeded, given the two claims, and started again on the same data.
  const seeding = await startDemo();
  await seeding.stop();
  const printed = execFileSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "test/e2e/seed-resolution-claims.ts", seeding.dataDir],
    { cwd: process.cwd(), encoding: "utf8", env: { ...process.env, LOG_LEVEL: "error" } },
  );
  claims = JSON.parse(printed.trim().split("\n").at(-1)!) as typeof claims;
  demo = await startDemo([], seeding.dataDir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, userAgent: DESKTOP_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

/** The demo's saved store: its orders' refunds and transactions (saved a moment after each Shopify call). */
async function savedOrderOf(number: number) {
  await new Promise((r) => setTimeout(r, 600));
  const saved = JSON.parse(readFileSync(`${demo.dataDir}/store.json`, "utf8")) as {
    simulator: {
      stores: {
        orders: {
          id: string;
          refunds: { id: string; note: string | null }[];
          transactions: { kind: string; gateway: string; amount: number }[];
        }[];
      }[];
    };
  };
  const orders = saved.simulator.stores.flatMap((s) => s.orders);
  return orders.find((o) => o.refunds.some((r) => r.note === `Warranty Desk claim #${number}`));
}

describe("inspecting and resolving a claim in the admin", () => {
  it("inspects a return with a missing part, previews the refund with the deduction split over card and gift card, and refunds once", async () => {
    let frame = await openClaim(claims.inspect);
    // WHEN the merchant inspects: the lamp's cable did not come back
    await frame.getByRole("button", { name: "Inspect the return" }).click();
    let dialog = frame.getByRole("dialog");
    await dialog.getByText("Nothing changes in Shopify yet", { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole("checkbox", { name: "cable came back" }).last().uncheck();
    await dialog.getByText("€6.90", { exact: true }).waitFor();
    await dialog.getByRole("button", { name: "Save inspection" }).click();
    await page
      .locator("#toasts", { hasText: `Inspection of claim #${claims.inspect} recorded: €6.90 for missing parts` })
      .waitFor();
    await dialog.waitFor({ state: "detached" });

    // WHEN the merchant opens Resolve THEN the preview says what Shopify will do
    frame = await appFrame(page);
    await frame.getByRole("button", { name: "Resolve", exact: true }).click();
    dialog = frame.getByRole("dialog");
    await dialog
      .getByText(/^Refund €164\.40 to Visa •••• 4242 and €37\.20 to the gift card on order #\d+\.$/)
      .waitFor();
    await dialog.getByText("− €6.90", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/admin-resolution-preview.png" });
    await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
    await page.locator("#toasts", { hasText: `Claim #${claims.inspect} resolved: €201.60 refunded` }).waitFor();
    await dialog.waitFor({ state: "detached" });

    // THEN the resolution card shows the refund per payment method, and the store holds one refund, split
    await frame.getByRole("heading", { name: "Resolution" }).waitFor();
    await frame.getByText("To Visa •••• 4242", { exact: true }).waitFor();
    await frame.getByText("To the gift card", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await frame.getByRole("heading", { name: "Resolution" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/admin-resolution-card.png" });
    const order = await savedOrderOf(claims.inspect);
    expect(order?.refunds).toHaveLength(1);
    expect(order!.transactions.filter((t) => t.kind === "REFUND").map((t) => [t.gateway, t.amount])).toEqual([
      ["shopify_payments", 16440],
      ["gift_card", 3720],
    ]);
  });

  it("shows Shopify's refusal of a stale refund plan, and resolves the claim from a fresh preview", async () => {
    const frame = await openClaim(claims.refused);
    await frame.getByRole("button", { name: "Resolve", exact: true }).click();
    const dialog = frame.getByRole("dialog");
    // The stored plan of the attempt that never reached Shopify is sent again, under its key
    await dialog.getByText("An earlier attempt planned this refund", { exact: false }).waitFor();
    await dialog.getByText(/^Refund €79\.50 to Visa •••• 4242 on order #\d+\.$/).waitFor();
    await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
    // THEN Shopify refuses it, and the merchant reads why and what to do
    await dialog.getByText(/^Shopify refused the refund: Refund amount 79\.5 is greater than the 35\.4/).waitFor();
    await frame.getByText("Shopify refused the refund", { exact: true }).waitFor();
    // AND the fresh preview splits what the order still allows
    await dialog.getByText(/^Refund €35\.40 to Visa •••• 4242 and €44\.10 to the gift card on order #\d+\.$/).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
    await page.locator("#toasts", { hasText: `Claim #${claims.refused} resolved: €79.50 refunded` }).waitFor();
    await dialog.waitFor({ state: "detached" });
    await frame.getByText("To the gift card", { exact: true }).waitFor();
    expect(await frame.getByText("Shopify refused the refund", { exact: true }).count()).toBe(0);
  });
});
