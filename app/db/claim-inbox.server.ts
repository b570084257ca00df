import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { CLAIM_STATUSES, ClaimStatusSchema, type ClaimStatus } from "../domain/claim-lifecycle/claim-status";
import { statusesOfTab, type InboxTab } from "../domain/claim-lifecycle/inbox";
import { ClaimTypeSchema } from "../domain/evaluate-claim-schema";
import { MoneyInputSchema, type MoneyInput } from "../domain/money";
import { claimSearchWhere } from "./claim-search.server";

// The merchant's inbox: one page of a shop's claims per tab, searched and sorted, with keyset
// (cursor) pagination on (respondBy, id) or (lastEventAt, id), never OFFSET, so a page costs the
// same at claim 100,000 as at claim 10 (the [shop, respondBy, id, status] and [shop, lastEventAt]
// indexes). A cursor names the last (or first) row shown; its page starts right after (before) it.

/** The client the inbox reads with (services name it through this type, not through Prisma). */
export type InboxDb = PrismaClient;

export const INBOX_SORTS = ["due", "updated"] as const;
type InboxSort = (typeof INBOX_SORTS)[number];
const INBOX_PAGE_SIZE = 25;

export const InboxCursorSchema = z.object({ key: z.string().datetime().nullable(), id: z.string().min(1) });
export type InboxCursor = z.infer<typeof InboxCursorSchema>;

interface InboxQuery {
  tab: InboxTab;
  /**
   * Claim number (#1001 or 1001), or the start of words of the order name, customer name or item
   * titles (app/db/claim-search.server.ts); blank for none.
   */
  search: string;
  sort: InboxSort;
  /** The page after this row, or before it; the first page when absent. */
  after?: InboxCursor;
  before?: InboxCursor;
  limit?: number;
}

interface InboxRow {
  id: string;
  number: number;
  orderName: string | null;
  customerName: string | null;
  type: z.infer<typeof ClaimTypeSchema>;
  status: ClaimStatus;
  respondBy: Date | null;
  lastEventAt: Date;
  items: { title: string | null; quantity: number }[];
  /** What the claimed items cost the shopper, in the order's currency; null on claims filed without it. */
  value: MoneyInput | null;
}

interface InboxPage {
  rows: InboxRow[];
  /** Cursors of the first and last row, when there is a page before or after them. */
  previous: InboxCursor | null;
  next: InboxCursor | null;
}

/**
 * One stretch of a page's order that a single index range serves: a filter and its order. A page
 * reads the stretches in turn until it has enough rows.
 */
interface Stretch {
  where: Prisma.ClaimWhereInput;
  orderBy: Prisma.ClaimOrderByWithRelationInput[];
}

/**
 * The stretches after (or before) the cursor, in the sort's order. "due" is respondBy ascending with
 * the answered (null) last, then id: read as two stretches, the running clocks by (respondBy, id)
 * and then the answered by id, each an index range on [shop, respondBy, id, status]. One query ordered by
 * "nulls last" made SQLite sort every claim of the shop (0.5 s at 100,000 claims, npm run bench).
 */
function stretches(sort: InboxSort, cursor: InboxCursor | undefined, side: "after" | "before"): Stretch[] {
  const key = cursor?.key === null || cursor?.key === undefined ? null : new Date(cursor.key);
  if (sort === "updated") {
    // lastEventAt descending, id descending; never null.
    const direction = side === "after" ? "desc" : "asc";
    const orderBy = [{ lastEventAt: direction }, { id: direction }] satisfies Prisma.ClaimOrderByWithRelationInput[];
    if (!cursor) return [{ where: {}, orderBy }];
    const at = key ?? new Date(0);
    const beyond = side === "after" ? "lt" : "gt";
    return [
      { where: { OR: [{ lastEventAt: { [beyond]: at } }, { lastEventAt: at, id: { [beyond]: cursor.id } }] }, orderBy },
    ];
  }
  const running = (where: Prisma.ClaimWhereInput, direction: "asc" | "desc"): Stretch => ({
    where: { AND: [{ respondBy: { not: null } }, where] },
    orderBy: [{ respondBy: direction }, { id: direction }],
  });
  const answered = (where: Prisma.ClaimWhereInput, direction: "asc" | "desc"): Stretch => ({
    where: { AND: [{ respondBy: null }, where] },
    // respondBy is null throughout: ordering by it too makes the order the index's own, which
    // PostgreSQL otherwise read from the primary key across every shop's claims (166 ms).
    orderBy: [{ respondBy: direction }, { id: direction }],
  });
  if (side === "after") {
    if (!cursor) return [running({}, "asc"), answered({}, "asc")];
    if (key === null) return [answered({ id: { gt: cursor.id } }, "asc")];
    const later = { OR: [{ respondBy: { gt: key } }, { respondBy: key, id: { gt: cursor.id } }] };
    return [running(later, "asc"), answered({}, "asc")];
  }
  // Backwards from the cursor: the reverse order, answered (from the highest id) before running.
  if (!cursor) return [answered({}, "desc"), running({}, "desc")];
  if (key === null) return [answered({ id: { lt: cursor.id } }, "desc"), running({}, "desc")];
  return [running({ OR: [{ respondBy: { lt: key } }, { respondBy: key, id: { lt: cursor.id } }] }, "desc")];
}

const INBOX_ROW_SELECT = {
  id: true,
  number: true,
  orderName: true,
  customerName: true,
  type: true,
  status: true,
  respondBy: true,
  lastEventAt: true,
  claimedValueAmount: true,
  claimedValueCurrency: true,
  items: { select: { title: true, quantity: true }, orderBy: { position: "asc" } },
} satisfies Prisma.ClaimSelect;
type InboxRowSelected = Prisma.ClaimGetPayload<{ select: typeof INBOX_ROW_SELECT }>;

const cursorOf = (sort: InboxSort, row: InboxRow): InboxCursor => ({
  key: (sort === "updated" ? row.lastEventAt : row.respondBy)?.toISOString() ?? null,
  id: row.id,
});

export async function listInboxClaims(db: PrismaClient, shop: string, query: InboxQuery): Promise<InboxPage> {
  const limit = query.limit ?? INBOX_PAGE_SIZE;
  const statuses = statusesOfTab(query.tab);
  const cursor = query.before ?? query.after;
  const side = query.before ? "before" : "after";
  const search = await claimSearchWhere(db, shop, query.search);
  // The page's ids first, then their rows: the ids alone come from the index (PostgreSQL: an
  // index-only scan filters the tab's statuses in the index instead of reading each claim, 40 to
  // 90 ms down to 1 to 2 ms for a tab without running clocks at 100,000 claims, npm run bench).
  const ids: string[] = [];
  for (const stretch of stretches(query.sort, cursor, side)) {
    if (ids.length > limit) break;
    const found = await db.claim.findMany({
      where: {
        AND: [{ shop }, statuses ? { status: { in: [...statuses] } } : {}, search, stretch.where],
      },
      orderBy: stretch.orderBy,
      take: limit + 1 - ids.length,
      select: { id: true },
    });
    ids.push(...found.map((row) => row.id));
  }
  // By id alone (they are this shop's, read just above): with `shop = ?` beside it SQLite read
  // the shop's claims through a shop index instead of looking up 26 ids (170 ms).
  const read = await db.claim.findMany({ where: { id: { in: ids } }, select: INBOX_ROW_SELECT });
  const byId = new Map<string, InboxRowSelected>(read.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit).map(({ claimedValueAmount, claimedValueCurrency, ...row }): InboxRow => ({
    ...row,
    type: ClaimTypeSchema.parse(row.type),
    status: ClaimStatusSchema.parse(row.status),
    value:
      claimedValueAmount === null && claimedValueCurrency === null
        ? null
        : MoneyInputSchema.parse({ amount: claimedValueAmount, currencyCode: claimedValueCurrency }),
  }));
  if (side === "before") shown.reverse();
  const first = shown[0];
  const last = shown.at(-1);
  const hasPrevious = side === "before" ? more : cursor !== undefined;
  const hasNext = side === "before" ? true : more;
  return {
    rows: shown,
    previous: hasPrevious && first ? cursorOf(query.sort, first) : null,
    next: hasNext && last ? cursorOf(query.sort, last) : null,
  };
}

/** How many of the shop's claims each tab holds (one grouped count on the [shop, status, …] index). */
export async function countInboxTabs(db: PrismaClient, shop: string): Promise<Record<InboxTab, number>> {
  const groups = await db.claim.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  const byStatus = new Map<string, number>(groups.map((group) => [group.status, group._count._all]));
  const sum = (statuses: readonly ClaimStatus[]) => statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0);
  const count = (tab: InboxTab) => sum(statusesOfTab(tab) ?? CLAIM_STATUSES);
  return {
    needs_response: count("needs_response"),
    waiting_on_shopper: count("waiting_on_shopper"),
    awaiting_return: count("awaiting_return"),
    to_inspect: count("to_inspect"),
    resolved: count("resolved"),
    all: count("all"),
  };
}
