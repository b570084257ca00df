import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { databaseTarget, type DatabaseTarget } from "../../app/db/database-target.server.mjs";

// Each test worker gets its own database, built from a template that the real migrations created
// (so every run also proves the migrations). SQLite: a copied file. PostgreSQL: a database created
// from the template database. The provider follows DATABASE_URL, as everywhere else.

export interface TestDatabasePlan {
  provider: DatabaseTarget["provider"];
  runId: string;
  /** SQLite: the folder of this run's files. PostgreSQL: the server URL (any database on it). */
  base: string;
}

const root = process.cwd();

export function planTestDatabases(databaseUrl: string | undefined, runId: string): TestDatabasePlan {
  const target = databaseTarget(databaseUrl);
  return target.provider === "sqlite"
    ? { provider: "sqlite", runId, base: join(root, ".cache", "test-db", runId) }
    : { provider: "postgresql", runId, base: target.url };
}

function pgUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(base: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

const templateName = (plan: TestDatabasePlan) => `wd_test_${plan.runId}_template`;
const workerName = (plan: TestDatabasePlan, worker: string) => `wd_test_${plan.runId}_w${worker}`;

export async function createTemplate(plan: TestDatabasePlan): Promise<void> {
  let url: string;
  if (plan.provider === "sqlite") {
    rmSync(plan.base, { recursive: true, force: true });
    mkdirSync(plan.base, { recursive: true });
    url = `file:${join(plan.base, "template.sqlite")}`;
  } else {
    const name = templateName(plan);
    await onServer(plan.base, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]);
    url = pgUrl(plan.base, name);
  }
  execFileSync(process.execPath, [join(root, "scripts/db.mjs"), "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** A fresh database for one test file in one worker; returns its DATABASE_URL. */
export async function createWorkerDatabase(plan: TestDatabasePlan, worker: string): Promise<string> {
  if (plan.provider === "sqlite") {
    const file = join(plan.base, `w${worker}.sqlite`);
    // The previous test file's write-ahead log (the app journals in WAL) would be replayed into the
    // fresh copy: "database disk image is malformed".
    for (const journal of [`${file}-wal`, `${file}-shm`]) rmSync(journal, { force: true });
    copyFileSync(join(plan.base, "template.sqlite"), file);
    return `file:${file}`;
  }
  const name = workerName(plan, worker);
  await onServer(plan.base, [
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    `CREATE DATABASE "${name}" TEMPLATE "${templateName(plan)}"`,
  ]);
  return pgUrl(plan.base, name);
}

export async function dropTestDatabases(plan: TestDatabasePlan): Promise<void> {
  if (plan.provider === "sqlite") {
    rmSync(plan.base, { recursive: true, force: true });
    return;
  }
  const client = new pg.Client({ connectionString: plan.base });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `wd_test_${plan.runId}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
