import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BenchReportSchema } from "../../bench/report";

// `npm run bench` stays runnable: the whole harness at a tiny scale (a few hundred claims, one timed
// run per case) against the production build, as CI's browser tier has it built. Timings are
// never asserted here: only that every scenario ran and the report has its shape.

const outDir = mkdtempSync(join(tmpdir(), "wd-bench-smoke-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join("bench", "run.ts"), ...args], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run bench", () => {
  it("GIVEN a tiny scale WHEN the bench runs THEN it seeds every shop, measures every scenario and writes the report and the table", async () => {
    const { code, stdout, stderr } = await runBench(["--scale", "tiny", "--runs", "1", "--out", outDir]);
    // The app logged no error (the bench passes the app's error lines on to standard error).
    expect(stderr).not.toMatch(/\[app\].*"level":"error"/);
    expect(code).toBe(0);

    const report = BenchReportSchema.parse(JSON.parse(readFileSync(join(outDir, "report-sqlite.json"), "utf8")));
    expect(report.database).toBe("sqlite");
    // 300 claims in the big shop and 5 in each of 3 more.
    expect(report.scale).toEqual({ shops: 4, claims: 315, bigShopClaims: 300 });
    expect(report.baseline.timing.samples).toBe(1);

    const byName = new Map(report.scenarios.map((s) => [s.name, s]));
    const inbox = byName.get("claims inbox loader");
    expect(Object.keys(inbox?.cases ?? {})).toEqual([
      "tab=needs_response",
      "tab=waiting_on_shopper",
      "tab=awaiting_return",
      "tab=to_inspect",
      "tab=resolved",
      "tab=all",
      "tab=all sort=updated",
      "search claim number",
      "search order name",
      "search customer",
      "search product",
      "search no match",
      "search in a tab",
      "page 4 sort=due",
      "page 4 sort=updated",
    ]);
    expect(inbox?.timing?.samples).toBe(15);
    expect(inbox?.ratio).toBeDefined();
    expect(byName.get("claim page loader")?.timing?.samples).toBe(1);
    expect(byName.get("claim page loader, app only")?.measure).toBe("server-without-simulator");
    // The evaluation's Admin API calls are counted, with the cost the simulator reports as Shopify does.
    const evaluation = byName.get("claim evaluation (preview), app only");
    expect(evaluation?.adminApi?.operationsPerEvaluation).toBe(1);
    expect(evaluation?.adminApi?.requestedQueryCost).toBeGreaterThan(0);
    // Shoppers file claims one at a time and 200 at once, every one accepted.
    const submissions = byName.get("claim submission, 200 concurrent shoppers");
    expect(submissions?.cases?.["200 at once"]?.samples).toBe(200);
    expect(submissions?.errors).toBe(0);
    // The webhook burst: every delivery acknowledged, the records as if in order and once.
    const burst = byName.get("webhook burst, 50 deliveries");
    expect(burst?.timing?.samples).toBe(50);
    expect(burst?.errors).toBe(0);
    expect(burst?.notes).toContain("every fulfillment as if its deliveries had come in order and once");
    const bundles = byName.get("extension bundles (minified)")?.bytes ?? {};
    expect(Object.keys(bundles).sort()).toEqual([
      "ClaimPage.js",
      "MenuItem.js",
      "OrderStatusBlock.js",
      "ProductRulesBlock.js",
    ]);
    expect(Object.values(bundles).every((bytes) => bytes > 0)).toBe(true);
    // Uploads: each 12 MP photo stored without its EXIF, with its thumbnail; the video (small at this
    // scale) stored byte for byte; the app's memory read meanwhile.
    const photos = byName.get("photo upload, 12 MP JPEG with EXIF");
    expect(photos?.timing?.samples).toBe(1);
    expect(photos?.errors).toBe(0);
    expect(photos?.memory?.photos?.peakMb).toBeGreaterThan(0);
    const video = byName.get("video upload, 8 MB streamed");
    expect(video?.errors).toBe(0);
    expect(video?.memory?.app?.peakMb).toBeGreaterThan(0);
    // Refunds: each claim refunded once in the simulator, of the claimed unit, and recorded as
    // resolved, however many times its resolve was posted; no answer but successes and refusals.
    const refunds = byName.get("refunds, 20 approvals, 3 clicks + a retry each");
    expect(refunds?.refunds).toMatchObject({
      claims: 20,
      inSimulator: 20,
      doubled: 0,
      missing: 0,
      wrongAmount: 0,
      unrecorded: 0,
    });
    expect(refunds?.errors).toBe(0);
    // The admin pages in Chromium: each measured once in the app's frame (LCP and CLS; not asserted).
    const vitals = byName.get("admin pages in Chromium, LCP and CLS");
    expect(vitals?.notRun).toBeUndefined();
    expect(Object.keys(vitals?.cases ?? {})).toEqual([
      "inbox",
      "claim page",
      "settings",
      "notification settings",
      "return addresses",
      "denial clauses",
      "products and overrides",
      "numbers",
      "policy tester",
      "home, setup guide",
    ]);
    expect(Object.values(vitals?.cases ?? {}).map((t) => t.samples)).toEqual(Array(10).fill(1));
    expect(Object.values(vitals?.vitals?.pages ?? {}).every((p) => p.lcpElement !== "?" && p.cls >= 0)).toBe(true);
    expect(report.notDone).toEqual([]);

    // The table names every scenario with its result.
    for (const scenario of report.scenarios) expect(stdout).toContain(scenario.name);
    expect(stdout).toMatch(/claims inbox loader\s+\S+ ms/);
  }, 240_000);
});
