import { randomUUID } from "node:crypto";
import { signCustomerAccountSessionToken } from "../test/demo/session-tokens";
import { BENCH_APP, BROWSER_USER_AGENT } from "./bench-app";
import type { BenchServer, ShopperOrder } from "./bench-server";

/**
 * The shopper files a claim without files on one unit of their order, a refund preferred, as the
 * customer-account extension posts it (POST /api/claims); it must be accepted (201).
 */
export async function fileShopperClaim(server: BenchServer, shop: string, shopper: ShopperOrder) {
  const { token } = await signCustomerAccountSessionToken(BENCH_APP, shop, shopper.customerId);
  const body = JSON.stringify({
    orderId: shopper.orderId,
    submissionKey: randomUUID(),
    type: "arrival",
    problem: "damaged",
    description: "The bottle arrived dented.",
    items: [{ lineItemId: shopper.lineItemId, quantity: 1 }],
    preferredResolution: "refund",
  });
  const headers = {
    Authorization: `Bearer ${token}`,
    "User-Agent": BROWSER_USER_AGENT,
    "Content-Type": "application/json",
  };
  return server.request("/api/claims", { method: "POST", headers, body, expectStatus: 201 });
}
