import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { orderPageUrl, type DemoLocale } from "../demo/pages";
import {
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

// The shopper's side in a real browser: the demo's customer-account pages run the extensions' real
// bundles (the "Report a problem" menu item, the order-status block and the full-page claim page),
// which talk to the app's backend with customer session tokens. Every screen is checked with axe,
// and the words expected are the extensions' own locale files, so a test reads as the shopper does.

const SCREENS = process.env.E2E_SCREENSHOTS_DIR ?? "test-results/screens";

let demo: RunningDemo;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: () => string[];

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  demo = await startDemo();
  browser = await launchBrowser();
});

afterEach(async () => {
  const seen = problems();
  await context?.close();
  // No script error, stand-in missing for an s-* element, or translation missing on any screen.
  expect(seen).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

async function newPage(locale: DemoLocale = "en") {
  context = await newShopperContext(browser, locale);
  page = await context.newPage();
  problems = watchForProblems(page);
  return page;
}

function order(scenario: string) {
  for (const customer of demoManifest(demo).customers) {
    const found = customer.orders.find((o) => o.scenario === scenario);
    if (found) return { customerId: customer.id, orderId: found.id, name: found.name };
  }
  throw new Error(`no demo order for ${scenario}`);
}

async function openOrderPage(scenario: string, locale: DemoLocale) {
  const { customerId, orderId } = order(scenario);
  await page.goto(`${demo.baseUrl}${orderPageUrl(customerId, orderId, locale)}`);
  return page.frameLocator("#block");
}

async function screenshot(name: string) {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function claimsOf(orderId: string) {
  return readDemoDatabase(demo.dataDir, async (db) => {
    const claims = await db.execute({
      sql: 'SELECT "id", "number", "type", "status", "respondBy", "submissionKey" FROM "Claim" WHERE "orderId" = ?',
      args: [orderId],
    });
    const evidence = await db.execute({
      sql: 'SELECT "kind", "claimId" FROM "Evidence" WHERE "orderId" = ? ORDER BY "kind"',
      args: [orderId],
    });
    return {
      claims: claims.rows.map((row) => ({
        id: String(row.id),
        number: Number(row.number),
        type: String(row.type),
        status: String(row.status),
        // Prisma's SQLite adapter stores DateTime as an ISO string or as epoch milliseconds.
        respondBy: new Date(/^\d+$/.test(String(row.respondBy)) ? Number(row.respondBy) : String(row.respondBy)),
        submissionKey: String(row.submissionKey),
      })),
      evidence: evidence.rows.map((row) => ({ kind: String(row.kind), claimId: row.claimId && String(row.claimId) })),
    };
  });
}

/** A moment as the claim page shows it (formatMoment: the shopper's locale and time zone). */
function weekdayAndTime(date: Date, locale: DemoLocale) {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: "Europe/Berlin" }).format(date);
  return { weekday: part({ weekday: "long" }), time: part({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) };
}

const LANGUAGES: { locale: DemoLocale; scenario: string; item: RegExp; itemName: RegExp }[] = [
  { locale: "en", scenario: "delivered-today", item: /^Volt X2 E-Scooter/, itemName: /Volt X2 E-Scooter/ },
  { locale: "de", scenario: "card-and-gift-card", item: /^Aurora Desk Lamp/, itemName: /Aurora Desk Lamp/ },
];

describe("a shopper files an arrival claim with three photos", () => {
  for (const { locale, scenario, item, itemName } of LANGUAGES) {
    it(`and follows it on the order page and its claim page (${locale})`, async () => {
      const t = translator("claim-page", locale);
      const tb = translator("warranty-claims", locale);
      const { orderId } = order(scenario);
      await newPage(locale);

      // GIVEN an order delivered recently: the order-status block says what can be reported
      let block: FrameLocator;
      if (locale === "en") {
        block = await openOrderPage(scenario, "en");
      } else {
        // (the German page, reached with the demo's language switch)
        await openOrderPage(scenario, "en");
        await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Deutsch" }).click();
        await page.waitForURL(/locale=de/);
        block = page.frameLocator("#block");
      }
      await block.getByText(tb.pattern("block.canReportArrival")).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // WHEN the shopper opens "Report a problem" and fills in the claim form
      const claimPage = await openClaimPage(page, locale);
      await fillArrivalClaim(claimPage, locale, item, join(SCREENS, `${locale}-preview-missing-photos.png`));

      // THEN the live preview from the server says the claim can be accepted, and by when the shop replies
      const preview = claimPage.locator("s-banner", { hasText: t("preview.eligible") });
      await preview.waitFor();
      // (the banner's heading is drawn by the component; its text is what the extension gave it)
      expect((await preview.innerText()).replace(/\s+/g, " ").trim()).toMatch(t.pattern("preview.replyBy"));
      await screenshot(`${locale}-claim-form`);
      await preview.screenshot({ path: join(SCREENS, `${locale}-preview.png`) });
      expect(await axeViolations(page)).toEqual([]);

      // WHEN the shopper sends it
      await claimPage.getByRole("button", { name: t("form.submit") }).click();

      // THEN one arrival claim exists with the three photos, and the confirmation promises its reply
      const confirmation = claimPage.locator("s-banner", { hasText: t.within("confirmation.heading") });
      await confirmation.waitFor();
      const { claims, evidence } = await claimsOf(orderId);
      expect(claims).toHaveLength(1);
      const claim = claims[0]!;
      expect(claim).toMatchObject({ type: "arrival", status: "submitted" });
      expect(evidence).toEqual([
        { kind: "issue_photo", claimId: claim.id },
        { kind: "packaging_photo", claimId: claim.id },
        { kind: "shipping_label_photo", claimId: claim.id },
      ]);
      const { weekday, time } = weekdayAndTime(claim.respondBy, locale);
      await claimPage.getByText(t("confirmation.heading", { number: claim.number }), { exact: true }).waitFor();
      const confirmed = (await confirmation.innerText()).replace(/\s+/g, " ");
      expect(confirmed).toMatch(t.within("confirmation.replyBy"));
      expect(confirmed).toContain(weekday);
      expect(confirmed).toContain(time);
      await screenshot(`${locale}-confirmation`);
      expect(await axeViolations(page)).toEqual([]);

      // WHEN the shopper opens the claim's page
      await claimPage.getByRole("link", { name: t("confirmation.view") }).click();
      await page.waitForURL(new RegExp(`/claims/${claim.id}\\?`));

      // THEN it shows the claim's status, item, what happens next and its timeline, also after a reload
      for (const reload of [false, true]) {
        if (reload) await page.reload();
        const view = page.frameLocator("#page");
        await view.getByRole("heading", { name: t("claim.heading", { number: claim.number }) }).waitFor();
        await view.getByText(t("status.submitted"), { exact: true }).waitFor();
        await view.getByText(t("nextStep.wait_for_reply"), { exact: true }).waitFor();
        await view.getByRole("listitem").filter({ hasText: itemName }).waitFor();
        await view
          .getByRole("listitem")
          .filter({ hasText: t("events.submitted") })
          .waitFor();
      }
      // (the photos show as their thumbnails, which the app serves to this shopper only)
      const thumbnails = await page
        .frames()
        .find((f) => f.url().includes("target=customer-account.order.page.render"))!
        .evaluate(() =>
          [...document.querySelectorAll("s-image")].map((image) => {
            const img = image.shadowRoot?.querySelector("img");
            return img?.complete === true && img.naturalWidth > 0;
          }),
        );
      expect(thumbnails).toEqual([true, true, true]);
      await screenshot(`${locale}-claim-page`);
      expect(await axeViolations(page)).toEqual([]);

      // WHEN the shopper goes back to the order
      await page.getByRole("link", { name: new RegExp(`${order(scenario).name}$`) }).click();

      // THEN its block lists the claim with its status and next step, and links to its page
      block = page.frameLocator("#block");
      const claimLink = block.getByRole("link", {
        name: tb("block.claim", { number: claim.number, status: tb("status.submitted") }),
      });
      await claimLink.waitFor();
      await block.getByText(tb("nextStep.wait_for_reply"), { exact: true }).waitFor();
      await screenshot(`${locale}-order-status-block`);
      expect(await axeViolations(page)).toEqual([]);
      await claimLink.click();
      await page
        .frameLocator("#page")
        .getByRole("heading", { name: t("claim.heading", { number: claim.number }) })
        .waitFor();
    });
  }
});

describe("submitting twice", () => {
  it("a double tap on Send makes one claim", async () => {
    const t = translator("claim-page", "en");
    const { orderId } = order("delivered-2-days-ago");
    await newPage();
    await openOrderPage("delivered-2-days-ago", "en");
    const claimPage = await openClaimPage(page, "en");
    await fillArrivalClaim(claimPage, "en", /^Aurora Desk Lamp/);
    await claimPage.locator("s-banner", { hasText: t("preview.eligible") }).waitFor();

    // WHEN the button is tapped twice, the second tap before the page could react to the first
    const submissions: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/claims") {
        submissions.push(request.postData() ?? "");
      }
    });
    const frame = page.frames().find((f) => f.url().includes("target=customer-account.order.page.render"))!;
    await frame.evaluate((label) => {
      const host = [...document.querySelectorAll("s-button")].find((b) => b.textContent?.trim() === label);
      const button = host?.shadowRoot?.querySelector("button");
      if (!button) throw new Error(`no ${label} button`);
      button.click();
      button.click();
    }, t("form.submit"));

    // THEN the claim is sent once, one claim is made, and the shopper sees it once
    await claimPage.locator("s-banner", { hasText: t.within("confirmation.heading") }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(submissions).toHaveLength(1);
    const { claims } = await claimsOf(orderId);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.submissionKey).toBe((JSON.parse(submissions[0]!) as { submissionKey: string }).submissionKey);
    await expect.poll(() => claimPage.getByRole("link", { name: t.pattern("claims.title") }).count()).toBe(1);
  });

  it("sending again after the answer was lost returns the claim already made", async () => {
    const t = translator("claim-page", "en");
    const { orderId } = order("discounted-line");
    await newPage();
    await openOrderPage("discounted-line", "en");
    const claimPage = await openClaimPage(page, "en");
    await fillArrivalClaim(claimPage, "en", /^Trail Water Bottle/);
    await claimPage.locator("s-banner", { hasText: t("preview.eligible") }).waitFor();

    // GIVEN the first submission reaches the app but its answer never reaches the shopper
    let lost = 0;
    await page.route("**/api/claims", async (route) => {
      if (route.request().method() !== "POST" || lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort("failed");
    });
    await claimPage.getByRole("button", { name: t("form.submit") }).click();
    await claimPage.getByText(t("errors.submitNetwork"), { exact: true }).waitFor();
    expect((await claimsOf(orderId)).claims).toHaveLength(1);

    // WHEN the shopper sends it again (nothing they entered was lost)
    await claimPage.getByRole("button", { name: t("form.submit") }).click();

    // THEN they get the claim already made, and there is still only one
    await claimPage.locator("s-banner", { hasText: t.within("confirmation.heading") }).waitFor();
    const { claims } = await claimsOf(orderId);
    expect(claims).toHaveLength(1);
    await claimPage.getByText(t("confirmation.heading", { number: claims[0]!.number }), { exact: true }).waitFor();
    expect(lost).toBe(1);
  });
});

describe("what an order can still report", () => {
  it("shows, per item of a split shipment, whether and until when it can be reported on arrival", async () => {
    const t = translator("claim-page", "en");
    const tb = translator("warranty-claims", "en");
    await newPage();
    const block = await openOrderPage("split-shipment", "en");
    await block.getByText(tb.pattern("block.canReportArrival")).waitFor();
    await block.getByText(tb.pattern("block.canReportWarranty")).waitFor();
    const claimPage = await openClaimPage(page, "en");
    // The scooter came from Berlin 9 days ago: its arrival window closed. The power bank came from
    // Shenzhen yesterday: damage can still be reported.
    const items = claimPage.locator("s-section", { hasText: t("form.items.heading") });
    const date = String.raw`\w+day, \w+ \d+(, \d{4})? at \d\d:\d\d Berlin time`;
    await items
      .getByText(
        new RegExp(`^${t("form.items.why.closed", { date: "DATE" }).replace(/\./g, "\\.").replace("DATE", date)}$`),
      )
      .waitFor();
    await claimPage.getByRole("checkbox", { name: /^Nimbus Power Bank 20000/ }).waitFor();
    await expect(claimPage.getByRole("checkbox", { name: /^Volt X2 E-Scooter/ }).count()).resolves.toBe(0);
    await items
      .getByText(
        new RegExp(
          `^${t("form.items.until", { deadline: "DEADLINE" }).replace(/\./g, "\\.").replace("DEADLINE", date)}$`,
        ),
      )
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("says in one sentence that nothing can be reported before the order has shipped", async () => {
    const t = translator("claim-page", "en");
    const tb = translator("warranty-claims", "en");
    await newPage();
    const block = await openOrderPage("unfulfilled", "en");
    await block.getByText(tb("block.nothing.notShipped"), { exact: true }).waitFor();
    const claimPage = await openClaimPage(page, "en");
    await claimPage.getByText(t("nothingClaimable.notShipped"), { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
