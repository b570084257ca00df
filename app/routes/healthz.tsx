import prisma from "../db.server";
import { checkHealth } from "../services/health.server";

// GET /healthz for load balancers and deploy checks: 200 when the database answers, else 503.
export const loader = async () => {
  const health = await checkHealth(prisma);
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
};
