import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";

// The production server in a child process (bench/app-server.ts), and a client that reads each
// request's server time from the app's own JSON request log (durationMs) by its X-Request-Id.

export interface BenchServer {
  baseUrl: string;
  claimPageClaimId: string;
  /** GETs a path; fails on a status other than 200; answers the server's time for it. */
  request(path: string, headers: Record<string, string>): Promise<{ serverMs: number; body: string }>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startBenchServer(options: {
  databaseUrl: string;
  shop: string;
  claimEvents: number;
  claimEvidence: number;
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
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      BENCH_SHOP: options.shop,
      BENCH_CLAIM_EVENTS: String(options.claimEvents),
      BENCH_CLAIM_EVIDENCE: String(options.claimEvidence),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const durations = new Map<string, number>();
  const waiting = new Map<string, (ms: number) => void>();
  let onReady: (claimId: string) => void = () => {};
  let onExit: (error: Error) => void = () => {};
  const ready = new Promise<string>((resolve, reject) => {
    onReady = resolve;
    onExit = reject;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code) => onExit(new Error(`The bench's app server exited (${code}) before it was ready`)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    let record: {
      msg?: unknown;
      requestId?: unknown;
      durationMs?: unknown;
      claimPageClaimId?: unknown;
      level?: unknown;
    };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      process.stderr.write(`[app] ${line}\n`);
      return;
    }
    if (record.msg === "bench-ready" && typeof record.claimPageClaimId === "string") onReady(record.claimPageClaimId);
    else if (
      record.msg === "request" &&
      typeof record.requestId === "string" &&
      typeof record.durationMs === "number"
    ) {
      const resolveWaiter = waiting.get(record.requestId);
      if (resolveWaiter) resolveWaiter(record.durationMs);
      else durations.set(record.requestId, record.durationMs);
    } else if (record.level === "error" || record.level === "warning") process.stderr.write(`[app] ${line}\n`);
  });
  const claimPageClaimId = await ready;

  let sequence = 0;
  const logged = (requestId: string) =>
    new Promise<number>((resolve) => {
      const known = durations.get(requestId);
      if (known !== undefined) {
        durations.delete(requestId);
        resolve(known);
      } else {
        waiting.set(requestId, (ms) => {
          waiting.delete(requestId);
          resolve(ms);
        });
      }
    });
  return {
    baseUrl,
    claimPageClaimId,
    async request(path, headers) {
      const requestId = `bench-${++sequence}`;
      const serverMs = logged(requestId);
      const response = await fetch(`${baseUrl}${path}`, { headers: { ...headers, "X-Request-Id": requestId } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status} ${body.slice(0, 300)}`);
      return { serverMs: await serverMs, body };
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
