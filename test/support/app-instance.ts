import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { simulator } from "../simulator/network-edge";

// App instances as separate servers: each a child process (test/support/app-instance-server.ts)
// with the app's real modules, its own Prisma client and connection pool, Shopify app, evidence
// store client, email worker and HTTP listener (the production Express app, server/app.ts).
// Nothing is shared in memory; what they share is what production instances share: the database
// and the S3 bucket named in the environment, and Shopify, here the test process's one store
// simulator, which the children reach over HTTP (startSimulatorBridge).

export interface AppInstance {
  name: string;
  baseUrl: string;
  pid: number;
  /** The owner name of this instance's email worker; null when emails are off. */
  workerOwner: string | null;
  /** The app's JSON log lines (LOG_LEVEL decides which). */
  logLines: string[];
  /** Sends a request built for the app's URL (the test helpers' requests) to this instance. */
  send(request: Request): Promise<Response>;
  stop(): Promise<void>;
}

export interface SimulatorBridge {
  url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The store simulator over HTTP: a child's request to Shopify arrives with its URL in `?url=`. */
export async function startSimulatorBridge(): Promise<SimulatorBridge> {
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? "/", "http://bridge").searchParams.get("url") ?? "";
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name))
        headers.set(name, value);
    }
    const request = new Request(target, {
      method: req.method,
      headers,
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
    const response = (await simulator.handle(request)) ?? new Response("not a simulated URL", { status: 502 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const server: Server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Ready {
  port: number;
  pid: number;
  workerOwner: string | null;
}

/** Starts an instance in a child process with this process's environment and `environment` over it. */
export async function startAppInstance(
  name: string,
  bridge: SimulatorBridge,
  environment: Record<string, string> = {},
): Promise<AppInstance> {
  const root = process.cwd();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/support/app-instance-server.ts")], {
    cwd: root,
    env: { ...process.env, ...environment, SIMULATOR_URL: bridge.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logLines: string[] = [];
  const stderr: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`instance ${name} exited (${code}) before it was ready: ${stderr.join("").slice(-2000)}`)),
    );
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.includes('"instance-ready"')) resolve(JSON.parse(line) as Ready);
      else logLines.push(line);
    });
  });
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  return {
    name,
    baseUrl,
    pid: ready.pid,
    workerOwner: ready.workerOwner,
    logLines,
    async send(request) {
      const url = new URL(request.url);
      const body = request.body ? await request.arrayBuffer() : undefined;
      return fetch(`${baseUrl}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        ...(body ? { body } : {}),
      });
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
