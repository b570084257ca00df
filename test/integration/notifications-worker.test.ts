import type { PrismaClient } from "@prisma/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma, { createPrismaClient } from "../../app/db.server";
import { insertClaim, requireClaim, saveClaimChange } from "../../app/db/claims.server";
import { databaseTarget } from "../../app/db/database-target.server.mjs";
import { listClaimEmails, requeueFailedEmail } from "../../app/db/email-outbox.server";
import { saveNotificationPreferences } from "../../app/db/notification-settings.server";
import { applyClaimCommand, submitClaim as openClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "../../app/domain/notifications/notification-types";
import { createSmtpTransport } from "../../app/services/notifications/transport.server";
import { createLogger } from "../../app/utils/logger.server";
import {
  createNotificationWorker,
  RETRY_BACKOFF_MS,
  type NotificationWorker,
  type NotificationWorkerOptions,
  type RoundReport,
} from "../../app/services/notifications/worker.server";
import { submitClaim } from "../../app/services/submit-claim.server";
import { fetchOrderFacts } from "../../app/shopify/order-facts.server";
import { unauthenticated } from "../../app/shopify.server";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as shopRedact } from "../../app/routes/webhooks.shop.redact";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { anArrivalSubmission } from "../support/claim-factories";
import { installTestShop, routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// The email outbox's worker against a real SMTP server on a random port (smtp-server), the real
// database (SQLite or PostgreSQL, as DATABASE_URL says) and Shopify's simulator for the shop's
// contact: each email is sent once per event under refusals and retries, a crash between the send
// and the mark resends the same Message-ID, two workers at once never send a row twice, reminders
// come at their time with a fixed clock, and the last failed try is shown on the claim.

const FROM = "claims@warranty-desk.example";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const provider = databaseTarget(process.env.DATABASE_URL).provider;
const shopper = { type: "customer" as const, id: "gid://shopify/Customer/7" };
const merchant = { type: "merchant" as const, id: "staff-1" };

let sink: SmtpSink;
let manifest: DemoManifest;
let clock: Date;
const workers: NotificationWorker[] = [];
const clients: PrismaClient[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
  clock = new Date();
  manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: clock, seed: 11 });
  await installTestShop(TEST_SHOP);
});

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  for (const client of clients.splice(0)) await client.$disconnect();
  await sink.close();
});

/** A worker on the test's clock, scanning every round; `db` another client for a second instance. */
function aWorker(overrides: Partial<NotificationWorkerOptions> = {}): NotificationWorker {
  const worker = createNotificationWorker({
    db: prisma,
    transport: createSmtpTransport(sink.url, FROM),
    provider,
    now: () => clock,
    scanIntervalMs: 0,
    pollIntervalMs: 10,
    ...overrides,
  });
  workers.push(worker);
  return worker;
}

/**
 * A second app instance's database client. PostgreSQL: its own client and connections, as another
 * process has. SQLite runs as one process (docs/decisions/003-databases.md: no busy timeout, a
 * second process's writer gets SQLITE_BUSY), so its second instance shares the connection and
 * only the leases keep the two apart.
 */
function anotherClient(): PrismaClient {
  if (provider === "sqlite") return prisma;
  const client = createPrismaClient(process.env.DATABASE_URL!);
  clients.push(client);
  return client;
}

/** A claim filed by the shopper at `at` (its submission event queues their emails in its transaction). */
async function fileClaim(
  claimId: string,
  at: Date,
  { customerEmail = "ana@example.com" as string | null, locale = "fr" } = {},
) {
  const { state } = openClaim(anArrivalSubmission(claimId), at, shopper);
  return prisma.$transaction((tx) =>
    insertClaim(tx, {
      shop: TEST_SHOP,
      state,
      orderName: "#1001",
      customerId: shopper.id,
      customerName: "Ana Example",
      customerEmail,
      locale,
    }),
  );
}

const rows = () => prisma.emailMessage.findMany({ orderBy: [{ createdAt: "asc" }, { dedupeKey: "asc" }] });
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const distinctMessageIds = () => new Set(sink.received.map((mail) => mail.messageId)).size;
const sum = (reports: RoundReport[], key: keyof RoundReport) => reports.reduce((total, r) => total + r[key], 0);

describe("the email worker sends the outbox", () => {
  it("sends a filed claim's emails once each: the shopper's in their language and the merchant's notice, from the shop, with the row's Message-ID", async () => {
    // GIVEN a shopper files an arrival claim on their order through the real submission (Shopify
    // knows the order's email; the shopper wrote in German)
    const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "card-and-gift-card"))!;
    const orderId = customer.orders.find((o) => o.scenario === "card-and-gift-card")!.id;
    const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
    const facts = (await fetchOrderFacts(graphql, orderId))!;
    const { claim } = await submitClaim(
      prisma,
      graphql,
      { shop: TEST_SHOP, customerId: customer.id, orderId },
      {
        claim: {
          type: "arrival",
          items: [{ lineItemId: facts.lines[1]!.lineItemId, quantity: 1 }],
          evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
          preferredResolution: "refund",
        },
        locale: "de",
      },
      clock,
    );
    // THEN the claim keeps the order's email and the shopper's language, and its emails are queued with it
    const order = simulator.store(TEST_SHOP).order(orderId)!;
    expect(claim.meta.customerEmail).toBe(order.email);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.state.id } })).locale).toBe("de");
    expect((await rows()).map((r) => [r.template, r.audience, r.status])).toEqual([
      ["merchant_new_claim", "merchant", "queued"],
      ["claim_received", "shopper", "queued"],
    ]);

    // WHEN the worker runs twice
    const worker = aWorker();
    expect(await worker.runOnce()).toMatchObject({ sent: 2, retrying: 0, failed: 0 });
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });

    // THEN each went out once: the shopper's to the order's email in German, the merchant's to the
    // shop's email in Shopify; the shop's name is the sender's name, EMAIL_FROM the address, the
    // shop's address the Reply-To, and the Message-ID is made of the row's id
    const sent = await rows();
    expect(sent.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(sink.received).toHaveLength(2);
    const shop = simulator.store(TEST_SHOP).shop;
    const [toMerchant, toShopper] = sent.map((row) =>
      sink.received.find((m) => m.messageId === `<${row.id}@warranty-desk.example>`),
    );
    expect(toShopper).toMatchObject({
      recipients: [order.email],
      from: [{ name: shop.name, address: FROM }],
      replyTo: [shop.email],
    });
    expect(toMerchant).toMatchObject({ recipients: [shop.email], from: [{ name: shop.name, address: FROM }] });
    expect(toShopper!.text).toContain(`${claim.meta.number}`);
    expect(toShopper!.html).toContain("<html");
    expect(toShopper!.subject).not.toEqual(toMerchant!.subject);
    expect(sent.map((r) => JSON.parse(r.toJson!) as unknown)).toEqual([[shop.email], [order.email]]);
    // and the claim page lists them as sent
    expect((await listClaimEmails(prisma, TEST_SHOP, claim.state.id)).map((e) => [e.template, e.status])).toEqual([
      ["claim_received", "sent"],
      ["merchant_new_claim", "sent"],
    ]);
  });

  it("sends the merchant's emails to the addresses Settings name, and skips a shopper email when the order has no email", async () => {
    // GIVEN Settings name two addresses, and a claim on an order without an email
    await saveNotificationPreferences(prisma, TEST_SHOP, {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      merchantEmails: ["claims@shop.example", "boss@shop.example"],
    });
    const claim = await fileClaim("claim-no-email", clock, { customerEmail: null });
    // WHEN the worker runs (its log lines kept)
    const logLines: string[] = [];
    const log = createLogger({ level: "info", write: (line) => logLines.push(line) });
    expect(await aWorker({ log }).runOnce()).toMatchObject({ sent: 1, skipped: 1 });
    // THEN it wrote one JSON line per email job, with the shop, the claim and the outcome, and no
    // address (personal data) or message content in any line
    const jobs = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((e) => e.msg === "email job");
    expect(jobs.map((job) => [job.shop, job.claimId, job.outcome, job.job]).sort()).toEqual([
      [TEST_SHOP, claim.state.id, "sent", "email-worker"],
      [TEST_SHOP, claim.state.id, "skipped", "email-worker"],
    ]);
    for (const job of jobs) expect(job).toMatchObject({ emailId: expect.any(String), durationMs: expect.any(Number) });
    expect(logLines.join("\n")).not.toMatch(/@|Ana Example/);
    // THEN the merchant's notice went to both addresses, and the shopper's is skipped with the reason
    expect(sink.received.map((m) => m.recipients)).toEqual([["claims@shop.example", "boss@shop.example"]]);
    const emails = await listClaimEmails(prisma, TEST_SHOP, claim.state.id);
    expect(emails.find((e) => e.audience === "shopper")).toMatchObject({
      status: "skipped",
      lastError: "The order has no email address for the shopper.",
    });
  });

  it("retries a refused email with backoff and delivers it exactly once", async () => {
    // GIVEN a filed claim (two emails), and a mail server that refuses the next 3 messages (451)
    await fileClaim("claim-retry", clock);
    sink.refuseNext(3);
    const worker = aWorker();
    // WHEN the worker tries both: refused, each waits 1 minute
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retrying: 2 });
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: "queued", attempts: 1 });
      expect(row.lastError).toContain("try again later");
      expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + RETRY_BACKOFF_MS[0]);
    }
    // and before the wait is over nothing is tried
    advance(RETRY_BACKOFF_MS[0] - 1);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retrying: 0 });
    // WHEN the wait is over: one is refused a third time (its next wait is 5 minutes), one is sent
    advance(1);
    expect(await worker.runOnce()).toMatchObject({ sent: 1, retrying: 1 });
    const refusedAgain = (await rows()).find((r) => r.status === "queued")!;
    expect(refusedAgain.nextAttemptAt.getTime()).toBe(clock.getTime() + RETRY_BACKOFF_MS[1]);
    advance(RETRY_BACKOFF_MS[1] - 1);
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    advance(1);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    advance(HOUR);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retrying: 0 });
    // THEN each email arrived exactly once, after 3 refusals in all
    expect(sink.refused).toBe(3);
    expect(sink.received).toHaveLength(2);
    expect(distinctMessageIds()).toBe(2);
    expect((await rows()).map((r) => [r.status, r.lastError])).toEqual([
      ["sent", null],
      ["sent", null],
    ]);
    expect((await rows()).map((r) => r.attempts).sort()).toEqual([2, 3]);
  });

  it("marks an email failed after its last try, shows the error on the claim, and sends it once when the merchant sends it again", async () => {
    // GIVEN a mail server that refuses everything for now
    const claim = await fileClaim("claim-failing", clock);
    await prisma.emailMessage.deleteMany({ where: { audience: "merchant" } });
    sink.refuseNext(1000);
    const worker = aWorker();
    // WHEN the worker tries at every backoff step: 1 + 5 retries
    const reports: RoundReport[] = [await worker.runOnce()];
    for (const wait of RETRY_BACKOFF_MS) {
      advance(wait);
      reports.push(await worker.runOnce());
    }
    // THEN the sixth refusal was the last: failed, with the server's answer, on the claim page
    expect(reports.map((r) => (r.failed ? "failed" : r.retrying ? "retrying" : "-"))).toEqual([
      "retrying",
      "retrying",
      "retrying",
      "retrying",
      "retrying",
      "failed",
    ]);
    const [failed] = await listClaimEmails(prisma, TEST_SHOP, claim.state.id);
    expect(failed).toMatchObject({ template: "claim_received", status: "failed", attempts: 6 });
    expect(failed!.lastError).toContain("451");
    // and nothing more is tried, however long the worker runs
    advance(24 * HOUR);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(sink.refused).toBe(6);

    // WHEN the server works again and the merchant sends it again from the claim page
    sink.refuseNext(0);
    expect(await requeueFailedEmail(prisma, TEST_SHOP, failed!.id, clock)).toBe(true);
    expect(await requeueFailedEmail(prisma, TEST_SHOP, failed!.id, clock)).toBe(false); // queued, not failed
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    // THEN it arrives once, with the same Message-ID as every try before
    expect(sink.received.map((m) => m.messageId)).toEqual([`<${failed!.id}@warranty-desk.example>`]);
    expect((await listClaimEmails(prisma, TEST_SHOP, claim.state.id))[0]).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("fails an email the mail server refuses for good (550) at once instead of retrying it for hours", async () => {
    // GIVEN a filed claim whose shopper's mailbox the mail server says does not exist
    const claim = await fileClaim("claim-no-mailbox", clock);
    await prisma.emailMessage.deleteMany({ where: { audience: "merchant" } });
    sink.refuseNext(1, 550);
    // WHEN the worker tries it once
    expect(await aWorker().runOnce()).toMatchObject({ sent: 0, retrying: 0, failed: 1 });
    // THEN it is failed after that one try, with the server's answer, for the claim page
    const [failed] = await listClaimEmails(prisma, TEST_SHOP, claim.state.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toContain("550");
  });

  it("resends the same Message-ID when the instance died between the send and the mark, and nothing else twice", async () => {
    // GIVEN two claims' emails, and an instance whose process "dies" right after each send: its
    // write of `sent` never reaches the database
    await fileClaim("claim-crash-1", clock);
    await fileClaim("claim-crash-2", clock);
    const dying = prisma.$extends({
      query: {
        emailMessage: {
          async updateMany({ args, query }) {
            if (args.data.status === "sent") throw new Error("the process died before marking the email sent");
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const leaseMs = 10 * MINUTE;
    const first = aWorker({ db: dying, leaseMs });
    // WHEN it sends the four emails and dies
    expect(await first.runOnce()).toMatchObject({ sent: 0, unmarked: 4 });
    await first.stop();
    expect((await rows()).map((r) => r.status)).toEqual(["sending", "sending", "sending", "sending"]);
    // THEN another instance leaves them alone while their lease holds
    const second = aWorker({ db: anotherClient(), leaseMs });
    advance(leaseMs - 1);
    expect(await second.runOnce()).toMatchObject({ sent: 0 });
    // AND once the lease ran out it sends each again, with the same Message-ID, and marks them sent
    advance(2);
    expect(await second.runOnce()).toMatchObject({ sent: 4 });
    expect(await second.runOnce()).toMatchObject({ sent: 0 });
    const sent = await rows();
    expect(sent.map((r) => [r.status, r.attempts])).toEqual(Array(4).fill(["sent", 2]));
    // The receiving side got each message twice, recognisably the same: 8 deliveries, 4 messages.
    expect(sink.received).toHaveLength(8);
    expect(distinctMessageIds()).toBe(4);
    expect(new Set(sink.received.map((m) => m.messageId))).toEqual(
      new Set(sent.map((r) => `<${r.id}@warranty-desk.example>`)),
    );
  });

  it("sends every row exactly once with two instances sending at once", async () => {
    // GIVEN 30 claims (60 emails) and a slow mail server
    for (let n = 0; n < 30; n += 1) await fileClaim(`claim-many-${n}`, clock);
    sink.answerAfter(5);
    // WHEN two instances, each with its own database connections, send until the outbox is empty
    const instances = [aWorker({ batchSize: 4 }), aWorker({ batchSize: 4, db: anotherClient() })];
    const reports: RoundReport[] = [];
    const sentBy = new Map<string, number>();
    const drain = async (worker: NotificationWorker) => {
      for (let round = 0; round < 200; round += 1) {
        const report = await worker.runOnce();
        reports.push(report);
        sentBy.set(worker.owner, (sentBy.get(worker.owner) ?? 0) + report.sent);
        if ((await prisma.emailMessage.count({ where: { status: { not: "sent" } } })) === 0) return;
      }
    };
    await Promise.all(instances.map(drain));
    // THEN every row is sent, and the mail server received each exactly once
    expect(sink.received).toHaveLength(60);
    expect(distinctMessageIds()).toBe(60);
    const all = await rows();
    expect(all).toHaveLength(60);
    expect(all.filter((r) => r.status !== "sent" || r.attempts !== 1)).toEqual([]);
    expect(sum(reports, "sent")).toBe(60);
    // PostgreSQL: both instances sent (SKIP LOCKED hands each its own rows); SQLite: the instance
    // holding the sender lease sent everything, the other none.
    const perInstance = instances.map((worker) => sentBy.get(worker.owner) ?? 0);
    if (provider === "postgresql") expect(Math.min(...perInstance)).toBeGreaterThan(0);
    else expect([...perInstance].sort((a, b) => a - b)).toEqual([0, 60]);
  });

  it("on SQLite, lets one instance send at a time: another takes over only once the holder's sender lease ran out", async () => {
    // GIVEN an instance that sent a claim's emails and then stopped answering (its process hung)
    await fileClaim("claim-lease-1", clock);
    const leaseMs = 10 * MINUTE;
    const holder = aWorker({ leaseMs });
    expect(await holder.runOnce()).toMatchObject({ sent: 2 });
    const other = aWorker({ leaseMs, db: anotherClient() });
    // WHEN a new claim's emails are due while the holder's lease holds
    advance(MINUTE);
    await fileClaim("claim-lease-2", clock);
    // THEN on SQLite the other instance sends nothing (on PostgreSQL it sends: rows are claimed one by one)
    expect(await other.runOnce()).toMatchObject({ sent: provider === "sqlite" ? 0 : 2 });
    // AND once the lease ran out, the other instance sends what is due
    advance(leaseMs);
    const later = await other.runOnce();
    expect(later.sent + (provider === "sqlite" ? 0 : 2)).toBe(2);
    expect(sink.received).toHaveLength(4);
    expect(distinctMessageIds()).toBe(4);
  });

  it("runs on its own from start() and stops cleanly, letting its leases go", async () => {
    // GIVEN a running worker
    await fileClaim("claim-started", clock);
    const worker = aWorker({ pollIntervalMs: 5 });
    worker.start();
    // WHEN the claim's emails are due THEN it sends them without being asked
    await vi.waitFor(async () => expect(await prisma.emailMessage.count({ where: { status: "sent" } })).toBe(2), {
      timeout: 10_000,
      interval: 20,
    });
    // AND it stops: the round in progress finishes, no round follows, its leases are free
    await worker.stop();
    expect(await prisma.workerLease.count({ where: { owner: worker.owner } })).toBe(0);
    await fileClaim("claim-after-stop", clock);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await prisma.emailMessage.count({ where: { status: "queued" } })).toBe(2);
  });
});

describe("response reminders", () => {
  it("reminds the merchant once when a response is due within the lead time and once when it is overdue, also with two instances scanning", async () => {
    // GIVEN a claim filed now: the merchant must answer within 48 hours (reminder 6 hours before)
    const claim = await fileClaim("claim-due", clock);
    const respondBy = claim.meta.respondBy!;
    expect(respondBy.getTime()).toBe(clock.getTime() + 48 * HOUR);
    const instances = [aWorker(), aWorker({ db: anotherClient() })];
    const round = () => Promise.all(instances.map((worker) => worker.runOnce()));
    const reminders = async () =>
      (await rows()).filter((r) => r.template.startsWith("merchant_response")).map((r) => [r.template, r.status]);
    await round(); // the submission's emails
    // WHEN the clock reaches 6 h 1 min before the due time: no reminder yet
    advance(42 * HOUR - MINUTE);
    await round();
    expect(await reminders()).toEqual([]);
    // WHEN it reaches the lead time, and both instances scan again and again
    advance(2 * MINUTE);
    await round();
    await round();
    advance(HOUR);
    await round();
    // THEN one "response due" reminder was sent
    expect(await reminders()).toEqual([["merchant_response_due", "sent"]]);
    // WHEN the due time passes THEN one "overdue" reminder follows, however often they scan
    advance(5 * HOUR);
    await round();
    await round();
    advance(3 * HOUR);
    await round();
    expect(await reminders()).toEqual([
      ["merchant_response_due", "sent"],
      ["merchant_response_overdue", "sent"],
    ]);
    expect(sink.received).toHaveLength(4); // the shopper's confirmation, the notice, two reminders
  });

  it("skips a queued reminder whose claim was answered before it went out", async () => {
    // GIVEN a claim 6 hours before its due time, and its reminder queued by a scan that could not send
    const claim = await fileClaim("claim-answered", clock);
    const worker = aWorker();
    await worker.runOnce();
    advance(42 * HOUR);
    sink.refuseNext(1);
    expect(await worker.runOnce()).toMatchObject({ queued: 1, retrying: 1 });
    expect((await rows()).filter((r) => r.template === "merchant_response_due")).toHaveLength(1);
    // WHEN the merchant asks the shopper a question (the clock pauses) before the retry
    const stored = await requireClaim(prisma, TEST_SHOP, claim.state.id);
    const { state } = applyClaimCommand(
      stored.state,
      { type: "request_information", question: "Could you send a photo of the box?" },
      clock,
      merchant,
    );
    await prisma.$transaction((tx) => saveClaimChange(tx, TEST_SHOP, stored.meta.version, stored.state, state));
    advance(RETRY_BACKOFF_MS[0]);
    await worker.runOnce();
    // THEN the reminder is not sent: skipped, with the reason
    const reminder = (await rows()).find((r) => r.template === "merchant_response_due")!;
    expect(reminder.status).toBe("skipped");
    expect(sink.received.filter((m) => m.messageId === `<${reminder.id}@warranty-desk.example>`)).toHaveLength(0);
  });
});

describe("the outbox is written with the claim change", () => {
  it("queues nothing when the claim change rolls back or loses to another writer", async () => {
    // GIVEN a filed claim whose two emails are queued
    const claim = await fileClaim("claim-tx", clock);
    expect(await prisma.emailMessage.count()).toBe(2);
    const ask = applyClaimCommand(
      claim.state,
      { type: "request_information", question: "Which parcel?" },
      clock,
      merchant,
    );
    // WHEN the merchant's question is saved in a transaction that fails after the save
    await expect(
      prisma.$transaction(async (tx) => {
        await saveClaimChange(tx, TEST_SHOP, claim.meta.version, claim.state, ask.state);
        throw new Error("the request failed after the change");
      }),
    ).rejects.toThrow("the request failed after the change");
    // AND a writer with a stale version tries the same change after another writer's
    await prisma.$transaction((tx) => saveClaimChange(tx, TEST_SHOP, claim.meta.version, claim.state, ask.state));
    await expect(
      prisma.$transaction((tx) => saveClaimChange(tx, TEST_SHOP, claim.meta.version, claim.state, ask.state)),
    ).rejects.toMatchObject({ kind: "conflict" });
    // THEN only the change that committed queued its email, once
    expect((await rows()).map((r) => r.template).sort()).toEqual([
      "claim_received",
      "info_requested",
      "merchant_new_claim",
    ]);
  });
});

describe("privacy webhooks and the outbox", () => {
  const shopperEmail = "ana.redacted@example.com";
  const deliver = async (action: typeof customersRedact, topic: string, payload: unknown) => {
    const response = await action(routeArgs(await webhookRequest(`/webhooks/${topic}`, topic, payload)));
    expect(response.status).toBe(200);
  };

  it("customers/redact erases the recipients and data of the shopper's emails, sent or queued, and the queued ones are never sent", async () => {
    // GIVEN a claim whose confirmation was sent to the shopper, and a question to them still queued
    // (the mail server refused it) next to the merchant's queued notice of another claim
    const claim = await fileClaim("claim-redact", clock, { customerEmail: shopperEmail });
    const worker = aWorker();
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    const ask = applyClaimCommand(
      claim.state,
      { type: "request_information", question: "Which parcel?" },
      clock,
      merchant,
    );
    await prisma.$transaction((tx) => saveClaimChange(tx, TEST_SHOP, claim.meta.version, claim.state, ask.state));
    sink.refuseNext(1);
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    const before = await rows();
    expect(before.filter((r) => r.toJson?.includes(shopperEmail))).toHaveLength(2);
    // WHEN Shopify asks to redact the shopper
    await deliver(customersRedact, "customers/redact", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 7, email: shopperEmail, phone: null },
      orders_to_redact: [1],
    });
    // THEN no email row names them any more, every one of the claim's rows is marked redacted,
    // and the queued question is skipped with the reason
    const after = await rows();
    expect(after.filter((r) => JSON.stringify(r).includes(shopperEmail))).toEqual([]);
    expect(after.every((r) => r.redactedAt !== null && r.toJson === null)).toBe(true);
    expect(after.find((r) => r.template === "info_requested")).toMatchObject({
      status: "skipped",
      lastError: "The shopper's data was erased (customers/redact): not sent.",
    });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.state.id } })).locale).toBeNull();
    // AND the worker sends nothing more, however long it runs
    advance(24 * HOUR);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(sink.received).toHaveLength(2);
  });

  it("shop/redact deletes the shop's emails and notification settings", async () => {
    // GIVEN a shop with settings, sent and queued emails; and another shop's email
    await saveNotificationPreferences(prisma, TEST_SHOP, {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      reminderLeadHours: 12,
    });
    await fileClaim("claim-shop-redact", clock);
    await aWorker().runOnce();
    await fileClaim("claim-shop-redact-2", clock);
    const otherShop = "other-shop.myshopify.com";
    const { state } = openClaim(anArrivalSubmission("claim-other-shop"), clock, shopper);
    await prisma.$transaction((tx) => insertClaim(tx, { shop: otherShop, state }));
    // WHEN Shopify asks to delete the shop's data
    await deliver(shopRedact, "shop/redact", { shop_id: 1, shop_domain: TEST_SHOP });
    // THEN none of its emails or settings remain; the other shop's emails do
    expect(await prisma.emailMessage.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.notificationSettings.count()).toBe(0);
    expect(await prisma.emailMessage.count({ where: { shop: otherShop } })).toBe(2);
  });
});
