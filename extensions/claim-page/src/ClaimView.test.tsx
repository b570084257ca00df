// @vitest-environment happy-dom
import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClaimPage } from "./ClaimPage";
import {
  APP,
  button,
  claimDetail,
  FakeXhr,
  field,
  heading,
  installHost,
  lineItem,
  pageText,
  settle,
  typeInto,
  type Route,
} from "./test-support";

// One claim's page, in each of the states the shopper meets.

const CLAIM_URL = "extension:claim-page/customer-account.order.page.render/1001/claims/claim_1";
const ok =
  (body: unknown, status = 200): Route =>
  () => ({ status, body });

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("a claim's page", () => {
  it("shows a new claim's status, next step, response promise and timeline", async () => {
    installHost({ "GET /api/claims/claim_1": ok({ claim: claimDetail() }) }, { url: CLAIM_URL });
    render(<ClaimPage />);
    await waitFor(() => expect(pageText()).toContain("Claim #7"));
    expect(pageText()).toContain("Sent, waiting for a reply");
    expect(pageText()).toContain("Next: we will reply to you.");
    expect(pageText()).toContain("We'll reply by Thursday, December 3 at");
    expect(pageText()).toContain("December 1, 2026: Claim sent");
    expect(document.querySelector("s-text-area")).toBeNull();
  });

  it("shows the claim's evidence: photos as thumbnails with a text alternative, a video by its file name", async () => {
    // GIVEN a claim with a photo of the packaging (no file name kept) and a video
    const claim = claimDetail({
      evidence: [
        {
          id: "up_1",
          kind: "packaging_photo",
          contentType: "image/jpeg",
          byteSize: 10,
          fileName: null,
          thumbnailUrl: "/api/uploads/up_1/thumbnail?s=sig",
        },
        {
          id: "up_2",
          kind: "issue_video",
          contentType: "video/mp4",
          byteSize: 10,
          fileName: "rattle.mp4",
          thumbnailUrl: null,
        },
      ],
    });
    installHost({ "GET /api/claims/claim_1": ok({ claim }) }, { url: CLAIM_URL });
    render(<ClaimPage />);
    // THEN
    await waitFor(() => expect(heading("Your photos and videos")).toBe(true));
    const images = [...document.querySelectorAll("s-image")];
    expect(images.map((image) => [image.getAttribute("src"), image.getAttribute("alt")])).toEqual([
      [`${APP}/api/uploads/up_1/thumbnail?s=sig`, "Your photo of the packaging"],
    ]);
    expect(pageText()).toContain("rattle.mp4");
  });

  it("lets the shopper answer the merchant's question with more photos", async () => {
    // GIVEN a claim on which the merchant asked for information
    const asked = claimDetail({
      status: "needs_information",
      nextStep: "reply_to_merchant",
      respondBy: null,
      canReply: true,
      timeline: [
        { at: "2026-12-01T10:00:00.000Z", type: "submitted", actor: "customer", message: null },
        {
          at: "2026-12-02T09:00:00.000Z",
          type: "information_requested",
          actor: "merchant",
          message: "Could you send a photo of the serial number?",
        },
      ],
    });
    const answered = claimDetail({ status: "submitted", canReply: false });
    const host = installHost(
      {
        "GET /api/claims/claim_1": ok({ claim: asked }),
        "POST /api/claims/claim_1/replies": ok({ claim: answered }),
      },
      { url: CLAIM_URL },
    );
    render(<ClaimPage />);
    await waitFor(() => expect(pageText()).toContain("The shop wrote: Could you send a photo of the serial number?"));
    // WHEN the shopper adds a photo and writes an answer
    const photo = new File([new Uint8Array(10)], "serial.jpg", { type: "image/jpeg" });
    const zone = field("s-drop-zone", "Photos or a video of the problem");
    zone.files = [photo];
    zone.dispatchEvent(new Event("input"));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    FakeXhr.sent[0]!.respond(201, {
      upload: {
        id: "up_5",
        kind: "issue_photo",
        contentType: "image/jpeg",
        byteSize: 10,
        fileName: null,
        thumbnailUrl: null,
      },
    });
    typeInto(field("s-text-area", "Your answer"), "Here it is.");
    await waitFor(() => expect(pageText()).toContain("Uploaded"));
    button("Send reply").click();
    // THEN the reply goes out with the upload, and the page shows the claim as it now stands
    await waitFor(() => expect(document.querySelector("s-text-area")).toBeNull());
    const reply = host.requests.find((r) => r.path === "/api/claims/claim_1/replies");
    expect(reply?.body).toEqual({ message: "Here it is.", uploadIds: ["up_5"] });
    expect(pageText()).toContain("Sent, waiting for a reply");
  });

  it("gives the return instructions and takes the carrier and tracking number", async () => {
    const awaiting = claimDetail({
      status: "awaiting_return",
      nextStep: "send_return",
      respondBy: null,
      canSendTracking: true,
      returnInstructions: {
        destinations: [
          {
            locationName: "Berlin warehouse",
            address: ["Lagerstraße 1", "10115 Berlin", "Germany"],
            overseas: false,
            items: [{ lineItemId: lineItem(1), quantity: 1 }],
          },
          {
            locationName: "Shenzhen Fulfilment Centre",
            address: ["8 Keji South Road", "518057 Shenzhen", "China"],
            overseas: true,
            items: [{ lineItemId: lineItem(2), quantity: 1 }],
          },
        ],
        components: ["Charger", "Battery"],
        trackedShippingAdvised: true,
        shippingPaidBy: "merchant",
      },
    });
    const shipped = claimDetail({
      ...awaiting,
      status: "return_in_transit",
      nextStep: "wait_for_inspection",
      canSendTracking: false,
      returnShipment: { carrier: "DHL", trackingNumber: "JJD000123" },
    });
    const host = installHost(
      {
        "GET /api/claims/claim_1": ok({ claim: awaiting }),
        "POST /api/claims/claim_1/return-shipment": ok({ claim: shipped }),
      },
      { url: CLAIM_URL },
    );
    render(<ClaimPage />);
    await waitFor(() => expect(heading("How to send it back")).toBe(true));
    expect(pageText()).toContain("Send Volt X2 E-Scooter × 1 to:Berlin warehouseLagerstraße 110115 BerlinGermanySend ");
    // An item from the overseas warehouse: only that address takes it back.
    expect(pageText()).toContain(
      "518057 ShenzhenChinaThis item came from our overseas warehouse: send it only to this address. Our local warehouses cannot take it back.",
    );
    expect(pageText()).toContain("Please include: Charger, Battery.");
    expect(pageText()).toContain("Please use tracked shipping: a parcel lost on its way back is not covered.");
    expect(pageText()).toContain("We pay for the return shipping.");
    // WHEN sent without a tracking number THEN it asks for one, and nothing is posted
    button("Send tracking details").click();
    await waitFor(() => expect(pageText()).toContain("Please enter the tracking number."));
    expect(host.requests.some((r) => r.path.endsWith("/return-shipment"))).toBe(false);
    typeInto(field("s-text-field", "Carrier"), "DHL");
    typeInto(field("s-text-field", "Tracking number"), " JJD000123 ");
    await settle();
    button("Send tracking details").click();
    await waitFor(() => expect(pageText()).toContain("Return sent with DHL, tracking number JJD000123."));
    expect(host.requests.find((r) => r.path.endsWith("/return-shipment"))?.body).toEqual({
      carrier: "DHL",
      trackingNumber: "JJD000123",
    });
    expect(pageText()).toContain("Next: we will check the returned item.");
  });

  it("shows the outcome with the refunded amount, or the denial with the policy's clause", async () => {
    installHost(
      {
        "GET /api/claims/claim_1": ok({
          claim: claimDetail({
            status: "resolved",
            nextStep: "none",
            respondBy: null,
            outcome: {
              items: [{ lineItemId: lineItem(1), outcome: "refunded", amount: "129.90", currencyCode: "EUR" }],
              replacementOrderName: null,
            },
          }),
        }),
      },
      { url: CLAIM_URL },
    );
    render(<ClaimPage />);
    await waitFor(() =>
      expect(pageText()).toContain("Volt X2 E-Scooter: €129.90 refunded to your original payment method."),
    );
    cleanup();
    vi.unstubAllGlobals();

    installHost(
      {
        "GET /api/claims/claim_1": ok({
          claim: claimDetail({
            status: "denied",
            nextStep: "none",
            respondBy: null,
            denial: {
              items: [
                {
                  lineItemId: lineItem(1),
                  reason: "body_opened",
                  clause: "The guarantee does not cover a product whose body was opened in an attempt to fix it.",
                  note: "The screws show tool marks.",
                },
              ],
            },
          }),
        }),
      },
      { url: CLAIM_URL },
    );
    render(<ClaimPage />);
    await waitFor(() =>
      expect(pageText()).toContain(
        "Volt X2 E-Scooter: The guarantee does not cover a product whose body was opened in an attempt to fix it.",
      ),
    );
    expect(pageText()).toContain("The store adds: The screws show tool marks.");
    // The reason's code is for programs, never shown to the shopper.
    expect(pageText()).not.toContain("body_opened");
    expect(pageText()).toContain("Declined");
  });

  it("says so when the claim is not the shopper's, with a way back", async () => {
    installHost(
      { "GET /api/claims/claim_1": () => ({ status: 404, body: { error: { code: "claim.not_found", message: "" } } }) },
      { url: CLAIM_URL },
    );
    render(<ClaimPage />);
    await waitFor(() => expect(pageText()).toContain("We could not find this claim on your account."));
    const back = [...document.querySelectorAll("s-link")].find((l) => l.textContent === "Back to this order's claims");
    expect(back?.getAttribute("href")).toBe("extension:claim-page/customer-account.order.page.render/1001/");
  });

  it("follows the host's navigation from the form to a claim's page", async () => {
    const host = installHost({
      "GET /api/claim-options?orderId=gid%3A%2F%2Fshopify%2FOrder%2F1001": ok({
        orderId: "gid://shopify/Order/1001",
        orderName: "#1001",
        timezone: "Europe/Berlin",
        items: [],
      }),
      "GET /api/claims?orderId=gid%3A%2F%2Fshopify%2FOrder%2F1001": ok({ claims: [claimDetail()] }),
      "GET /api/claims/claim_1": ok({ claim: claimDetail() }),
    });
    render(<ClaimPage />);
    await waitFor(() => expect(pageText()).toContain("Claim #7: Sent, waiting for a reply"));
    const link = [...document.querySelectorAll("s-link")].find((l) => l.textContent?.startsWith("Claim #7"));
    expect(link?.getAttribute("href")).toBe(CLAIM_URL);
    host.navigateTo(CLAIM_URL);
    await waitFor(() => expect(pageText()).toContain("December 1, 2026: Claim sent"));
  });
});
