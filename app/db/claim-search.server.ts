import type { Prisma, PrismaClient } from "@prisma/client";
import { claimSearchTerms, searchWordsOf, type ClaimSearchText } from "../domain/claim-search";
import { acquireWorkerLease, releaseWorkerLease } from "./worker-leases.server";

// The inbox search's index (docs/decisions/032-inbox-search-index.md): a claim's words
// (app/domain/claim-search.ts) as ClaimSearchTerm rows, written in the claim's own transaction.
// A search word is the range [word, word + U+10FFFF) on [shop, term]: every term it starts, in
// byte order on both databases (SQLite's BINARY, the PostgreSQL column's COLLATE "C").

type Db = PrismaClient | Prisma.TransactionClient;

/** Claims written with a lower version (0: before the index existed) are indexed again by the backfill. */
export const CLAIM_SEARCH_INDEX_VERSION = 1;
/**
 * A word matching more claims than this is a filter on the inbox's ordered scan (which then finds
 * a page's worth quickly); fewer are looked up by id.
 */
const FEW_CLAIMS = 1_000;
const WORD_END = "\u{10ffff}";
const INSERT_BATCH = 500;

export interface ClaimToIndex extends ClaimSearchText {
  id: string;
  shop: string;
}

/** The ClaimSearchTerm rows of these claims (also what the bench seeds, bench/seed.ts). */
export function claimSearchTermRows(claims: readonly ClaimToIndex[]): Prisma.ClaimSearchTermCreateManyInput[] {
  return claims.flatMap((claim) =>
    claimSearchTerms(claim).map(({ field, term }) => ({ claimId: claim.id, shop: claim.shop, field, term })),
  );
}

/** Writes the claims' search terms; run it in the transaction that writes the claims. */
export async function writeClaimSearchTerms(tx: Db, claims: readonly ClaimToIndex[]): Promise<void> {
  const rows = claimSearchTermRows(claims);
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await tx.claimSearchTerm.createMany({ data: rows.slice(start, start + INSERT_BATCH) });
  }
}

/** customers/redact: the customer's name is no longer found (the order's and items' words stay). */
export async function eraseCustomerSearchTerms(tx: Db, claimIds: readonly string[]): Promise<void> {
  await tx.claimSearchTerm.deleteMany({ where: { claimId: { in: [...claimIds] }, field: "customer" } });
}

const startsWith = (word: string) => ({ gte: word, lt: word + WORD_END });

/** The claims with a word that `word` starts: their ids, or null when there are more than FEW_CLAIMS. */
async function claimsWithWord(db: Db, shop: string, word: string): Promise<Set<string> | null> {
  const where = { shop, term: startsWith(word) };
  // The index's own order ([shop, term, claimId, field]): Prisma orders a `take` or `skip` by the
  // primary key otherwise, which sorted every matching term first (50 ms for a common name).
  const orderBy = [{ term: "asc" }, { claimId: "asc" }, { field: "asc" }] as const;
  // Whether there are more, counted inside the index: turning 2,000 rows into objects cost more
  // than the whole search (npm run bench).
  const beyond = await db.claimSearchTerm.findFirst({
    where,
    orderBy: [...orderBy],
    skip: FEW_CLAIMS,
    select: { claimId: true },
  });
  if (beyond) return null;
  const rows = await db.claimSearchTerm.findMany({ where, orderBy: [...orderBy], select: { claimId: true } });
  return new Set(rows.map((row) => row.claimId));
}

/**
 * The inbox's filter for a merchant's search: the claim number (#1001 or 1001) exactly, or every
 * word of the search starting a word of the claim's order name, customer name or item titles.
 * Words that match few claims become `id IN (…)`, which the database reads by id whatever the
 * shop's size; the others an EXISTS on the index, checked row by row along the inbox's order.
 */
export async function claimSearchWhere(db: Db, shop: string, search: string): Promise<Prisma.ClaimWhereInput> {
  const text = search.trim();
  if (text === "") return {};
  const digits = /^#?(\d{1,9})$/.exec(text)?.[1];
  const byNumber = digits
    ? await db.claim.findUnique({ where: { shop_number: { shop, number: Number(digits) } }, select: { id: true } })
    : null;
  const words = searchWordsOf(text);
  const found: (Set<string> | null)[] = [];
  for (const word of words) found.push(await claimsWithWord(db, shop, word));
  const many = words.filter((_, index) => found[index] === null);
  const few = found.filter((ids): ids is Set<string> => ids !== null).sort((a, b) => a.size - b.size);
  const [smallest, ...others] = few;
  const hasWord = (word: string): Prisma.ClaimWhereInput => ({
    // By the claim's own terms (the primary key [claimId, term, …]), not the shop's: per claim
    // checked, a few rows rather than every term the word starts.
    searchTerms: { some: { term: startsWith(word) } },
  });
  const conditions = many.map(hasWord);
  if (smallest || words.length === 0) {
    // (No word at all, a search of only punctuation, finds nothing but the claim number.)
    const ids = smallest ? [...smallest].filter((id) => others.every((set) => set.has(id))) : [];
    if (conditions.length === 0) return { id: { in: byNumber ? [byNumber.id, ...ids] : ids } };
    conditions.unshift({ id: { in: ids } });
  }
  return byNumber ? { OR: [{ id: byNumber.id }, { AND: conditions }] } : { AND: conditions };
}

/**
 * Indexes up to `limit` claims written before the current index version, in one transaction: the
 * claims are marked first, which locks their rows until the commit, so a customers/redact erasing
 * a name meanwhile either waits and then erases the terms written here, or is seen erased.
 */
export async function indexClaimsForSearch(db: PrismaClient, limit: number): Promise<number> {
  const pending = await db.claim.findMany({
    where: { searchIndexVersion: { lt: CLAIM_SEARCH_INDEX_VERSION } },
    select: { id: true },
    take: limit,
  });
  if (pending.length === 0) return 0;
  const ids = pending.map((claim) => claim.id);
  return db.$transaction(async (tx) => {
    await tx.claim.updateMany({ where: { id: { in: ids } }, data: { searchIndexVersion: CLAIM_SEARCH_INDEX_VERSION } });
    const claims = await tx.claim.findMany({
      where: { id: { in: ids } },
      select: { id: true, shop: true, orderName: true, customerName: true, items: { select: { title: true } } },
    });
    await tx.claimSearchTerm.deleteMany({ where: { claimId: { in: ids } } });
    await writeClaimSearchTerms(
      tx,
      claims.map(({ items, ...claim }) => ({ ...claim, itemTitles: items.map((item) => item.title) })),
    );
    return claims.length;
  });
}

const BACKFILL_LEASE = "claim-search-backfill";

interface BackfillOptions {
  /** This instance, as the lease's owner. */
  owner: string;
  batchSize?: number;
  leaseMs?: number;
  now?: () => Date;
}

/**
 * Indexes every claim written before the current version, a batch at a time, by one instance at a
 * time (the "claim-search-backfill" WorkerLease, renewed every batch). The claims indexed, or null
 * when another instance holds the lease (it is doing the work; try again once its lease ran out).
 */
export async function backfillClaimSearch(db: PrismaClient, options: BackfillOptions): Promise<number | null> {
  const { owner, batchSize = 500, leaseMs = 60_000, now = () => new Date() } = options;
  let total = 0;
  for (;;) {
    const at = now();
    if (!(await acquireWorkerLease(db, BACKFILL_LEASE, owner, at, new Date(at.getTime() + leaseMs)))) return null;
    const indexed = await indexClaimsForSearch(db, batchSize);
    total += indexed;
    if (indexed < batchSize) break;
  }
  await releaseWorkerLease(db, BACKFILL_LEASE, owner);
  return total;
}
