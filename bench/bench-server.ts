import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "../test/support/free-port";

// The production server in a child process (bench/app-server.ts), and a client that reads each
// request's server time from the app's own JSON request log (durationMs) by its X-Request-Id.

interface RequestTiming {
  /** The app's request log's durationMs: from the request's arrival to the response's last byte. */
  serverMs: number;
  /** Of which the store simulator (standing in for Shopify) was busy answering the app. */
  simulatorMs: number;
  /** The Admin GraphQL operations the app sent meanwhile, with the costs the simulator reported. */
  adminOperations: AdminOperation[];
}

export interface AdminOperation {
  name: string | null;
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
}

/** A delivered order a shopper may claim. */
export interface ShopperOrder {
  customerId: string;
  orderId: string;
  lineItemId: string;
}

/** A request's body; a stream is sent as it is read (chunked), never held whole. */
type BenchRequestBody = string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;

export interface BenchServer {
  baseUrl: string;
  /** The app process's id (its memory is read from /proc/<pid>/status). */
  pid: number;
  /** The disk evidence store's folder (EVIDENCE_DIR of the app process). */
  evidenceDir: string;
  claimPageClaimId: string;
  evaluationOrder: ShopperOrder;
  /** Shoppers with an order each, never claimed: the submission scenario's. */
  shoppers: ShopperOrder[];
  /** Shoppers with an order of two units each, never claimed: the refunds scenario's. */
  refundShoppers: ShopperOrder[];
  /**
   * Sends a request (GET unless `init` says); fails on a status other than 200 (or `expectStatus`;
   * "any" takes every answer); answers its timing, status and body.
   */
  request(
    path: string,
    init: { headers: Record<string, string>; method?: string; body?: BenchRequestBody; expectStatus?: number | "any" },
  ): Promise<RequestTiming & { status: number; body: string }>;
  stop(): Promise<void>;
}

/**
 * The glibc allocator's arena limit the container image runs the server with (MALLOC_ARENA_MAX in
 * the Dockerfile), so the app's memory is measured as deployed; the bench's own environment wins.
 */
function imageAllocatorEnv(root: string): Record<string, string> {
  const arenas = /MALLOC_ARENA_MAX=(\d+)/.exec(readFileSync(join(root, "Dockerfile"), "utf8"))?.[1];
  return arenas === undefined ? {} : { MALLOC_ARENA_MAX: arenas };
}

export async function startBenchServer(options: {
  databaseUrl: string;
  shop: string;
  claimEvents: number;
  claimEvidence: number;
  shoppers: number;
  refundShoppers?: number;
}): Promise<BenchServer> {
  const root = process.cwd();
  if (!existsSync(join(root, "build", "server", "index.js"))) {
    throw new Error("No production build: run `npm run build` first.");
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "app-server.ts")], {
    cwd: root,
    env: {
      ...imageAllocatorEnv(root),
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      BENCH_SHOP: options.shop,
      BENCH_CLAIM_EVENTS: String(options.claimEvents),
      BENCH_CLAIM_EVIDENCE: String(options.claimEvidence),
      BENCH_SHOPPERS: String(options.shoppers),
      BENCH_REFUND_SHOPPERS: String(options.refundShoppers ?? 0),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Each request's two lines (the app's request log and the simulator's), by request id.
  type Part = { serverMs: number } | { simulatorMs: number; adminOperations: AdminOperation[] };
  const lines = new Map<string, Partial<RequestTiming>>();
  const finished = new Map<string, RequestTiming>();
  const waiting = new Map<string, (timing: RequestTiming) => void>();
  const record = (requestId: string, part: Part) => {
    const { serverMs, simulatorMs, adminOperations } = { ...lines.get(requestId), ...part };
    if (serverMs === undefined || simulatorMs === undefined || adminOperations === undefined) {
      lines.set(requestId, { serverMs, simulatorMs, adminOperations });
      return;
    }
    lines.delete(requestId);
    const complete = { serverMs, simulatorMs, adminOperations };
    const waiter = waiting.get(requestId);
    if (waiter) {
      waiting.delete(requestId);
      waiter(complete);
    } else finished.set(requestId, complete);
  };
  type Ready = {
    claimPageClaimId: string;
    evaluationOrder: ShopperOrder;
    shoppers: ShopperOrder[];
    evidenceDir: string;
    refundShoppers: ShopperOrder[];
  };
  let onReady: (ready: Ready) => void = () => {};
  let onExit: (error: Error) => void = () => {};
  const ready = new Promise<Ready>((resolve, reject) => {
    onReady = resolve;
    onExit = reject;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code) => onExit(new Error(`The bench's app server exited (${code}) before it was ready`)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      process.stderr.write(`[app] ${line}\n`);
      return;
    }
    const { msg, requestId } = entry;
    if (msg === "bench-ready") onReady(entry as unknown as Ready);
    else if (msg === "request" && typeof requestId === "string" && typeof entry.durationMs === "number") {
      record(requestId, { serverMs: entry.durationMs });
    } else if (msg === "bench-simulator" && typeof requestId === "string" && typeof entry.simulatorMs === "number") {
      record(requestId, { simulatorMs: entry.simulatorMs, adminOperations: entry.adminOperations as AdminOperation[] });
    } else if (entry.level === "error") process.stderr.write(`[app] ${line}\n`);
  });
  const { claimPageClaimId, evaluationOrder, shoppers, evidenceDir, refundShoppers } = await ready;

  let sequence = 0;
  const timingOf = (requestId: string) =>
    new Promise<RequestTiming>((resolve) => {
      const known = finished.get(requestId);
      if (known) {
        finished.delete(requestId);
        resolve(known);
      } else waiting.set(requestId, resolve);
    });
  return {
    baseUrl,
    pid: child.pid!,
    evidenceDir,
    claimPageClaimId,
    evaluationOrder,
    shoppers,
    refundShoppers,
    async request(path, init) {
      const requestId = `bench-${++sequence}`;
      const timing = timingOf(requestId);
      const response = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? "GET",
        headers: { ...init.headers, "X-Request-Id": requestId },
        ...(init.body === undefined ? {} : { body: init.body }),
        ...(init.body instanceof ReadableStream ? { duplex: "half" as const } : {}),
      });
      const body = await response.text();
      if (init.expectStatus !== "any" && response.status !== (init.expectStatus ?? 200))
        throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${response.status} ${body.slice(0, 300)}`);
      return { ...(await timing), status: response.status, body };
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
