import type { Prisma, PrismaClient } from "@prisma/client";
import type { ClaimStatus } from "../app/domain/claim-lifecycle/claim-status";
import { INBOX_TAB_STATUSES } from "../app/domain/claim-lifecycle/inbox";
import { CLAIM_SEARCH_INDEX_VERSION, claimSearchTermRows, type ClaimToIndex } from "../app/db/claim-search.server";

// Claims at scale, written straight into the bench's fresh database in multi-row INSERTs
// (createMany, 500 rows a statement): one big shop and many small ones. Rows have the shape the
// app's services write (the inbox's projections respondBy and lastEventAt included), so the app's
// readers parse them; the event log is left out (the inbox never reads it, and the claim page's
// claim is made by the app's own services, see claim-page-claim.ts).

export interface SeedPlan {
  /** The shop the scenarios open. */
  bigShop: string;
  bigShopClaims: number;
  /** Shops besides the big one, each with `claimsPerSmallShop` claims. */
  smallShops: number;
  claimsPerSmallShop: number;
}

interface SeedResult {
  shops: number;
  claims: number;
  claimItems: number;
  ms: number;
}

const BATCH = 500;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// What a big shop's claims look like after two years: most finished, a working set open.
const STATUS_WEIGHTS: readonly [ClaimStatus, number][] = [
  ["submitted", 8],
  ["needs_information", 4],
  ["approved", 3],
  ["partially_approved", 1],
  ["awaiting_return", 5],
  ["return_in_transit", 4],
  ["return_received", 4],
  ["inspected", 2],
  ["return_lost", 1],
  ["resolved", 45],
  ["denied", 12],
  ["cancelled", 6],
  ["closed", 5],
];
const RESPONSE_CLOCK_RUNS: ReadonlySet<ClaimStatus> = new Set(INBOX_TAB_STATUSES.needs_response);

const FIRST_NAMES = [
  "Anna",
  "Ben",
  "Chloé",
  "David",
  "Elif",
  "Felix",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kai",
  "Lena",
  "Marta",
  "Noah",
  "Olga",
  "Paul",
  "Rosa",
  "Sven",
  "Tara",
  "Yusuf",
];
const LAST_NAMES = [
  "Müller",
  "Schmidt",
  "Dubois",
  "García",
  "Rossi",
  "Nowak",
  "Smith",
  "Jansen",
  "Larsen",
  "Silva",
  "Kowalski",
  "Martin",
  "Weber",
  "Fischer",
  "Moreau",
  "López",
  "Bauer",
  "Novak",
  "Berg",
  "Costa",
];
const PRODUCTS = [
  "Aurora Desk Lamp",
  "Nimbus Power Bank 20000",
  "Trail Water Bottle",
  "Volt E-Scooter",
  "Echo Earbuds",
  "Summit Backpack",
  "Polar Cooler Box",
  "Drift Drone",
  "Pulse Smartwatch",
  "Glow Night Light",
  "Terra Plant Pot",
  "Breeze Desk Fan",
  "Nova Bluetooth Speaker",
  "Orbit Phone Stand",
  "Flux USB-C Cable",
  "Pebble Webcam",
  "Crest Kettle",
  "Atlas Travel Adapter",
  "Halo Ring Light",
  "Zen Yoga Mat",
];

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const totalWeight = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
function pickStatus(r: number): ClaimStatus {
  let left = r * totalWeight;
  for (const [status, weight] of STATUS_WEIGHTS) {
    left -= weight;
    if (left < 0) return status;
  }
  return "closed";
}

const smallShopName = (index: number) => `bench-shop-${String(index).padStart(4, "0")}.myshopify.com`;

/** Claims `from` to `to` (exclusive) of a shop's `count`; each claim's data depends only on its index. */
function claimRows(shop: string, shopIndex: number, range: { from: number; to: number; count: number }, now: Date) {
  const { from, to, count } = range;
  const claims: Prisma.ClaimCreateManyInput[] = [];
  const items: Prisma.ClaimItemCreateManyInput[] = [];
  const searchable: ClaimToIndex[] = [];
  for (let i = from; i < to; i++) {
    const next = random(shopIndex * 1_000_003 + i);
    const id = `bench${shopIndex.toString(36)}x${i.toString(36)}`;
    const status = pickStatus(next());
    const submittedAt = new Date(now.getTime() - Math.floor(next() * 730 * DAY));
    const running = RESPONSE_CLOCK_RUNS.has(status);
    const lastEventAt = new Date(Math.min(now.getTime(), submittedAt.getTime() + Math.floor(next() * 10 * DAY)));
    const first = FIRST_NAMES[Math.floor(next() * FIRST_NAMES.length)]!;
    const last = LAST_NAMES[Math.floor(next() * LAST_NAMES.length)]!;
    const orderNumber = 1000 + i * 3 + Math.floor(next() * 3);
    claims.push({
      id,
      shop,
      number: 1001 + i,
      orderId: `gid://shopify/Order/${shopIndex * 10_000_000 + orderNumber}`,
      orderName: `#${orderNumber}`,
      customerId: `gid://shopify/Customer/${shopIndex * 10_000_000 + Math.floor(next() * count)}`,
      type: next() < 0.4 ? "arrival" : "warranty",
      status,
      responseHours: 48,
      returnRequired: next() < 0.6,
      returnShippingPaidBy: "merchant",
      evidenceKindsJson: JSON.stringify(["issue_photo"]),
      submittedAt,
      // Running clocks fall due within the next few days or are overdue by a few.
      respondBy: running ? new Date(now.getTime() + Math.floor((next() * 5 - 2) * DAY)) : null,
      lastEventAt,
      claimedValueAmount: `${Math.floor(next() * 400) + 10}.${String(Math.floor(next() * 100)).padStart(2, "0")}`,
      claimedValueCurrency: "EUR",
      customerName: `${first} ${last}`,
      customerEmail: `${first}.${last}.${i}@example.com`.toLowerCase(),
      locale: "en",
      searchIndexVersion: CLAIM_SEARCH_INDEX_VERSION,
    });
    const itemCount = next() < 0.8 ? 1 : 2;
    const titles: string[] = [];
    for (let position = 0; position < itemCount; position++) {
      // In the order the PRNG was always drawn, so every run and version seeds the same claims.
      const productId = `gid://shopify/Product/${1 + Math.floor(next() * PRODUCTS.length)}`;
      const title = PRODUCTS[Math.floor(next() * PRODUCTS.length)]!;
      titles.push(title);
      items.push({
        id: `${id}i${position}`,
        claimId: id,
        position,
        lineItemId: `gid://shopify/LineItem/${shopIndex * 10_000_000 + i * 2 + position}`,
        productId,
        title,
        quantity: next() < 0.9 ? 1 : 2,
        componentsJson: "[]",
        returnLocationsJson: "[]",
      });
    }
    searchable.push({ id, shop, orderName: `#${orderNumber}`, customerName: `${first} ${last}`, itemTitles: titles });
  }
  return { claims, items, searchTerms: claimSearchTermRows(searchable) };
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

export async function seedClaimsAtScale(db: PrismaClient, plan: SeedPlan, now: Date): Promise<SeedResult> {
  const started = performance.now();
  const shops = [
    { shop: plan.bigShop, count: plan.bigShopClaims },
    ...Array.from({ length: plan.smallShops }, (_, index) => ({
      shop: smallShopName(index + 1),
      count: plan.claimsPerSmallShop,
    })),
  ];
  let claimCount = 0;
  let itemCount = 0;
  // A shop's rows at a time (the big shop in slices), so memory stays bounded at any scale.
  const SLICE = 20_000;
  for (const [shopIndex, { shop, count }] of shops.entries()) {
    for (let offset = 0; offset < count; offset += SLICE) {
      const range = { from: offset, to: Math.min(count, offset + SLICE), count };
      const { claims, items, searchTerms } = claimRows(shop, shopIndex, range, now);
      await insertInBatches(claims, (data) => db.claim.createMany({ data }));
      await insertInBatches(items, (data) => db.claimItem.createMany({ data }));
      await insertInBatches(searchTerms, (data) => db.claimSearchTerm.createMany({ data }));
      claimCount += claims.length;
      itemCount += items.length;
    }
    // The next claim number follows the seeded ones, as if the app had allocated them.
    await db.claimCounter.create({ data: { shop, last: 1000 + count } });
  }
  return {
    shops: shops.length,
    claims: claimCount,
    claimItems: itemCount,
    ms: Math.round(performance.now() - started),
  };
}
