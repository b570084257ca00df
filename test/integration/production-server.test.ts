import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, passthrough } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../app/utils/logger.server";
import { createProductionApp } from "../../server/app";
import { shopifyEdge } from "../simulator/network-edge";
import { resourceRoutesBuild } from "../support/remix-build";

// The production server's request log, over real HTTP: the Express app `npm start` runs (logging,
// compression, static files, the Remix handler), here with a small Remix build of resource routes.
// test/e2e/production-server.test.ts runs the real bundled server on the real build.

const SHOP = "log-test.myshopify.com";
const SHOPIFY_TOKEN = "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";
const CLAIM_ID = "clx0logclaim0000000000001";

/** A session token as Shopify shapes it (header.payload.signature); the log reads only `dest`. */
function sessionToken(dest: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ dest, sub: "gid://shopify/Customer/7", sid: "s" })}.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl`;
}

const resourceRoute = (id: string, path: string, loader: () => Promise<Response> | Response) => ({
  id,
  parentId: "root",
  path,
  module: { loader },
});

/** Resource routes only: no document rendering needed. */
const build = resourceRoutesBuild({
  root: { id: "root", path: "", module: { default: () => null } },
  "routes/healthz": resourceRoute("routes/healthz", "healthz", () => Response.json({ status: "ok" })),
  "routes/api.claims.$claimId": resourceRoute("routes/api.claims.$claimId", "api/claims/:claimId", () =>
    Response.json({ claim: { id: CLAIM_ID, email: "jane@example.com" } }),
  ),
  // A download that never ends, for a client that gives up.
  "routes/endless": resourceRoute(
    "routes/endless",
    "endless",
    () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode("first chunk"));
          },
        }),
      ),
  ),
  "routes/boom": resourceRoute("routes/boom", "boom", () => {
    throw new Error(`the database refused ${SHOPIFY_TOKEN}`);
  }),
});

const lines: string[] = [];
let server: Server;
let baseUrl: string;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), "wd-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "assets", "entry-abc123.js"), `console.log(${JSON.stringify("x".repeat(4000))});`);
  const logger = createLogger({ level: "debug", write: (line) => lines.push(line) });
  server = createProductionApp({ build, clientDir, logger }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(clientDir, { recursive: true, force: true });
});
beforeEach(() => {
  lines.length = 0;
  // The integration setup refuses any host but Shopify's; this test's server is on the loopback.
  shopifyEdge.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
});

/** The log lines once the server has written them (the line follows the response's last byte). */
async function logged(count: number): Promise<Record<string, unknown>[]> {
  await expect.poll(() => lines.length).toBeGreaterThanOrEqual(count);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("GIVEN the production server", () => {
  it("WHEN a request carries X-Request-Id and secrets in its query THEN one JSON line has the id, the path without the query, the status and the duration, and the id is echoed", async () => {
    const response = await fetch(`${baseUrl}/healthz?shop=${SHOP}&hmac=deadbeefcafe&id_token=${sessionToken(SHOP)}`, {
      headers: { "X-Request-Id": "lb-7f3a-42" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("lb-7f3a-42");
    const [record, ...more] = await logged(1);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      level: "info",
      msg: "request",
      requestId: "lb-7f3a-42",
      method: "GET",
      path: "/healthz",
      status: 200,
      shop: SHOP,
    });
    expect(record!.durationMs).toEqual(expect.any(Number));
    expect(lines[0]).not.toMatch(/hmac|deadbeef|id_token|eyJ/);
  });

  it("WHEN a shopper's request carries a session token THEN the line names the shop (the token's dest) and the claim, never the token or the answer's personal data", async () => {
    const token = sessionToken(SHOP);
    const response = await fetch(`${baseUrl}/api/claims/${CLAIM_ID}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const [record] = await logged(1);
    expect(record).toMatchObject({ path: `/api/claims/${CLAIM_ID}`, status: 200, shop: SHOP, claimId: CLAIM_ID });
    expect(lines.join("\n")).not.toContain(token.split(".")[1]!);
    expect(lines.join("\n")).not.toContain("jane@example.com");
  });

  it("WHEN the caller's request id is not a plain token THEN a new UUID is made, echoed and logged", async () => {
    const response = await fetch(`${baseUrl}/healthz`, { headers: { "X-Request-Id": "two words" } });
    const echoed = response.headers.get("x-request-id");
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await logged(1))[0]!.requestId).toBe(echoed);
  });

  it("WHEN a loader throws THEN the 500 is logged at error level with its request id, and the token in the error never reaches the log", async () => {
    const response = await fetch(`${baseUrl}/boom`, { headers: { "X-Request-Id": "boom-1" } });
    expect(response.status).toBe(500);
    const records = await logged(1);
    expect(records).toEqual([expect.objectContaining({ level: "error", requestId: "boom-1", status: 500 })]);
    expect(lines.join("\n")).not.toContain("shpat_");
  });

  it("WHEN the client goes away before the response ends THEN its request is still one line, marked aborted", async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/endless`, {
      headers: { "X-Request-Id": "gave-up-1" },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    controller.abort();
    const [record, ...more] = await logged(1);
    expect(record).toMatchObject({ requestId: "gave-up-1", path: "/endless", aborted: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(more).toEqual([]);
    expect(lines).toHaveLength(1);
  });

  it("WHEN a static asset is fetched THEN it is served compressed and cached for a year, and logged too", async () => {
    const response = await fetch(`${baseUrl}/assets/entry-abc123.js`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await logged(1)).toEqual([expect.objectContaining({ path: "/assets/entry-abc123.js", status: 200 })]);
  });

  it("WHEN a browser asks for /favicon.ico THEN it is sent to the app's icon (public/favicon.svg), one info line and no error", async () => {
    const response = await fetch(`${baseUrl}/favicon.ico`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/favicon.svg");
    expect(await logged(1)).toEqual([expect.objectContaining({ level: "info", path: "/favicon.ico", status: 301 })]);
  });

  it("WHEN 20 requests arrive at once THEN there are exactly 20 lines, one per request id", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `burst-${i}`);
    await Promise.all(ids.map((id) => fetch(`${baseUrl}/healthz`, { headers: { "X-Request-Id": id } })));
    const records = await logged(20);
    expect(records.map((record) => record.requestId).sort()).toEqual([...ids].sort());
  });
});
