import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { evaluateClaim } from "../evaluate-claim";
import { aFulfillment, aLine, anInput, gid } from "../test-factories";
import { applyClaimCommand, submitClaim } from "./apply-claim-command";
import type { ClaimCommand, SubmitClaim } from "./claim-commands";
import { ClaimStateSchema, type Actor, type ClaimState } from "./claim-state";
import { CLAIM_STATUSES, type ClaimStatus } from "./claim-status";
import { claimSubmissionFromEvaluation } from "./claim-submission";
import { deriveResponseClock } from "./response-clock";
import { TRANSITIONS } from "./transitions";

const customer: Actor = { type: "customer", id: "gid://shopify/Customer/9" };
const merchant: Actor = { type: "merchant", id: "staff-1" };
const system: Actor = { type: "system" };
const LINE_1 = gid("LineItem", 1);
const LINE_2 = gid("LineItem", 2);
const LOCATION_1 = gid("Location", 1);
const LOCATION_2 = gid("Location", 2);
const charger = { name: "Charger", chargeIfMissing: { amount: "12.50", currencyCode: "EUR" } };
const cable = { name: "Cable", chargeIfMissing: { amount: "4.00", currencyCode: "EUR" } };

const t0 = Date.parse("2026-03-04T12:00:00Z");
const hours = (h: number) => new Date(t0 + h * 3_600_000);

function aSubmission(overrides: Partial<SubmitClaim> = {}): SubmitClaim {
  return {
    claimId: "claim-1",
    orderId: gid("Order", 1),
    type: "arrival",
    responseHours: 48,
    returnRequired: true,
    returnShippingPaidBy: "merchant",
    evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
    items: [
      {
        lineItemId: LINE_1,
        productId: gid("Product", 1),
        quantity: 2,
        components: [charger, cable],
        returnLocations: [
          { locationId: LOCATION_1, quantity: 1 },
          { locationId: LOCATION_2, quantity: 1 },
        ],
      },
      {
        lineItemId: LINE_2,
        productId: gid("Product", 2),
        quantity: 1,
        components: [],
        returnLocations: [{ locationId: LOCATION_2, quantity: 1 }],
      },
    ],
    ...overrides,
  };
}

/** Runs commands one hour apart; returns the final state. */
function run(state: ClaimState, steps: ReadonlyArray<[ClaimCommand, Actor]>, startHour = 1): ClaimState {
  let current = state;
  steps.forEach(([command, actor], index) => {
    current = applyClaimCommand(current, command, hours(startHour + index), actor).state;
  });
  return current;
}

const submitted = () => submitClaim(aSubmission(), hours(0), customer).state;
const approveAll: ReadonlyArray<[ClaimCommand, Actor]> = [
  [{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "replacement" } }, merchant],
  [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "approve", resolution: "refund" } }, merchant],
  [{ type: "finalize_decision" }, merchant],
];

function expectDomainError(fn: () => unknown, expected: { kind: string; code: string; message: string }) {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject(expected);
}

describe("a claim from submission to closing", () => {
  it("GIVEN a submitted claim WHEN it goes through information, decisions, return, inspection and resolution THEN every step is logged", () => {
    const start = submitClaim(aSubmission({ note: "Arrived with a cracked screen" }), hours(0), customer);
    expect(start.state.status).toBe("submitted");
    expect(start.event).toEqual({
      sequence: 1,
      at: "2026-03-04T12:00:00.000Z",
      actor: customer,
      type: "submitted",
      from: null,
      to: "submitted",
      note: "Arrived with a cracked screen",
      data: {
        items: [
          { lineItemId: LINE_1, quantity: 2 },
          { lineItemId: LINE_2, quantity: 1 },
        ],
        evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      },
    });

    const asked = applyClaimCommand(
      start.state,
      { type: "request_information", question: "Please send a video of the screen" },
      hours(2),
      merchant,
    );
    expect(asked.state.status).toBe("needs_information");
    const answered = applyClaimCommand(
      asked.state,
      { type: "provide_information", answer: "Here it is", evidence: ["issue_video"] },
      hours(10),
      customer,
    );
    expect(answered.state.status).toBe("submitted");
    expect(answered.state.evidence).toEqual(["issue_photo", "shipping_label_photo", "packaging_photo", "issue_video"]);

    const decided = run(
      answered.state,
      [
        [
          { type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "replacement" } },
          merchant,
        ],
        [
          {
            type: "decide_item",
            lineItemId: LINE_2,
            decision: { kind: "deny", reason: "accidental_damage", note: "Dropped, per the video" },
          },
          merchant,
        ],
        [{ type: "finalize_decision", note: "One of two approved" }, merchant],
      ],
      11,
    );
    expect(decided.status).toBe("partially_approved");
    expect(decided.items.map((item) => item.decision)).toEqual([
      { kind: "approve", quantity: 2, resolution: "replacement" },
      { kind: "deny", reason: "accidental_damage", note: "Dropped, per the video" },
    ]);

    const awaiting = applyClaimCommand(decided, { type: "request_return" }, hours(14), merchant);
    expect(awaiting.state.status).toBe("awaiting_return");
    expect(awaiting.state.returnInstructions).toEqual({
      destinations: [
        {
          locationId: LOCATION_1,
          items: [{ lineItemId: LINE_1, quantity: 1, includeComponents: ["Charger", "Cable"] }],
        },
        {
          locationId: LOCATION_2,
          items: [{ lineItemId: LINE_1, quantity: 1, includeComponents: ["Charger", "Cable"] }],
        },
      ],
      trackedShippingAdvised: true,
      shippingPaidBy: "merchant",
    });

    const inTransit = applyClaimCommand(
      awaiting.state,
      { type: "ship_return", trackingNumber: "1Z999", carrier: "UPS" },
      hours(20),
      customer,
    );
    expect(inTransit.state.returnShipment).toEqual({ trackingNumber: "1Z999", carrier: "UPS" });
    const received = applyClaimCommand(inTransit.state, { type: "receive_return" }, hours(60), merchant);
    const inspected = applyClaimCommand(
      received.state,
      {
        type: "inspect_return",
        items: [{ lineItemId: LINE_1, missingComponents: [{ name: "Charger", quantity: 2 }] }],
      },
      hours(61),
      merchant,
    );
    expect(inspected.state.status).toBe("inspected");
    expect(inspected.state.items[0]?.inspection).toEqual({
      missingComponents: [{ name: "Charger", quantity: 2 }],
      deductions: [{ name: "Charger", charge: { amount: "25.00", currencyCode: "EUR" } }],
    });

    const resolved = applyClaimCommand(
      inspected.state,
      { type: "resolve", items: [{ lineItemId: LINE_1, replacementInStock: false }] },
      hours(62),
      merchant,
    );
    expect(resolved.state.status).toBe("resolved");
    expect(resolved.state.items.map((item) => item.outcome)).toEqual([
      { outcome: "refunded", fallback: { from: "replacement", reason: "out_of_stock" } },
      null,
    ]);
    const closed = applyClaimCommand(resolved.state, { type: "close" }, hours(63), system);

    expect(closed.state.status).toBe("closed");
    expect(closed.state.events.map((e) => [e.sequence, e.type, e.from, e.to, e.actor.type])).toEqual([
      [1, "submitted", null, "submitted", "customer"],
      [2, "information_requested", "submitted", "needs_information", "merchant"],
      [3, "information_provided", "needs_information", "submitted", "customer"],
      [4, "item_decided", "submitted", "submitted", "merchant"],
      [5, "item_decided", "submitted", "submitted", "merchant"],
      [6, "claim_decided", "submitted", "partially_approved", "merchant"],
      [7, "return_requested", "partially_approved", "awaiting_return", "merchant"],
      [8, "return_shipped", "awaiting_return", "return_in_transit", "customer"],
      [9, "return_received", "return_in_transit", "return_received", "merchant"],
      [10, "return_inspected", "return_received", "inspected", "merchant"],
      [11, "resolved", "inspected", "resolved", "merchant"],
      [12, "closed", "resolved", "closed", "system"],
    ]);
    expect(closed.state.events[1]?.note).toBe("Please send a video of the screen");
    expect(ClaimStateSchema.parse(closed.state)).toEqual(closed.state);
    // append-only: earlier states and their logs are untouched
    expect(start.state.events).toHaveLength(1);
    expect(decided.events).toHaveLength(6);
    expect(closed.state.events.slice(0, 6)).toEqual(decided.events);
  });

  it("GIVEN a claim built from an evaluation THEN it carries the policy snapshot and the return locations", () => {
    const input = anInput({
      productOverrides: [{ productId: gid("Product", 1), components: [charger], responseHours: 24 }],
      order: {
        id: gid("Order", 1),
        lines: [
          aLine(1, {
            quantity: 3,
            fulfillments: [
              aFulfillment({ quantity: 1, locationId: LOCATION_2, deliveredAt: "2026-03-02T10:00:00Z" }),
              aFulfillment({ quantity: 2, locationId: LOCATION_1 }),
            ],
          }),
        ],
      },
      claim: { items: [{ lineItemId: LINE_1, quantity: 2 }] },
    });
    const submission = claimSubmissionFromEvaluation("claim-9", input, evaluateClaim(input), "Both broken");
    expect(submission).toEqual({
      claimId: "claim-9",
      orderId: gid("Order", 1),
      type: "arrival",
      responseHours: 24,
      returnRequired: true,
      returnShippingPaidBy: "merchant",
      evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      items: [
        {
          lineItemId: LINE_1,
          productId: gid("Product", 1),
          quantity: 2,
          components: [charger],
          // latest delivered first: the unit from location 2, then one from location 1
          returnLocations: [
            { locationId: LOCATION_2, quantity: 1 },
            { locationId: LOCATION_1, quantity: 1 },
          ],
        },
      ],
      note: "Both broken",
      // the shopper's preference goes with the submission into its event
      preferredResolution: "replacement",
      // and what the policy said (app/domain/evaluation-at-submission.test.ts)
      evaluation: expect.objectContaining({ eligible: true, items: [expect.objectContaining({ lineItemId: LINE_1 })] }),
    });
    expect(submitClaim(submission, hours(0), customer).state.responseHours).toBe(24);
  });
});

describe("decisions", () => {
  it.each<[string, ReadonlyArray<[ClaimCommand, Actor]>, ClaimStatus]>([
    ["all approved in full", approveAll, "approved"],
    [
      "one approved for fewer units",
      [
        [
          { type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "refund", quantity: 1 } },
          merchant,
        ],
        [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "approve", resolution: "refund" } }, merchant],
        [{ type: "finalize_decision" }, merchant],
      ],
      "partially_approved",
    ],
    [
      "all denied",
      [
        [{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "deny", reason: "window_expired" } }, merchant],
        [
          {
            type: "decide_item",
            lineItemId: LINE_2,
            decision: { kind: "deny", reason: "other", note: "Not our product" },
          },
          merchant,
        ],
        [{ type: "finalize_decision" }, merchant],
      ],
      "denied",
    ],
    [
      "a decision changed before finalizing",
      [
        [{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "deny", reason: "body_opened" } }, merchant],
        [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "approve", resolution: "refund" } }, merchant],
        [{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "repair" } }, merchant],
        [{ type: "finalize_decision" }, merchant],
      ],
      "approved",
    ],
  ])("GIVEN %s THEN the claim is %s", (_, steps, status) => {
    expect(run(submitted(), steps).status).toBe(status);
  });

  it("GIVEN a claim waiting on the shopper THEN the merchant may still decide it", () => {
    const waiting = run(submitted(), [[{ type: "request_information", question: "Which unit?" }, merchant]]);
    const decided = run(waiting, approveAll, 2);
    expect(decided.status).toBe("approved");
  });

  it("GIVEN finalize with returnRequired false THEN the claim resolves without a return", () => {
    const approved = run(submitted(), [
      approveAll[0]!,
      approveAll[1]!,
      [{ type: "finalize_decision", returnRequired: false }, merchant],
    ]);
    expect(approved.returnRequired).toBe(false);
    expectDomainError(() => applyClaimCommand(approved, { type: "request_return" }, hours(9), merchant), {
      kind: "conflict",
      code: "claim.return_not_required",
      message: "Claim claim-1 does not require a return; resolve it directly.",
    });
    const resolved = applyClaimCommand(
      approved,
      { type: "resolve", items: [{ lineItemId: LINE_1, replacementInStock: true }] },
      hours(9),
      merchant,
    );
    expect(resolved.state.items.map((item) => item.outcome)).toEqual([
      { outcome: "replaced", fallback: null },
      { outcome: "refunded", fallback: null },
    ]);
  });
});

describe("resolution with fallbacks to refund", () => {
  it.each<["refund" | "replacement" | "repair", { replacementInStock?: boolean; repairPossible?: boolean }, unknown]>([
    ["refund", {}, { outcome: "refunded", fallback: null }],
    ["replacement", { replacementInStock: true }, { outcome: "replaced", fallback: null }],
    [
      "replacement",
      { replacementInStock: false },
      { outcome: "refunded", fallback: { from: "replacement", reason: "out_of_stock" } },
    ],
    ["repair", { repairPossible: true }, { outcome: "repaired", fallback: null }],
    [
      "repair",
      { repairPossible: false },
      { outcome: "refunded", fallback: { from: "repair", reason: "repair_impossible" } },
    ],
  ])("GIVEN an approved %s and %o THEN %o", (resolution, facts, outcome) => {
    const claim = submitClaim(
      aSubmission({ returnRequired: false, items: [aSubmission().items[1]!] }),
      hours(0),
      customer,
    ).state;
    const approved = run(claim, [
      [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "approve", resolution } }, merchant],
      [{ type: "finalize_decision" }, merchant],
    ]);
    const resolved = applyClaimCommand(
      approved,
      { type: "resolve", items: [{ lineItemId: LINE_2, ...facts }] },
      hours(5),
      system,
    );
    expect(resolved.state.items[0]?.outcome).toEqual(outcome);
    expect(resolved.event.data).toEqual({ items: [{ lineItemId: LINE_2, ...(outcome as object) }] });
  });
});

describe("return lost, cancellation, closing", () => {
  it("GIVEN a return in transit WHEN it is lost THEN the claim ends uncovered and can be closed", () => {
    const inTransit = run(submitted(), [
      ...approveAll,
      [{ type: "request_return" }, merchant],
      [{ type: "ship_return", trackingNumber: "TRACK-1" }, customer],
    ]);
    const lost = applyClaimCommand(
      inTransit,
      { type: "mark_return_lost", note: "Carrier lost the parcel" },
      hours(20),
      merchant,
    );
    expect(lost.state.status).toBe("return_lost");
    expect(lost.state.items.every((item) => item.outcome === null)).toBe(true);
    expect(applyClaimCommand(lost.state, { type: "close" }, hours(21), merchant).state.status).toBe("closed");
  });

  it.each<[string, ReadonlyArray<[ClaimCommand, Actor]>]>([
    ["just submitted", []],
    ["waiting on the shopper", [[{ type: "request_information", question: "Photo please" }, merchant]]],
    [
      "with a draft item decision",
      [[{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "refund" } }, merchant]],
    ],
  ])("GIVEN a claim %s WHEN the shopper cancels THEN it is cancelled", (_, steps) => {
    const cancelled = applyClaimCommand(
      run(submitted(), steps),
      { type: "cancel", note: "Found the charger" },
      hours(9),
      customer,
    );
    expect(cancelled.state.status).toBe("cancelled");
    expect(cancelled.event).toMatchObject({ type: "cancelled", note: "Found the charger", actor: customer });
  });

  it("GIVEN a decided claim WHEN the shopper cancels THEN it is refused: the decision is made", () => {
    expectDomainError(() => applyClaimCommand(run(submitted(), approveAll), { type: "cancel" }, hours(9), customer), {
      kind: "conflict",
      code: "claim.invalid_transition",
      message:
        "Cannot cancel claim claim-1: it is approved, and cancel is allowed only when it is submitted, needs_information.",
    });
  });
});

describe("the return's steps", () => {
  const awaiting = () => run(submitted(), [...approveAll, [{ type: "request_return" }, merchant]]);
  const decide = (steps: ReadonlyArray<[ClaimCommand, Actor]>, state: ClaimState, startHour: number) =>
    run(state, steps, startHour);

  it("GIVEN a return the shopper never tracked WHEN it arrives THEN it is received from awaiting_return, logged as untracked", () => {
    const received = applyClaimCommand(awaiting(), { type: "receive_return", note: "At the door" }, hours(9), merchant);
    expect(received.state.status).toBe("return_received");
    expect(received.event).toMatchObject({ type: "return_received", note: "At the door", data: { tracked: false } });
  });

  it("GIVEN a tracked return WHEN it arrives THEN the log says it was tracked", () => {
    const inTransit = run(awaiting(), [[{ type: "ship_return", trackingNumber: "1Z", carrier: "UPS" }, merchant]], 9);
    const received = applyClaimCommand(inTransit, { type: "receive_return" }, hours(10), merchant);
    expect(received.event.data).toEqual({ tracked: true });
  });

  it("GIVEN a return the shopper says they sent untracked WHEN it never arrives THEN the merchant marks it lost from awaiting_return", () => {
    const lost = applyClaimCommand(
      awaiting(),
      { type: "mark_return_lost", note: "Sent untracked" },
      hours(30),
      merchant,
    );
    expect(lost.state.status).toBe("return_lost");
  });

  it("GIVEN a lost return WHEN the merchant decides to cover it anyway THEN the claim resolves and the log says so", () => {
    const lost = run(awaiting(), [[{ type: "mark_return_lost" }, merchant]], 9);
    const resolved = applyClaimCommand(
      lost,
      { type: "resolve", items: [{ lineItemId: LINE_1, replacementInStock: true }], note: "Goodwill" },
      hours(12),
      merchant,
    );
    expect(resolved.state.status).toBe("resolved");
    expect(resolved.event.data).toEqual({
      items: [
        { lineItemId: LINE_1, outcome: "replaced", fallback: null },
        { lineItemId: LINE_2, outcome: "refunded", fallback: null },
      ],
      lostReturnCovered: true,
    });
    expect(resolved.state.items.every((item) => item.inspection === null)).toBe(true);
  });

  it("GIVEN an undecided claim WHEN its item arrives unrequested THEN it is recorded, the status and the response clock stay, and the return cannot be requested later", () => {
    const asked = run(submitted(), [[{ type: "request_information", question: "Photo?" }, merchant]]);
    const arrived = applyClaimCommand(
      asked,
      { type: "record_unrequested_return", note: "Parcel without a note" },
      hours(5),
      merchant,
    );
    expect(arrived.state.status).toBe("needs_information");
    expect(arrived.event).toMatchObject({
      type: "return_arrived_unrequested",
      from: "needs_information",
      to: "needs_information",
      note: "Parcel without a note",
      data: { decided: false },
    });
    expect(deriveResponseClock(arrived.state, hours(6))).toEqual(deriveResponseClock(asked, hours(6)));

    const approved = decide(approveAll, arrived.state, 6);
    expect(approved.status).toBe("approved");
    expectDomainError(() => applyClaimCommand(approved, { type: "request_return" }, hours(10), merchant), {
      kind: "conflict",
      code: "claim.return_already_arrived",
      message:
        "The item of claim claim-1 arrived without a return request (recorded 2026-03-04T17:00:00.000Z): mark it received and inspect it instead.",
    });
    // THEN, once approved, the item that is already in hand is received, inspected and resolved
    const received = applyClaimCommand(approved, { type: "receive_return" }, hours(10), merchant);
    expect(received.state.status).toBe("return_received");
    expect(received.state.returnInstructions).toBeNull();
  });

  it.each<[string, ReadonlyArray<[ClaimCommand, Actor]>]>([
    ["approved", approveAll],
    [
      "partially_approved",
      [
        approveAll[0]!,
        [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "deny", reason: "not_covered" } }, merchant],
        [{ type: "finalize_decision" }, merchant],
      ],
    ],
  ])(
    "GIVEN a claim %s without a return requested WHEN its item arrives unrequested THEN it is ready to inspect",
    (_, steps) => {
      const decided = run(submitted(), steps);
      const arrived = applyClaimCommand(decided, { type: "record_unrequested_return" }, hours(9), merchant);
      expect(arrived.state.status).toBe("return_received");
      expect(arrived.event).toMatchObject({ type: "return_arrived_unrequested", data: { decided: true }, note: null });
      expectDomainError(
        () => applyClaimCommand(arrived.state, { type: "record_unrequested_return" }, hours(10), merchant),
        {
          kind: "conflict",
          code: "claim.invalid_transition",
          message:
            "Cannot record_unrequested_return claim claim-1: it is return_received, and record_unrequested_return is allowed only when it is submitted, needs_information, approved, partially_approved.",
        },
      );
    },
  );

  it.each<[string, () => unknown, { kind: string; code: string; message: string }]>([
    [
      "recording an unrequested return twice",
      () =>
        run(submitted(), [
          [{ type: "record_unrequested_return" }, merchant],
          [{ type: "record_unrequested_return" }, merchant],
        ]),
      {
        kind: "conflict",
        code: "claim.return_already_arrived",
        message:
          "The item of claim claim-1 arrived without a return request (recorded 2026-03-04T13:00:00.000Z): mark it received and inspect it instead.",
      },
    ],
    [
      "receiving an approved claim's return that was neither requested nor recorded",
      () => run(submitted(), [...approveAll, [{ type: "receive_return" }, merchant]]),
      {
        kind: "conflict",
        code: "claim.return_not_arrived",
        message:
          "Nothing has come back for claim claim-1: request the return first, or record a return that arrived without a request.",
      },
    ],
    [
      "the shopper recording their own return as unrequested",
      () => run(submitted(), [[{ type: "record_unrequested_return" }, customer]]),
      {
        kind: "not_allowed",
        code: "claim.actor_not_allowed",
        message: "A customer cannot record_unrequested_return; only merchant can.",
      },
    ],
    [
      "recording an unrequested return once the return was requested",
      () =>
        run(submitted(), [
          ...approveAll,
          [{ type: "request_return" }, merchant],
          [{ type: "record_unrequested_return" }, merchant],
        ]),
      {
        kind: "conflict",
        code: "claim.invalid_transition",
        message:
          "Cannot record_unrequested_return claim claim-1: it is awaiting_return, and record_unrequested_return is allowed only when it is submitted, needs_information, approved, partially_approved.",
      },
    ],
    [
      "closing a claim whose return is still awaited",
      () => run(submitted(), [...approveAll, [{ type: "request_return" }, merchant], [{ type: "close" }, merchant]]),
      {
        kind: "conflict",
        code: "claim.invalid_transition",
        message:
          "Cannot close claim claim-1: it is awaiting_return, and close is allowed only when it is denied, resolved, return_lost, cancelled.",
      },
    ],
  ])("GIVEN %s THEN a precise DomainError", (_, act, expected) => {
    expectDomainError(act, expected);
  });
});

describe("guards", () => {
  const approvedNeedingReturn = () => run(submitted(), approveAll);

  it.each<[string, () => unknown, { kind: string; code: string; message: string }]>([
    [
      "finalizing with an undecided item",
      () => run(submitted(), [approveAll[0]!, [{ type: "finalize_decision" }, merchant]]),
      {
        kind: "conflict",
        code: "claim.items_undecided",
        message: "Cannot decide claim claim-1: gid://shopify/LineItem/2 has no decision yet.",
      },
    ],
    [
      "finalizing with no decision",
      () => run(submitted(), [[{ type: "finalize_decision" }, merchant]]),
      {
        kind: "conflict",
        code: "claim.items_undecided",
        message:
          "Cannot decide claim claim-1: gid://shopify/LineItem/1, gid://shopify/LineItem/2 have no decision yet.",
      },
    ],
    [
      "approving more than claimed",
      () =>
        run(submitted(), [
          [
            {
              type: "decide_item",
              lineItemId: LINE_1,
              decision: { kind: "approve", resolution: "refund", quantity: 3 },
            },
            merchant,
          ],
        ]),
      {
        kind: "invalid",
        code: "claim.approved_quantity_exceeds_claimed",
        message: "Cannot approve 3 units of gid://shopify/LineItem/1 on claim claim-1: only 2 were claimed.",
      },
    ],
    [
      "denying for other without a note",
      () =>
        run(submitted(), [
          [{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "deny", reason: "other" } }, merchant],
        ]),
      {
        kind: "invalid",
        code: "claim.denial_note_required",
        message: 'Denying gid://shopify/LineItem/1 for "other" needs a note saying why.',
      },
    ],
    [
      "denying with a shop's own clause without its words",
      () =>
        run(submitted(), [
          [
            { type: "decide_item", lineItemId: LINE_1, decision: { kind: "deny", reason: "custom_abcdef12" } },
            merchant,
          ],
        ]),
      {
        kind: "invalid",
        code: "claim.denial_words_required",
        message: "Denying gid://shopify/LineItem/1 with the shop's clause custom_abcdef12 needs the clause's words.",
      },
    ],
    [
      "deciding an item not on the claim",
      () =>
        run(submitted(), [
          [
            {
              type: "decide_item",
              lineItemId: gid("LineItem", 7),
              decision: { kind: "approve", resolution: "refund" },
            },
            merchant,
          ],
        ]),
      {
        kind: "not_found",
        code: "claim.unknown_item",
        message: "Line item gid://shopify/LineItem/7 is not part of claim claim-1.",
      },
    ],
    [
      "a customer deciding",
      () => run(submitted(), [[{ type: "finalize_decision" }, customer]]),
      {
        kind: "not_allowed",
        code: "claim.actor_not_allowed",
        message: "A customer cannot finalize_decision; only merchant can.",
      },
    ],
    [
      "the merchant answering for the shopper",
      () =>
        run(submitted(), [
          [{ type: "request_information", question: "?" }, merchant],
          [{ type: "provide_information", answer: "x", evidence: [] }, merchant],
        ]),
      {
        kind: "not_allowed",
        code: "claim.actor_not_allowed",
        message: "A merchant cannot provide_information; only customer can.",
      },
    ],
    [
      "the system cancelling",
      () => run(submitted(), [[{ type: "cancel" }, system]]),
      { kind: "not_allowed", code: "claim.actor_not_allowed", message: "A system cannot cancel; only customer can." },
    ],
    [
      "resolving before the return is inspected",
      () =>
        applyClaimCommand(
          approvedNeedingReturn(),
          { type: "resolve", items: [{ lineItemId: LINE_1, replacementInStock: true }] },
          hours(9),
          merchant,
        ),
      {
        kind: "conflict",
        code: "claim.return_required",
        message: "Claim claim-1 requires a return: request it, receive it and inspect it before resolving.",
      },
    ],
    [
      "resolving a replacement without saying if it is in stock",
      () =>
        run(
          approvedNeedingReturn(),
          [
            [{ type: "request_return" }, merchant],
            [{ type: "receive_return" }, merchant],
            [
              {
                type: "inspect_return",
                items: [
                  { lineItemId: LINE_1, missingComponents: [] },
                  { lineItemId: LINE_2, missingComponents: [] },
                ],
              },
              merchant,
            ],
            [{ type: "resolve", items: [] }, merchant],
          ],
          4,
        ),
      {
        kind: "invalid",
        code: "claim.stock_unknown",
        message: "Say whether a replacement for gid://shopify/LineItem/1 is in stock (replacementInStock).",
      },
    ],
    [
      "requesting a return whose payer is decided on review without naming one",
      () =>
        run(submitClaim(aSubmission({ returnShippingPaidBy: "decided_on_review" }), hours(0), customer).state, [
          ...approveAll,
          [{ type: "request_return" }, merchant],
        ]),
      {
        kind: "invalid",
        code: "claim.shipping_payer_required",
        message:
          "Return shipping for claim claim-1 is decided on review: say whether the merchant or the customer pays.",
      },
    ],
    [
      "an inspection that skips an item",
      () =>
        run(
          approvedNeedingReturn(),
          [
            [{ type: "request_return" }, merchant],
            [{ type: "receive_return" }, merchant],
            [{ type: "inspect_return", items: [{ lineItemId: LINE_1, missingComponents: [] }] }, merchant],
          ],
          4,
        ),
      {
        kind: "invalid",
        code: "claim.inspection_incomplete",
        message: "The inspection of claim claim-1 does not cover gid://shopify/LineItem/2.",
      },
    ],
    [
      "an inspection naming a component the item does not have",
      () =>
        run(
          approvedNeedingReturn(),
          [
            [{ type: "request_return" }, merchant],
            [{ type: "receive_return" }, merchant],
            [
              {
                type: "inspect_return",
                items: [
                  { lineItemId: LINE_1, missingComponents: [{ name: "Remote", quantity: 1 }] },
                  { lineItemId: LINE_2, missingComponents: [] },
                ],
              },
              merchant,
            ],
          ],
          4,
        ),
      {
        kind: "invalid",
        code: "claim.unknown_component",
        message: 'gid://shopify/LineItem/1 has no component "Remote"; its components are "Charger", "Cable".',
      },
    ],
    [
      "an inspection finding more missing parts than units returned",
      () =>
        run(
          approvedNeedingReturn(),
          [
            [{ type: "request_return" }, merchant],
            [{ type: "receive_return" }, merchant],
            [
              {
                type: "inspect_return",
                items: [
                  { lineItemId: LINE_1, missingComponents: [{ name: "Cable", quantity: 3 }] },
                  { lineItemId: LINE_2, missingComponents: [] },
                ],
              },
              merchant,
            ],
          ],
          4,
        ),
      {
        kind: "invalid",
        code: "claim.missing_component_quantity",
        message: '3 "Cable" missing from gid://shopify/LineItem/1, but only 2 units were returned.',
      },
    ],
    [
      "a command dated before the last event",
      () =>
        applyClaimCommand(
          run(submitted(), [[{ type: "request_information", question: "?" }, merchant]], 5),
          { type: "provide_information", answer: "x", evidence: [] },
          hours(4),
          customer,
        ),
      {
        kind: "invalid",
        code: "claim.time_went_backwards",
        message:
          "Claim claim-1 last changed at 2026-03-04T17:00:00.000Z; a command at 2026-03-04T16:00:00.000Z cannot come before it.",
      },
    ],
    [
      "a malformed command",
      () =>
        applyClaimCommand(submitted(), { type: "ship_return", trackingNumber: "" } as ClaimCommand, hours(1), customer),
      {
        kind: "invalid",
        code: "claim.invalid_command",
        message: "trackingNumber: Too small: expected string to have >=1 characters",
      },
    ],
    [
      "shipping a return that was never requested",
      () => run(submitted(), [[{ type: "ship_return", trackingNumber: "1Z" }, customer]]),
      {
        kind: "conflict",
        code: "claim.invalid_transition",
        message:
          "Cannot ship_return claim claim-1: it is submitted, and ship_return is allowed only when it is awaiting_return.",
      },
    ],
    [
      "closing an open claim",
      () => run(submitted(), [[{ type: "close" }, merchant]]),
      {
        kind: "conflict",
        code: "claim.invalid_transition",
        message:
          "Cannot close claim claim-1: it is submitted, and close is allowed only when it is denied, resolved, return_lost, cancelled.",
      },
    ],
  ])("GIVEN %s THEN a precise DomainError", (_, act, expected) => {
    expectDomainError(act, expected);
  });

  it("GIVEN a failing command THEN the state it was given is unchanged", () => {
    const state = submitted();
    const snapshot = structuredClone(state);
    expect(() => applyClaimCommand(state, { type: "close" }, hours(1), merchant)).toThrow(DomainError);
    expect(state).toEqual(snapshot);
  });
});

describe("the response clock, derived from the log", () => {
  it.each<[string, ReadonlyArray<[ClaimCommand, Actor, number]>, number, unknown]>([
    [
      "just submitted",
      [],
      10,
      { state: "running", dueAt: "2026-03-06T12:00:00.000Z", remainingMs: 38 * 3_600_000, overdue: false },
    ],
    [
      "past due, undecided",
      [],
      49,
      { state: "running", dueAt: "2026-03-06T12:00:00.000Z", remainingMs: -3_600_000, overdue: true },
    ],
    [
      "waiting on the shopper",
      [[{ type: "request_information", question: "?" }, merchant, 8]],
      100,
      { state: "paused", dueAt: null, remainingMs: 40 * 3_600_000, overdue: false },
    ],
    [
      "the shopper answered after 30 hours",
      [
        [{ type: "request_information", question: "?" }, merchant, 8],
        [{ type: "provide_information", answer: "!", evidence: [] }, customer, 38],
      ],
      40,
      { state: "running", dueAt: "2026-03-07T18:00:00.000Z", remainingMs: 38 * 3_600_000, overdue: false },
    ],
    [
      "two pauses",
      [
        [{ type: "request_information", question: "?" }, merchant, 1],
        [{ type: "provide_information", answer: "!", evidence: [] }, customer, 3],
        [{ type: "request_information", question: "??" }, merchant, 4],
        [{ type: "provide_information", answer: "!!", evidence: [] }, customer, 9],
      ],
      9,
      { state: "running", dueAt: "2026-03-06T19:00:00.000Z", remainingMs: 46 * 3_600_000, overdue: false },
    ],
    [
      "decided in time",
      approveAll.map(([command, actor], index) => [command, actor, 20 + index] as [ClaimCommand, Actor, number]),
      200,
      {
        state: "stopped",
        dueAt: "2026-03-06T12:00:00.000Z",
        stoppedAt: "2026-03-05T10:00:00.000Z",
        remainingMs: 26 * 3_600_000,
        overdue: false,
      },
    ],
    [
      "decided late",
      approveAll.map(([command, actor], index) => [command, actor, 48 + index] as [ClaimCommand, Actor, number]),
      200,
      {
        state: "stopped",
        dueAt: "2026-03-06T12:00:00.000Z",
        stoppedAt: "2026-03-06T14:00:00.000Z",
        remainingMs: -2 * 3_600_000,
        overdue: true,
      },
    ],
    [
      "cancelled while paused",
      [
        [{ type: "request_information", question: "?" }, merchant, 40],
        [{ type: "cancel" }, customer, 70],
      ],
      80,
      {
        state: "stopped",
        dueAt: "2026-03-07T18:00:00.000Z",
        stoppedAt: "2026-03-07T10:00:00.000Z",
        remainingMs: 8 * 3_600_000,
        overdue: false,
      },
    ],
  ])("GIVEN a claim %s THEN the clock is %o", (_, steps, nowHour, expected) => {
    let state = submitted();
    for (const [command, actor, hour] of steps) state = applyClaimCommand(state, command, hours(hour), actor).state;
    expect(deriveResponseClock(state, hours(nowHour))).toEqual(expected);
  });
});

describe("the transition table", () => {
  it("GIVEN the table THEN every status is reachable from submitted and only closed has no way out", () => {
    const reached = new Set<ClaimStatus>(["submitted"]);
    for (let changed = true; changed;) {
      changed = false;
      for (const t of TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CLAIM_STATUSES].sort());
    const dead = CLAIM_STATUSES.filter((status) => !TRANSITIONS.some((t) => t.from === status));
    expect(dead).toEqual(["closed"]);
  });

  it("GIVEN real commands THEN each status is reached by a legal path", () => {
    const toReturn: ReadonlyArray<[ClaimCommand, Actor]> = [...approveAll, [{ type: "request_return" }, merchant]];
    const inspect: ClaimCommand = {
      type: "inspect_return",
      items: [
        { lineItemId: LINE_1, missingComponents: [] },
        { lineItemId: LINE_2, missingComponents: [] },
      ],
    };
    const paths: Record<ClaimStatus, ReadonlyArray<[ClaimCommand, Actor]>> = {
      submitted: [],
      needs_information: [[{ type: "request_information", question: "?" }, merchant]],
      approved: approveAll,
      partially_approved: [
        approveAll[0]!,
        [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "deny", reason: "not_covered" } }, merchant],
        [{ type: "finalize_decision" }, merchant],
      ],
      denied: [
        [{ type: "decide_item", lineItemId: LINE_1, decision: { kind: "deny", reason: "late_report" } }, merchant],
        [{ type: "decide_item", lineItemId: LINE_2, decision: { kind: "deny", reason: "missing_evidence" } }, merchant],
        [{ type: "finalize_decision" }, merchant],
      ],
      awaiting_return: toReturn,
      return_in_transit: [...toReturn, [{ type: "ship_return", trackingNumber: "T" }, customer]],
      return_received: [...toReturn, [{ type: "receive_return" }, system]],
      inspected: [...toReturn, [{ type: "receive_return" }, system], [inspect, merchant]],
      resolved: [
        ...toReturn,
        [{ type: "receive_return" }, system],
        [inspect, merchant],
        [{ type: "resolve", items: [{ lineItemId: LINE_1, replacementInStock: true }] }, system],
      ],
      return_lost: [
        ...toReturn,
        [{ type: "ship_return", trackingNumber: "T" }, customer],
        [{ type: "mark_return_lost" }, system],
      ],
      cancelled: [[{ type: "cancel" }, customer]],
      closed: [
        [{ type: "cancel" }, customer],
        [{ type: "close" }, system],
      ],
    };
    for (const status of CLAIM_STATUSES) expect(run(submitted(), paths[status]).status).toBe(status);
  });
});

describe("properties", () => {
  const commands: ReadonlyArray<ClaimCommand> = [
    { type: "request_information", question: "?" },
    { type: "provide_information", answer: "!", evidence: ["issue_video"] },
    { type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "replacement" } },
    { type: "decide_item", lineItemId: LINE_1, decision: { kind: "approve", resolution: "repair", quantity: 1 } },
    { type: "decide_item", lineItemId: LINE_2, decision: { kind: "approve", resolution: "refund" } },
    { type: "decide_item", lineItemId: LINE_2, decision: { kind: "deny", reason: "body_opened" } },
    { type: "finalize_decision" },
    { type: "finalize_decision", returnRequired: false },
    { type: "request_return" },
    { type: "ship_return", trackingNumber: "T-1" },
    { type: "receive_return" },
    { type: "inspect_return", items: [{ lineItemId: LINE_1, missingComponents: [{ name: "Charger", quantity: 1 }] }] },
    {
      type: "inspect_return",
      items: [
        { lineItemId: LINE_1, missingComponents: [] },
        { lineItemId: LINE_2, missingComponents: [] },
      ],
    },
    { type: "inspect_return", items: [{ lineItemId: LINE_1, missingComponents: [] }] },
    { type: "resolve", items: [{ lineItemId: LINE_1, replacementInStock: false, repairPossible: true }] },
    { type: "resolve", items: [] },
    { type: "mark_return_lost" },
    { type: "record_unrequested_return" },
    { type: "record_unrequested_return", note: "Came back without a word" },
    { type: "cancel" },
    { type: "close" },
  ];
  const actors = [customer, merchant, system];

  it("whatever is attempted, a claim only ever moves along the table, and its log is append-only", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...commands), fc.constantFrom(...actors), fc.nat({ max: 5 })), {
          maxLength: 40,
        }),
        (attempts) => {
          let state = submitted();
          let hour = 0;
          for (const [command, actor, gap] of attempts) {
            hour += gap;
            const before = state;
            try {
              const { state: after, event } = applyClaimCommand(before, command, hours(hour), actor);
              expect(TRANSITIONS).toContainEqual({ from: before.status, command: command.type, to: after.status });
              expect(after.events).toEqual([...before.events, event]);
              expect(event).toMatchObject({
                sequence: before.events.length + 1,
                from: before.status,
                to: after.status,
                actor,
              });
              state = after;
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              if (!TRANSITIONS.some((t) => t.from === before.status && t.command === command.type)) {
                expect(error).toMatchObject({ code: "claim.invalid_transition" });
              }
            }
          }
          expect(state.status).toBe(state.events[state.events.length - 1]?.to);
          const times = state.events.map((event) => Date.parse(event.at));
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(ClaimStateSchema.safeParse(state).success).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("what the shopper said at submission", () => {
  it("GIVEN a problem, answers and a preference THEN the submitted event keeps them", () => {
    const answers = { bodyOpened: false, problemFirstNoticedAt: "2026-03-03T09:00:00.000Z" };
    const { event } = submitClaim(
      aSubmission({ problem: "damaged", answers, preferredResolution: "replacement", note: "Cracked arm" }),
      hours(0),
      customer,
    );
    expect(event.note).toBe("Cracked arm");
    expect(event.data).toEqual({
      items: [
        { lineItemId: LINE_1, quantity: 2 },
        { lineItemId: LINE_2, quantity: 1 },
      ],
      evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
      problem: "damaged",
      answers,
      preferredResolution: "replacement",
    });
  });

  it.each([
    ["arrival", "fault", 'problem: arrival claims take "damaged", "wrong_item", "missing_parts", "not_working"'],
    ["warranty", "damaged", 'problem: warranty claims take "fault"'],
  ] as const)("GIVEN a %s claim with the problem %s THEN it is refused", (type, problem, message) => {
    expectDomainError(() => submitClaim(aSubmission({ type, problem }), hours(0), customer), {
      kind: "invalid",
      code: "claim.invalid_submission",
      message,
    });
  });
});
