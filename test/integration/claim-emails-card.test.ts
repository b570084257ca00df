import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import {
  claimDueEmailsConditionally,
  enqueueEmails,
  markEmailAttemptFailed,
  markEmailSent,
  markEmailSkipped,
  type OutboxEmail,
} from "../../app/db/email-outbox.server";
import type { EmailTemplate } from "../../app/domain/notifications/notification-types";
import { action, loader } from "../../app/routes/app.claims.$claimId";
import type { ClaimEmail } from "../../app/services/claim-emails.server";
import type { ClaimPage } from "../../app/services/claim-page.server";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims, type SeededDemoClaim } from "../demo/seed-claims";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore } from "../simulator/seed";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP } from "../support/shopify-requests";

// The claim page's emails card through the real route: the emails a claim caused, each with where
// it stands as the outbox's worker functions left it (queued, being sent, sent, failed after its
// last try with the error, a try failed and another coming, not sent and why), "Send again" for a
// failed one (the resend_email claim action), and the "emails are off" state from the environment.

const NOW = new Date("2026-11-20T10:00:00.000Z");
const MINUTE = 60 * 1000;
const OTHER_SHOP = "other-shop.myshopify.com";
let claims: SeededDemoClaim[];

async function claimPage(claimId: string): Promise<ClaimPage> {
  const request = await adminDataRequest(`/app/claims/${claimId}`);
  return (await loader({ ...routeArgs(request), params: { claimId } })) as ClaimPage;
}

async function resend(claimId: string, body: Record<string, unknown>, shop = TEST_SHOP) {
  const request = await adminDataRequest(
    `/app/claims/${claimId}`,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    shop,
  );
  const result = (await action({ ...routeArgs(request), params: { claimId } })) as unknown;
  if (result instanceof Response) {
    return { status: result.status, body: (await result.json()) as { error: { code: string; field?: string } } };
  }
  return { status: 200, body: result as Record<string, unknown> };
}

/** The worker's round: every due email is taken for one attempt; those of `claimId`, by template. */
async function takeDueEmails(at: Date, claimId: string): Promise<Map<EmailTemplate, OutboxEmail>> {
  const lease = { owner: "test-worker", now: at, until: new Date(at.getTime() + 5 * MINUTE), limit: 50 };
  const taken = await claimDueEmailsConditionally(prisma, lease);
  return new Map(taken.filter((email) => email.claimId === claimId).map((email) => [email.template, email]));
}

const byTemplate = (emails: readonly ClaimEmail[]) => [...emails].sort((a, b) => a.template.localeCompare(b.template));

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  const manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
  const plans = DEMO_CLAIM_PLANS.filter((plan) => plan.status === "submitted").slice(0, 2);
  claims = await seedDemoClaims(prisma, graphql, simulator, manifest, NOW, plans);
  vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
  vi.stubEnv("EMAIL_FROM", "claims@warranty-desk.example");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the claim page's emails card", () => {
  it("GIVEN a claim just filed WHEN its page loads THEN the card lists the shopper's confirmation and the merchant's notice, both queued", async () => {
    const page = await claimPage(claims[0]!.claimId);

    expect(page.emails.emailsOff).toBeNull();
    expect(page.emails.shopifyNotifiesShopper).toBe(false);
    expect(byTemplate(page.emails.list).map((e) => [e.template, e.audience, e.status, e.attempts])).toEqual([
      ["claim_received", "shopper", "queued", 0],
      ["merchant_new_claim", "merchant", "queued", 0],
    ]);
  });

  it("GIVEN the claim's emails in every state the worker leaves them WHEN its page loads THEN each says where it stands, and another claim's are not among them", async () => {
    const claimId = claims[0]!.claimId;
    const planned = (template: EmailTemplate, audience: "shopper" | "merchant") => ({
      template,
      audience,
      dedupeKey: `card-test:${claimId}:${template}`,
      locale: "en",
      data: {},
    });
    await enqueueEmails(
      prisma,
      TEST_SHOP,
      claimId,
      [
        planned("info_requested", "shopper"),
        planned("claim_approved", "shopper"),
        planned("merchant_shopper_replied", "merchant"),
      ],
      NOW,
    );
    const taken = await takeDueEmails(NOW, claimId);
    const sentAt = new Date(NOW.getTime() + MINUTE);
    const retryAt = new Date(NOW.getTime() + 5 * MINUTE);
    await markEmailSent(prisma, taken.get("claim_received")!, ["shopper@example.com"], sentAt);
    await markEmailAttemptFailed(prisma, taken.get("merchant_new_claim")!, "550 5.1.1 mailbox unavailable", null, null);
    await markEmailSkipped(prisma, taken.get("info_requested")!, "the shopper left no email address");
    await markEmailAttemptFailed(prisma, taken.get("claim_approved")!, "421 try again later", null, retryAt);
    // merchant_shopper_replied stays taken: being sent.

    const page = await claimPage(claimId);

    const row = (template: EmailTemplate, audience: string, status: string, rest: Partial<ClaimEmail>) => ({
      id: expect.any(String),
      template,
      audience,
      status,
      attempts: 1,
      lastError: null,
      createdAt: expect.any(String),
      sentAt: null,
      nextAttemptAt: expect.any(String),
      ...rest,
    });
    expect(byTemplate(page.emails.list)).toEqual([
      row("claim_approved", "shopper", "queued", {
        lastError: "421 try again later",
        nextAttemptAt: retryAt.toISOString(),
      }),
      row("claim_received", "shopper", "sent", { sentAt: sentAt.toISOString() }),
      row("info_requested", "shopper", "skipped", { lastError: "the shopper left no email address" }),
      row("merchant_new_claim", "merchant", "failed", { lastError: "550 5.1.1 mailbox unavailable" }),
      row("merchant_shopper_replied", "merchant", "sending", {}),
    ]);
    // The other claim's two emails stay on its own page.
    expect((await claimPage(claims[1]!.claimId)).emails.list).toHaveLength(2);
  });

  it("GIVEN emails are off WHEN the claim page loads THEN the card says why", async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("EMAIL_FROM", "");

    expect((await claimPage(claims[0]!.claimId)).emails.emailsOff).toBe("SMTP_URL and EMAIL_FROM are not set");
  });
});

describe("sending a failed email again", () => {
  /** The claim's merchant notice failed after its last try; its confirmation to the shopper was sent. */
  async function failedNotice() {
    const claim = claims[0]!;
    const taken = await takeDueEmails(NOW, claim.claimId);
    await markEmailSent(prisma, taken.get("claim_received")!, ["shopper@example.com"], NOW);
    await markEmailAttemptFailed(prisma, taken.get("merchant_new_claim")!, "550 mailbox unavailable", null, null);
    const page = await claimPage(claim.claimId);
    const find = (template: EmailTemplate) => page.emails.list.find((e) => e.template === template)!;
    return { claim, page, failed: find("merchant_new_claim"), sent: find("claim_received") };
  }

  it("GIVEN a failed email WHEN the merchant sends it again THEN it is queued with a fresh set of tries, and the worker takes it again", async () => {
    const { claim, page, failed } = await failedNotice();
    expect(page.actions).toContain("resend_email");

    const answer = await resend(claim.claimId, { intent: "resend_email", version: page.version, emailId: failed.id });

    expect(answer).toEqual({
      status: 200,
      body: { ok: true, intent: "resend_email", number: claim.number, message: "Email queued to be sent again" },
    });
    const after = (await claimPage(claim.claimId)).emails.list.find((e) => e.id === failed.id);
    expect(after).toMatchObject({ status: "queued", attempts: 0, lastError: "550 mailbox unavailable" });
    const later = new Date(Date.now() + MINUTE);
    expect([...(await takeDueEmails(later, claim.claimId)).values()].map((e) => e.id)).toEqual([failed.id]);
  });

  it("GIVEN a failed email sent again already WHEN the merchant clicks again THEN it is a 409 and it is queued once", async () => {
    const { claim, page, failed } = await failedNotice();
    const body = { intent: "resend_email", version: page.version, emailId: failed.id };
    await resend(claim.claimId, body);

    const again = await resend(claim.claimId, body);

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "email.not_failed" } });
  });

  it("GIVEN an email that was sent WHEN someone asks to send it again THEN it is a 409 and it stays sent", async () => {
    const { claim, page, sent } = await failedNotice();

    const answer = await resend(claim.claimId, { intent: "resend_email", version: page.version, emailId: sent.id });

    expect(answer.status).toBe(409);
    expect((await claimPage(claim.claimId)).emails.list.find((e) => e.id === sent.id)?.status).toBe("sent");
  });

  it("GIVEN another claim's failed email WHEN it is sent again through this claim's page THEN it is a 404 and it stays failed", async () => {
    const { failed } = await failedNotice();
    const other = claims[1]!;
    const otherPage = await claimPage(other.claimId);

    const answer = await resend(other.claimId, {
      intent: "resend_email",
      version: otherPage.version,
      emailId: failed.id,
    });

    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: "email.not_found" } });
    expect((await claimPage(claims[0]!.claimId)).emails.list.find((e) => e.id === failed.id)?.status).toBe("failed");
  });

  it("GIVEN a failed email WHEN another shop's merchant sends it again THEN it is a 404 and it stays failed", async () => {
    const { claim, page, failed } = await failedNotice();
    await installTestShop(OTHER_SHOP, { accessToken: "other-shop-token" });

    const answer = await resend(
      claim.claimId,
      { intent: "resend_email", version: page.version, emailId: failed.id },
      OTHER_SHOP,
    );

    expect(answer.status).toBe(404);
    expect((await claimPage(claim.claimId)).emails.list.find((e) => e.id === failed.id)?.status).toBe("failed");
  });

  it("GIVEN no email named WHEN posted THEN it is a 400 naming the field", async () => {
    const { claim, page } = await failedNotice();

    const answer = await resend(claim.claimId, { intent: "resend_email", version: page.version });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: "invalid_request", field: "emailId" } });
  });
});
