import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
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

// The merchant's decision in a real browser against the demo: a shopper files a warranty claim on
// both items of the split-shipment order through the shopper's API (a photo, the casing opened);
// the merchant sees the evaluation as filed, approves the power bank with a return to the warehouse
// that shipped it and denies the scooter citing the guarantee's clause; the toast and the new status
// follow, and the shopper's API shows the clause in plain words. axe runs with the modal open.

let demo: RunningDemo;
let browser: Browser;
let page: Page;
mkdirSync("test-results", { recursive: true });

/** The shopper's API of the demo, with the customer account's session token the demo signs. */
async function shopperApi(customerId: string) {
  const tokenAnswer = await fetch(
    `${demo.baseUrl}/demo/api/customer-session-token?customer=${encodeURIComponent(customerId)}`,
  );
  const { token } = (await tokenAnswer.json()) as { token: string };
  return async <T>(path: string, init: { method?: string; body?: BodyInit; contentType?: string } = {}): Promise<T> => {
    const response = await fetch(`${demo.baseUrl}${path}`, {
      method: init.method ?? "GET",
      headers: {
        Authorization: `Bearer ${token}`,
        "User-Agent": DESKTOP_USER_AGENT,
        "Accept-Language": "en",
        ...(init.contentType ? { "Content-Type": init.contentType } : {}),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

interface Filed {
  claimId: string;
  number: number;
  customerId: string;
  scooter: string;
  powerBank: string;
}

/** GIVEN the shopper files a warranty claim on the scooter and the power bank, saying the casing was opened. */
async function fileWarrantyClaim(): Promise<Filed> {
  const manifest = demoManifest(demo);
  const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "split-shipment"))!;
  const orderId = customer.orders.find((o) => o.scenario === "split-shipment")!.id;
  const api = await shopperApi(customer.id);
  const options = await api<{ items: { lineItemId: string; name: string | null }[] }>(
    `/api/claim-options?orderId=${encodeURIComponent(orderId)}`,
  );
  const lineOf = (name: string) => options.items.find((item) => item.name?.startsWith(name))!.lineItemId;
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#c0392b" } })
    .jpeg()
    .toBuffer();
  const { upload } = await api<{ upload: { id: string } }>(
    `/api/uploads?orderId=${encodeURIComponent(orderId)}&kind=issue_photo`,
    { method: "POST", body: new Uint8Array(photo), contentType: "image/jpeg" },
  );
  const scooter = lineOf("Volt X2 E-Scooter");
  const powerBank = lineOf("Nimbus Power Bank 20000");
  const { claim } = await api<{ claim: { id: string; number: number } }>("/api/claims", {
    method: "POST",
    contentType: "application/json",
    body: JSON.stringify({
      orderId,
      submissionKey: randomUUID(),
      type: "warranty",
      problem: "fault",
      description: "The scooter's motor cuts out and the power bank no longer charges.",
      items: [
        { lineItemId: scooter, quantity: 1 },
        { lineItemId: powerBank, quantity: 1 },
      ],
      answers: { bodyOpened: true, accidentalDamage: false },
      preferredResolution: "refund",
      uploadIds: [upload.id],
    }),
  });
  return { claimId: claim.id, number: claim.number, customerId: customer.id, scooter, powerBank };
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, userAgent: DESKTOP_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

describe("deciding a claim in the admin", () => {
  it("approves one item with a return and denies the other citing a clause; the shopper reads the clause", async () => {
    const filed = await fileWarrantyClaim();
    const shenzhen = demoManifest(demo).locations.find((l) => l.countryCode === "CN")!.name;

    // WHEN the merchant opens the claim THEN the evaluation as filed is on the page
    await page.goto(`${demo.baseUrl}/demo/admin`);
    let frame = await appFrame(page);
    await frame.getByRole("tab", { name: /^Needs response/ }).waitFor();
    const { search } = new URL(frame.url());
    await frame.goto(`${demo.baseUrl}/app/claims/${filed.claimId}${search}`);
    frame = await appFrame(page);
    await frame.getByRole("heading", { name: `Claim #${filed.number}` }).waitFor();
    await frame.getByRole("heading", { name: "Evaluation when filed" }).waitFor();
    await frame.getByText(/^Checked against the policy on .* \(times in Europe\/Berlin\)/).waitFor();
    await frame.getByText("The shopper answered yes", { exact: false }).waitFor();
    await frame.getByText("The policy leaves exclusions to your review", { exact: false }).waitFor();
    await frame.getByText("The policy asks for a photo or video of the problem.", { exact: true }).waitFor();
    expect(await frame.getByText(/^Arrival window ends .* · Warranty ends /).count()).toBe(2);
    expect(await axeViolations(frame)).toEqual([]);

    // WHEN they approve the power bank and deny the scooter citing "Body opened"
    await frame.getByRole("button", { name: "Approve or deny" }).click();
    const dialog = frame.getByRole("dialog");
    await dialog.getByText("Approve or deny each item", { exact: false }).waitFor();
    const scooter = dialog.getByRole("group", { name: /× Volt X2 E-Scooter/ });
    await scooter.getByText("Deny", { exact: true }).click();
    await dialog.getByRole("combobox", { name: /^Clause for denying Volt X2 E-Scooter/ }).selectOption("body_opened");
    await dialog
      .getByText(
        "The shopper reads: “The guarantee does not cover a product whose body was opened in an attempt to fix it.”",
        { exact: false },
      )
      .waitFor();
    const powerBank = dialog.getByRole("group", { name: /× Nimbus Power Bank 20000/ });
    await powerBank.getByText("Approve", { exact: true }).click();
    await dialog.getByRole("combobox", { name: /^Resolution for Nimbus Power Bank 20000/ }).selectOption("repair");
    // The warranty's return shipping is decided on review: the merchant says who pays.
    await dialog.getByRole("group", { name: "Who pays the return shipping" }).getByText("You (the merchant)").click();

    // THEN the confirmation says exactly what happens in Shopify, and axe finds nothing with the modal open
    await dialog
      .getByText(
        new RegExp(
          `^A return is opened in Shopify for 1 × Nimbus Power Bank 20000 on order #\\d+; the shopper is asked to send it to ${shenzhen}\\.$`,
        ),
      )
      .waitFor();
    await dialog.getByText("You pay the return shipping.", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/admin-decide-modal.png" });

    await dialog.getByRole("button", { name: "Send decision" }).click();

    // THEN a toast says it is done, with the Shopify return's name, and the claim awaits the return
    await page
      .locator("#toasts", {
        hasText: new RegExp(`Claim #${filed.number} partly approved; return #\\d+-R\\d+ opened in Shopify`),
      })
      .waitFor();
    await dialog.waitFor({ state: "detached" });
    await frame.getByText("Awaiting return", { exact: true }).first().waitFor();
    await frame.getByText("Approved: Repair", { exact: true }).waitFor();
    await frame.getByText("Denied: Body opened", { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/admin-decided-claim.png" });

    // AND the shopper reads the clause in plain words
    const api = await shopperApi(filed.customerId);
    const { claim } = await api<{ claim: { status: string; denial: { items: unknown[] } } }>(
      `/api/claims/${filed.claimId}`,
    );
    expect(claim.status).toBe("awaiting_return");
    expect(claim.denial.items).toEqual([
      {
        lineItemId: filed.scooter,
        reason: "body_opened",
        clause: "The guarantee does not cover a product whose body was opened in an attempt to fix it.",
        note: null,
      },
    ]);
  });
});
