import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { emailMessage, merchantMessage } from "../../app/i18n/email-messages";
import { orderPageUrl, type DemoLocale } from "../demo/pages";
import {
  appFrame,
  axeViolations,
  demoManifest,
  launchBrowser,
  readDemoDatabase,
  removeDir,
  startDemo,
  watchForProblems,
  type RunningDemo,
} from "./demo-harness";
import { fillArrivalClaim, newShopperContext, openClaimPage, translator } from "./shopper-flow";

// The emails in the demo (issue 12): the demo's own SMTP server keeps what the app sends and
// /demo/mail shows it as the shopper and the merchant read it. A shopper files a claim in French
// through the extension; the sending worker (asynchronous) delivers the shopper's confirmation and
// the merchant's notice; the merchant asks for more information in the admin and the shopper's
// email with the merchant's question arrives. The words expected are the app's own email catalogue.

const SCREENS = process.env.E2E_SCREENSHOTS_DIR ?? "test-results/screens";
/** The order the French shopper files a claim on. */
const FILED_ON = "delivered-2-days-ago";
/** How long the worker may take to deliver (it polls every second in the demo). */
const DELIVERY_TIMEOUT = 30_000;

let demo: RunningDemo;
let browser: Browser;
let context: BrowserContext | undefined;
let problems: () => string[] = () => [];

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  demo = await startDemo();
  browser = await launchBrowser();
});

afterEach(async () => {
  const seen = problems();
  await context?.close();
  context = undefined;
  expect(seen).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

async function newPage(opts: { locale?: DemoLocale; width?: number } = {}): Promise<Page> {
  context = await newShopperContext(browser, opts.locale ?? "en", opts.width);
  const page = await context.newPage();
  problems = watchForProblems(page);
  return page;
}

type Reader = "The merchant" | "The shoppers";
interface ListedMail {
  subject: string;
  meta: string;
  href: string;
}

/** One reader's list on /demo/mail, as the page shows it (newest first). */
async function listedMail(page: Page, reader: Reader): Promise<ListedMail[]> {
  await page.goto(`${demo.baseUrl}/demo/mail`);
  return page
    .getByRole("region", { name: new RegExp(`^${reader} \\(\\d+\\)$`) })
    .locator("li a")
    .evaluateAll((links) =>
      links.map((link) => ({
        subject: link.querySelector(".subject")?.textContent ?? "",
        meta: [...link.querySelectorAll(".meta")].map((m) => m.textContent).join(" · "),
        href: link.getAttribute("href") ?? "",
      })),
    );
}

/**
 * Waits, within DELIVERY_TIMEOUT, until the reader's list shows a message with this subject (the
 * worker sends asynchronously), then opens it. Fails if it never comes or comes twice.
 */
async function openMailWhenDelivered(page: Page, reader: Reader, subject: string): Promise<void> {
  let found: ListedMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await listedMail(page, reader)).filter((mail) => mail.subject === subject);
        return found.length;
      },
      { timeout: DELIVERY_TIMEOUT, interval: 500 },
    )
    .toBeGreaterThan(0);
  expect(found, `one email "${subject}"`).toHaveLength(1);
  await page.goto(`${demo.baseUrl}${found[0]!.href}`);
  await page.getByRole("heading", { level: 1, name: subject }).waitFor();
}

/** The opened message's headers, as its definition list shows them. */
async function mailHeaders(page: Page): Promise<Record<string, string>> {
  const pairs = await page
    .locator("dl.headers")
    .evaluate((dl) =>
      [...dl.querySelectorAll("dt")].map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]),
    );
  return Object.fromEntries(pairs);
}

const HTML_PART = `iframe[title="The email's HTML part"]`;

/** The text of the opened message's HTML part, as the sandboxed frame shows it. */
async function htmlPartText(page: Page): Promise<string> {
  const body = page.frameLocator(HTML_PART).locator("body");
  return (await body.innerText()).replace(/\s+/g, " ");
}

/** Clicks a link in the opened message's HTML part: it opens in a new tab, which is returned. */
async function followEmailLink(page: Page, name: string): Promise<Page> {
  const [opened] = await Promise.all([
    page.context().waitForEvent("page"),
    page.frameLocator(HTML_PART).getByRole("link", { name }).click(),
  ]);
  return opened;
}

/** The opened message's plain-text part (the switch above the message). */
async function plainTextPart(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Format" }).getByRole("link", { name: "Plain text" }).click();
  return page.locator("pre.body").innerText();
}

/** Nothing is wider than the screen: no sideways scrolling on a phone. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe("the demo mailbox", () => {
  it("shows what arrives at the demo's SMTP server as its reader reads it, on a computer and on a phone", async () => {
    // GIVEN a message for one of the demo's shoppers, sent to the SMTP server the demo started
    const smtpUrl = /by (smtp:\/\/127\.0\.0\.1:\d+)/.exec(demo.output())?.[1];
    expect(smtpUrl, "the demo names its SMTP server").toBeDefined();
    // (a shopper other than the one who files a claim below: their mailbox is the README's screenshot)
    const customer = demoManifest(demo).customers.find((c) => !c.orders.some((o) => o.scenario === FILED_ON))!;
    const subject = `Mailbox check ${randomUUID().slice(0, 8)}`;
    const transport = nodemailer.createTransport({ url: smtpUrl });
    await transport.sendMail({
      from: { name: "Warranty Desk Demo", address: "claims@warranty-desk.example" },
      to: customer.email,
      replyTo: "owner@warranty-desk-demo.myshopify.com",
      subject,
      text: "Plain words for the shopper.",
      html: '<!doctype html><html lang="en"><head><title>Check</title></head><body><p>Words in <strong>HTML</strong>.</p><script>document.body.append("A SCRIPT RAN")</script></body></html>',
    });
    transport.close();

    for (const width of [1280, 390]) {
      const page = await newPage({ width });
      // (the demo's home links to the mailbox)
      await page.goto(`${demo.baseUrl}/demo`);
      await page.getByRole("link", { name: "Open the demo mailbox" }).click();
      await page.getByRole("heading", { level: 1, name: "Demo mailbox" }).waitFor();
      // WHEN the mailbox opens THEN the message is in the shoppers' list, to that shopper
      await openMailWhenDelivered(page, "The shoppers", subject);
      await page.goBack();
      const listed = (await listedMail(page, "The shoppers")).find((mail) => mail.subject === subject)!;
      expect(listed.meta).toContain(`To ${customer.name} · from Warranty Desk Demo`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: join(SCREENS, `mailbox-list-${width}.png`), fullPage: true });

      // WHEN it opens THEN its sender, recipient and Reply-To are shown, and its HTML without its script
      await page.goto(`${demo.baseUrl}${listed.href}`);
      expect(await mailHeaders(page)).toMatchObject({
        From: "Warranty Desk Demo <claims@warranty-desk.example>",
        To: customer.email,
        "Reply-To": "owner@warranty-desk-demo.myshopify.com",
      });
      expect(await htmlPartText(page)).toBe("Words in HTML.");
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
      // AND the switch shows its plain-text part
      expect(await plainTextPart(page)).toBe("Plain words for the shopper.");
      expect(await axeViolations(page)).toEqual([]);
      if (width < 500) await page.screenshot({ path: join(SCREENS, "mailbox-phone.png"), fullPage: true });
      await context!.close();
      context = undefined;
    }
  });
});

/** The claim the shopper just filed on this order, from the demo's database. */
async function claimOn(orderId: string): Promise<{ id: string; number: number }> {
  const { rows } = await readDemoDatabase(demo.dataDir, (db) =>
    db.execute({ sql: 'SELECT "id", "number" FROM "Claim" WHERE "orderId" = ?', args: [orderId] }),
  );
  expect(rows).toHaveLength(1);
  return { id: String(rows[0]!.id), number: Number(rows[0]!.number) };
}

describe("a claim's emails in the demo mailbox", () => {
  it("the French shopper's confirmation, the merchant's notice, and the merchant's question to the shopper", async () => {
    const locale = "fr";
    const t = translator("claim-page", locale);
    const manifest = demoManifest(demo);
    const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === FILED_ON))!;
    const order = customer.orders.find((o) => o.scenario === FILED_ON)!;
    const shopEmail = `owner@${manifest.shop}`;

    // GIVEN a shopper who files an arrival claim in French from their order's page
    const page = await newPage({ locale });
    await page.goto(`${demo.baseUrl}${orderPageUrl(customer.id, order.id, locale)}`);
    const claimPage = await openClaimPage(page, locale);
    await fillArrivalClaim(claimPage, locale, /^Aurora Desk Lamp/);
    await claimPage.locator("s-banner", { hasText: t("preview.eligible") }).waitFor();
    await claimPage.getByRole("button", { name: t("form.submit") }).click();
    await claimPage.locator("s-banner", { hasText: t.within("confirmation.heading") }).waitFor();
    const claim = await claimOn(order.id);

    // THEN the shopper's confirmation arrives, in French, from the shop, answered to the shop
    const received = emailMessage(locale, "claim_received.subject", { number: claim.number });
    await openMailWhenDelivered(page, "The shoppers", received);
    expect(await mailHeaders(page)).toMatchObject({
      From: "Warranty Desk Demo <claims@warranty-desk.example>",
      To: customer.email,
      "Reply-To": shopEmail,
    });
    const confirmation = await htmlPartText(page);
    expect(confirmation).toContain(
      emailMessage(locale, "claim_received.intro", { shop: "Warranty Desk Demo", number: claim.number }),
    );
    expect(confirmation).toContain("Aurora Desk Lamp");
    await page.screenshot({ path: join(SCREENS, "mailbox-claim-received-fr.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await plainTextPart(page)).toContain(
      emailMessage(locale, "claim_received.intro", { shop: "Warranty Desk Demo", number: claim.number }),
    );

    // AND the merchant's notice of the new claim arrives at the shop's address
    const notice = merchantMessage("merchant_new_claim.subject", { number: claim.number, customer: customer.name });
    await openMailWhenDelivered(page, "The merchant", notice);
    expect(await mailHeaders(page)).toMatchObject({ To: shopEmail });
    expect(await htmlPartText(page)).toContain(customer.name);
    expect(await axeViolations(page)).toEqual([]);

    // WHEN the merchant opens the claim from the email (the demo admin stands in for Shopify's)
    // and asks the shopper for more information
    const admin = await followEmailLink(page, merchantMessage("merchant.open_claim", { number: claim.number }));
    await admin.waitForURL(/\/demo\/admin\?path=/);
    const frame = await appFrame(admin);
    await frame.getByRole("heading", { name: `Claim #${claim.number}` }).waitFor();
    await frame.getByRole("button", { name: "Ask for more information" }).click();
    const question = "Pourriez-vous envoyer une photo de l'étiquette du colis, de près ?";
    await frame.getByRole("textbox", { name: "Message to the shopper" }).fill(question);
    await frame.getByRole("button", { name: "Send to shopper" }).click();
    await admin.locator("#toasts", { hasText: `Message sent to the shopper on claim #${claim.number}` }).waitFor();
    await admin.close();

    // THEN the shopper's email with the merchant's question arrives, in French
    const asked = emailMessage(locale, "info_requested.subject", { number: claim.number });
    await openMailWhenDelivered(page, "The shoppers", asked);
    expect(await mailHeaders(page)).toMatchObject({ To: customer.email, "Reply-To": shopEmail });
    const request = await htmlPartText(page);
    expect(request).toContain(question);
    await page.screenshot({ path: "docs/screenshots/mailbox.png", fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // AND its link opens the order in customer accounts, in French, where the claim waits on the shopper
    const orderPage = await followEmailLink(page, emailMessage(locale, "common.view_claim"));
    await orderPage.waitForURL(/\/demo\/shopper\?.*locale=fr/);
    const tb = translator("warranty-claims", locale);
    await orderPage
      .frameLocator("#block")
      .getByRole("link", { name: tb("block.claim", { number: claim.number, status: tb("status.needs_information") }) })
      .waitFor();
    await orderPage.close();
    expect(await plainTextPart(page)).toContain(question);
  });
});
