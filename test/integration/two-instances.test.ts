import { readFileSync } from "node:fs";
import { join } from "node:path";
import { http, passthrough } from "msw";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import { databaseTarget } from "../../app/db/database-target.server.mjs";
import { submitClaim as openClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims } from "../demo/seed-claims";
import { seedDemoStore, type DemoManifest } from "../simulator/seed";
import { shopifyEdge, simulator } from "../simulator/network-edge";
import {
  startAppInstance,
  startSimulatorBridge,
  type AppInstance,
  type SimulatorBridge,
} from "../support/app-instance";
import { anArrivalSubmission } from "../support/claim-factories";
import { SHOPPER_BROWSER, shopperRequest } from "../support/customer-account-requests";
import { s3TestStore, type TestEvidenceStore } from "../support/evidence-stores";
import { adminDataRequest, installTestShop, TEST_SHOP, webhookRequest } from "../support/shopify-requests";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// Issue 13, "Several instances": two app instances (A and B), each a child process with its own
// HTTP listener (the production Express app), Prisma client and connection pool, Shopify app,
// evidence store client and email worker (test/support/app-instance.ts), behind ONE PostgreSQL
// database and ONE S3-compatible store (s3rver), sending to one SMTP server, and talking to one
// Shopify (this process's store simulator, over HTTP). Nothing is shared in memory: whatever one
// instance keeps must be kept where the other sees it.
//
// The children run the app's source through tsx, not the production build: CI runs PostgreSQL
// only for this tier (npm test), which has no build; test/e2e/production-server.test.ts covers the
// bundled server itself.

const provider = databaseTarget(process.env.DATABASE_URL).provider;
const FROM = "claims@warranty-desk.example";
const UPLOADS_PER_CUSTOMER = 3;
const photo = readFileSync(join(process.cwd(), "test/fixtures/evidence/damaged-box.jpg"));

// SQLite is one process's file (docs/decisions/003-databases.md: no busy timeout, a second
// process's writer gets SQLITE_BUSY): several instances need PostgreSQL, and CI runs this there.
describe.runIf(provider === "postgresql")(
  "GIVEN two app instances behind one PostgreSQL and one S3 store (PostgreSQL only: SQLite serves one instance)",
  () => {
    let a: AppInstance;
    let b: AppInstance;
    let s3: TestEvidenceStore & { environment: Record<string, string> };
    let sink: SmtpSink;
    let bridge: SimulatorBridge;
    let manifest: DemoManifest;

    beforeAll(async () => {
      s3 = await s3TestStore();
      sink = await startSmtpSink();
      bridge = await startSimulatorBridge();
      // Both instances configured alike, as a deployment's are: the same bucket and mail server.
      const environment = {
        ...s3.environment,
        SMTP_URL: sink.url,
        EMAIL_FROM: FROM,
        NOTIFICATIONS_POLL_MS: "100",
        RATE_LIMIT_UPLOADS_PER_CUSTOMER: String(UPLOADS_PER_CUSTOMER),
      };
      [a, b] = await Promise.all([
        startAppInstance("a", bridge, environment),
        startAppInstance("b", bridge, environment),
      ]);
    });
    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await bridge?.close();
      await sink?.close();
      await s3?.close();
    });
    afterEach(() => {
      // The app's own error lines (a 500, a failed email round), from either process.
      for (const instance of [a, b]) {
        const errors = instance.logLines.filter((line) => line.includes('"level":"error"'));
        instance.logLines.length = 0;
        expect(errors, `instance ${instance.name} logged errors`).toEqual([]);
      }
    });
    beforeEach(async () => {
      // The instances and s3rver listen on the loopback; the setup refuses any host but Shopify's.
      shopifyEdge.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
      sink.received.length = 0;
      sink.answerAfter(0);
      manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: new Date(), seed: 13 });
      await installTestShop(TEST_SHOP);
    });

    it("THEN each is a process of its own with its own listener and email worker, and answers /healthz", async () => {
      expect(new Set([process.pid, a.pid, b.pid]).size).toBe(3);
      expect(a.baseUrl).not.toBe(b.baseUrl);
      expect(a.workerOwner).toEqual(expect.any(String));
      expect(b.workerOwner).toEqual(expect.any(String));
      expect(a.workerOwner).not.toBe(b.workerOwner);
      for (const instance of [a, b]) expect((await fetch(`${instance.baseUrl}/healthz`)).status).toBe(200);
    });

    it("WHEN Shopify delivers the same webhooks to both at once THEN each is processed once: one delivery record, one compliance request, the fulfilled lines once", async () => {
      // GIVEN five data requests and a fulfillment, each delivered (same webhook id) to A and B
      const deliveries: Request[] = await Promise.all([
        ...Array.from({ length: 5 }, (_, i) =>
          webhookRequest("/webhooks/customers/data_request", "customers/data_request", {
            shop_domain: TEST_SHOP,
            customer: { id: 7 + i },
            orders_requested: [],
            data_request: { id: 100 + i },
          }),
        ),
        webhookRequest("/webhooks/fulfillments/create", "fulfillments/create", {
          id: 5001,
          order_id: 450789469,
          status: "success",
          created_at: "2026-02-27T08:00:00Z",
          updated_at: "2026-02-27T08:00:00Z",
          location_id: 24826418,
          line_items: [
            { id: 466157049, product_id: 632910392, variant_id: 39072856, quantity: 2 },
            { id: 518995019, product_id: 921728736, variant_id: 457924702, quantity: 1 },
          ],
        }),
      ]);

      // WHEN each goes to both instances at the same moment
      const statuses = await Promise.all(
        deliveries
          .flatMap((request) => [a.send(request.clone()), b.send(request.clone())])
          .map(async (sent) => {
            const response = await sent;
            return response.status;
          }),
      );

      // THEN every copy is acknowledged, and the work was done once per webhook id
      expect(statuses).toEqual(deliveries.flatMap(() => [200, 200]));
      expect(await prisma.webhookDelivery.count()).toBe(deliveries.length);
      const requests = await prisma.complianceRequest.findMany({ orderBy: { webhookId: "asc" } });
      expect(requests).toHaveLength(5);
      expect(new Set(requests.map((r) => r.customerId)).size).toBe(5);
      const facts = await prisma.deliveryFact.findMany({ orderBy: { lineItemId: "asc" } });
      expect(facts.map((f) => [f.lineItemId, f.quantity])).toEqual([
        ["gid://shopify/LineItem/466157049", 2],
        ["gid://shopify/LineItem/518995019", 1],
      ]);
    });

    it("WHEN a merchant acts on a claim through A THEN B's claim page shows it at once, and B refuses the version the merchant saw before with a 409", async () => {
      // GIVEN a new claim, seen on B's claim page
      const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
      const plans = DEMO_CLAIM_PLANS.filter((plan) => plan.status === "submitted").slice(0, 1);
      const [claim] = await seedDemoClaims(prisma, graphql, simulator, manifest, new Date(), plans);
      const claimId = claim!.claimId;
      const page = async (instance: AppInstance) => {
        const request = await adminDataRequest(`/app/claims/${claimId}`, {
          headers: { "User-Agent": SHOPPER_BROWSER },
        });
        const response = await instance.send(request);
        expect(response.status).toBe(200);
        return (await response.json()) as { status: string; version: number; conversation: { text: string }[] };
      };
      const act = async (instance: AppInstance, body: Record<string, unknown>) => {
        const request = await adminDataRequest(`/app/claims/${claimId}`, {
          method: "POST",
          // A browser's User-Agent: the library answers bots with 410.
          headers: { "Content-Type": "application/json", "User-Agent": SHOPPER_BROWSER },
          body: JSON.stringify(body),
        });
        return instance.send(request);
      };
      const seen = await page(b);
      expect(seen.status).toBe("submitted");

      // WHEN the merchant asks the shopper for a photo through A
      const asked = await act(a, {
        intent: "request_information",
        message: "Photo of the box, please.",
        version: String(seen.version),
      });
      expect(asked.status).toBe(200);

      // THEN B's loader has the new state, with nothing cached from before
      const after = await page(b);
      expect(after.status).not.toBe("submitted");
      expect(after.version).toBe(seen.version + 1);
      expect(after.conversation.map((m) => m.text)).toEqual(["Photo of the box, please."]);

      // AND a merchant on B still holding the old version is told the claim changed meanwhile
      const stale = await act(b, {
        intent: "request_information",
        message: "And the label?",
        version: String(seen.version),
      });
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({ error: { code: "claim.changed_meanwhile" } });
      expect((await page(a)).conversation.map((m) => m.text)).toEqual(["Photo of the box, please."]);
    });

    it("WHEN a shopper uploads a photo through A THEN B serves it from the shared store, and the uploads split between A and B count against one limit", async () => {
      const customer = manifest.customers.find((c) => c.orders.some((o) => o.scenario === "delivered-2-days-ago"))!;
      const order = customer.orders.find((o) => o.scenario === "delivered-2-days-ago")!;
      const upload = async (instance: AppInstance) => {
        const query = new URLSearchParams({ orderId: order.id, kind: "issue_photo" });
        const request = await shopperRequest(`/api/uploads?${query}`, customer.id, {
          method: "POST",
          body: new Uint8Array(photo),
          headers: { "Content-Type": "image/jpeg" },
        });
        return instance.send(request);
      };
      const thumbnail = async (instance: AppInstance, uploadId: string) =>
        instance.send(await shopperRequest(`/api/uploads/${uploadId}/thumbnail`, customer.id));

      // GIVEN a photo uploaded through A
      const first = await upload(a);
      expect(first.status).toBe(201);
      const { upload: uploaded } = (await first.json()) as { upload: { id: string } };

      // WHEN B is asked for its thumbnail
      const fromB = await thumbnail(b, uploaded.id);

      // THEN B serves the very bytes A stored in S3
      expect(fromB.status).toBe(200);
      expect(fromB.headers.get("content-type")).toMatch(/^image\//);
      const fromA = await thumbnail(a, uploaded.id);
      expect(Buffer.from(await fromB.arrayBuffer())).toEqual(Buffer.from(await fromA.arrayBuffer()));
      expect((await s3.keys()).length).toBeGreaterThan(0);

      // AND uploads alternate between the instances: the limit counts all of them together
      const statuses = [first.status];
      for (const instance of [b, a, b]) statuses.push((await upload(instance)).status);
      expect(statuses).toEqual([...Array<number>(UPLOADS_PER_CUSTOMER).fill(201), 429]);
      const refused = await upload(a);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("WHEN both instances' email workers run on one outbox THEN each email is sent once, and both workers took a share", async () => {
      // GIVEN a slow mail server (so a worker's batch is still sending when the other polls)
      sink.answerAfter(40);
      const owners = new Set<string>();
      const shopper = { type: "customer" as const, id: "gid://shopify/Customer/7" };

      // WHEN twelve claims are filed, each queuing its emails in its own transaction
      for (let i = 0; i < 12; i++) {
        const { state } = openClaim(anArrivalSubmission(`claim-two-instances-${i}`), new Date(), shopper);
        await prisma.$transaction((tx) =>
          insertClaim(tx, {
            shop: TEST_SHOP,
            state,
            orderName: `#${1001 + i}`,
            customerId: shopper.id,
            customerName: "Ana Example",
            customerEmail: `ana+${i}@example.com`,
            locale: "en",
          }),
        );
      }
      const queued = await prisma.emailMessage.count();
      expect(queued).toBeGreaterThanOrEqual(12);

      // THEN the workers send them all (watching who holds each row meanwhile)
      await expect
        .poll(
          async () => {
            const rows = await prisma.emailMessage.findMany({ select: { status: true, leaseOwner: true } });
            for (const row of rows) if (row.leaseOwner) owners.add(row.leaseOwner);
            return rows.filter((row) => row.status === "sent").length;
          },
          { timeout: 20_000, interval: 20 },
        )
        .toBe(queued);
      // AND each once: as many messages as rows, each with its own Message-ID
      expect(sink.received).toHaveLength(queued);
      expect(new Set(sink.received.map((mail) => mail.messageId)).size).toBe(queued);
      // AND both instances' workers sent some of them
      expect([...owners].sort()).toEqual([a.workerOwner, b.workerOwner].sort());
    });
  },
);
