import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { action as claimAction, loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { action as previewAction } from "../../app/routes/app.claims.$claimId.resolution-preview";
import { action, loader } from "../../app/routes/app.settings.notifications";
import type { ClaimPage } from "../../app/services/claim-page.server";
import type { NotificationSettingsPage } from "../../app/services/notification-settings.server";
import type { ResolutionPreview } from "../../app/services/resolution/preview.server";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims } from "../demo/seed-claims";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// Settings, Notifications, through the real route: the defaults, a save that sticks (and stays
// this shop's), bad input refused as a 400 naming the field with nothing saved, the "emails are
// off" state from the environment; and Shopify's own customer notifications following the setting
// on a real claim: the return opened and closed and the refund made in the store simulator notify
// the shopper only when the shop chose Shopify's notifications, never as well as ours.

const OTHER_SHOP = "other-shop.myshopify.com";
let manifest: DemoManifest;

type Answer = { status: number; body: { ok?: true; message?: string; error?: { code: string; field?: string } } };

async function send(path: string, route: typeof action, body: unknown, shop = TEST_SHOP, params = {}) {
  const request = await adminDataRequest(
    path,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    shop,
  );
  const result = (await route({ ...routeArgs(request), params })) as unknown;
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as Answer["body"] };
  return { status: 200, body: result as Answer["body"] };
}

const save = (body: unknown, shop = TEST_SHOP): Promise<Answer> =>
  send("/app/settings/notifications", action, body, shop);

async function settingsPage(shop = TEST_SHOP): Promise<NotificationSettingsPage> {
  const request = await adminDataRequest("/app/settings/notifications", undefined, shop);
  return (await loader(routeArgs(request))) as NotificationSettingsPage;
}

const CHOSEN = {
  merchantEmails: ["claims@lumen-home.example", "ops@lumen-home.example"],
  shopperNotifiedBy: "shopify",
  reminderLeadHours: 12,
  merchantDelivery: "daily_digest",
} as const;

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 11 });
  vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
  vi.stubEnv("EMAIL_FROM", "claims@warranty-desk.example");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the notifications page", () => {
  it("GIVEN a shop that never set them WHEN the page loads THEN it shows the defaults and the store's email where the merchant's emails go", async () => {
    const loaded = await settingsPage();

    expect(loaded).toEqual({
      preferences: { merchantEmails: [], shopperNotifiedBy: "app", reminderLeadHours: 6, merchantDelivery: "each" },
      shopEmail: simulator.store(TEST_SHOP).state.shop.email,
      transport: { configured: true, from: "claims@warranty-desk.example" },
    });
  });

  it("GIVEN the merchant's choices WHEN saved THEN the page shows them after a reload, and another shop keeps its defaults", async () => {
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-token" });

    const saved = await save(CHOSEN);

    expect(saved).toEqual({ status: 200, body: { ok: true, message: "Notification settings saved" } });
    expect((await settingsPage()).preferences).toEqual(CHOSEN);
    expect((await settingsPage(OTHER_SHOP)).preferences).toEqual({
      merchantEmails: [],
      shopperNotifiedBy: "app",
      reminderLeadHours: 6,
      merchantDelivery: "each",
    });
  });

  it("GIVEN saved addresses WHEN the merchant removes them all THEN the store's email is where their emails go again", async () => {
    await save(CHOSEN);

    const cleared = await save({ ...CHOSEN, merchantEmails: [] });

    expect(cleared.status).toBe(200);
    expect((await settingsPage()).preferences.merchantEmails).toEqual([]);
  });

  it.each([
    ["a bad second address", "merchantEmails.1", { merchantEmails: ["claims@lumen-home.example", "ops at lumen"] }],
    [
      "six addresses",
      "merchantEmails",
      { merchantEmails: Array.from({ length: 6 }, (_, i) => `a${i}@lumen-home.example`) },
    ],
    ["no lead time", "reminderLeadHours", { reminderLeadHours: 0 }],
    ["a lead time over three days", "reminderLeadHours", { reminderLeadHours: 73 }],
    ["a lead time in words", "reminderLeadHours", { reminderLeadHours: "six" }],
    ["half an hour more", "reminderLeadHours", { reminderLeadHours: 6.5 }],
    ["an unknown notifier", "shopperNotifiedBy", { shopperNotifiedBy: "both" }],
    ["an unknown delivery", "merchantDelivery", { merchantDelivery: "weekly" }],
  ])(
    "GIVEN saved settings WHEN the merchant sends %s THEN it is a 400 naming %s and nothing is saved",
    async (_, field, change) => {
      await save(CHOSEN);

      const refused = await save({ ...CHOSEN, ...change });

      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "invalid_request", field });
      expect((await settingsPage()).preferences).toEqual(CHOSEN);
    },
  );

  it("GIVEN a body that is not JSON WHEN posted THEN it is a 400 and the defaults stand", async () => {
    const request = await adminDataRequest("/app/settings/notifications", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "merchantEmails=claims@lumen-home.example",
    });
    const refused = (await action(routeArgs(request))) as Response;

    expect(refused.status).toBe(400);
    expect((await settingsPage()).preferences.merchantEmails).toEqual([]);
  });

  it.each([
    ["neither is set", {}, "SMTP_URL and EMAIL_FROM are not set"],
    ["only the sender is set", { EMAIL_FROM: "claims@warranty-desk.example" }, "SMTP_URL is not set"],
  ])("GIVEN %s WHEN the page loads THEN it says emails are off and why", async (_, env, reason) => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("EMAIL_FROM", "");
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value as string);

    expect((await settingsPage()).transport).toEqual({ configured: false, reason });
  });
});

describe("Shopify's own notifications follow the setting", () => {
  /** The demo's claim whose Shopify return was opened, received and inspected, then resolved with a refund on the claim page. */
  async function returnedThenResolved() {
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const plans = DEMO_CLAIM_PLANS.filter((plan) => plan.status === "inspected");
    const [seeded] = await seedDemoClaims(prisma, graphql, simulator, manifest, new Date(), plans);
    const claimId = seeded!.claimId;
    const path = `/app/claims/${claimId}`;
    const page = (await claimLoader({
      ...routeArgs(await adminDataRequest(path)),
      params: { claimId },
    })) as ClaimPage;
    // A request asking for the opposite of the setting is not obeyed: the setting alone decides.
    const choices = { notifyCustomer: !page.emails.shopifyNotifiesShopper };
    const preview = await send(`${path}/resolution-preview`, previewAction as typeof action, choices, TEST_SHOP, {
      claimId,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const { digest } = preview.body as unknown as ResolutionPreview;
    const resolved = await send(
      path,
      claimAction as typeof action,
      { intent: "resolve", version: page.version, digest, ...choices },
      TEST_SHOP,
      { claimId },
    );
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const order = simulator.store(TEST_SHOP).state.orders.find((o) => o.name === seeded!.orderName)!;
    return { page, order };
  }

  const notificationsOf = (orderId: string) =>
    (simulator.store(TEST_SHOP).state.customerNotifications ?? []).filter((n) => n.orderId === orderId);

  it("GIVEN Warranty Desk's emails (the default) WHEN a return is opened and the claim is refunded (the request asking for Shopify's refund email) and its return closed THEN Shopify emails the shopper about none of it", async () => {
    const { page, order } = await returnedThenResolved();

    expect(page.emails.shopifyNotifiesShopper).toBe(false);
    expect(order.refunds).toHaveLength(1);
    expect(notificationsOf(order.id)).toEqual([]);
  });

  it("GIVEN Shopify's notifications WHEN a return is opened and the claim is refunded (the request asking for no Shopify email) and its return closed THEN Shopify emails the shopper each time, at the order's email", async () => {
    await save({ ...CHOSEN, shopperNotifiedBy: "shopify" });

    const { page, order } = await returnedThenResolved();

    expect(page.emails.shopifyNotifiesShopper).toBe(true);
    expect(notificationsOf(order.id).map((n) => [n.kind, n.to])).toEqual([
      ["return_created", order.email],
      ["refund_created", order.email],
      ["return_processed", order.email],
    ]);
  });
});
