import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame } from "playwright-core";
import { DESKTOP_USER_AGENT, appFrame, launchBrowser, removeDir, startDemo, type RunningDemo } from "./demo-harness";

// The admin's pages are rendered on the server: what the merchant sees at the first paint, before the
// app's JavaScript has loaded and hydrated, must already be the page (its largest paint, LCP) and must
// stay where it is once it has (no layout shift, CLS). `npm run bench` measures both in Chromium (the
// vitals scenario); this checks them without timings: the page with JavaScript off against the same
// page after hydration. "Before" is the page without the app's own scripts (its /assets/*.js modules,
// which load after the first paint); App Bridge's script stays, as it runs before the first paint
// (a blocking script in the head, as Shopify requires).

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (demo) removeDir(demo.dataDir);
});

/** The headings, images and charts of the app's page: where each is and whether it is seen. */
async function layout(frame: Frame) {
  return frame.evaluate(() =>
    [...document.querySelectorAll("main h1, main h2, main img, main [role='img']")]
      // A chart's drawing is made in the browser only, inside its box (hidden from screen readers).
      .filter((el) => !el.closest("[aria-hidden='true']"))
      .map((el) => {
        const box = el.getBoundingClientRect();
        return {
          what: `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`,
          box: [box.x, box.y, box.width, box.height].map(Math.round),
          opacity: getComputedStyle(el).opacity,
        };
      }),
  );
}

async function pageLayout(path: string, hydrated: boolean) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, userAgent: DESKTOP_USER_AGENT });
  try {
    if (!hydrated) await context.route(/\/assets\/[^?]+\.js(\?|$)/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${demo.baseUrl}/demo/admin?${new URLSearchParams({ path })}`);
    const frame = await appFrame(page);
    await frame.waitForLoadState("load");
    if (hydrated) {
      // Hydrated (React has attached to the server's markup), then settled.
      await frame.waitForFunction(() =>
        Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber")),
      );
      await frame.waitForTimeout(800);
    }
    return await layout(frame);
  } finally {
    await context.close();
  }
}

describe("the admin's first paint", () => {
  it("GIVEN the policy tester without an order WHEN it is painted before the app's JavaScript runs THEN its empty state's illustration is seen, at its size", async () => {
    const before = await pageLayout("/app/policy-tester", false);
    const illustration = before.find((el) => el.what.startsWith("img"));
    // Polaris shows it only once React has hydrated and seen it loaded: it was the page's LCP, late.
    expect(illustration).toMatchObject({ opacity: "1" });
    expect(illustration?.box.slice(2)).toEqual([226, 226]);
  });

  it("GIVEN the policy tester WHEN its document is read THEN it asks first for the illustration it shows, ahead of its scripts", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, userAgent: DESKTOP_USER_AGENT });
    try {
      await page.goto(`${demo.baseUrl}/demo/admin?${new URLSearchParams({ path: "/app/policy-tester" })}`);
      const frame = await appFrame(page);
      const { preloaded, shown } = await frame.evaluate(() => ({
        preloaded: [...document.querySelectorAll<HTMLLinkElement>('head link[rel="preload"][as="image"]')].map(
          (link) => `${link.href} ${link.getAttribute("fetchpriority")}`,
        ),
        shown: document.querySelector<HTMLImageElement>("main img")?.src,
      }));
      expect(preloaded).toEqual([`${shown} high`]);
    } finally {
      await page.close();
    }
  });

  it.each(["/app/claims", "/app/policy-tester", "/app/numbers", "/app/settings"])(
    "GIVEN %s WHEN the app's JavaScript has hydrated it THEN its headings, images and charts are where the server painted them",
    async (path) => {
      const before = await pageLayout(path, false);
      const after = await pageLayout(path, true);
      expect(before.length).toBeGreaterThan(0);
      expect(after.map(({ what, box }) => ({ what, box }))).toEqual(before.map(({ what, box }) => ({ what, box })));
    },
  );
});
