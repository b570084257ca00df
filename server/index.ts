// The production server (`npm start`, and the container's `npm run docker-start`): the Remix build
// behind Express, logging JSON. Bundled by scripts/build-server.mjs into build/server.js, beside
// the Remix build it loads. PORT (default 3000; 0 picks a free port) and HOST as remix-serve reads them.
import { dirname, join } from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { logger } from "../app/utils/logger.server";
import { createProductionApp } from "./app";

process.env.NODE_ENV ??= "production";
const buildDir = dirname(fileURLToPath(import.meta.url));

process.on("uncaughtException", (error) => {
  logger.error("Uncaught exception: stopping", { error });
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  logger.error("Unhandled promise rejection", { error: reason });
});

let build: ServerBuild;
try {
  build = (await import(pathToFileURL(join(buildDir, "server", "index.js")).href)) as ServerBuild;
} catch (error) {
  // An invalid environment (EnvError names every bad variable) or a missing build.
  logger.error("Cannot start", { error });
  process.exit(1);
}
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = createProductionApp({
  build,
  clientDir: join(buildDir, "client"),
  logger,
  mode: process.env.NODE_ENV,
});
const port = Number(process.env.PORT ?? 3000);
const onListen = () => {
  logger.info("Listening", { port: (server.address() as AddressInfo).port, mode: process.env.NODE_ENV });
};
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);

// Platforms send SIGTERM and wait (Docker 10 s, Kubernetes 30 s) before SIGKILL.
const STOP_DEADLINE_MS = 9_000;

/** Stops taking requests, answers those in flight, lets the email worker finish its round, exits. */
async function stop(signal: NodeJS.Signals) {
  logger.info("Stopping: finishing the requests in flight", { signal });
  setTimeout(() => {
    logger.error("Stopping took too long: exiting with work in flight", { deadlineMs: STOP_DEADLINE_MS });
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  try {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    // Started by app/email-worker.server.ts when emails are on; its leases are let go.
    await globalThis.__warrantyDeskNotificationWorker?.stop();
    process.exit(0);
  } catch (error) {
    logger.error("Stopping failed", { error });
    process.exit(1);
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop(signal));
