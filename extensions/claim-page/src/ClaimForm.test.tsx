// @vitest-environment happy-dom
import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClaimPage } from "./ClaimPage";
import type { Resolution } from "../../shared/src/api";
import { draftKey, type Draft } from "./draft";
import {
  APP,
  button,
  check,
  choose,
  claimDetail,
  claimOptions,
  drop,
  FakeXhr,
  field,
  heading,
  installHost,
  lineItem,
  ORDER_ID,
  pageText,
  preview,
  typeInto,
  type Route,
} from "./test-support";

// The claim form as the shopper uses it, against a fake host and a fake backend.

const ok =
  (body: unknown, status = 200): Route =>
  () => ({ status, body });

function baseRoutes(overrides: Record<string, Route | "network-error"> = {}) {
  return {
    [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(claimOptions()),
    [`GET /api/claims?orderId=${encodeURIComponent(ORDER_ID)}`]: ok({ claims: [] }),
    "POST /api/claims/preview": ok({ preview: preview() }),
    "POST /api/claims": ok({ claim: claimDetail() }, 201),
    ...overrides,
  };
}

async function fillIn() {
  await waitFor(() => field("s-checkbox", "Volt X2 E-Scooter"));
  check(field("s-checkbox", "Volt X2 E-Scooter"), true);
  choose(field("s-choice-list", "The problem"), ["damaged"]);
  typeInto(field("s-text-area", "Describe what you found"), "The deck is cracked.");
}

const posts = (host: ReturnType<typeof installHost>, path: string) =>
  host.requests.filter((r) => r.method === "POST" && r.path === path);

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the claim form", () => {
  it("lists what can be claimed with its deadline in the shop's time zone, marked estimated, and says why the rest cannot", async () => {
    // GIVEN an order with one delivered item (arrival window from an estimated date) and one not shipped
    installHost(baseRoutes());
    // WHEN the shopper opens the claim page
    render(<ClaimPage />);
    await waitFor(() => field("s-checkbox", "Volt X2 E-Scooter"));
    // THEN the claimable item names its last day, time and zone, and the other says why in a few words
    expect(pageText()).toContain(
      "You can report this until Tuesday, December 1, 2026 at 23:59 Berlin time (counted from the estimated delivery date).",
    );
    expect(pageText()).toContain("Nimbus Power Bank");
    expect(pageText()).toContain("Not shipped yet.");
  });

  it("says in one sentence when nothing on the order can be reported", async () => {
    // GIVEN an order whose every window has closed
    const closed = claimOptions({
      items: [
        {
          lineItemId: lineItem(1),
          name: "Volt X2 E-Scooter",
          claimableQuantity: 1,
          arrival: { open: false, windowEndsAt: "2026-01-01T22:59:00.000Z", reasons: ["window_expired"] },
          warranty: { open: false, windowEndsAt: "2026-02-01T22:59:00.000Z", reasons: ["window_expired"] },
        },
      ],
    });
    installHost(baseRoutes({ [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(closed) }));
    render(<ClaimPage />);
    // THEN one sentence, and no form
    await waitFor(() =>
      expect(pageText()).toContain(
        "Nothing on this order can be reported any more: the time to report a problem has ended for every item.",
      ),
    );
    expect(document.querySelector("s-text-area")).toBeNull();
  });

  it("says every item is already part of a claim when all are claimed", async () => {
    // GIVEN an order whose only item is in a claim, with its windows still open
    const claimed = claimOptions({ items: [{ ...claimOptions().items[0]!, claimableQuantity: 0 }] });
    installHost(baseRoutes({ [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(claimed) }));
    render(<ClaimPage />);
    // THEN one sentence that says so (not that the time has ended), and no form
    await waitFor(() => expect(pageText()).toContain("Every item on this order is already part of a claim."));
    expect(pageText()).not.toContain("the time to report a problem has ended");
    expect(document.querySelector("s-text-area")).toBeNull();
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
    installHost(baseRoutes({ [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(mixed) }));
    render(<ClaimPage />);
    // THEN one sentence says both, and no form
    await waitFor(() =>
      expect(pageText()).toContain(
        "Some items on this order are already part of a claim, and the time to report a problem has ended for the others.",
      ),
    );
    expect(pageText()).not.toContain("for every item");
    expect(document.querySelector("s-text-area")).toBeNull();
  });

  it("does not offer to report another problem once the last claimable item is claimed", async () => {
    // GIVEN an order whose one shipped item is claimable, the other not shipped
    let claimedYet = false;
    const host = installHost(
      baseRoutes({
        [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: () => ({
          status: 200,
          body: claimedYet
            ? claimOptions({ items: [{ ...claimOptions().items[0]!, claimableQuantity: 0 }, claimOptions().items[1]!] })
            : claimOptions(),
        }),
        "POST /api/claims": () => {
          claimedYet = true;
          return { status: 201, body: { claim: claimDetail() } };
        },
      }),
    );
    render(<ClaimPage />);
    await fillIn();
    await waitFor(() => expect(heading("This claim can be accepted")).toBe(true));
    // WHEN the shopper sends the claim for it
    button("Send claim").click();
    // THEN the confirmation shows, with what is true of the order now instead of "Report another problem"
    await waitFor(() => expect(heading("Claim #7 has been sent")).toBe(true));
    await waitFor(() =>
      expect(pageText()).toContain(
        "Some items on this order are already part of a claim, and the others have not shipped yet: you can report a problem once they have been delivered.",
      ),
    );
    expect(() => button("Report another problem")).toThrow('no button "Report another problem"');
    expect(host.requests.filter((r) => r.path.startsWith("/api/claim-options"))).toHaveLength(2);
  });

  it("does not send an incomplete claim and says what is missing", async () => {
    const host = installHost(baseRoutes());
    render(<ClaimPage />);
    await waitFor(() => button("Send claim"));
    // WHEN the shopper sends the empty form
    button("Send claim").click();
    // THEN nothing is posted, and each missing field says so
    await waitFor(() => expect(pageText()).toContain("Some details are missing"));
    expect(pageText()).toContain("Choose at least one item.");
    expect(field("s-choice-list", "The problem").getAttribute("error")).toBe("Choose what happened.");
    expect(field("s-text-area", "Describe what you found").getAttribute("error")).toBe("Please describe the problem.");
    expect(posts(host, "/api/claims")).toHaveLength(0);
  });

  it("marks the slots the policy requires and refuses to send without them", async () => {
    // GIVEN a server that needs photos of the issue and of the packaging
    const host = installHost(
      baseRoutes({
        "POST /api/claims/preview": ok({
          preview: preview({
            eligible: false,
            reasons: [{ code: "missing_evidence", message: "Some photos are missing." }],
            missingEvidence: [
              { kind: "issue_media", message: "Add photos or a video of the problem." },
              { kind: "packaging_photo", message: "Add a photo of the packaging." },
            ],
          }),
        }),
      }),
    );
    render(<ClaimPage />);
    await fillIn();
    // THEN once previewed, the required slots are marked, the optional one is not
    await waitFor(() => field("s-drop-zone", "Photos or a video of the problem (required)"));
    field("s-drop-zone", "A photo of the packaging (required)");
    field("s-drop-zone", "A photo of the shipping label");
    expect(pageText()).toContain("Add photos or a video of the problem.");
    // WHEN sent without them THEN nothing is posted and the slots say so
    button("Send claim").click();
    await waitFor(() =>
      expect(field("s-drop-zone", "A photo of the packaging (required)").getAttribute("error")).toBe(
        "Please add this photo.",
      ),
    );
    expect(field("s-drop-zone", "A photo of the shipping label").getAttribute("error")).toBeNull();
    expect(posts(host, "/api/claims")).toHaveLength(0);
  });

  it("uploads each file raw with its progress, retries a failed one without a new pick, and removes one", async () => {
    const host = installHost(baseRoutes({ "DELETE /api/uploads/up_1": () => ({ status: 204 }) }));
    render(<ClaimPage />);
    await fillIn();
    const photo = new File([new Uint8Array(1000)], "cracked deck.jpg", { type: "image/jpeg" });
    // WHEN a photo is dropped on the issue slot
    drop(field("s-drop-zone", "Photos or a video of the problem"), [photo]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    const first = FakeXhr.sent[0]!;
    // THEN the file itself is posted for this order and kind
    expect(first.method).toBe("POST");
    expect(first.url).toBe(`/api/uploads?orderId=${encodeURIComponent(ORDER_ID)}&kind=issue_photo`);
    expect(first.body).toBe(photo);
    expect(first.headers).toMatchObject({ Authorization: "Bearer session-token", "Content-Type": "image/jpeg" });
    // ...and its progress shows
    first.progress(500, 1000);
    await waitFor(() => expect(pageText()).toContain("cracked deck.jpg50%"));
    expect(document.querySelector("s-progress")?.getAttribute("value")).toBe("50");
    // WHEN the connection drops THEN it says so and offers to try again, with what was typed kept
    first.fail();
    await waitFor(() => expect(pageText()).toContain("The upload was interrupted."));
    expect(field("s-text-area", "Describe what you found").value).toBe("The deck is cracked.");
    button("Try again").click();
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(FakeXhr.sent[1]!.body).toBe(photo);
    FakeXhr.sent[1]!.respond(201, {
      upload: {
        id: "up_1",
        kind: "issue_photo",
        contentType: "image/jpeg",
        byteSize: 1000,
        fileName: null,
        thumbnailUrl: null,
      },
    });
    await waitFor(() => expect(pageText()).toContain("Uploaded"));
    // ...and the draft keeps the upload
    await waitFor(() =>
      expect((host.storage.get(draftKey(ORDER_ID)) as Draft).uploads).toEqual([
        { id: "up_1", slot: "issue", kind: "issue_photo", fileName: "cracked deck.jpg" },
      ]),
    );
    // WHEN removed THEN the server forgets it and so does the draft
    button("Remove").click();
    await waitFor(() => expect(pageText()).not.toContain("cracked deck.jpg"));
    expect(host.requests.some((r) => r.method === "DELETE" && r.path === "/api/uploads/up_1")).toBe(true);
    await waitFor(() => expect((host.storage.get(draftKey(ORDER_ID)) as Draft).uploads).toEqual([]));
  });

  it("shows the server's reason for a refused file without offering to send it again, and takes another file", async () => {
    installHost(baseRoutes());
    render(<ClaimPage />);
    await fillIn();
    const slot = () => field("s-drop-zone", "Photos or a video of the problem");
    // GIVEN an SVG named .jpg dropped on the issue slot
    drop(slot(), [new File(["<svg/>"], "drawing.jpg", { type: "image/jpeg" })]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    // WHEN the server refuses it
    const refusal = "This file is not a photo or video we accept. Use a JPEG, PNG, WebP or HEIC photo.";
    FakeXhr.sent[0]!.respond(415, { error: { code: "upload.unsupported_type", message: refusal } });
    // THEN its reason shows, with "Remove" but no "Try again" (it would only be refused again)
    await waitFor(() => expect(pageText()).toContain(refusal));
    expect(() => button("Try again")).toThrow('no button "Try again"');
    expect(button("Remove")).toBeTruthy();
    // ...and the slot takes another file
    const photo = new File([new Uint8Array(10)], "deck.jpg", { type: "image/jpeg" });
    drop(slot(), [photo]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(FakeXhr.sent[1]!.body).toBe(photo);
  });

  it.each([
    [503, { error: { code: "internal", message: "" } }, "This file could not be uploaded."],
    [429, { error: { code: "rate_limited", message: "" } }, "Too many attempts in a short time."],
  ])("offers to try again when the upload fails with %i", async (status, body, message) => {
    installHost(baseRoutes());
    render(<ClaimPage />);
    await fillIn();
    const photo = new File([new Uint8Array(10)], "deck.jpg", { type: "image/jpeg" });
    drop(field("s-drop-zone", "Photos or a video of the problem"), [photo]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    // WHEN the server is down or busy
    FakeXhr.sent[0]!.respond(status, body);
    // THEN it says so and "Try again" sends the same file
    await waitFor(() => expect(pageText()).toContain(message));
    button("Try again").click();
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(FakeXhr.sent[1]!.body).toBe(photo);
  });

  it("shows an uploaded photo's thumbnail from the app, named for screen readers, and a video by its file name", async () => {
    const host = installHost(baseRoutes());
    render(<ClaimPage />);
    await fillIn();
    // WHEN a photo of the label and a video of the problem are uploaded
    drop(field("s-drop-zone", "A photo of the shipping label"), [
      new File([new Uint8Array(10)], "label.jpg", { type: "image/jpeg" }),
    ]);
    drop(field("s-drop-zone", "Photos or a video of the problem"), [
      new File([new Uint8Array(10)], "rattle.mp4", { type: "video/mp4" }),
    ]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const upload = (id: string, kind: string, contentType: string, thumbnailUrl: string | null) => ({
      upload: { id, kind, contentType, byteSize: 10, fileName: null, thumbnailUrl },
    });
    FakeXhr.sent[0]!.respond(
      201,
      upload("up_1", "shipping_label_photo", "image/jpeg", "/api/uploads/up_1/thumbnail?s=sig"),
    );
    FakeXhr.sent[1]!.respond(201, upload("up_2", "issue_video", "video/mp4", null));
    // THEN the photo shows as its thumbnail, served by the app, with a text alternative
    await waitFor(() => expect(document.querySelectorAll("s-image")).toHaveLength(1));
    const image = document.querySelector("s-image")!;
    expect(image.getAttribute("src")).toBe(`${APP}/api/uploads/up_1/thumbnail?s=sig`);
    expect(image.getAttribute("alt")).toBe("Your photo of the shipping label (label.jpg)");
    expect(pageText()).not.toContain("label.jpg");
    // AND the video, which has no thumbnail, by its file name
    expect(pageText()).toContain("rattle.mp4");
    // AND the draft keeps the uploads but not the signed URL, which lives only minutes
    await waitFor(() =>
      expect((host.storage.get(draftKey(ORDER_ID)) as Draft).uploads).toEqual([
        { id: "up_1", slot: "shipping_label", kind: "shipping_label_photo", fileName: "label.jpg" },
        { id: "up_2", slot: "issue", kind: "issue_video", fileName: "rattle.mp4" },
      ]),
    );
  });

  it("shows the server's reasons in plain words and offers to file under the warranty", async () => {
    let previews = 0;
    const host = installHost(
      baseRoutes({
        "POST /api/claims/preview": ({ body }) => {
          previews += 1;
          const asWarranty = (body as { type: string }).type === "warranty";
          return {
            status: 200,
            body: {
              preview: asWarranty
                ? preview()
                : preview({
                    eligible: false,
                    reasons: [],
                    items: [
                      {
                        lineItemId: lineItem(1),
                        eligible: false,
                        windowEndsAt: null,
                        reasons: [
                          { code: "window_expired", message: "The time to report damage on arrival has passed." },
                        ],
                      },
                    ],
                    suggestedType: "warranty",
                  }),
            },
          };
        },
      }),
    );
    render(<ClaimPage />);
    await fillIn();
    // THEN the server's reason shows, with the offer
    await waitFor(() => expect(pageText()).toContain("The time to report damage on arrival has passed."));
    expect(heading("This claim cannot be accepted as it is")).toBe(true);
    // WHEN the shopper takes it
    button("Report it under the warranty instead").click();
    // THEN the claim is previewed as a warranty fault for the same item, with the description kept
    await waitFor(() => expect(heading("This claim can be accepted")).toBe(true));
    const last = posts(host, "/api/claims/preview").at(-1)!.body;
    expect(last).toMatchObject({
      type: "warranty",
      problem: "fault",
      description: "The deck is cracked.",
      items: [{ lineItemId: lineItem(1), quantity: 1 }],
    });
    expect(previews).toBeGreaterThanOrEqual(2);
    expect(pageText()).toContain("Send it and we'll reply by Thursday, December 3 at");
  });

  it("asks the guarantee's exclusion questions of a warranty claim only, never of an arrival claim", async () => {
    const host = installHost(baseRoutes());
    render(<ClaimPage />);
    // GIVEN an arrival claim being written
    await fillIn();
    const questions = () => [...document.querySelectorAll("s-choice-list")].map((el) => el.getAttribute("label"));
    // THEN none of the exclusion questions is asked
    expect(questions()).toEqual(["What are you reporting?", "The problem", "Your preferred solution"]);
    expect(heading("A few questions")).toBe(false);
    // WHEN the shopper reports a fault under the warranty instead
    choose(field("s-choice-list", "What are you reporting?"), ["warranty"]);
    // THEN the six questions are asked, and an answer goes with the preview
    await waitFor(() => expect(heading("A few questions")).toBe(true));
    expect(questions()).toEqual([
      "What are you reporting?",
      "Has software other than the manufacturer's been installed on the device?",
      "Has the casing been opened?",
      "Have any parts been replaced or modified?",
      "Has it been used for anything other than what it is made for?",
      "Was it still used after the problem appeared?",
      "Could the damage have come from a fall or an accident?",
      "Your preferred solution",
    ]);
    check(field("s-checkbox", "Volt X2 E-Scooter"), true);
    typeInto(field("s-text-area", "Describe the fault"), "It no longer charges.");
    choose(field("s-choice-list", "Has the casing been opened?"), ["no"]);
    await waitFor(() =>
      expect(posts(host, "/api/claims/preview").at(-1)?.body).toMatchObject({
        type: "warranty",
        answers: { bodyOpened: false },
      }),
    );
    // WHEN the shopper goes back to an arrival claim THEN the questions go, and so do their answers
    choose(field("s-choice-list", "What are you reporting?"), ["arrival"]);
    await waitFor(() => expect(heading("A few questions")).toBe(false));
    check(field("s-checkbox", "Volt X2 E-Scooter"), true);
    choose(field("s-choice-list", "The problem"), ["damaged"]);
    await waitFor(() =>
      expect(posts(host, "/api/claims/preview").at(-1)?.body).toMatchObject({ type: "arrival", answers: {} }),
    );
    expect((posts(host, "/api/claims/preview").at(-1)!.body as { answers: object }).answers).toEqual({});
  });

  it("files one claim for a double tap, and a retry after a failure sends the same key", async () => {
    let answer: "network-error" | "ok" = "network-error";
    const host = installHost(
      baseRoutes({
        "POST /api/claims": () => {
          if (answer === "network-error") throw new TypeError("Failed to fetch");
          return { status: 201, body: { claim: claimDetail() } };
        },
      }),
    );
    render(<ClaimPage />);
    await fillIn();
    await waitFor(() => expect(heading("This claim can be accepted")).toBe(true));
    // WHEN the first try fails on the network
    button("Send claim").click();
    await waitFor(() => expect(pageText()).toContain("We could not reach the shop."));
    const key = (posts(host, "/api/claims")[0]!.body as { submissionKey: string }).submissionKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    // ...and the shopper taps twice on the retry
    answer = "ok";
    button("Send claim").click();
    button("Send claim").click();
    // THEN one more request went out, with the same key, and the confirmation shows
    await waitFor(() => expect(heading("Claim #7 has been sent")).toBe(true));
    const sent = posts(host, "/api/claims");
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => (r.body as { submissionKey: string }).submissionKey)).toEqual([key, key]);
    expect(sent[1]!.body).toMatchObject({
      orderId: ORDER_ID,
      type: "arrival",
      problem: "damaged",
      description: "The deck is cracked.",
      items: [{ lineItemId: lineItem(1), quantity: 1 }],
      uploadIds: [],
    });
    // ...with the response promise in the shopper's locale, and the draft gone
    expect(pageText()).toContain("We'll reply by Thursday, December 3 at");
    expect(host.storage.has(draftKey(ORDER_ID))).toBe(false);
  });

  it("offers a repair only when the policy lists it in claim-options' resolutions", async () => {
    const choices = () =>
      [...field("s-choice-list", "Your preferred solution").querySelectorAll("s-choice")].map((c) => c.textContent);
    // GIVEN claim-options that say nothing of resolutions THEN refund and replacement
    installHost(baseRoutes());
    render(<ClaimPage />);
    await waitFor(() => expect(choices()).toEqual(["A refund", "A replacement"]));
    cleanup();
    // GIVEN a policy that offers repairs THEN repair too, in the policy's order
    installHost(
      baseRoutes({
        [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(
          claimOptions({ resolutions: ["repair", "refund"] }),
        ),
      }),
    );
    render(<ClaimPage />);
    await waitFor(() => expect(choices()).toEqual(["A repair", "A refund"]));
  });

  /** The scooter and a power bank, both open for arrival claims, each offering its own resolutions. */
  function twoItemRoutes(scooterOffers: Resolution[], powerBankOffers: Resolution[]) {
    const scooter = claimOptions().items[0]!;
    const open = { open: true, windowEndsAt: "2026-12-01T22:59:00.000Z", reasons: [] };
    return baseRoutes({
      [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(
        claimOptions({
          items: [
            { ...scooter, arrival: { ...scooter.arrival, resolutions: scooterOffers } },
            {
              lineItemId: lineItem(2),
              name: "Nimbus Power Bank",
              claimableQuantity: 1,
              arrival: { ...open, resolutions: powerBankOffers },
              warranty: { ...open, resolutions: ["refund"] },
            },
          ],
        }),
      ),
    });
  }

  it("offers what the chosen items' policies offer together, and says when they have nothing in common", async () => {
    const choices = () =>
      [...field("s-choice-list", "Your preferred solution").querySelectorAll("s-choice")].map((c) => c.textContent);
    // GIVEN a scooter replaced or refunded and a power bank only replaced, both open for arrival claims
    installHost(twoItemRoutes(["refund", "replacement"], ["replacement"]));
    render(<ClaimPage />);
    // WHEN the shopper picks the scooter THEN its policy's offer
    await waitFor(() => field("s-checkbox", "Volt X2 E-Scooter"));
    check(field("s-checkbox", "Volt X2 E-Scooter"), true);
    await waitFor(() => expect(choices()).toEqual(["A refund", "A replacement"]));
    choose(field("s-choice-list", "Your preferred solution"), ["refund"]);
    // WHEN the power bank is added THEN only what both offer, and the refund asked for is dropped
    check(field("s-checkbox", "Nimbus Power Bank"), true);
    await waitFor(() => expect(choices()).toEqual(["A replacement"]));
    expect(field("s-choice-list", "Your preferred solution").getAttribute("values")).toBe("");
    expect(pageText()).not.toContain("cannot be reported together");
  });

  it("tells the shopper to claim items apart when their policies offer nothing in common", async () => {
    installHost(twoItemRoutes(["refund"], ["replacement"]));
    render(<ClaimPage />);
    await waitFor(() => field("s-checkbox", "Volt X2 E-Scooter"));
    check(field("s-checkbox", "Volt X2 E-Scooter"), true);
    await waitFor(() => expect(pageText()).toContain("A refund"));
    check(field("s-checkbox", "Nimbus Power Bank"), true);
    await waitFor(() =>
      expect(pageText()).toContain(
        "The items you chose cannot be reported together: the store offers different solutions for them. Report them in separate claims.",
      ),
    );
  });

  it("does not send a kept preference the policy no longer offers", async () => {
    // GIVEN a draft that asked for a repair, on an order whose policy now offers only refunds
    const host = installHost(
      baseRoutes({
        [`GET /api/claim-options?orderId=${encodeURIComponent(ORDER_ID)}`]: ok(
          claimOptions({ resolutions: ["refund"] }),
        ),
      }),
    );
    host.storage.set(draftKey(ORDER_ID), {
      version: 1,
      submissionKey: "5b0c8f0e-8c1e-4a57-9d1f-0f6a2f3f9a12",
      type: "arrival",
      problem: "damaged",
      description: "The deck is cracked.",
      noticedOn: "",
      quantities: { [lineItem(1)]: 1 },
      answers: {},
      resolution: "repair",
      uploads: [],
    } satisfies Draft);
    render(<ClaimPage />);
    await waitFor(() => expect(heading("This claim can be accepted")).toBe(true));
    // THEN nothing is chosen on screen
    expect(field("s-choice-list", "Your preferred solution").getAttribute("values")).toBe("");
    // WHEN it is sent THEN without a preference
    button("Send claim").click();
    await waitFor(() => expect(posts(host, "/api/claims")).toHaveLength(1));
    expect((posts(host, "/api/claims")[0]!.body as { preferredResolution: unknown }).preferredResolution).toBeNull();
  });

  it("restores the draft kept in storage, key and uploads included", async () => {
    // GIVEN a draft left on this device, the problem noticed two days ago
    const noticedOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const host = installHost(baseRoutes());
    const stored: Draft = {
      version: 1,
      submissionKey: "5b0c8f0e-8c1e-4a57-9d1f-0f6a2f3f9a11",
      type: "arrival",
      problem: "missing_parts",
      description: "The charger is not in the box.",
      noticedOn,
      quantities: { [lineItem(1)]: 1 },
      answers: { bodyOpened: false },
      resolution: "replacement",
      uploads: [{ id: "up_9", slot: "packaging", kind: "packaging_photo", fileName: "box.jpg" }],
    };
    host.storage.set(draftKey(ORDER_ID), stored);
    // WHEN the page opens
    render(<ClaimPage />);
    // THEN what was typed is back
    await waitFor(() =>
      expect(field("s-text-area", "Describe what you found").getAttribute("value")).toBe(
        "The charger is not in the box.",
      ),
    );
    expect(pageText()).toContain("box.jpg");
    // ...and sending it uses the draft's key and upload
    await waitFor(() => expect(heading("This claim can be accepted")).toBe(true));
    button("Send claim").click();
    await waitFor(() => expect(posts(host, "/api/claims")).toHaveLength(1));
    expect(posts(host, "/api/claims")[0]!.body).toEqual({
      orderId: ORDER_ID,
      submissionKey: "5b0c8f0e-8c1e-4a57-9d1f-0f6a2f3f9a11",
      type: "arrival",
      problem: "missing_parts",
      description: "The charger is not in the box.",
      problemFirstNoticedAt: `${noticedOn}T12:00:00.000Z`,
      items: [{ lineItemId: lineItem(1), quantity: 1 }],
      // an arrival claim is not asked the warranty's exclusion questions: a kept answer is not sent
      answers: {},
      preferredResolution: "replacement",
      uploadIds: ["up_9"],
    });
  });
});
