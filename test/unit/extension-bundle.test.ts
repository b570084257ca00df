import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildExtension, EXTENSION_DIR, MAX_BUNDLE_BYTES, TARGET_MODULES } from "../../scripts/build-extension.mjs";

const outdir = mkdtempSync(join(tmpdir(), "warranty-desk-extension-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("the customer-account extension", () => {
  it("builds every target under Shopify's 64 KB bundle limit", async () => {
    const sizes = await buildExtension({ outdir, appUrl: "https://warranty-desk.example.com" });
    expect(Object.keys(sizes).sort()).toEqual(
      Object.values(TARGET_MODULES)
        .map((m) => `${m}.js`)
        .sort(),
    );
    for (const [file, bytes] of Object.entries(sizes)) expect(bytes, file).toBeLessThan(MAX_BUNDLE_BYTES);
  });

  it("bakes the app's URL in at build time", async () => {
    await buildExtension({ outdir, appUrl: "https://claims.example.org" });
    expect(readFileSync(join(outdir, "ClaimAction.js"), "utf8")).toContain("https://claims.example.org");
  });

  it("declares its targets on API 2026-07 with network access, and has an English text for every key it uses", () => {
    const toml = readFileSync(join(EXTENSION_DIR, "shopify.extension.toml"), "utf8");
    expect(toml).toContain('api_version = "2026-07"');
    for (const target of Object.keys(TARGET_MODULES)) expect(toml).toContain(`target = "${target}"`);
    expect(toml).toContain("network_access = true");
    const locale = JSON.parse(readFileSync(join(EXTENSION_DIR, "locales", "en.default.json"), "utf8"));
    const has = (key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locale) !== undefined;
    const sources = ["ClaimAction.tsx", "MenuItem.tsx", "windows.ts"]
      .map((f) => readFileSync(join(EXTENSION_DIR, "src", f), "utf8"))
      .join("\n");
    const keys = [...sources.matchAll(/(?:t|translate)\("([\w.]+)"|key: "([\w.]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });
});
