import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { insertClaim } from "../../app/db/claims.server";
import {
  backfillClaimSearch,
  CLAIM_SEARCH_INDEX_VERSION,
  claimSearchTermRows,
  type ClaimToIndex,
} from "../../app/db/claim-search.server";
import { submitClaim } from "../../app/domain/claim-lifecycle/apply-claim-command";
import type { ClaimStatus } from "../../app/domain/claim-lifecycle/claim-status";
import { loader as inboxLoader } from "../../app/routes/app.claims._index";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import type { ClaimInbox } from "../../app/services/claim-inbox.server";
import { adminDataRequest, installTestShop, routeArgs, TEST_SHOP, webhookRequest } from "../support/shopify-requests";

// The inbox's search through its real loader (docs/decisions/032-inbox-search-index.md): the claim
// number, the start of any word of the order name, the customer's name and the item titles, in
// any case and without accents; every word of the search must match; within the tab, in the
// inbox's order and pages. Claims filed before the index are found once the backfill ran, and a
// customer erased by customers/redact is no longer found by their name.

const HOUR = 60 * 60 * 1000;
const NOW = new Date();
let customerSeq = 0;

interface Filed {
  id: string;
  number: number;
}

async function fileClaim(input: {
  customerName: string | null;
  orderName: string;
  titles: string[];
  customer?: number;
  hoursAgo?: number;
  shop?: string;
}): Promise<Filed> {
  const claimId = crypto.randomUUID();
  const customer = input.customer ?? ++customerSeq;
  const { state } = submitClaim(
    {
      claimId,
      orderId: `gid://shopify/Order/${customer}00`,
      type: "warranty",
      responseHours: 48,
      returnRequired: false,
      returnShippingPaidBy: "merchant",
      evidence: ["issue_photo"],
      items: input.titles.map((_, index) => ({
        lineItemId: `gid://shopify/LineItem/${customer}0${index}`,
        productId: `gid://shopify/Product/${index + 1}`,
        quantity: 1,
        components: [],
        returnLocations: [],
      })),
    },
    new Date(NOW.getTime() - (input.hoursAgo ?? 1) * HOUR),
    { type: "customer", id: `gid://shopify/Customer/${customer}` },
  );
  const stored = await prisma.$transaction((tx) =>
    insertClaim(tx, {
      shop: input.shop ?? TEST_SHOP,
      state,
      orderName: input.orderName,
      customerId: `gid://shopify/Customer/${customer}`,
      customerName: input.customerName,
      itemTitles: Object.fromEntries(state.items.map((item, index) => [item.lineItemId, input.titles[index]!])),
    }),
  );
  return { id: claimId, number: stored.meta.number };
}

async function inbox(query: string): Promise<ClaimInbox> {
  return (await inboxLoader(routeArgs(await adminDataRequest(`/app/claims${query}`)))) as ClaimInbox;
}

const found = async (q: string, tab = "all") =>
  (await inbox(`?tab=${tab}&q=${encodeURIComponent(q)}`)).rows.map((r) => r.number).sort((a, b) => a - b);

async function moveTo(claim: Filed, status: ClaimStatus) {
  await prisma.claim.update({ where: { id: claim.id }, data: { status, respondBy: null } });
}

let chloe: Filed;
let chloeLamp: Filed;
let jose: Filed;
let smith: Filed;

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  chloe = await fileClaim({ customerName: "Chloé Müller", orderName: "#5500", titles: ["Crest Kettle"] });
  chloeLamp = await fileClaim({ customerName: "Chloé Dubois", orderName: "#5501", titles: ["Aurora Desk Lamp"] });
  jose = await fileClaim({
    customerName: "José García",
    orderName: "#5612",
    titles: ["Flux USB-C Cable", "Aurora Desk Lamp"],
  });
  smith = await fileClaim({ customerName: "Anna Smith", orderName: "#15500", titles: ["Zen Yoga Mat"] });
});

describe("the inbox's search", () => {
  it("GIVEN claims WHEN the merchant searches a claim number, with or without # THEN exactly that claim", async () => {
    expect(await found(`#${jose.number}`)).toEqual([jose.number]);
    expect(await found(String(jose.number))).toEqual([jose.number]);
  });

  it("GIVEN claims WHEN the merchant searches an order name, with or without #, or its start THEN the orders it starts", async () => {
    expect(await found("#5612")).toEqual([jose.number]);
    expect(await found("5612")).toEqual([jose.number]);
    expect(await found("#550")).toEqual([chloe.number, chloeLamp.number]);
    expect(await found("155")).toEqual([smith.number]);
  });

  it("GIVEN claims WHEN the merchant searches the start of a name, in any case, with or without accents THEN theirs", async () => {
    expect(await found("smi")).toEqual([smith.number]);
    expect(await found("GARC")).toEqual([jose.number]);
    expect(await found("chloe")).toEqual([chloe.number, chloeLamp.number]);
    expect(await found("Chloé")).toEqual([chloe.number, chloeLamp.number]);
    expect(await found("muller")).toEqual([chloe.number]);
    expect(await found("MÜLL")).toEqual([chloe.number]);
    expect(await found("jose garcia")).toEqual([jose.number]);
  });

  it("GIVEN claims WHEN the merchant searches a product's word THEN the claims with an item of that title", async () => {
    expect(await found("lamp")).toEqual([chloeLamp.number, jose.number]);
    expect(await found("usb-c")).toEqual([jose.number]);
    expect(await found("usbc")).toEqual([jose.number]);
    expect(await found("kett")).toEqual([chloe.number]);
    // A piece from the middle of a word is not searched (a word's start is).
    expect(await found("ettle")).toEqual([]);
    expect(await found("zzzz")).toEqual([]);
    expect(await found("#")).toEqual([]);
  });

  it("GIVEN claims WHEN the search has two words THEN only the claims that have both", async () => {
    expect(await found("chloe lamp")).toEqual([chloeLamp.number]);
    expect(await found("lamp chloe")).toEqual([chloeLamp.number]);
    expect(await found("chloe cable")).toEqual([]);
  });

  it("GIVEN claims in several tabs WHEN the merchant searches within a tab THEN only that tab's", async () => {
    await moveTo(chloeLamp, "resolved");
    expect(await found("chloe", "resolved")).toEqual([chloeLamp.number]);
    expect(await found("chloe", "needs_response")).toEqual([chloe.number]);
    expect(await found("chloe", "to_inspect")).toEqual([]);
  });

  it("GIVEN another shop's claim with the same words WHEN this shop searches THEN it is not found", async () => {
    await installTestShop("other-shop.myshopify.com", { accessToken: "other-shop-offline-token" });
    await fileClaim({
      shop: "other-shop.myshopify.com",
      customerName: "Chloé Müller",
      orderName: "#5500",
      titles: ["Crest Kettle"],
    });
    expect(await found("muller")).toEqual([chloe.number]);
    expect(await found("#5500")).toEqual([chloe.number]);
  });

  it("GIVEN more matching claims than a page WHEN the merchant pages forward and back THEN each appears once, in the inbox's order", async () => {
    const larsens: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { id } = await fileClaim({
        customerName: `Tara Larsen`,
        orderName: `#7${i}`,
        titles: ["Echo Earbuds"],
        hoursAgo: 1 + (i % 4),
      });
      larsens.push(id);
    }
    for (const sort of ["due", "updated"]) {
      const q = `?tab=all&sort=${sort}&q=larsen`;
      const first = await inbox(q);
      const second = await inbox(`${q}&after=${first.next}`);
      expect([first.rows.length, second.rows.length, second.next]).toEqual([25, 5, null]);
      expect([...first.rows, ...second.rows].map((r) => r.id).sort()).toEqual([...larsens].sort());
      // The same order as the tab without a search.
      const all = [...(await inbox(`?tab=all&sort=${sort}`)).rows];
      for (let page = await inbox(`?tab=all&sort=${sort}`); page.next;) {
        page = await inbox(`?tab=all&sort=${sort}&after=${page.next}`);
        all.push(...page.rows);
      }
      expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(
        all.filter((r) => larsens.includes(r.id)).map((r) => r.id),
      );
      const back = await inbox(`${q}&before=${second.previous}`);
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });

  it("GIVEN more claims with a word than are looked up by id WHEN the merchant searches it THEN the pages still hold exactly them, narrowed by a second word", async () => {
    // 2,100 Jansens, written as the bench seeds them (its rows, the app's terms); every 7th has a kettle.
    const rows: ClaimToIndex[] = Array.from({ length: 2_100 }, (_, i) => ({
      id: `jansen-${String(i).padStart(4, "0")}`,
      shop: TEST_SHOP,
      orderName: `#9${i}`,
      customerName: "Lena Jansen",
      itemTitles: [i % 7 === 0 ? "Crest Kettle" : "Zen Yoga Mat"],
    }));
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      await prisma.claim.createMany({
        data: batch.map((row, i) => ({
          id: row.id,
          shop: TEST_SHOP,
          number: 20_000 + start + i,
          orderId: `gid://shopify/Order/9${start + i}`,
          orderName: row.orderName,
          customerName: row.customerName,
          type: "warranty",
          status: (start + i) % 2 === 0 ? "submitted" : "resolved",
          responseHours: 48,
          returnRequired: false,
          returnShippingPaidBy: "merchant",
          evidenceKindsJson: "[]",
          submittedAt: NOW,
          respondBy: (start + i) % 2 === 0 ? new Date(NOW.getTime() + (start + i) * 1000) : null,
          lastEventAt: NOW,
          searchIndexVersion: CLAIM_SEARCH_INDEX_VERSION,
        })),
      });
      await prisma.claimItem.createMany({
        data: batch.map((row) => ({
          claimId: row.id,
          position: 0,
          lineItemId: `gid://shopify/LineItem/${row.id}`,
          productId: "gid://shopify/Product/1",
          title: row.itemTitles[0]!,
          quantity: 1,
          componentsJson: "[]",
          returnLocationsJson: "[]",
        })),
      });
      await prisma.claimSearchTerm.createMany({ data: claimSearchTermRows(batch) });
    }
    // The inbox's due order: the running clocks soonest first, then the answered by id.
    const jansens = async (where: object) => {
      const of = (respondBy: object | null) =>
        prisma.claim.findMany({
          where: { shop: TEST_SHOP, customerName: "Lena Jansen", respondBy, ...where },
          orderBy: [{ respondBy: "asc" }, { id: "asc" }],
          select: { id: true },
        });
      return [...(await of({ not: null })), ...(await of(null))];
    };
    // The running clocks first, soonest due first, in the Needs response tab.
    const due = (await jansens({ status: "submitted" })).map((c) => c.id);
    const first = await inbox("?tab=needs_response&q=jansen");
    const second = await inbox(`?tab=needs_response&q=jansen&after=${first.next}`);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(due.slice(0, 50));
    // Both words: the kettles among them (fewer than the id lookup's limit), every page.
    const kettles = (await jansens({ items: { some: { title: "Crest Kettle" } } })).map((c) => c.id);
    expect(kettles).toHaveLength(300);
    const pages: string[] = [];
    for (let page = await inbox("?tab=all&q=jansen%20kett"); ;) {
      pages.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      page = await inbox(`?tab=all&q=jansen%20kett&after=${page.next}`);
    }
    expect(pages).toEqual(kettles);
    // And its claim number still finds it exactly.
    expect((await inbox("?tab=all&q=%2320007")).rows.map((r) => r.id)).toEqual(["jansen-0007"]);
  });
});

describe("claims filed before the search index", () => {
  it("GIVEN a claim filed before the index WHEN the backfill runs THEN the search finds it, and a claim filed after it too", async () => {
    const older = await fileClaim({ customerName: "Zoë Novak", orderName: "#6601", titles: ["Drift Drone"] });
    // As the migration leaves a claim filed before: no words, version 0.
    await prisma.claimSearchTerm.deleteMany({ where: { claimId: older.id } });
    await prisma.claim.update({ where: { id: older.id }, data: { searchIndexVersion: 0 } });
    expect(await found("novak")).toEqual([]);

    expect(await backfillClaimSearch(prisma, { owner: "instance-a", batchSize: 2 })).toBe(1);
    expect(await found("zoe")).toEqual([older.number]);
    expect(await found("drone")).toEqual([older.number]);
    expect(await found("#6601")).toEqual([older.number]);
    expect(await prisma.workerLease.count()).toBe(0);
    // Nothing left to do: the next start indexes nothing.
    expect(await backfillClaimSearch(prisma, { owner: "instance-a" })).toBe(0);

    const newer = await fileClaim({ customerName: "Kai Novak", orderName: "#6602", titles: ["Drift Drone"] });
    expect(await found("novak")).toEqual([older.number, newer.number]);
  });

  it("GIVEN claims of an older index version WHEN the backfill runs in batches THEN each is indexed once, with the current words", async () => {
    const all = [chloe, chloeLamp, jose, smith];
    await prisma.claimSearchTerm.deleteMany({});
    await prisma.claimSearchTerm.create({ data: { claimId: jose.id, shop: TEST_SHOP, field: "item", term: "stale" } });
    await prisma.claim.updateMany({ data: { searchIndexVersion: CLAIM_SEARCH_INDEX_VERSION - 1 } });
    expect(await found("stale")).toEqual([jose.number]);

    expect(await backfillClaimSearch(prisma, { owner: "instance-a", batchSize: 3 })).toBe(all.length);
    expect(await found("stale")).toEqual([]);
    expect(await found("lamp")).toEqual([chloeLamp.number, jose.number]);
    expect(await prisma.claim.count({ where: { searchIndexVersion: CLAIM_SEARCH_INDEX_VERSION } })).toBe(all.length);
  });

  it("GIVEN another instance holds the backfill's lease WHEN this one starts THEN it leaves the work to it", async () => {
    await prisma.claim.update({ where: { id: smith.id }, data: { searchIndexVersion: 0 } });
    await prisma.workerLease.create({
      data: { name: "claim-search-backfill", owner: "instance-b", leaseUntil: new Date(Date.now() + 60_000) },
    });
    expect(await backfillClaimSearch(prisma, { owner: "instance-a" })).toBeNull();
    expect(await prisma.claim.count({ where: { searchIndexVersion: 0 } })).toBe(1);
    // Once its lease ran out (it stopped), this instance takes over.
    const later = () => new Date(Date.now() + 120_000);
    expect(await backfillClaimSearch(prisma, { owner: "instance-a", now: later })).toBe(1);
  });
});

describe("customers/redact", () => {
  it("GIVEN a customer's claims WHEN Shopify asks to erase the customer THEN their name finds nothing, the order name and items still find the claim", async () => {
    const otto = await fileClaim({
      customerName: "Otto Weber",
      orderName: "#8801",
      titles: ["Polar Cooler Box"],
      customer: 880,
    });
    const other = await fileClaim({ customerName: "Greta Weber", orderName: "#8802", titles: ["Polar Cooler Box"] });
    expect(await found("weber")).toEqual([otto.number, other.number]);

    const request = await webhookRequest("/webhooks/customers/redact", "customers/redact", {
      shop_domain: TEST_SHOP,
      customer: { id: 880 },
      orders_to_redact: [],
    });
    expect((await customersRedact(routeArgs(request))).status).toBe(200);

    expect(await found("otto")).toEqual([]);
    expect(await found("weber")).toEqual([other.number]);
    expect(await found("#8801")).toEqual([otto.number]);
    expect(await found("cooler")).toEqual([otto.number, other.number]);
    expect(await prisma.claimSearchTerm.count({ where: { claimId: otto.id, field: "customer" } })).toBe(0);
  });
});
