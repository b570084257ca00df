import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser, readDemoDatabase, removeDir, startDemo } from "./demo-harness";

// `npm run demo` keeps its data between runs (the app's database and the simulated store), and
// `npm run demo -- --reset` starts over.

const dataDir = mkdtempSync(join(tmpdir(), "warranty-desk-demo-persist-"));
let browser: Browser | undefined;

async function storedAccessTokens(): Promise<string[]> {
  return readDemoDatabase(dataDir, async (db) => {
    const rows = await db.execute('SELECT "accessToken" FROM "Session" ORDER BY "id"');
    return rows.rows.map((row) => String(row.accessToken));
  });
}

async function openSettings(baseUrl: string) {
  browser ??= await launchBrowser();
  const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT });
  try {
    await page.goto(`${baseUrl}/demo/admin`);
    await page.locator("nav a", { hasText: "Settings" }).click();
    const frame = await (await page.waitForSelector("iframe#app")).contentFrame();
    await frame!.getByText("Europe/Berlin", { exact: true }).waitFor();
  } finally {
    await page.close();
  }
}

afterAll(async () => {
  await browser?.close();
  removeDir(dataDir);
});

describe("the demo's data", () => {
  // Three starts of the demo (two from a fresh store, seeded, its claims emailed), 10 to 20 s each.
  it("survives a restart, and --reset starts over", async () => {
    // GIVEN a fresh demo (installing the app stored a session through the token exchange)
    let demo = await startDemo(["--reset"], dataDir);
    await openSettings(demo.baseUrl);
    const tokens = await storedAccessTokens();
    expect(tokens).toHaveLength(1);
    await demo.stop();

    // WHEN it starts again: the session is still there, and the store still honours its token
    demo = await startDemo([], dataDir);
    expect(await storedAccessTokens()).toEqual(tokens);
    await openSettings(demo.baseUrl);
    expect(await storedAccessTokens()).toEqual(tokens);
    await demo.stop();

    // WHEN it starts with --reset: nothing of the previous run is left (the app is installed
    // afresh, with a new session from a new token exchange)
    demo = await startDemo(["--reset"], dataDir);
    const fresh = await storedAccessTokens();
    expect(fresh).toHaveLength(1);
    expect(fresh).not.toEqual(tokens);
    await openSettings(demo.baseUrl);
    await demo.stop();
  }, 150_000);
});
