import { join } from "node:path";
import type { NextFunction, Request, Response } from "express";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { Logger } from "../app/utils/logger.server";
import { logRequests } from "../app/utils/request-log.server";

interface ProductionAppOptions {
  /** The Remix server build (build/server/index.js). */
  build: ServerBuild;
  /** The browser build: build/client, with its fingerprinted assets/. */
  clientDir: string;
  logger: Logger;
  mode?: string;
}

/**
 * What remix-serve does (compression, static files, the Remix handler), with one JSON log line per
 * request instead of morgan's text, and errors that escape the handler logged as JSON too.
 */
export function createProductionApp({ build, clientDir, logger, mode = "production" }: ProductionAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.use(logRequests(logger));
  app.use(compression());
  // Fingerprinted by Vite: cached for a year. Everything else in build/client for an hour.
  app.use("/assets", express.static(join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode }));
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    logger.error("Request failed outside the app's error handling", {
      requestId: req.headers["x-request-id"],
      error,
    });
    if (res.headersSent) return next(error);
    res.status(500).json({
      error: { code: "internal_error", message: "Something went wrong on our side. Please try again." },
    });
  });
  return app;
}
