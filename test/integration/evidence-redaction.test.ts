import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import { submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import { newEvidenceKeys } from "../../app/services/evidence/evidence-keys.server";
import type { EvidenceStore } from "../../app/services/evidence/evidence-store.server";
import { handleComplianceRequest, type ComplianceDelivery } from "../../app/services/webhooks.server";
import { anArrivalSubmission } from "../support/claim-factories";
import { diskTestStore, s3TestStore, type TestEvidenceStore } from "../support/evidence-stores";
import { TEST_SHOP } from "../support/shopify-requests";

// customers/redact and shop/redact delete the evidence files too, on both stores, and only after
// their transaction committed: a failed transaction keeps every file its rows name, and a failed
// file deletion is finished by Shopify's retry of the delivery.

const OTHER_SHOP = "other-shop.myshopify.com";
const JANE = "gid://shopify/Customer/101";
const OTTO = "gid://shopify/Customer/202";
const ORDER = "gid://shopify/Order/1";

interface Uploaded {
  id: string;
  keys: string[];
}

async function anUpload(
  store: EvidenceStore,
  shop: string,
  customerId: string,
  options: { claimId?: string; video?: boolean; name: string },
): Promise<Uploaded> {
  const keys = newEvidenceKeys(shop, crypto.randomUUID());
  const stored = options.video ? [keys.file] : [keys.file, keys.thumbnail];
  for (const key of stored) await store.put(key, Readable.from([Buffer.from(`bytes of ${key}`)]), "image/jpeg");
  const row = await prisma.evidence.create({
    data: {
      shop,
      orderId: ORDER,
      customerId,
      claimId: options.claimId ?? null,
      attachedAt: options.claimId ? new Date() : null,
      kind: options.video ? "issue_video" : "issue_photo",
      fileName: options.name,
      contentType: options.video ? "video/mp4" : "image/jpeg",
      byteSize: 100,
      sha256: "0".repeat(64),
      storageKey: keys.file,
      thumbnailKey: options.video ? null : keys.thumbnail,
    },
  });
  return { id: row.id, keys: stored };
}

async function aClaim(shop: string, customerId: string): Promise<string> {
  const claimId = crypto.randomUUID();
  const { state } = submitClaim(anArrivalSubmission(claimId, { orderId: ORDER }), new Date(), {
    type: "customer",
    id: customerId,
  });
  await prisma.$transaction((tx) => insertClaim(tx, { shop, state, orderName: "#1001", customerId }));
  return claimId;
}

const customersRedact = (shop: string, customerId: string): ComplianceDelivery => ({
  topic: "customers/redact",
  payload: { shop_domain: shop, customer: { id: customerId.split("/").pop()! }, orders_to_redact: [] },
});
const shopRedact = (shop: string): ComplianceDelivery => ({ topic: "shop/redact", payload: { shop_domain: shop } });
const delivery = (shop: string, topic: string, webhookId = crypto.randomUUID()) => ({ webhookId, shop, topic });

/** A store whose deletions fail until `heal()`; it records what it was asked to delete. */
function failingDeletes(store: EvidenceStore) {
  let failing = true;
  const asked: string[] = [];
  const wrapped: EvidenceStore = {
    put: (key, body, type) => store.put(key, body, type),
    get: (key) => store.get(key),
    delete: async (keys) => {
      asked.push(...keys);
      if (failing) throw new Error("the storage service is unavailable");
      return store.delete(keys);
    },
    deletePrefix: async (prefix) => {
      asked.push(prefix);
      if (failing) throw new Error("the storage service is unavailable");
      return store.deletePrefix(prefix);
    },
  };
  return { store: wrapped, asked, heal: () => (failing = false) };
}

describe.each([
  ["disk", diskTestStore],
  ["s3", s3TestStore],
] as const)("evidence files under the privacy webhooks, on %s", (_driver, start) => {
  let subject: TestEvidenceStore;
  let store: EvidenceStore;
  beforeAll(async () => {
    subject = await start();
    store = subject.store;
  });
  afterAll(async () => subject.close());
  beforeEach(async () => {
    subject.allowNetwork();
    for (const shop of [TEST_SHOP, OTHER_SHOP]) await store.deletePrefix(`${shop}/`);
  });

  /** Jane's attached photo and unattached video, Otto's photo, and Jane's photo in another shop. */
  async function history() {
    const claimId = await aClaim(TEST_SHOP, JANE);
    return {
      claimId,
      janesPhoto: await anUpload(store, TEST_SHOP, JANE, { claimId, name: "jane-doe-box.jpg" }),
      janesVideo: await anUpload(store, TEST_SHOP, JANE, { video: true, name: "jane-doe.mp4" }),
      ottosPhoto: await anUpload(store, TEST_SHOP, OTTO, { name: "otto.jpg" }),
      janeElsewhere: await anUpload(store, OTHER_SHOP, JANE, { name: "jane-other-shop.jpg" }),
    };
  }

  it("GIVEN a shopper's evidence, attached and not WHEN customers/redact THEN their files and rows are gone, nobody else's", async () => {
    const { janesPhoto, janesVideo, ottosPhoto, janeElsewhere } = await history();
    expect(await subject.keys()).toHaveLength(7);

    await handleComplianceRequest(
      prisma,
      delivery(TEST_SHOP, "customers/redact"),
      customersRedact(TEST_SHOP, JANE),
      store,
    );

    expect(await subject.keys()).toEqual([...ottosPhoto.keys, ...janeElsewhere.keys].sort());
    expect((await prisma.evidence.findMany({ select: { id: true } })).map((r) => r.id).sort()).toEqual(
      [ottosPhoto.id, janeElsewhere.id].sort(),
    );
    expect(janesPhoto.keys.length + janesVideo.keys.length).toBe(3);
    expect(await prisma.complianceRequest.findFirst({ select: { resultSummary: true } })).toEqual({
      resultSummary: expect.stringContaining("from 1 claims, 2 evidence files,"),
    });
  });

  it("GIVEN a shop's evidence and a file without a row WHEN shop/redact THEN every file of the shop is gone, the other shop's stay", async () => {
    const { janeElsewhere } = await history();
    const orphan = newEvidenceKeys(TEST_SHOP, crypto.randomUUID()).file;
    await store.put(orphan, Readable.from([Buffer.from("cut off before its row")]), "video/mp4");

    await handleComplianceRequest(prisma, delivery(TEST_SHOP, "shop/redact"), shopRedact(TEST_SHOP), store);

    expect(await subject.keys()).toEqual(janeElsewhere.keys);
    expect((await prisma.evidence.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([janeElsewhere.id]);
  });

  it("GIVEN the store fails to delete WHEN customers/redact THEN the webhook fails with the rows kept as the to-do list, and Shopify's retry finishes", async () => {
    const { janesPhoto, janesVideo, ottosPhoto, janeElsewhere } = await history();
    const flaky = failingDeletes(store);
    const first = delivery(TEST_SHOP, "customers/redact");

    // WHEN the first delivery's file deletion fails
    await expect(handleComplianceRequest(prisma, first, customersRedact(TEST_SHOP, JANE), flaky.store)).rejects.toThrow(
      "the storage service is unavailable",
    );
    // THEN the redaction committed (nothing of Jane on the rows), the files are still there, and the
    // rows still name them
    expect(
      await prisma.evidence.findMany({
        where: { id: { in: [janesPhoto.id, janesVideo.id] } },
        select: { customerId: true, fileName: true, redactedAt: true },
      }),
    ).toEqual([
      { customerId: null, fileName: null, redactedAt: expect.any(Date) },
      { customerId: null, fileName: null, redactedAt: expect.any(Date) },
    ]);
    expect(await subject.keys()).toHaveLength(7);

    // WHEN Shopify delivers it again and the store works
    flaky.heal();
    const processed = await handleComplianceRequest(prisma, first, customersRedact(TEST_SHOP, JANE), flaky.store);

    // THEN the data work is not repeated, and the files and rows are gone
    expect(processed).toBe(false);
    expect(await subject.keys()).toEqual([...ottosPhoto.keys, ...janeElsewhere.keys].sort());
    expect(await prisma.evidence.count({ where: { redactedAt: { not: null } } })).toBe(0);
  });

  it("GIVEN the redaction's transaction fails after its work WHEN customers/redact THEN no file is deleted and every row still names its file", async () => {
    await history();
    // The delivery's privacy record already exists (the unique webhookId): the transaction fails at
    // its very end, after the evidence was discarded.
    const failing = delivery(TEST_SHOP, "customers/redact");
    await prisma.complianceRequest.create({
      data: { shop: TEST_SHOP, topic: "customers/redact", webhookId: failing.webhookId },
    });
    const watching = failingDeletes(store);
    watching.heal();

    await expect(
      handleComplianceRequest(prisma, failing, customersRedact(TEST_SHOP, JANE), watching.store),
    ).rejects.toThrow();

    expect(watching.asked).toEqual([]);
    expect(await subject.keys()).toHaveLength(7);
    expect(await prisma.evidence.count({ where: { customerId: JANE, redactedAt: null } })).toBe(3);
  });
});
