// @vitest-environment happy-dom
import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  claimOptions,
  claimSummary,
  heading,
  installHost,
  lineItem,
  ORDER_ID,
  pageText,
  type Route,
} from "../../claim-page/src/test-support";
import { OrderStatusBlock } from "./OrderStatusBlock";

// The block on the order status page: the order's claims and what can still be reported.

const ok =
  (body: unknown): Route =>
  () => ({ status: 200, body });
const routes = (
  options = claimOptions(),
  claims = [claimSummary({ status: "needs_information", nextStep: "reply_to_merchant" })],
) => ({
  [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(options),
  [`GET /api/claims?orderId=${encodeURIComponent(ORDER_ID)}`]: ok({ claims }),
});
const links = () => [...document.querySelectorAll("s-link")].map((l) => [l.textContent, l.getAttribute("href")]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the order-status block", () => {
  it("lists the shopper's claims with status and next step, and what can still be reported until when", async () => {
    installHost(routes(), { extension: "warranty-claims" });
    render(<OrderStatusBlock />);
    await waitFor(() => expect(heading("Problems with this order")).toBe(true));
    await waitFor(() => expect(pageText()).toContain("Next: please answer our question."));
    expect(links()).toEqual([
      [
        "Claim #7: We need more information",
        "extension:claim-page/customer-account.order.page.render/1001/claims/claim_1",
      ],
      ["Report a problem", "extension:claim-page/customer-account.order.page.render/1001/"],
    ]);
    expect(pageText()).toContain(
      "Damage or a wrong item on arrival can be reported until Tuesday, December 1, 2026 at 23:59 Berlin time (counted from the estimated delivery date).",
    );
    expect(pageText()).toContain(
      "A fault can be reported under the warranty until Tuesday, November 30, 2027 at 23:59 Berlin time.",
    );
  });

  it("says in one sentence that nothing can be reported before delivery", async () => {
    const unshipped = claimOptions({
      items: [
        {
          lineItemId: lineItem(2),
          name: "Nimbus Power Bank",
          claimableQuantity: 0,
          arrival: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
          warranty: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
        },
      ],
    });
    installHost(routes(unshipped, []), { extension: "warranty-claims" });
    render(<OrderStatusBlock />);
    await waitFor(() =>
      expect(pageText()).toBe(
        "Nothing on this order can be reported yet: you can report a problem once your items have been delivered.",
      ),
    );
  });

  it("says every item is already part of a claim, not that its time has ended, once all are claimed", async () => {
    // GIVEN an order whose only item is in a claim, with its windows still open
    const claimed = claimOptions({
      items: [{ ...claimOptions().items[0]!, claimableQuantity: 0 }],
    });
    installHost(routes(claimed), { extension: "warranty-claims" });
    render(<OrderStatusBlock />);
    // THEN the claim is listed, and one sentence says why nothing more can be reported
    await waitFor(() => expect(pageText()).toContain("Next: please answer our question."));
    expect(pageText()).toBe(
      "Claim #7: We need more informationNext: please answer our question.Every item on this order is already part of a claim.",
    );
  });

  it("says what is true of each item when some are in a claim and the others' time has ended", async () => {
    // GIVEN an order with one item in a claim (its windows still open) and one past its windows
    const mixed = claimOptions({
      items: [
        { ...claimOptions().items[0]!, claimableQuantity: 0 },
        {
          lineItemId: lineItem(2),
          name: "Nimbus Power Bank",
          claimableQuantity: 1,
          arrival: { open: false, windowEndsAt: "2026-01-01T22:59:00.000Z", reasons: ["window_expired"] },
          warranty: { open: false, windowEndsAt: "2026-02-01T22:59:00.000Z", reasons: ["window_expired"] },
        },
      ],
    });
    installHost(routes(mixed), { extension: "warranty-claims" });
    render(<OrderStatusBlock />);
    // THEN the claim, then one sentence that says both (not that the time ended for every item)
    await waitFor(() => expect(pageText()).toContain("Next: please answer our question."));
    expect(pageText()).toBe(
      "Claim #7: We need more informationNext: please answer our question.Some items on this order are already part of a claim, and the time to report a problem has ended for the others.",
    );
  });

  it("asks a pre-authenticated shopper to log in, and reads nothing until then", async () => {
    const host = installHost(routes(), { extension: "warranty-claims", authenticationState: "pre_authenticated" });
    render(<OrderStatusBlock />);
    await waitFor(() => expect(pageText()).toContain("Log in to see your claims on this order"));
    [...document.querySelectorAll("s-button")]
      .find((b) => b.textContent === "Log in")!
      .dispatchEvent(new Event("click"));
    expect(host.requireLogin).toHaveBeenCalledTimes(1);
    expect(host.requests).toEqual([]);
  });

  it("follows the shopper's login: once logged in, it reads and lists their claims", async () => {
    // GIVEN the block on the pre-authenticated page
    const host = installHost(routes(), { extension: "warranty-claims", authenticationState: "pre_authenticated" });
    render(<OrderStatusBlock />);
    await waitFor(() => expect(pageText()).toContain("Log in to see your claims on this order"));
    // WHEN the host says the shopper has logged in
    host.authenticationState.set("fully_authenticated");
    // THEN the block loads the order's claims without a reload
    await waitFor(() => expect(pageText()).toContain("Claim #7: We need more information"));
    expect(host.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`)).toEqual([
      "GET /api/claim-options",
      "GET /api/claims",
    ]);
  });
});
