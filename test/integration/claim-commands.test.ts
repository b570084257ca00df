import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import { submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import type { Actor } from "../../app/domain/claim-lifecycle/claim-state";
import { runClaimCommand } from "../../app/services/claim-commands.server";
import { anArrivalSubmission } from "../support/claim-factories";

const SHOP = "test-shop.myshopify.com";
const merchant = { type: "merchant" as const, id: "staff-1" };
const customer = { type: "customer" as const, id: "gid://shopify/Customer/7" };
const at = (iso: string) => new Date(iso);

async function openClaim() {
  const { state } = submitClaim(
    anArrivalSubmission("claim-1", {
      item: { returnLocations: [{ locationId: "gid://shopify/Location/2", quantity: 1 }] },
    }),
    at("2026-03-02T10:00:00Z"),
    customer,
  );
  return prisma.$transaction((tx) => insertClaim(tx, { shop: SHOP, state }));
}

describe("claim steps that stay in our database", () => {
  it("walks a claim from submission to an inspected return, one saved version per step", async () => {
    await openClaim();
    const run = (
      command: Parameters<typeof runClaimCommand>[3],
      actor: Actor = merchant,
      when = "2026-03-02T12:00:00Z",
    ) => runClaimCommand(prisma, SHOP, "claim-1", command, actor, at(when));

    await run({
      type: "decide_item",
      lineItemId: "gid://shopify/LineItem/1",
      decision: { kind: "approve", resolution: "refund" },
    });
    await run({ type: "finalize_decision" });
    const awaiting = await run({ type: "request_return" }, merchant, "2026-03-02T12:05:00Z");
    // The shopper is told to send the item back to the warehouse it came from, with its charger.
    expect(awaiting.state.returnInstructions).toEqual({
      destinations: [
        {
          locationId: "gid://shopify/Location/2",
          items: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, includeComponents: ["Charger"] }],
        },
      ],
      trackedShippingAdvised: true,
      shippingPaidBy: "merchant",
    });
    await run(
      { type: "ship_return", trackingNumber: "JJD000390007", carrier: "DHL" },
      customer,
      "2026-03-03T09:00:00Z",
    );
    await run({ type: "receive_return" }, merchant, "2026-03-05T09:00:00Z");
    const inspected = await run(
      {
        type: "inspect_return",
        items: [{ lineItemId: "gid://shopify/LineItem/1", missingComponents: [{ name: "Charger", quantity: 1 }] }],
      },
      merchant,
      "2026-03-05T10:00:00Z",
    );
    expect(inspected.state.status).toBe("inspected");
    expect(inspected.state.items[0]?.inspection?.deductions).toEqual([
      { name: "Charger", charge: { amount: "19.90", currencyCode: "EUR" } },
    ]);
    expect(inspected.meta.version).toBe(7);
    expect(inspected.state.returnShipment).toEqual({ trackingNumber: "JJD000390007", carrier: "DHL" });
  });

  it("refuses a step the lifecycle does not allow, and saves nothing", async () => {
    await openClaim();
    await expect(
      runClaimCommand(prisma, SHOP, "claim-1", { type: "receive_return" }, merchant, at("2026-03-02T12:00:00Z")),
    ).rejects.toMatchObject({ kind: "conflict" });
    expect(await prisma.claimEvent.count()).toBe(1);
  });

  it("gives a merchant working from an outdated page a conflict", async () => {
    await openClaim();
    await runClaimCommand(
      prisma,
      SHOP,
      "claim-1",
      { type: "request_information", question: "Which charger?" },
      merchant,
      at("2026-03-02T11:00:00Z"),
      1,
    );
    await expect(
      runClaimCommand(
        prisma,
        SHOP,
        "claim-1",
        {
          type: "decide_item",
          lineItemId: "gid://shopify/LineItem/1",
          decision: { kind: "deny", reason: "accidental_damage" },
        },
        merchant,
        at("2026-03-02T11:30:00Z"),
        1,
      ),
    ).rejects.toMatchObject({ kind: "conflict", code: "claim.changed_meanwhile" });
  });
});
