import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import type { DemoLocale } from "../demo/pages";
import { DESKTOP_USER_AGENT } from "./demo-harness";

// The shopper's steps in the demo's customer-account pages, shared by the e2e files that file a
// claim through the extensions' real bundles: the extensions' own words (their locale files), the
// claim page opened from the order's menu item, and an arrival claim filled in with its photos.

const EVIDENCE = "test/fixtures/evidence";

/**
 * A shopper's browser: in Berlin, like the shop, so the promised reply is shown in their own time
 * zone; in their language, which also words the date and file inputs' own controls.
 */
export function newShopperContext(browser: Browser, locale: DemoLocale, width = 1280): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: 900 },
    userAgent: DESKTOP_USER_AGENT,
    timezoneId: "Europe/Berlin",
    locale: { en: "en-US", de: "de-DE", fr: "fr-FR", es: "es-ES" }[locale],
  });
}

type Texts = Record<string, unknown>;
const localeFile = (extension: string, locale: DemoLocale) =>
  JSON.parse(
    readFileSync(
      join("extensions", extension, "locales", locale === "en" ? "en.default.json" : `${locale}.json`),
      "utf8",
    ),
  ) as Texts;

/** The extension's own text for a key, with its {{placeholders}} filled in. */
export function translator(extension: string, locale: DemoLocale) {
  const texts = localeFile(extension, locale);
  const raw = (key: string) => {
    const text = key.split(".").reduce<unknown>((node, part) => (node as Texts | undefined)?.[part], texts);
    if (typeof text !== "string") throw new Error(`no ${locale} text for ${key} in ${extension}`);
    return text;
  };
  const t = (key: string, replacements: Record<string, string | number> = {}) =>
    raw(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name] ?? `{{${name}}}`));
  /** The text as a pattern: what the placeholders become is left open unless given. */
  t.pattern = (key: string, replacements: Record<string, string | number> = {}) =>
    new RegExp(
      `^${raw(key)
        .split(/(\{\{\w+\}\})/)
        .map((part) => {
          const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          return name in replacements ? String(replacements[name]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : ".+";
        })
        .join("")}$`,
    );
  /** The same, anywhere in a longer text. */
  t.within = (key: string, replacements: Record<string, string | number> = {}) =>
    new RegExp(t.pattern(key, replacements).source.replace(/^\^|\$$/g, ""));
  return t;
}

/** The menu item navigates to the full-page claim page, at the URL customer accounts give it. */
export async function openClaimPage(page: Page, locale: DemoLocale): Promise<FrameLocator> {
  const warranty = translator("warranty-claims", locale);
  await page
    .frameLocator("#menu")
    .getByRole("link", { name: warranty("menuItem") })
    .click();
  await page.waitForURL(/\/demo\/shopper\/page\/claim-page\/customer-account\.order\.page\.render\/\d+\/\?/);
  const claimPage = page.frameLocator("#page");
  await claimPage.getByRole("heading", { level: 1, name: translator("claim-page", locale)("page.heading") }).waitFor();
  return claimPage;
}

/**
 * Fills in an arrival claim for one item: damaged, described, noticed today, one exclusion question
 * answered, a replacement asked for; then the three photos the policy requires, one per slot.
 */
export async function fillArrivalClaim(
  claimPage: FrameLocator,
  locale: DemoLocale,
  item: RegExp | string,
  screenshotPath?: string,
) {
  const t = translator("claim-page", locale);
  await claimPage.getByRole("checkbox", { name: item }).check();
  await claimPage.getByRole("radio", { name: t("problems.damaged"), exact: true }).check();
  await claimPage
    .getByLabel(t("form.description.label.arrival"))
    .fill("The box was crushed on one corner and the item inside is dented.");
  await claimPage.getByLabel(t("form.noticed.label")).fill(new Date().toISOString().slice(0, 10));
  await claimPage.getByRole("radio", { name: t("resolutions.replacement"), exact: true }).check();
  // The warranty's exclusion questions are not asked of an arrival claim.
  expect(await claimPage.getByRole("group", { name: t("form.questions.accidentalDamage") }).count()).toBe(0);

  // The server's preview says what is still missing, and the slots it needs are marked required.
  const missing = claimPage.locator("s-banner", { hasText: t("preview.notEligible") });
  await missing.waitFor();
  if (screenshotPath) await missing.screenshot({ path: screenshotPath });
  const slot = (name: string) =>
    claimPage.getByLabel(t("evidence.requiredLabel", { label: t(`evidence.${name}.label`) }), { exact: true });
  await slot("issue").setInputFiles(join(EVIDENCE, "damaged-box.jpg"));
  await slot("shipping_label").setInputFiles(join(EVIDENCE, "shipping-label.jpg"));
  await slot("packaging").setInputFiles(join(EVIDENCE, "packaging.jpg"));
  await expect
    .poll(() => claimPage.getByText(t("evidence.uploaded"), { exact: true }).count(), { timeout: 20_000 })
    .toBe(3);
}
