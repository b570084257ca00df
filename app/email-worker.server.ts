import prisma from "./db.server";
import { databaseTarget } from "./db/database-target.server.mjs";
import { createNotificationWorker, type NotificationWorker } from "./services/notifications/worker.server";
import { transportFromEnv } from "./services/notifications/transport.server";
import { env } from "./utils/env.server";
import { logger } from "./utils/logger.server";

// The email worker of this process (issue 12): started once at server start (app/entry.server.tsx
// imports this module), beside the Prisma client and the Shopify app it uses.

declare global {
  var __warrantyDeskNotificationWorker: NotificationWorker | null | undefined;
}

/**
 * Starts this process's worker once (guarded across hot reloads), unless NOTIFICATIONS_WORKER=off
 * or emails are off (no SMTP_URL / EMAIL_FROM): then it says so in the log, once.
 */
function startNotificationWorker(): NotificationWorker | null {
  if (globalThis.__warrantyDeskNotificationWorker !== undefined) return globalThis.__warrantyDeskNotificationWorker;
  const config = env();
  const log = logger.child({ job: "email-worker" });
  if (config.NOTIFICATIONS_WORKER === "off") {
    log.info("the email worker is off in this instance (NOTIFICATIONS_WORKER=off)");
    return (globalThis.__warrantyDeskNotificationWorker = null);
  }
  const configured = transportFromEnv();
  if (!configured.transport) {
    log.warn(`emails are off: ${configured.reason}. Set SMTP_URL and EMAIL_FROM to send them (see .env.example).`);
    return (globalThis.__warrantyDeskNotificationWorker = null);
  }
  const worker = createNotificationWorker({
    db: prisma,
    transport: configured.transport,
    provider: databaseTarget(config.DATABASE_URL).provider,
    pollIntervalMs: config.NOTIFICATIONS_POLL_MS,
  });
  worker.start();
  log.info("the email worker started", { from: configured.from });
  return (globalThis.__warrantyDeskNotificationWorker = worker);
}

startNotificationWorker();
