#!/usr/bin/env node
// Database chores for both providers. Usage: node scripts/db.mjs <command>
//   sync [--check]        derive prisma/postgresql/schema.prisma from prisma/schema.prisma
//   generate              generate the Prisma client for DATABASE_URL's provider (skipped when current)
//   deploy                apply the migrations to DATABASE_URL (prisma migrate deploy)
//   new-migration NAME    author a migration for both providers from the schema change
// DATABASE_URL defaults to the embedded SQLite file. See docs/decisions/003-databases.md.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { databaseTarget, DEFAULT_DATABASE_URL, LOCAL_POSTGRES_URL } from "../app/db/database-target.server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE_SCHEMA = join(root, "prisma/schema.prisma");
const PG_SCHEMA = join(root, "prisma/postgresql/schema.prisma");
const PRISMA_CLI = join(root, "node_modules/prisma/build/index.js");
// `migrate diff` between two datamodels still opens a connection through the adapter (it writes
// nothing): authoring PostgreSQL migrations needs a reachable server.
const PG_AUTHORING_URL = process.env.POSTGRES_URL ?? LOCAL_POSTGRES_URL;

export function derivePostgresSchema(sqliteSchema) {
  const datasource = /datasource db \{[^}]*provider\s*=\s*"sqlite"/;
  if (!datasource.test(sqliteSchema))
    throw new Error('prisma/schema.prisma: datasource db must say provider = "sqlite"');
  const header =
    "// GENERATED from prisma/schema.prisma by `node scripts/db.mjs sync`: do not edit by hand.\n" +
    "// PostgreSQL uses the same models; only the provider differs.\n\n";
  return header + sqliteSchema.replace(datasource, (m) => m.replace('"sqlite"', '"postgresql"'));
}

function prisma(args, databaseUrl, opts = {}) {
  return execFileSync(process.execPath, [PRISMA_CLI, ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      PRISMA_SKIP_POSTINSTALL_GENERATE: "1",
    },
    encoding: "utf8",
    stdio: opts.capture ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
  });
}

function sync(check) {
  const wanted = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = existsSync(PG_SCHEMA) ? readFileSync(PG_SCHEMA, "utf8") : "";
  if (current === wanted) return true;
  if (check) {
    console.error("prisma/postgresql/schema.prisma is stale: run `node scripts/db.mjs sync` and commit it.");
    return false;
  }
  mkdirSync(dirname(PG_SCHEMA), { recursive: true });
  writeFileSync(PG_SCHEMA, wanted);
  console.error("wrote prisma/postgresql/schema.prisma");
  return true;
}

function generate(databaseUrl) {
  const target = databaseTarget(databaseUrl);
  sync(false);
  const schema = readFileSync(join(root, target.schemaPath), "utf8");
  const stamp = JSON.stringify({
    provider: target.provider,
    schema: createHash("sha256").update(schema).digest("hex"),
    prisma: JSON.parse(readFileSync(join(root, "node_modules/prisma/package.json"), "utf8")).version,
  });
  const stampFile = join(root, "node_modules/.prisma/client/.warranty-desk-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  prisma(["generate", "--no-hints"], target.url, { capture: true });
  writeFileSync(stampFile, stamp);
  console.error(`generated the Prisma client for ${target.provider}`);
}

function deploy(databaseUrl) {
  const target = databaseTarget(databaseUrl);
  prisma(["migrate", "deploy"], target.url, { capture: true });
}

function newMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? ""))
    throw new Error("usage: npm run db:migration -- NAME (lowercase letters, digits, _)");
  sync(false);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [schemaPath, migrationsDir, url] of [
    [SQLITE_SCHEMA, join(root, "prisma/migrations"), DEFAULT_DATABASE_URL],
    [PG_SCHEMA, join(root, "prisma/postgresql/migrations"), PG_AUTHORING_URL],
  ]) {
    mkdirSync(migrationsDir, { recursive: true });
    const previous = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .pop();
    // Each migration keeps a snapshot of the schema it produces; the next one is the diff from it.
    const from = previous
      ? ["--from-schema-datamodel", join(migrationsDir, previous, "schema.prisma")]
      : ["--from-empty"];
    const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"], url, {
      capture: true,
    });
    if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
      console.error(`${migrationsDir}: the schema has no changes since ${previous}`);
      continue;
    }
    const dir = join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    copyFileSync(schemaPath, join(dir, "schema.prisma"));
    const provider = schemaPath === SQLITE_SCHEMA ? "sqlite" : "postgresql";
    writeFileSync(
      join(migrationsDir, "migration_lock.toml"),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
    console.error(`wrote ${dir}/migration.sql`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, arg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  try {
    if (command === "sync") process.exit(sync(arg === "--check") ? 0 : 1);
    else if (command === "generate") generate(url);
    else if (command === "deploy") deploy(url);
    else if (command === "new-migration") newMigration(arg);
    else throw new Error("usage: node scripts/db.mjs sync [--check] | generate | deploy | new-migration NAME");
  } catch (err) {
    const out = [err?.stdout, err?.stderr].filter(Boolean).join("\n").trim();
    console.error(`error: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}${out ? `\n${out}` : ""}`);
    process.exit(1);
  }
}
