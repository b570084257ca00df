import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildServer } from "../../scripts/build-server.mjs";
import { signCustomerAccountSessionToken } from "../demo/session-tokens";
import { freePort } from "../support/free-port";

// `npm start` as it runs in production: the real Remix build behind the bundled server
// (build/server.js), on a fresh SQLite database, read through its standard output. Every line it
// writes is JSON; each request is one line with its request id, and no token reaches the log.

const KEYS = { apiKey: "production-server-test", apiSecret: "production-server-test-secret" };
const SHOP = "log-check.myshopify.com";
const CLAIM_ID = "clx0prodserver00000000001";

let server: ChildProcess;
let baseUrl: string;
let dataDir: string;
const stdout: string[] = [];
let stderr = "";

const records = () => stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLine = async (requestId: string) => {
  await expect.poll(() => records().find((r) => r.msg === "request" && r.requestId === requestId)).toBeDefined();
  return records().find((r) => r.msg === "request" && r.requestId === requestId)!;
};

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), "build", "server", "index.js"))) {
    throw new Error("No production build: run `npm run build` (npm run test:e2e does it).");
  }
  await buildServer();
  dataDir = mkdtempSync(join(tmpdir(), "wd-production-server-"));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    SHOPIFY_API_KEY: KEYS.apiKey,
    SHOPIFY_API_SECRET: KEYS.apiSecret,
    SHOPIFY_APP_URL: baseUrl,
    DATABASE_URL: `file:${join(dataDir, "app.sqlite")}`,
    PORT: String(port),
    LOG_LEVEL: "info",
  };
  execFileSync(process.execPath, ["scripts/db.mjs", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  server = spawn(process.execPath, ["--enable-source-maps", "build/server.js"], { env });
  let partial = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const lines = text.split("\n");
    partial = lines.pop()!;
    stdout.push(...lines.filter((line) => line !== ""));
  });
  server.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  await vi.waitFor(
    () => {
      if (server.exitCode !== null) throw new Error(`The server stopped (${server.exitCode}): ${stderr}`);
      if (!stdout.some((line) => line.includes('"msg":"Listening"'))) throw new Error("not listening yet");
    },
    { timeout: 30_000, interval: 100 },
  );
});

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("GIVEN the production server on the real build", () => {
  it("WHEN /healthz is asked with a request id THEN it answers ok, echoes the id and logs one JSON line for it", async () => {
    const response = await fetch(`${baseUrl}/healthz`, { headers: { "X-Request-Id": "healthz-check-1" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("x-request-id")).toBe("healthz-check-1");
    expect(await requestLine("healthz-check-1")).toMatchObject({
      level: "info",
      method: "GET",
      path: "/healthz",
      status: 200,
    });
  });

  it("WHEN a shopper's extension asks about a claim in a shop that never installed the app THEN the refusal (Shopify's library answers 410) is logged with the shop from the token's dest and the claim, never the token", async () => {
    const { token } = await signCustomerAccountSessionToken(KEYS, SHOP, "gid://shopify/Customer/7");
    const response = await fetch(`${baseUrl}/api/claims/${CLAIM_ID}`, {
      headers: { Authorization: `Bearer ${token}`, "X-Request-Id": "shopper-check-1" },
    });
    expect(response.status).toBe(410);
    expect(await requestLine("shopper-check-1")).toMatchObject({
      path: `/api/claims/${CLAIM_ID}`,
      status: 410,
      shop: SHOP,
      claimId: CLAIM_ID,
    });
    for (const part of token.split(".")) expect(stdout.join("\n")).not.toContain(part);
  });

  it("WHEN it has served requests THEN every line on its standard output is JSON with time, level and msg, and it writes nothing to standard error", () => {
    expect(stdout.length).toBeGreaterThanOrEqual(3);
    for (const record of records())
      expect(record).toEqual(
        expect.objectContaining({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) }),
      );
    expect(stderr).toBe("");
  });

  it("WHEN it is sent SIGTERM THEN it logs that it is stopping and exits 0", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(records().at(-1)).toMatchObject({ msg: "Stopping: finishing the requests in flight", signal: "SIGTERM" });
  });
});
