#!/usr/bin/env node
// Fetches Shopify's official GraphQL introspection files (Admin 2026-10, Customer Account 2026-07)
// into .cache/shopify-schema/. They ship inside the npm package @shopify/dev-mcp, which would pull
// ~370 MB of dependencies if installed, so the pinned tarball is fetched with `npm pack` and only
// the schema files are extracted and checked against their sha256. Idempotent: a verified cache is
// reused. See docs/decisions/004-graphql-schema-source.md.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_PACKAGE = "@shopify/dev-mcp@1.16.0";
export const CACHE_DIR = join(root, ".cache", "shopify-schema");
export const SCHEMAS = [
  {
    name: "admin_2026-10",
    sha256: "f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593",
  },
  {
    name: "customer_2026-07",
    sha256: "97aca34dc7a3444ab55d52f979a97076d87c1b4a594749935ae57d8808e161ab",
  },
];

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");
const gzPath = (s) => join(CACHE_DIR, `${s.name}.json.gz`);
const jsonPath = (s) => join(CACHE_DIR, `${s.name}.json`);

function cached(s) {
  return existsSync(gzPath(s)) && existsSync(jsonPath(s)) && sha256(readFileSync(gzPath(s))) === s.sha256;
}

function fetchTarball() {
  const tmp = mkdtempSync(join(root, ".cache", "dev-mcp-"));
  try {
    console.error(`Fetching Shopify's introspection files from ${SCHEMA_PACKAGE} (npm registry)...`);
    const out = execFileSync("npm", ["pack", SCHEMA_PACKAGE, "--silent", "--pack-destination", tmp], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const tgz = join(tmp, out.trim().split("\n").pop());
    const members = SCHEMAS.map((s) => `package/dist/data/${s.name}.json.gz`);
    execFileSync("tar", ["-xzf", tgz, "-C", tmp, ...members], { stdio: "inherit" });
    for (const s of SCHEMAS) {
      const buf = readFileSync(join(tmp, "package", "dist", "data", `${s.name}.json.gz`));
      const got = sha256(buf);
      if (got !== s.sha256) {
        throw new Error(
          `${s.name}.json.gz from ${SCHEMA_PACKAGE} has sha256 ${got}, expected ${s.sha256}. ` +
            "The registry served a different file: do not trust it; check the package version pin.",
        );
      }
      writeFileSync(gzPath(s), buf);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function ensureShopifySchemas() {
  mkdirSync(CACHE_DIR, { recursive: true });
  if (!SCHEMAS.every(cached)) fetchTarball();
  for (const s of SCHEMAS) {
    if (existsSync(jsonPath(s))) continue;
    const tmp = `${jsonPath(s)}.partial`;
    writeFileSync(tmp, gunzipSync(readFileSync(gzPath(s))));
    renameSync(tmp, jsonPath(s));
  }
  return Object.fromEntries(SCHEMAS.map((s) => [s.name, jsonPath(s)]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const paths = ensureShopifySchemas();
    for (const [name, p] of Object.entries(paths)) console.error(`schema ${name}: ${p}`);
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
