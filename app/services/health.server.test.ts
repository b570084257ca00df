import { describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { logger } from "../utils/logger.server";
import { checkHealth } from "./health.server";

const clientAnswering = (query: () => Promise<unknown>) => ({ $queryRawUnsafe: query }) as unknown as PrismaClient;

describe("checkHealth", () => {
  it("is ok when the database answers", async () => {
    expect(await checkHealth(clientAnswering(async () => [{ 1: 1 }]))).toEqual({ status: "ok", database: "ok" });
  });

  it("is unavailable when the database does not answer", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const health = await checkHealth(clientAnswering(async () => Promise.reject(new Error("connection refused"))));
    expect(health).toEqual({ status: "unavailable", database: "unreachable" });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
