import type { PrismaClient } from "@prisma/client";
import { pingDatabase } from "../db/health.server";

interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
}

export async function checkHealth(db: PrismaClient): Promise<Health> {
  try {
    await pingDatabase(db);
    return { status: "ok", database: "ok" };
  } catch (err) {
    console.error("healthz: database check failed", err);
    return { status: "unavailable", database: "unreachable" };
  }
}
