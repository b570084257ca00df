import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { findClaim, insertClaim, requireClaim, saveClaimChange } from "../../app/db/claims.server";
import { applyClaimCommand, submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import type { SubmitClaim } from "../../app/domain/claim-lifecycle/claim-commands";
import { DomainError } from "../../app/domain/errors";
import { anArrivalSubmission } from "../support/claim-factories";

const SHOP = "test-shop.myshopify.com";
const customer = { type: "customer" as const, id: "gid://shopify/Customer/7" };
const merchant = { type: "merchant" as const, id: "staff-1" };

function submission(claimId: string): SubmitClaim {
  return anArrivalSubmission(claimId, {
    note: "The screen is cracked.",
    item: { quantity: 2, returnLocations: [{ locationId: "gid://shopify/Location/1", quantity: 2 }] },
  });
}

async function submit(claimId: string, at = "2026-03-02T10:00:00.000Z") {
  const { state } = submitClaim(submission(claimId), new Date(at), customer);
  return prisma.$transaction((tx) => insertClaim(tx, { shop: SHOP, state, orderName: "#1001" }));
}

describe("the claims repository", () => {
  it("stores a submitted claim and reads back the same domain state, numbered per shop", async () => {
    // GIVEN two claims submitted in one shop
    const first = await submit("claim-a");
    const second = await submit("claim-b");
    // THEN they are numbered in order and read back exactly as the domain built them
    expect([first.meta.number, second.meta.number]).toEqual([1001, 1002]);
    const { state } = submitClaim(submission("claim-a"), new Date("2026-03-02T10:00:00.000Z"), customer);
    expect((await requireClaim(prisma, SHOP, "claim-a")).state).toEqual(state);
    // and the merchant must answer within 48 hours of submission
    expect(first.meta.respondBy?.toISOString()).toBe("2026-03-04T10:00:00.000Z");
  });

  it("does not show a claim to another shop", async () => {
    await submit("claim-a");
    expect(await findClaim(prisma, "other-shop.myshopify.com", "claim-a")).toBeNull();
    await expect(requireClaim(prisma, "other-shop.myshopify.com", "claim-a")).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("saves each change as a new version with its events appended, and pauses the clock while waiting on the shopper", async () => {
    const submitted = await submit("claim-a");
    // WHEN the merchant asks for information
    const asked = applyClaimCommand(
      submitted.state,
      { type: "request_information", question: "Please send a photo of the serial number." },
      new Date("2026-03-02T12:00:00.000Z"),
      merchant,
    );
    const afterAsk = await prisma.$transaction((tx) =>
      saveClaimChange(tx, SHOP, submitted.meta.version, submitted.state, asked.state),
    );
    // THEN the claim waits on the shopper and the clock is paused (nothing to answer by)
    expect(afterAsk.state.status).toBe("needs_information");
    expect(afterAsk.meta.version).toBe(2);
    expect(afterAsk.meta.respondBy).toBeNull();
    // WHEN the shopper answers 10 hours later
    const answered = applyClaimCommand(
      afterAsk.state,
      { type: "provide_information", answer: "Here it is.", evidence: ["issue_photo"] },
      new Date("2026-03-02T22:00:00.000Z"),
      customer,
    );
    const afterAnswer = await prisma.$transaction((tx) =>
      saveClaimChange(tx, SHOP, afterAsk.meta.version, afterAsk.state, answered.state),
    );
    // THEN the clock runs again, extended by the 10 hours it was paused
    expect(afterAnswer.meta.respondBy?.toISOString()).toBe("2026-03-04T20:00:00.000Z");
    expect(afterAnswer.state.events.map((e) => [e.sequence, e.type])).toEqual([
      [1, "submitted"],
      [2, "information_requested"],
      [3, "information_provided"],
    ]);
    expect(afterAnswer.state).toEqual(answered.state);
  });

  it("persists item decisions", async () => {
    const submitted = await submit("claim-a");
    const decided = applyClaimCommand(
      submitted.state,
      {
        type: "decide_item",
        lineItemId: "gid://shopify/LineItem/1",
        decision: { kind: "approve", resolution: "refund", quantity: 1 },
      },
      new Date("2026-03-02T12:00:00.000Z"),
      merchant,
    );
    await prisma.$transaction((tx) => saveClaimChange(tx, SHOP, 1, submitted.state, decided.state));
    const reloaded = await requireClaim(prisma, SHOP, "claim-a");
    expect(reloaded.state.items[0]?.decision).toEqual({ kind: "approve", resolution: "refund", quantity: 1 });
  });

  it("lets only one of two merchants acting on the same version win; the other gets a conflict", async () => {
    const submitted = await submit("claim-a");
    const decide = (resolution: "refund" | "replacement") =>
      applyClaimCommand(
        submitted.state,
        { type: "decide_item", lineItemId: "gid://shopify/LineItem/1", decision: { kind: "approve", resolution } },
        new Date("2026-03-02T12:00:00.000Z"),
        merchant,
      ).state;
    // WHEN both save a change made from the same version at the same time
    const results = await Promise.allSettled([
      prisma.$transaction((tx) => saveClaimChange(tx, SHOP, 1, submitted.state, decide("refund"))),
      prisma.$transaction((tx) => saveClaimChange(tx, SHOP, 1, submitted.state, decide("replacement"))),
    ]);
    // THEN exactly one is saved and the other is told to reload
    const rejected = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(DomainError);
    expect(reason).toMatchObject({ kind: "conflict", code: "claim.changed_meanwhile" });
    // and the log holds one decision, not two
    const stored = await requireClaim(prisma, SHOP, "claim-a");
    expect(stored.meta.version).toBe(2);
    expect(stored.state.events.filter((e) => e.type === "item_decided")).toHaveLength(1);
  });
});
