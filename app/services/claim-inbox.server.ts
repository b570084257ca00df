import { z } from "zod";
import {
  countInboxTabs,
  INBOX_SORTS,
  InboxCursorSchema,
  listInboxClaims,
  type InboxCursor,
  type InboxDb,
} from "../db/claim-inbox.server";
import type { ClaimStatus } from "../domain/claim-lifecycle/claim-status";
import {
  inboxResponseClock,
  InboxTabSchema,
  responseClockBadge,
  type InboxTab,
  type ResponseBadgeTone,
} from "../domain/claim-lifecycle/inbox";
import type { MoneyInput } from "../domain/money";
import type { ClaimType } from "../domain/policy/resolve-policy";
import { parseRequestInput } from "../utils/request-input.server";

// The claims inbox as the screen shows it: the URL's search params (validated: a bad one is the
// caller's 400 naming the field), one page of rows with the response clock already worded (on the
// server, so the page and its hydration agree on "now"), and the tab counts.

/** A cursor travels in the URL as base64url JSON; anything else is a bad request. */
const CursorParamSchema = z.string().transform((text, ctx): InboxCursor => {
  try {
    return InboxCursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    ctx.addIssue({ code: "custom", message: "is not a page cursor this inbox gave out; go back to the first page" });
    return z.NEVER;
  }
});

const encodeCursor = (cursor: InboxCursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

const InboxParamsSchema = z
  .object({
    tab: InboxTabSchema.default("needs_response"),
    q: z.string().trim().max(100, "search for at most 100 characters").default(""),
    sort: z.enum(INBOX_SORTS).default("due"),
    after: CursorParamSchema.optional(),
    before: CursorParamSchema.optional(),
  })
  .refine((params) => !(params.after && params.before), {
    message: "ask for the page after a cursor or before one, not both",
    path: ["before"],
  });
type InboxParams = z.infer<typeof InboxParamsSchema>;

/** The inbox's own params from the URL (Shopify's embedded params, host, shop …, are ignored). */
export function parseInboxParams(url: URL): InboxParams {
  const own = ["tab", "q", "sort", "after", "before"].flatMap((key) => {
    const value = url.searchParams.get(key);
    return value === null ? [] : [[key, value] as const];
  });
  return parseRequestInput(InboxParamsSchema, Object.fromEntries(own));
}

interface InboxRowView {
  id: string;
  number: number;
  orderName: string | null;
  customerName: string | null;
  type: ClaimType;
  status: ClaimStatus;
  /** "Aurora Desk Lamp × 2, USB-C Cable" ("Item" where no title was stored). */
  items: string;
  /** What the claimed items cost the shopper, in the order's currency; null on older claims. */
  value: MoneyInput | null;
  clock: { label: string; tone: ResponseBadgeTone } | null;
}

export interface ClaimInbox {
  tab: InboxTab;
  q: string;
  sort: InboxParams["sort"];
  rows: InboxRowView[];
  counts: Record<InboxTab, number>;
  previous: string | null;
  next: string | null;
}

function itemsText(items: { title: string | null; quantity: number }[]): string {
  const named = items.map((item) => {
    const title = item.title ?? "Item";
    return item.quantity > 1 ? `${title} × ${item.quantity}` : title;
  });
  return named.join(", ");
}

export async function loadClaimInbox(db: InboxDb, shop: string, params: InboxParams, now: Date): Promise<ClaimInbox> {
  const [page, counts] = await Promise.all([
    listInboxClaims(db, shop, {
      tab: params.tab,
      search: params.q,
      sort: params.sort,
      ...(params.after ? { after: params.after } : {}),
      ...(params.before ? { before: params.before } : {}),
    }),
    countInboxTabs(db, shop),
  ]);
  return {
    tab: params.tab,
    q: params.q,
    sort: params.sort,
    counts,
    rows: page.rows.map((row) => ({
      id: row.id,
      number: row.number,
      orderName: row.orderName,
      customerName: row.customerName,
      type: row.type,
      status: row.status,
      items: itemsText(row.items),
      value: row.value,
      clock: responseClockBadge(inboxResponseClock(row, now)),
    })),
    previous: page.previous ? encodeCursor(page.previous) : null,
    next: page.next ? encodeCursor(page.next) : null,
  };
}
