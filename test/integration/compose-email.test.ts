import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { saveNotificationPreferences } from "../../app/db/notification-settings.server";
import { redactCustomer } from "../../app/db/privacy.server";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type EmailTemplate,
  type NotificationPreferences,
} from "../../app/domain/notifications/notification-types";
import { planDigest, planResponseReminders } from "../../app/domain/notifications/plan-emails";
import { action as claimAction } from "../../app/routes/app.claims.$claimId";
import { action as previewAction } from "../../app/routes/app.claims.$claimId.resolution-preview";
import { runClaimCommand, type LocalClaimCommand } from "../../app/services/claim-commands.server";
import {
  ClaimRedactedError,
  composeEmail,
  EmailNoLongerNeededError,
  type OutboxMessage,
  type ShopContact,
} from "../../app/services/notifications/compose-email.server";
import { formatDeadline } from "../../app/services/notifications/email-templates.server";
import { saveProductOverride } from "../../app/services/product-overrides.server";
import { requestReturn } from "../../app/services/request-return.server";
import type { ResolutionPreview } from "../../app/services/resolution/preview.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import type { AdminGraphql } from "../../app/shopify/admin-client.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { unauthenticated } from "../../app/shopify.server";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// composeEmail on a real database, with claims built through the real services and routes: the
// outbox rows the claim changes queued (the planner, through the claims repository's hook) are
// composed as the worker would, in the shopper's language, with what the claim and Shopify's
// stored answers say at send time. Shopify is the store simulator.

const HOUR = 60 * 60 * 1000;
const merchant = { type: "merchant" as const, id: "staff-1" };
const customerActor = { type: "customer" as const };
const SHOP: ShopContact = {
  name: "Nordlicht <Outdoor>",
  email: "owner@nordlicht.example",
  timezone: "Europe/Berlin",
  myshopifyDomain: TEST_SHOP,
};
const STORE_HANDLE = TEST_SHOP.replace(".myshopify.com", "");
const SCRIPT = '<script>alert("x")</script>';

let manifest: DemoManifest;
let graphql: AdminGraphql;
/** The store's "now": three days ago, so claims can be filed at later instants up to today. */
let T0: Date;
const after = (hours: number) => new Date(T0.getTime() + hours * HOUR);

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  T0 = new Date(Math.floor((Date.now() - 72 * HOUR) / 60_000) * 60_000);
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: T0, seed: 11 });
  graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
});

type Scenario = DemoManifest["customers"][number]["orders"][number]["scenario"];

/** The card-and-gift-card order: earbuds (€129.00) and a lamp (€79.50); the earbuds come back with charger and cable. */
async function order(scenario: Scenario = "card-and-gift-card") {
  const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === scenario))!;
  const orderId = customer.orders.find((o) => o.scenario === scenario)!.id;
  const facts = (await fetchOrderFacts(graphql, orderId))!;
  const [earbuds, lamp = earbuds] = facts.lines as [(typeof facts.lines)[number], (typeof facts.lines)[number]];
  await saveProductOverride(
    prisma,
    graphql,
    TEST_SHOP,
    {
      productId: earbuds.productId!,
      components: ["charger", "cable"].map((name) => ({
        name,
        chargeIfMissing: { amount: "5.00", currencyCode: "EUR" },
      })),
    },
    null,
  );
  return { customerId: customer.id, orderId, orderName: facts.orderName, earbuds, lamp };
}

async function fileClaim(language: "en" | "fr" | "de" | "es", at = after(1), scenario?: Scenario) {
  const o = await order(scenario);
  const { claim } = await submitClaim(
    prisma,
    graphql,
    { shop: TEST_SHOP, customerId: o.customerId, orderId: o.orderId },
    {
      claim: {
        type: "arrival",
        items: [...new Set([o.earbuds.lineItemId, o.lamp.lineItemId])].map((lineItemId) => ({
          lineItemId,
          quantity: 1,
        })),
        evidence: ["issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"],
        preferredResolution: "refund",
      },
      problem: "damaged",
      note: `The box was crushed. ${SCRIPT}`,
      locale: language,
    },
    at,
  );
  const run = (command: LocalClaimCommand, actor: typeof merchant | typeof customerActor = merchant) =>
    runClaimCommand(prisma, TEST_SHOP, claim.state.id, command, actor, new Date());
  /** The same decision on each item of the claim, then the claim decided (runClaimCommand, as the merchant). */
  const decideAll = async (
    decision: Extract<LocalClaimCommand, { type: "decide_item" }>["decision"],
    final: { returnRequired?: boolean },
  ) => {
    for (const item of claim.state.items) {
      await run({ type: "decide_item", lineItemId: item.lineItemId, decision });
    }
    await run({ type: "finalize_decision", ...final });
  };
  return { ...o, claimId: claim.state.id, number: claim.meta.number, run, decideAll };
}

/** The claim's outbox rows, oldest first, as the worker hands them to composeEmail. */
async function outbox(claimId: string): Promise<(OutboxMessage & { audience: string; dedupeKey: string })[]> {
  // In the order of the events that caused them, the shopper's before the merchant's.
  const rows = await prisma.emailMessage.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { audience: "desc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    shop: row.shop,
    claimId: row.claimId,
    template: row.template as EmailTemplate,
    locale: row.locale,
    data: JSON.parse(row.dataJson) as unknown,
    audience: row.audience,
    dedupeKey: row.dedupeKey,
  }));
}

async function composed(claimId: string, template: EmailTemplate, now = new Date()) {
  const rows = (await outbox(claimId)).filter((row) => row.template === template);
  expect(rows, `one ${template} email`).toHaveLength(1);
  return composeEmail(prisma, rows[0]!, SHOP, now, { graphql });
}

async function post(route: typeof claimAction, path: string, claimId: string, body: unknown) {
  const request = await adminDataRequest(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const result = (await route({ ...routeArgs(request), params: { claimId } })) as unknown;
  if (result instanceof Response)
    return { status: result.status, body: (await result.json()) as Record<string, unknown> };
  return { status: 200, body: result as Record<string, unknown> };
}

/** The merchant's decision on the claim page (the real route), on the claim as filed. */
async function decide(claimId: string, body: Record<string, unknown>) {
  const decided = await post(claimAction, `/app/claims/${claimId}`, claimId, { intent: "decide", version: 1, ...body });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
}

const setPrefs = (prefs: Partial<NotificationPreferences>) =>
  saveNotificationPreferences(prisma, TEST_SHOP, { ...DEFAULT_NOTIFICATION_PREFERENCES, ...prefs });

const shopperUrl = (orderId: string) => `https://${TEST_SHOP}/account/orders/${orderId.split("/").at(-1)}`;
const adminUrl = (claimId: string) =>
  `https://admin.shopify.com/store/${STORE_HANDLE}/apps/warranty-desk/app/claims/${claimId}`;

describe("composing a filed claim's emails", () => {
  it("GIVEN a shopper files in German THEN their confirmation in German with the promise in the shop's time, and the merchant's notice with the admin link", async () => {
    const claim = await fileClaim("de");
    const respondBy = (await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } })).respondBy!;
    expect(respondBy).toEqual(after(1 + 48));
    const rows = await outbox(claim.claimId);
    expect(rows.map((row) => [row.template, row.audience, row.locale])).toEqual([
      ["claim_received", "shopper", "de"],
      ["merchant_new_claim", "merchant", "en"],
    ]);

    const shopper = await composed(claim.claimId, "claim_received");
    expect(shopper.subject).toBe(`Wir haben Ihre Reklamation Nr. ${claim.number} erhalten`);
    // The default 48-hour promise, in the shop's timezone (not UTC), in German.
    expect(shopper.text).toContain(`Der Shop antwortet Ihnen bis ${formatDeadline(respondBy, "de", "Europe/Berlin")}.`);
    expect(shopper.text).not.toContain(formatDeadline(respondBy, "de", "UTC"));
    expect(formatDeadline(respondBy, "de", "Europe/Berlin")).toMatch(
      /^\p{L}+, \d{1,2}\. \p{L}+ um \d{2}:\d{2} Mitteleuropäische Zeit$/u,
    );
    expect(shopper.text).toContain(`- 1 × ${claim.earbuds.name}`);
    expect(shopper.text).toContain(`Bestellung ${claim.orderName}`);
    expect(shopper.text).toContain(`Ihre Reklamation ansehen: ${shopperUrl(claim.orderId)}`);
    expect(shopper.html).toContain("Nordlicht &lt;Outdoor&gt;");

    const notice = await composed(claim.claimId, "merchant_new_claim");
    expect(notice.subject).toMatch(new RegExp(`^New claim #${claim.number} from `));
    expect(notice.text).toContain(`filed an arrival claim, #${claim.number}, about these items:`);
    expect(notice.text).toContain(`Respond by ${formatDeadline(respondBy, "en", "Europe/Berlin")}.`);
    expect(notice.text).toContain(`> The box was crushed. ${SCRIPT}`);
    expect(notice.html).toContain("The box was crushed. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(notice.html).not.toContain("<script>");
    expect(notice.text).toContain(`Open claim #${claim.number}: ${adminUrl(claim.claimId)}`);
  });

  it("GIVEN the merchant asks with markup in the question and the shopper answers THEN the question reaches the shopper as text, the answer the merchant", async () => {
    const claim = await fileClaim("fr");
    await claim.run({ type: "request_information", question: `Pouvez-vous montrer l'étiquette ? ${SCRIPT}` });
    await claim.run(
      { type: "provide_information", answer: "Voici la photo.", evidence: ["shipping_label_photo"] },
      customerActor,
    );

    const question = await composed(claim.claimId, "info_requested");
    expect(question.subject).toBe(`Réclamation n° ${claim.number} : la boutique a une question`);
    expect(question.text).toContain(`> Pouvez-vous montrer l'étiquette ? ${SCRIPT}`);
    expect(question.html).toContain("Pouvez-vous montrer l&#39;étiquette ? &lt;script&gt;");
    expect(question.html).not.toContain("<script>");

    const answer = await composed(claim.claimId, "merchant_shopper_replied");
    expect(answer.text).toContain("> Voici la photo.");
    expect(answer.text).toContain("Your time to respond runs again.");
  });
});

describe("the decision, the return and the resolution", () => {
  it("GIVEN a partial approval with a return and a refund THEN the approval with where each item goes, the return received, and the refund per payment method in euros", async () => {
    const claim = await fileClaim("en");
    // The merchant decides on the claim page: the earbuds refunded, the lamp denied for misuse.
    await decide(claim.claimId, {
      items: [
        { lineItemId: claim.earbuds.lineItemId, decision: "approve", resolution: "refund" },
        { lineItemId: claim.lamp.lineItemId, decision: "deny", clause: "misuse", note: "Scratches from a fall" },
      ],
      returnRequired: true,
      returnShippingPaidBy: "merchant",
      note: "Thanks for the photos.",
    });
    expect((await outbox(claim.claimId)).map((row) => row.template)).toEqual([
      "claim_received",
      "merchant_new_claim",
      // The approval waits for return_requested, which brings the instructions.
      "claim_approved",
    ]);

    const approval = await composed(claim.claimId, "claim_approved");
    expect(approval.subject).toBe(`Your claim #${claim.number} is partly approved`);
    expect(approval.text).toContain(`- 1 × ${claim.earbuds.name}: refund`);
    expect(approval.text).toContain(`- 1 × ${claim.lamp.name}: The guarantee does not cover damage from misuse.`);
    expect(approval.text).toContain("> Scratches from a fall");
    expect(approval.text).toContain("> Thanks for the photos.");
    // The warehouse that shipped it, its address from Shopify, the parts to include, who pays.
    expect(approval.text).toContain("Send to Berlin Warehouse:\n\n    Lagerstraße 12\n    10115 Berlin\n    Germany");
    expect(approval.text).toContain(`- 1 × ${claim.earbuds.name}. Include: charger, cable`);
    expect(approval.text).toContain("The store pays for the return shipping.");

    await claim.run({ type: "ship_return", trackingNumber: "00340434161094000009", carrier: "DHL" }, customerActor);
    await claim.run({ type: "receive_return" });
    const received = await composed(claim.claimId, "return_received");
    expect(received.text).toContain(
      `Nordlicht <Outdoor> received the items you sent back for your claim #${claim.number}.`,
    );
    expect(received.text).not.toContain("Good news");

    await claim.run({
      type: "inspect_return",
      items: [{ lineItemId: claim.earbuds.lineItemId, missingComponents: [] }],
    });
    const page = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    const preview = await post(
      previewAction as typeof claimAction,
      `/app/claims/${claim.claimId}/resolution-preview`,
      claim.claimId,
      {},
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const resolved = await post(claimAction, `/app/claims/${claim.claimId}`, claim.claimId, {
      intent: "resolve",
      version: page.version,
      digest: (preview.body as unknown as ResolutionPreview).digest,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);

    const resolution = await composed(claim.claimId, "claim_resolved");
    expect(resolution.subject).toBe(`Your claim #${claim.number} is resolved`);
    expect(resolution.text).toContain(`- 1 × ${claim.earbuds.name}: refunded`);
    expect(resolution.text).toContain("Your refund: €129.00");
    // The order was paid by card and gift card: Shopify's suggested refund goes back to the card first.
    expect(resolution.text).toContain("- €129.00 back to the card you paid with");
    expect(resolution.text).toContain(`View your claim: ${shopperUrl(claim.orderId)}`);
  });

  it("GIVEN the item came back before the decision THEN the return-received email is the one that tells the approval", async () => {
    const claim = await fileClaim("en");
    await claim.run({ type: "record_unrequested_return", note: "Parcel arrived without a request" });
    await claim.decideAll({ kind: "approve", resolution: "refund" }, { returnRequired: true });
    await claim.run({ type: "receive_return" });

    expect((await outbox(claim.claimId)).map((row) => row.template)).toEqual([
      "claim_received",
      "merchant_new_claim",
      "return_received",
    ]);
    const received = await composed(claim.claimId, "return_received");
    expect(received.text).toContain(`Good news: Nordlicht <Outdoor> approved your claim #${claim.number}.`);
    expect(received.text).toContain(`- 1 × ${claim.lamp.name}: refund`);
    expect(received.text).toContain("received the items you sent back");
  });

  it("GIVEN a denial in Spanish THEN the clause in the words kept with the denial", async () => {
    const claim = await fileClaim("es");
    await decide(claim.claimId, {
      items: [
        { lineItemId: claim.earbuds.lineItemId, decision: "deny", clause: "misuse" },
        { lineItemId: claim.lamp.lineItemId, decision: "deny", clause: "other", note: "Fuera de garantía" },
      ],
    });
    const stored = await prisma.claimItem.findFirstOrThrow({
      where: { claimId: claim.claimId, lineItemId: claim.earbuds.lineItemId },
    });
    const keptWords = (JSON.parse(stored.decisionJson!) as { clause: { shopperWords: { es: string } } }).clause
      .shopperWords.es;

    const denial = await composed(claim.claimId, "claim_denied");
    expect(denial.subject).toBe(`Tu reclamación n.º ${claim.number} no ha sido aceptada`);
    expect(denial.text).toContain(`- 1 × ${claim.earbuds.name}: ${keptWords}`);
    expect(denial.text).toContain("> Fuera de garantía");
  });

  it("GIVEN Shopify tells the shopper about returns and refunds THEN our approval says the return email comes from the shop and no instructions of ours are queued, but the return's arrival is still ours", async () => {
    await setPrefs({ shopperNotifiedBy: "shopify" });
    const claim = await fileClaim("en");
    await claim.decideAll({ kind: "approve", resolution: "refund" }, { returnRequired: true });
    const approval = await composed(claim.claimId, "claim_approved");
    expect(approval.text).toContain("Nordlicht <Outdoor> will send you a separate email about sending the items back.");
    expect(approval.text).not.toContain("Include:");

    await requestReturn(
      prisma,
      graphql,
      { shop: TEST_SHOP, claimId: claim.claimId, actor: merchant, shippingPaidBy: "merchant" },
      new Date(),
    );
    await claim.run({ type: "receive_return" });
    // Shopify emails nothing when the return arrives, so "we received it" is ours under either setting.
    expect((await outbox(claim.claimId)).map((row) => row.template)).toEqual([
      "claim_received",
      "merchant_new_claim",
      "claim_approved",
      "return_received",
    ]);
  });
});

describe("what is not sent", () => {
  it("GIVEN the shopper's data was redacted after the email was queued THEN composing it is refused with a clear error", async () => {
    const claim = await fileClaim("en");
    await prisma.$transaction((tx) => redactCustomer(tx, TEST_SHOP, claim.customerId, [claim.orderId], new Date()));
    const [row] = (await outbox(claim.claimId)).filter((r) => r.template === "claim_received");
    await expect(composeEmail(prisma, row!, SHOP, new Date())).rejects.toThrow(ClaimRedactedError);
    await expect(composeEmail(prisma, row!, SHOP, new Date())).rejects.toThrow(
      `Claim ${claim.claimId} was redacted after this email was queued`,
    );
  });

  it("GIVEN a row whose data or event does not fit THEN a thrown error naming it, never a blank email", async () => {
    const claim = await fileClaim("en");
    const [row] = (await outbox(claim.claimId)).filter((r) => r.template === "claim_received");
    await expect(composeEmail(prisma, { ...row!, data: { claimNumber: "x" } }, SHOP, new Date())).rejects.toThrow(
      `email ${row!.id}: its claim_received data does not fit`,
    );
    await expect(composeEmail(prisma, { ...row!, template: "claim_denied" }, SHOP, new Date())).rejects.toThrow(
      `has no claim_decided event #1 (found submitted)`,
    );
    await expect(composeEmail(prisma, { ...row!, claimId: "no-such-claim" }, SHOP, new Date())).rejects.toThrow(
      `claim no-such-claim is not in shop ${TEST_SHOP}`,
    );
  });
});

describe("reminders and the digest", () => {
  it("GIVEN a claim due within the lead time THEN the reminder composes; once the merchant decided THEN it is no longer needed", async () => {
    const claim = await fileClaim("en", after(0));
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.claimId } });
    const now = after(44);
    const [reminder] = planResponseReminders(
      [{ id: claim.claimId, shop: TEST_SHOP, number: claim.number, respondBy: stored.respondBy! }],
      DEFAULT_NOTIFICATION_PREFERENCES,
      now,
    );
    expect(reminder?.template).toBe("merchant_response_due");
    const message = {
      id: "reminder-1",
      shop: TEST_SHOP,
      claimId: claim.claimId,
      template: reminder!.template,
      locale: "en",
      data: reminder!.data,
    };

    const email = await composeEmail(prisma, message, SHOP, now);
    expect(email.subject).toMatch(new RegExp(`^Claim #${claim.number}: respond by `));
    expect(email.text).toContain("in 4 h.");
    expect(email.text).toContain(adminUrl(claim.claimId));

    await claim.decideAll({ kind: "deny", reason: "misuse" }, {});
    await expect(composeEmail(prisma, message, SHOP, now)).rejects.toThrow(EmailNoLongerNeededError);
  });

  it("GIVEN a daily digest THEN the shop's open claims under overdue, due soon and new, each with its admin link", async () => {
    const digestPrefs = { ...DEFAULT_NOTIFICATION_PREFERENCES, merchantDelivery: "daily_digest" as const };
    await setPrefs(digestPrefs);
    const overdue = await fileClaim("en", after(0), "delivered-2-days-ago");
    const dueSoon = await fileClaim("fr", after(5), "card-and-gift-card");
    const fresh = await fileClaim("de", after(30), "delivered-today");
    // A digest shop gets no single merchant emails.
    expect((await outbox(fresh.claimId)).map((row) => row.template)).toEqual(["claim_received"]);

    // 49 h after the first was filed: it is 1 h overdue, the second due in 4 h, the third filed 19 h ago.
    const now = after(49);
    const planned = planDigest(TEST_SHOP, "UTC", digestPrefs, now);
    const data = { ...planned!.data, since: after(25).toISOString() };
    const message = { id: "digest-1", shop: TEST_SHOP, claimId: null, template: planned!.template, locale: "en", data };

    const email = await composeEmail(prisma, message, SHOP, now);
    const text = email.text;
    expect(email.subject).toMatch(/: 1 overdue, 1 due soon, 1 new$/);
    const at = (claim: { number: number }) => text.indexOf(`#${claim.number} from`);
    expect(at(overdue)).toBeGreaterThan(text.indexOf("OVERDUE"));
    expect(at(dueSoon)).toBeGreaterThan(text.indexOf("DUE WITHIN 6 H"));
    expect(at(fresh)).toBeGreaterThan(text.indexOf("NEW SINCE YESTERDAY'S DIGEST"));
    expect(text.indexOf("OVERDUE")).toBeLessThan(text.indexOf("DUE WITHIN 6 H"));
    expect(text).toContain(adminUrl(fresh.claimId));
  });
});
