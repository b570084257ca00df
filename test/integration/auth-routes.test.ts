import { describe, expect, it } from "vitest";
import { loader as authLoader } from "../../app/routes/auth.$";
import { action as loginAction, loader as loginLoader } from "../../app/routes/auth.login/route";
import { BODY_LIMITS } from "../../app/utils/request-limits.server";
import { routeArgs, TEST_SHOP } from "../support/shopify-requests";

// Shopify's auth paths, called through the real loaders and actions: what a person or a client can
// send gets a 2xx, a redirect or a 4xx that says what is wrong, never a 500.

const APP = "https://my-test-app.myshopify.io";
const settle = async (outcome: Promise<unknown>): Promise<unknown> => {
  try {
    return await outcome;
  } catch (thrown) {
    return thrown;
  }
};
const INSTALL_URL = `https://admin.shopify.com/store/test-shop/oauth/install?client_id=${process.env.SHOPIFY_API_KEY}`;

async function expectError(outcome: unknown, status: number, code: string) {
  expect(outcome).toBeInstanceOf(Response);
  const response = outcome as Response;
  expect(response.status).toBe(status);
  expect((await response.json()).error.code).toBe(code);
}

function expectRedirect(outcome: unknown, location: string) {
  expect(outcome).toBeInstanceOf(Response);
  expect((outcome as Response).status).toBe(302);
  expect((outcome as Response).headers.get("Location")).toBe(location);
}

describe("/auth/login, the page", () => {
  it("answers a HEAD like the GET it stands for: the empty form", async () => {
    const data = await settle(loginLoader(routeArgs(new Request(`${APP}/auth/login`, { method: "HEAD" }))));
    expect(data).toMatchObject({ errors: {} });
  });

  it("answers a HEAD with ?shop= with the redirect to Shopify's installation", async () => {
    const outcome = await settle(
      loginLoader(routeArgs(new Request(`${APP}/auth/login?shop=${TEST_SHOP}`, { method: "HEAD" }))),
    );
    expectRedirect(outcome, INSTALL_URL);
  });
});

describe("/auth/login, the form", () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    new Request(`${APP}/auth/login`, { method: "POST", body, headers, ...init });

  it("sends a merchant who entered their store to Shopify", async () => {
    const outcome = await settle(loginAction(routeArgs(post(new URLSearchParams({ shop: "test-shop" })))));
    expectRedirect(outcome, INSTALL_URL);
  });

  it("reads a multipart form too", async () => {
    const form = new FormData();
    form.set("shop", TEST_SHOP);
    expectRedirect(await settle(loginAction(routeArgs(post(form)))), INSTALL_URL);
  });

  it("asks for the store when the field is empty", async () => {
    const outcome = await settle(loginAction(routeArgs(post(new URLSearchParams({ shop: "" })))));
    expect(outcome).toEqual({
      errors: { shop: "Enter your store's domain to log in, for example my-store.myshopify.com" },
    });
  });

  it("answers 415 to a JSON body", async () => {
    const outcome = await settle(
      loginAction(routeArgs(post(JSON.stringify({ shop: TEST_SHOP }), { "Content-Type": "application/json" }))),
    );
    await expectError(outcome, 415, "unsupported_media_type");
  });

  it("answers 400 to a form that cannot be read", async () => {
    const outcome = await settle(
      loginAction(
        routeArgs(post("--x\r\nnot a part", { "Content-Type": "multipart/form-data; boundary=other-boundary" })),
      ),
    );
    await expectError(outcome, 400, "invalid_form");
  });

  it("answers 413 to a declared body over BODY_LIMITS.api without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled += 1;
          throw new Error("the body was read");
        },
      },
      { highWaterMark: 0 },
    );
    const request = post(
      body,
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(BODY_LIMITS.api + 1) },
      { duplex: "half" },
    );
    await expectError(await settle(loginAction(routeArgs(request))), 413, "payload_too_large");
    expect(pulled).toBe(0);
  });

  it("answers 413 to a streamed form that grows past BODY_LIMITS.api", async () => {
    const chunk = new TextEncoder().encode("shop=".padEnd(64 * 1024, "a"));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > 4 * BODY_LIMITS.api) controller.close();
      },
    });
    const request = post(
      body,
      { "Content-Type": "application/x-www-form-urlencoded" },
      {
        duplex: "half",
      },
    );
    await expectError(await settle(loginAction(routeArgs(request))), 413, "payload_too_large");
    expect(sent).toBeLessThan(4 * BODY_LIMITS.api);
  });
});

describe("/auth/exit-iframe", () => {
  it.each([
    ["GET without a destination", "", "GET"],
    ["HEAD without a destination", "", "HEAD"],
    ["a destination outside the app and the admin", "?exitIframe=https%3A%2F%2Fattacker.example%2F", "GET"],
  ])("answers 400 to %s", async (_case, query, method) => {
    const outcome = await settle(authLoader(routeArgs(new Request(`${APP}/auth/exit-iframe${query}`, { method }))));
    await expectError(outcome, 400, "exit_iframe.invalid_destination");
  });

  it("renders the page that leaves the frame for a destination in the app", async () => {
    const outcome = await settle(
      authLoader(routeArgs(new Request(`${APP}/auth/exit-iframe?shop=${TEST_SHOP}&exitIframe=%2Fapp`))),
    );
    expect(outcome).toBeInstanceOf(Response);
    const response = outcome as Response;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`window.open("${APP}/app", "_top")`);
  });
});
