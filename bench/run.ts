// `npm run bench`: seeds claims at scale into a fresh database, runs the scenarios against the
// production build (build/server.js, `npm run build`) on the store simulator, and writes a JSON
// report and a table. Not part of `npm test`. See the README's Performance section.
//   npm run bench                         SQLite, full scale (100,000 claims in one shop, 1,000 shops)
//   npm run bench -- --db postgres        PostgreSQL at DATABASE_URL's server (default the local one),
//                                         in a database of its own (wd_bench), dropped and made afresh
//   npm run bench -- --scale tiny         a few hundred claims (what the smoke test runs)
//   --runs N (timed runs per case), --out DIR (default .cache/bench)
//   --only NAME[,NAME]                    only these scenarios (SCENARIO_NAMES), e.g. --only webhooks
//                                         while working on one; the report says which ran
// Server time is the app's own JSON request log (durationMs, from the request's arrival to the
// response's last byte), read from the server's standard output, not the client's round trip.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { databaseTarget, LOCAL_POSTGRES_URL } from "../app/db/database-target.server.mjs";
import { buildExtensionReport, MAX_BUNDLE_BYTES } from "../scripts/build-extension.mjs";
import { signAdminSessionToken, signCustomerAccountSessionToken } from "../test/demo/session-tokens";
import { BENCH_APP, BROWSER_USER_AGENT } from "./bench-app";
import { startBenchServer, type AdminOperation, type BenchServer, type ShopperOrder } from "./bench-server";
import {
  BenchReportSchema,
  reportTable,
  timedResult,
  timingOf,
  type BenchReport,
  type ScenarioResult,
  type Timing,
} from "./report";
import { measureRefunds } from "./refunds";
import { seedClaimsAtScale, type SeedPlan } from "./seed";
import { fileShopperClaim } from "./shopper-claim";
import { measureAdminVitalsOrSayWhyNot } from "./browser-vitals";
import { measureUploads } from "./uploads";
import { runWebhookBurst, WEBHOOK_CONCURRENCY } from "./webhook-burst";

const root = process.cwd();
const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    scale: { type: "string", default: "full" },
    runs: { type: "string" },
    out: { type: "string", default: join(root, ".cache", "bench") },
    only: { type: "string" },
  },
});
const SCENARIO_NAMES = [
  "inbox",
  "claim-page",
  "evaluation",
  "submissions",
  "webhooks",
  "bundles",
  "vitals",
  "refunds",
  "uploads",
] as const;
type ScenarioName = (typeof SCENARIO_NAMES)[number];
const only = values.only?.split(",").map((name) => name.trim());
const unknown = only?.filter((name) => !(SCENARIO_NAMES as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(", ")}; known: ${SCENARIO_NAMES.join(", ")}`);
/** Whether this run measures the scenario (all unless --only names some). */
const wanted = (name: ScenarioName) => only === undefined || only.includes(name);
if (values.db !== "sqlite" && values.db !== "postgres") throw new Error("--db must be sqlite or postgres");
if (values.scale !== "full" && values.scale !== "tiny") throw new Error("--scale must be full or tiny");

const BIG_SHOP = "bench-big-store.myshopify.com";
const PLANS: Record<
  "full" | "tiny",
  SeedPlan & { runs: number; deepPage: number; webhookFulfillments: number; refunds: number }
> = {
  // 100,000 claims in one shop, and 999 more shops with 20 each (the 1,000 shops' claims around it).
  // 1,000 fulfillments × 10 deliveries: the burst of 10,000.
  full: {
    bigShop: BIG_SHOP,
    bigShopClaims: 100_000,
    smallShops: 999,
    claimsPerSmallShop: 20,
    runs: 30,
    deepPage: 200,
    webhookFulfillments: 1000,
    refunds: 1000,
  },
  tiny: {
    bigShop: BIG_SHOP,
    bigShopClaims: 300,
    smallShops: 3,
    claimsPerSmallShop: 5,
    runs: 3,
    deepPage: 4,
    webhookFulfillments: 5,
    refunds: 20,
  },
};
const plan = PLANS[values.scale];
const runs = values.runs ? Number(values.runs) : plan.runs;
const WARMUP_RUNS = 2;
const outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });

/** A fresh, migrated database; answers its DATABASE_URL. */
async function freshDatabase(): Promise<string> {
  let url: string;
  if (values.db === "sqlite") {
    const dir = join(outDir, "sqlite");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    url = `file:${join(dir, "bench.sqlite")}`;
  } else {
    const server = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : LOCAL_POSTGRES_URL;
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query('DROP DATABASE IF EXISTS "wd_bench" WITH (FORCE)');
      await client.query('CREATE DATABASE "wd_bench"');
    } finally {
      await client.end();
    }
    const target = new URL(server);
    target.pathname = "/wd_bench";
    url = target.toString();
  }
  const env = { ...process.env, DATABASE_URL: url };
  // The Prisma client is generated per provider (skipped when it already is this one's).
  execFileSync(process.execPath, [join(root, "scripts/db.mjs"), "generate"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  execFileSync(process.execPath, [join(root, "scripts/db.mjs"), "deploy"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return url;
}

const adminHeaders = async () => ({
  Authorization: `Bearer ${(await signAdminSessionToken(BENCH_APP, BIG_SHOP)).token}`,
  "User-Agent": BROWSER_USER_AGENT,
});

/**
 * Runs every case `rounds` times, round-robin (so load changes hit all cases alike), after warm-ups.
 * Answers each case's server times, and the same without the store simulator's time within them.
 */
async function measureRounds(server: BenchServer, cases: Record<string, string>, rounds: number) {
  const empty = () => Object.fromEntries(Object.keys(cases).map((key) => [key, [] as number[]]));
  const serverMs: Record<string, number[]> = empty();
  const withoutSimulatorMs: Record<string, number[]> = empty();
  for (let round = 0; round < WARMUP_RUNS + rounds; round++) {
    for (const [key, path] of Object.entries(cases)) {
      const timing = await server.request(path, { headers: path === "/healthz" ? {} : await adminHeaders() });
      if (round < WARMUP_RUNS) continue;
      serverMs[key]!.push(timing.serverMs);
      withoutSimulatorMs[key]!.push(Math.max(0, timing.serverMs - timing.simulatorMs));
    }
  }
  return { serverMs, withoutSimulatorMs };
}

/**
 * The shopper's live preview of a claim (POST /api/claims/preview) evaluates it against the policy
 * with the order's facts from Shopify: it must take one Admin API query, whose cost the simulator
 * reports as Shopify does (extensions.cost).
 */
async function measureEvaluation(server: BenchServer, rounds: number, baseline: Timing): Promise<ScenarioResult> {
  const { customerId, orderId, lineItemId } = server.evaluationOrder;
  const body = JSON.stringify({
    orderId,
    type: "arrival",
    problem: "damaged",
    description: "The lamp arrived with a cracked shade.",
    items: [{ lineItemId, quantity: 1 }],
    preferredResolution: "refund",
  });
  const appMs: number[] = [];
  const operations: AdminOperation[][] = [];
  for (let round = 0; round < WARMUP_RUNS + rounds; round++) {
    const { token } = await signCustomerAccountSessionToken(BENCH_APP, BIG_SHOP, customerId);
    const timing = await server.request("/api/claims/preview", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "User-Agent": BROWSER_USER_AGENT,
        "Content-Type": "application/json",
      },
      body,
    });
    if (round < WARMUP_RUNS) continue;
    appMs.push(Math.max(0, timing.serverMs - timing.simulatorMs));
    operations.push(timing.adminOperations);
  }
  const counts = operations.map((ops) => ops.length);
  const result = timedResult(
    "claim evaluation (preview), app only",
    "server-without-simulator",
    { stat: "p95Ms", below: 100 },
    { preview: appMs },
    baseline,
  );
  const first = operations[0]?.[0];
  return {
    ...result,
    adminApi: {
      operationsPerEvaluation: Math.max(...counts),
      operations: [...new Set(operations.flat().map((op) => op.name ?? "(unnamed)"))],
      requestedQueryCost: first?.requestedQueryCost ?? null,
      actualQueryCost: first?.actualQueryCost ?? null,
    },
    // The issue's target here is one Admin API query per evaluation; the time is reported beside it.
    target: { stat: "adminOperations", below: 2 },
    pass: counts.every((n) => n === 1),
    notes: "target: one Admin API query per evaluation (the time is shown against the submission's 100 ms)",
  };
}

const CONCURRENT_SHOPPERS = 200;

/**
 * Shoppers file claims without files (POST /api/claims: the evaluation with the order's facts from
 * the simulator, which adds no latency, then the claim's insert): one at a time, then
 * CONCURRENT_SHOPPERS at once, each on an order of their own. Every one must be accepted (201).
 */
async function measureSubmissions(server: BenchServer, rounds: number, baseline: Timing): Promise<ScenarioResult> {
  const shoppers = [...server.shoppers];
  const submit = (shopper: ShopperOrder) => fileShopperClaim(server, BIG_SHOP, shopper);
  const oneAtATime: number[] = [];
  for (let round = 0; round < WARMUP_RUNS + rounds; round++) {
    const { serverMs } = await submit(shoppers.shift()!);
    if (round >= WARMUP_RUNS) oneAtATime.push(serverMs);
  }
  const burstStarted = performance.now();
  const burst = await Promise.allSettled(shoppers.splice(0, CONCURRENT_SHOPPERS).map(submit));
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  const atOnce = burst.flatMap((r) => (r.status === "fulfilled" ? [r.value.serverMs] : []));
  const failures = burst.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
  const result = timedResult(
    `claim submission, ${CONCURRENT_SHOPPERS} concurrent shoppers`,
    "server",
    { stat: "p95Ms", below: 100 },
    { "one at a time": oneAtATime, [`${CONCURRENT_SHOPPERS} at once`]: atOnce },
    baseline,
  );
  // The latency target is held to one submission at a time; 200 sent in the same instant to one
  // process on this machine queue behind each other (their times are mostly the wait), so of them
  // the target is that none fails, and the report gives their throughput.
  const alone = result.cases!["one at a time"]!;
  return {
    ...result,
    errors: failures.length,
    pass: alone.p95Ms < 100 && failures.length === 0,
    notes:
      (failures.length === 0
        ? `all ${burst.length} concurrent submissions accepted`
        : `${failures.length} of ${burst.length} failed, e.g. ${failures[0]!.slice(0, 200)}`) +
      `; the ${burst.length} took ${burstSeconds.toFixed(1)} s together (${(burst.length / burstSeconds).toFixed(0)} claims/s);` +
      ` target: p95 of one at a time < 100 ms (${alone.p95Ms} ms) and no errors`,
  };
}

const encodeCursor = (cursor: { key: string | null; id: string }) =>
  Buffer.from(JSON.stringify(cursor)).toString("base64url");

async function main() {
  const startedAt = new Date();
  const databaseUrl = await freshDatabase();
  const { PrismaClient } = await import("@prisma/client");
  const { createAdapterFactory } = await import("../app/db/database-target.server.mjs");
  const db = new PrismaClient({ adapter: createAdapterFactory(databaseTarget(databaseUrl)) });
  console.error(`seeding ${plan.bigShopClaims + plan.smallShops * plan.claimsPerSmallShop} claims …`);
  // Seeding only: SQLite need not wait for the disk after each statement (this connection only;
  // the app's server opens its own with the defaults).
  if (values.db === "sqlite") await db.$queryRawUnsafe("PRAGMA synchronous = OFF");
  const seeded = await seedClaimsAtScale(db, plan, startedAt);
  // PostgreSQL's autovacuum would have analyzed tables that grew over two years, and set their
  // visibility map (index-only scans); a table filled a minute ago has neither until it runs.
  if (values.db === "postgres") await db.$executeRawUnsafe('VACUUM ANALYZE "Claim", "ClaimItem", "ClaimSearchTerm"');

  // A deep page: the cursors of the row `deepPage` pages in, in both sorts, as the inbox gives them out.
  const deepRow = plan.deepPage * 25 - 1;
  const [dueRow] = await db.claim.findMany({
    where: { shop: BIG_SHOP },
    orderBy: [{ respondBy: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    skip: deepRow,
    take: 1,
  });
  const [updatedRow] = await db.claim.findMany({
    where: { shop: BIG_SHOP },
    orderBy: [{ lastEventAt: "desc" }, { id: "desc" }],
    skip: deepRow,
    take: 1,
  });
  if (!dueRow || !updatedRow) throw new Error("the seeded shop has too few claims for the deep page");

  const server = await startBenchServer({
    databaseUrl,
    shop: BIG_SHOP,
    claimEvents: 100,
    claimEvidence: 20,
    shoppers: WARMUP_RUNS + runs + CONCURRENT_SHOPPERS,
    refundShoppers: wanted("refunds") ? plan.refunds : 0,
  });
  try {
    const scenarios: ScenarioResult[] = [];
    const inboxCases: Record<string, string> = {
      baseline: "/healthz",
    };
    if (wanted("inbox"))
      Object.assign(inboxCases, {
        ...Object.fromEntries(
          ["needs_response", "waiting_on_shopper", "awaiting_return", "to_inspect", "resolved", "all"].map((tab) => [
            `tab=${tab}`,
            `/app/claims.data?tab=${tab}`,
          ]),
        ),
        "tab=all sort=updated": "/app/claims.data?tab=all&sort=updated",
        "search claim number": `/app/claims.data?tab=all&q=${encodeURIComponent(`#${1001 + Math.floor(plan.bigShopClaims / 2)}`)}`,
        "search order name": `/app/claims.data?tab=all&q=${encodeURIComponent("#1500")}`,
        "search customer": `/app/claims.data?tab=all&q=${encodeURIComponent("Müller")}`,
        "search product": "/app/claims.data?tab=all&q=lamp",
        "search no match": "/app/claims.data?tab=all&q=zzzz",
        "search in a tab": "/app/claims.data?tab=resolved&q=garc",
        [`page ${plan.deepPage} sort=due`]: `/app/claims.data?tab=all&after=${encodeCursor({ key: dueRow.respondBy?.toISOString() ?? null, id: dueRow.id })}`,
        [`page ${plan.deepPage} sort=updated`]: `/app/claims.data?tab=all&sort=updated&after=${encodeCursor({ key: updatedRow.lastEventAt.toISOString(), id: updatedRow.id })}`,
      });
    if (wanted("claim-page")) inboxCases["claim page"] = `/app/claims/${server.claimPageClaimId}.data`;
    console.error(`measuring ${Object.keys(inboxCases).length} cases × ${runs} runs …`);
    const measured = await measureRounds(server, inboxCases, runs);
    const { baseline: baselineSamples, "claim page": claimPageSamples, ...inbox } = measured.serverMs;
    const baseline = timingOf(baselineSamples!);
    if (wanted("inbox"))
      scenarios.push(timedResult("claims inbox loader", "server", { stat: "p95Ms", below: 50 }, inbox, baseline));
    // The claim page reads the order and the locations from Shopify: its server time includes the
    // in-process simulator's. The target is held to the app's own time; both are reported.
    if (wanted("claim-page")) {
      scenarios.push(
        timedResult(
          "claim page loader",
          "server",
          { stat: "p95Ms", below: 50 },
          { "claim page": claimPageSamples! },
          baseline,
        ),
      );
      scenarios.push(
        timedResult(
          "claim page loader, app only",
          "server-without-simulator",
          { stat: "p95Ms", below: 50 },
          { "claim page": measured.withoutSimulatorMs["claim page"]! },
          baseline,
        ),
      );
    }

    /**
     * A scenario that throws is reported as failed, with its error, and the others still run: a
     * crash in the last scenario must not lose the half hour measured before it.
     */
    const measure = async (name: ScenarioName, run: () => Promise<ScenarioResult | ScenarioResult[]>) => {
      if (!wanted(name)) return;
      try {
        const result = await run();
        scenarios.push(...(Array.isArray(result) ? result : [result]));
      } catch (error) {
        console.error(`${name}: failed`, error);
        scenarios.push({
          name,
          measure: "server",
          target: { stat: "p95Ms", below: 0 },
          pass: false,
          notRun: `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        });
      }
    };
    await measure("evaluation", () => measureEvaluation(server, runs, baseline));
    await measure("submissions", () => measureSubmissions(server, runs, baseline));
    await measure("webhooks", () => measureWebhookBurst(server, db, baseline));
    await measure("bundles", () => measureExtensionBundles());
    await measure("vitals", () =>
      measureAdminVitalsOrSayWhyNot(runs, values.db === "sqlite" ? "sqlite" : "postgresql"),
    );
    await measure("refunds", () => measureRefunds(server, db, BIG_SHOP, server.refundShoppers, baseline));
    await measure("uploads", () =>
      measureUploads(server, db, {
        shop: BIG_SHOP,
        shopper: server.evaluationOrder,
        runs,
        tiny: values.scale === "tiny",
        baseline,
      }),
    );
    // New scenarios: one `await measure("name", () => measureName(...))` line each, here.

    const report: BenchReport = BenchReportSchema.parse({
      startedAt: startedAt.toISOString(),
      database: values.db === "sqlite" ? "sqlite" : "postgresql",
      scale: { shops: seeded.shops, claims: seeded.claims, bigShopClaims: plan.bigShopClaims },
      seedMs: seeded.ms,
      machine: { node: process.versions.node, cpus: cpus().length, loadAverage: loadavg(), platform: process.platform },
      baseline: { route: "/healthz", timing: baseline },
      scenarios,
      notDone: NOT_DONE,
    });
    const file = join(outDir, `report-${values.db}${only ? `-${only.join("-")}` : ""}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(reportTable(report));
    console.log(`\nreport: ${file}`);
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}

async function measureWebhookBurst(server: BenchServer, db: PrismaClient, baseline: Timing): Promise<ScenarioResult> {
  const burst = await runWebhookBurst(server, db, BIG_SHOP, plan.webhookFulfillments);
  const burstResult = timedResult(
    `webhook burst, ${burst.deliveries} deliveries`,
    "server",
    { stat: "p99Ms", below: 100 },
    { acknowledgement: burst.ackMs },
    baseline,
  );
  return {
    ...burstResult,
    errors: burst.failures.length,
    pass: burstResult.pass && burst.failures.length === 0 && burst.wrongRecords.length === 0,
    notes:
      `${burst.deliveries} deliveries (${burst.duplicates} repeated, shuffled), ${WEBHOOK_CONCURRENCY} in flight, ` +
      `${burst.seconds.toFixed(1)} s; ${burst.failures.length} not acknowledged` +
      (burst.failures[0] ? ` (e.g. ${burst.failures[0].slice(0, 200)})` : "") +
      `; records afterwards: ${
        burst.wrongRecords.length === 0
          ? "every fulfillment as if its deliveries had come in order and once"
          : `${burst.wrongRecords.length} wrong, e.g. ${burst.wrongRecords.slice(0, 3).join(", ")}`
      }`,
  };
}

async function measureExtensionBundles(): Promise<ScenarioResult> {
  const bundles = await buildExtensionReport({ outdir: mkdtempSync(join(tmpdir(), "wd-bench-extension-")) });
  const bytes = Object.fromEntries(Object.entries(bundles).map(([file, { bytes }]) => [file, bytes]));
  return {
    name: "extension bundles (minified)",
    measure: "bytes",
    target: { stat: "bytes", below: MAX_BUNDLE_BYTES },
    pass: Object.values(bytes).every((n) => n < MAX_BUNDLE_BYTES),
    bytes,
    notes: `aim: 32768 B; gzip: ${Object.entries(bundles)
      .map(([file, { gzipBytes }]) => `${file} ${gzipBytes} B`)
      .join(", ")}`,
  };
}

/** What the issue asks for that this bench does not measure yet (also in the README). */
const NOT_DONE: { name: string; why: string }[] = [];

await main();
