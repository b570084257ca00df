import { join } from "node:path";
import type { NextFunction, Request, Response, Router } from "express";
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
  /**
   * Routes answered before the app's own, inside its request log (the demo's pages and the store
   * simulator's stand-ins); whatever they do not answer goes on to the app.
   */
  routes?: Router;
}

// Browsers and crawlers ask for /favicon.ico whatever the page links: the app's icon is
// public/favicon.svg (the document links it), so they are sent there instead of to the Remix
// handler, whose 404 for it was logged as an error on every first visit.
const FAVICON = "/favicon.svg";

/**
 * What remix-serve does (compression, static files, the Remix handler), with one JSON log line per
 * request instead of morgan's text, and errors that escape the handler logged as JSON too.
 */
export function createProductionApp({ build, clientDir, logger, mode = "production", routes }: ProductionAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.use(logRequests(logger));
  app.use(compression());
  if (routes) app.use(routes);
  app.get("/favicon.ico", (_req, res) => res.redirect(301, FAVICON));
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
