#!/usr/bin/env node
// Bundles the extensions' targets (customer accounts and the admin) with esbuild, the way the Shopify CLI does
// (one bundle per target, ESM, Preact's automatic JSX runtime, minified), for the offline demo and
// for the bundle-size check. `shopify app deploy` builds the deployed version itself.
// Usage: node scripts/build-extension.mjs [--outdir DIR] [--app-url URL] [--analyze]
// (prints each bundle's size; --analyze adds the modules that weigh most).
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const EXTENSION_DIR = join(root, "extensions", "warranty-claims");
export const TARGET_MODULES = {
  "customer-account.order.action.menu-item.render": "MenuItem",
  "customer-account.order-status.block.render": "OrderStatusBlock",
};
/** The full-page claim pages: a full-page target must be an extension of its own. */
export const CLAIM_PAGE_DIR = join(root, "extensions", "claim-page");
export const CLAIM_PAGE_TARGET_MODULES = {
  "customer-account.order.page.render": "ClaimPage",
};
/** The admin block on Shopify's product page: the product's claim rules. */
export const PRODUCT_RULES_DIR = join(root, "extensions", "product-rules");
export const PRODUCT_RULES_TARGET_MODULES = {
  "admin.product-details.block.render": "ProductRulesBlock",
};
/** Every extension: its folder and its targets' modules (module names are unique across them). */
export const EXTENSIONS = [
  { dir: EXTENSION_DIR, targets: TARGET_MODULES },
  { dir: CLAIM_PAGE_DIR, targets: CLAIM_PAGE_TARGET_MODULES },
  { dir: PRODUCT_RULES_DIR, targets: PRODUCT_RULES_TARGET_MODULES },
];
/**
 * Shopify's limit for a compiled UI extension bundle. Shopify counts it compressed, per extension
 * (128 KB for a full-page one); held here to each target's minified bytes, a stricter reading.
 */
export const MAX_BUNDLE_BYTES = 64 * 1024;
/** The claim page's own budget (issue 9: aim for 32 KB; Preact alone is about 14 KB of it). */
export const CLAIM_PAGE_BUDGET_BYTES = 32 * 1024;

/**
 * Builds every target's bundle and says what each weighs: minified, gzip-compressed, and the
 * bytes each module contributes (esbuild's metafile), largest first.
 * @param {{ outdir: string, appUrl?: string }} options
 */
export async function buildExtensionReport({ outdir, appUrl }) {
  mkdirSync(outdir, { recursive: true });
  const plugins = appUrl
    ? [
        {
          name: "app-url",
          setup(b) {
            // The app's URL is build-time configuration (src/app-url.ts); a build for another
            // server substitutes it.
            b.onResolve({ filter: /\/app-url$/ }, (args) => ({ path: args.path, namespace: "app-url" }));
            b.onLoad({ filter: /.*/, namespace: "app-url" }, () => ({
              contents: `export const APP_URL = ${JSON.stringify(appUrl)};`,
              loader: "ts",
            }));
          },
        },
      ]
    : [];
  const result = await build({
    // Without code splitting each entry is bundled whole, as each target is deployed.
    entryPoints: EXTENSIONS.flatMap(({ dir, targets }) =>
      Object.values(targets).map((name) => join(dir, "src", `${name}.tsx`)),
    ),
    outdir,
    // Flat: one <Module>.js per target, whichever extension folder it comes from.
    entryNames: "[name]",
    bundle: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: true,
    metafile: true,
    logLevel: "silent",
    plugins,
  });
  return Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([file, output]) => [
      file.split("/").pop(),
      {
        bytes: output.bytes,
        gzipBytes: gzipSync(readFileSync(file)).length,
        modules: Object.fromEntries(
          Object.entries(output.inputs)
            .map(([input, { bytesInOutput }]) => [input, bytesInOutput])
            .sort(([, a], [, b]) => b - a),
        ),
      },
    ]),
  );
}

/**
 * Builds every target's bundle; answers each bundle's minified size in bytes.
 * @param {{ outdir: string, appUrl?: string }} options
 */
export async function buildExtension(options) {
  const report = await buildExtensionReport(options);
  return Object.fromEntries(Object.entries(report).map(([file, { bytes }]) => [file, bytes]));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per bundle, as CI prints them; with `modules`, the five largest modules of each. */
export function describeSizes(report, { modules = false } = {}) {
  return Object.entries(report)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, entry]) => [
      `${file}: ${kb(entry.bytes)} minified, ${kb(entry.gzipBytes)} gzip (limit ${kb(MAX_BUNDLE_BYTES)})`,
      ...(modules
        ? Object.entries(entry.modules)
            .slice(0, 5)
            .map(([m, b]) => `  ${kb(b).padStart(8)}  ${m}`)
        : []),
    ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { outdir: { type: "string" }, "app-url": { type: "string" }, analyze: { type: "boolean" } },
  });
  const report = await buildExtensionReport({
    outdir: values.outdir ?? join(root, ".cache", "extension"),
    appUrl: values["app-url"],
  });
  for (const line of describeSizes(report, { modules: values.analyze })) console.error(line);
}
