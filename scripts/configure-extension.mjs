#!/usr/bin/env node
// `npm run extension:configure`: points the customer-account extensions at the app's public URL
// (SHOPIFY_APP_URL, from the environment or .env) by rewriting extensions/shared/src/app-url.ts.
// Run it before `shopify app deploy` whenever the app's URL changes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXTENSION_DIR } from "./build-extension.mjs";

const url = process.env.SHOPIFY_APP_URL;
if (!url || !/^https:\/\/[^/\s]+/.test(url)) {
  console.error("error: set SHOPIFY_APP_URL to the app's public https URL (e.g. in .env), then run this again.");
  process.exit(1);
}
const file = join(EXTENSION_DIR, "..", "shared", "src", "app-url.ts");
writeFileSync(
  file,
  `// Where the Warranty Desk app is served (its SHOPIFY_APP_URL). Written by\n` +
    `// \`npm run extension:configure\` before \`shopify app deploy\`; the demo build substitutes its own.\n` +
    `export const APP_URL = ${JSON.stringify(url.replace(/\/+$/, ""))};\n`,
);
console.error(`The extensions now call ${url}.`);
