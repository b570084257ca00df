import type { PrismaClient } from "@prisma/client";
import { pingDatabase } from "../db/health.server";
import { logger } from "../utils/logger.server";

interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
}

export async function checkHealth(db: PrismaClient): Promise<Health> {
  try {
    await pingDatabase(db);
    return { status: "ok", database: "ok" };
  } catch (err) {
    logger.error("healthz: database check failed", { error: err });
    return { status: "unavailable", database: "unreachable" };
  }
}
