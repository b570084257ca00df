import type { PrismaClient } from "@prisma/client";

export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
}

export async function checkHealth(db: PrismaClient): Promise<Health> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: "ok" };
  } catch (err) {
    console.error("healthz: database check failed", err);
    return { status: "unavailable", database: "unreachable" };
  }
}
