import { useCallback, useEffect, useRef, useState } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptySearchResult,
  EmptyState,
  IndexFilters,
  IndexTable,
  Link,
  Page,
  Text,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import prisma from "../db.server";
import { INBOX_TABS, type InboxTab } from "../domain/claim-lifecycle/inbox";
import {
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_LABELS,
  INBOX_TAB_LABELS,
  RESPONSE_BADGE_TONES,
} from "../components/claim-labels";
import { formatMoney } from "../components/claim-page/format";
import { SetupGuideCard } from "../components/setup-guide-card";
import { loadClaimInbox, parseInboxParams, type ClaimInbox } from "../services/claim-inbox.server";
import { loadSetupGuide } from "../services/setup-guide.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";
import { skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Claims · Warranty Desk" }];

// The claims inbox, the app's home: one tab per step that waits on someone, searched and sorted
// in the URL (so reload, back and a shared link keep the view), paged by cursor.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    const params = parseInboxParams(new URL(request.url));
    const [inbox, setupGuide] = await Promise.all([
      loadClaimInbox(prisma, session.shop, params, new Date()),
      loadSetupGuide(prisma, session.shop),
    ]);
    // The first-run guide rides along until it is done or dismissed.
    return { ...inbox, setupGuide };
  } catch (error) {
    throw errorResponse(error);
  }
};

const SORT_OPTIONS: IndexFiltersProps["sortOptions"] = [
  { label: "Response due", value: "due asc", directionLabel: "Soonest first" },
  { label: "Last activity", value: "updated desc", directionLabel: "Newest first" },
];
const SEARCH_DELAY_MS = 300;

function inboxUrl(view: { tab: InboxTab; q: string; sort: string }, page?: { after?: string; before?: string }) {
  const params = new URLSearchParams();
  if (view.tab !== "needs_response") params.set("tab", view.tab);
  if (view.q) params.set("q", view.q);
  if (view.sort !== "due") params.set("sort", view.sort);
  if (page?.after) params.set("after", page.after);
  if (page?.before) params.set("before", page.before);
  const query = params.toString();
  return query ? `/app/claims?${query}` : "/app/claims";
}

const EMPTY_TAB: Record<InboxTab, { heading: string; body: string }> = {
  needs_response: {
    heading: "No claims need your response",
    body: "New claims and approved claims waiting for their next step appear here, soonest due first.",
  },
  waiting_on_shopper: {
    heading: "No claims are waiting on a shopper",
    body: "When you ask a shopper for more information, the claim waits here and its response clock pauses.",
  },
  awaiting_return: {
    heading: "No returns on their way",
    body: "Claims approved with a return wait here until the item arrives at your warehouse.",
  },
  to_inspect: {
    heading: "Nothing to inspect",
    body: "Returns that arrived wait here for you to check them and resolve the claim.",
  },
  resolved: {
    heading: "No resolved claims yet",
    body: "Refunded, replaced, repaired, denied and cancelled claims are kept here.",
  },
  all: { heading: "No claims yet", body: "" },
};

function InboxEmptyState({ inbox }: { inbox: ClaimInbox }) {
  if (inbox.q) {
    return (
      <EmptySearchResult
        title={`No claims match “${inbox.q}”`}
        description="Search by claim number, or by the start of words in the order name, customer name or product title (“garc lamp”)."
        withIllustration
      />
    );
  }
  if (inbox.counts.all > 0) {
    const empty = EMPTY_TAB[inbox.tab];
    return <EmptySearchResult title={empty.heading} description={empty.body} />;
  }
  return (
    <EmptyState
      heading="No claims yet"
      action={{
        content: "Add Warranty Desk to customer accounts",
        url: "shopify://admin/settings/checkout",
        target: "_top",
      }}
      secondaryAction={{ content: "Review your claim policy", url: "/app/settings" }}
      image="/empty-state-claims.svg"
    >
      <BlockStack gap="200">
        <Text as="p">
          When a shopper reports an item that arrived damaged, wrong or not working, or a warranty problem, the claim
          appears here with its evidence and the time left to respond.
        </Text>
        <Text as="p" tone="subdued">
          Shoppers file claims from their order page in customer accounts: add the Warranty Desk block to the order
          status page in the checkout and accounts editor.
        </Text>
      </BlockStack>
    </EmptyState>
  );
}

export default function ClaimsInbox() {
  const { setupGuide, ...inbox } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/claims";
  const { mode, setMode } = useSetIndexFiltersMode();
  const [query, setQuery] = useState(inbox.q);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setQuery(inbox.q), [inbox.q]);
  useEffect(() => () => clearTimeout(searchTimer.current), []);

  const go = useCallback(
    (view: Partial<{ tab: InboxTab; q: string; sort: string }>, replace = false) =>
      navigate(inboxUrl({ tab: inbox.tab, q: inbox.q, sort: inbox.sort, ...view }), { replace }),
    [navigate, inbox.tab, inbox.q, inbox.sort],
  );
  const onQueryChange = (value: string) => {
    setQuery(value);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => go({ q: value.trim() }, true), SEARCH_DELAY_MS);
  };

  const tabs = INBOX_TABS.map((tab) => ({
    id: `tab-${tab}`,
    content: `${INBOX_TAB_LABELS[tab]} (${inbox.counts[tab]})`,
    accessibilityLabel: `${INBOX_TAB_LABELS[tab]}, ${inbox.counts[tab]} claims`,
  }));

  const rows = inbox.rows.map((row, index) => {
    const status = CLAIM_STATUS_LABELS[row.status];
    return (
      <IndexTable.Row id={row.id} key={row.id} position={index}>
        <IndexTable.Cell>
          <Link url={`/app/claims/${row.id}`} monochrome removeUnderline dataPrimaryLink>
            <Text as="span" fontWeight="semibold">
              #{row.number}
            </Text>
          </Link>
        </IndexTable.Cell>
        <IndexTable.Cell>{row.orderName ?? "—"}</IndexTable.Cell>
        <IndexTable.Cell>{row.customerName ?? "—"}</IndexTable.Cell>
        <IndexTable.Cell>{CLAIM_TYPE_LABELS[row.type]}</IndexTable.Cell>
        <IndexTable.Cell>
          <Text as="span" truncate>
            {row.items}
          </Text>
        </IndexTable.Cell>
        <IndexTable.Cell>
          <Text as="span" alignment="end" numeric>
            {row.value ? formatMoney(row.value) : "—"}
          </Text>
        </IndexTable.Cell>
        <IndexTable.Cell>
          {row.clock ? <Badge tone={RESPONSE_BADGE_TONES[row.clock.tone]}>{row.clock.label}</Badge> : "—"}
        </IndexTable.Cell>
        <IndexTable.Cell>
          <Badge tone={status.tone}>{status.label}</Badge>
        </IndexTable.Cell>
      </IndexTable.Row>
    );
  });

  return (
    <Page title="Claims">
      <BlockStack gap="400">
        <SetupGuideCard guide={setupGuide} />
        <Card padding="0">
          <IndexFilters
            tabs={tabs}
            selected={INBOX_TABS.indexOf(inbox.tab)}
            onSelect={(index) => go({ tab: INBOX_TABS[index] ?? "all" })}
            queryValue={query}
            queryPlaceholder="Search claims by number, order, customer or product"
            onQueryChange={onQueryChange}
            onQueryClear={() => onQueryChange("")}
            sortOptions={SORT_OPTIONS}
            sortSelected={[inbox.sort === "updated" ? "updated desc" : "due asc"]}
            onSort={([value]) => go({ sort: value?.startsWith("updated") ? "updated" : "due" })}
            filters={[]}
            appliedFilters={[]}
            onClearAll={() => onQueryChange("")}
            cancelAction={{ onAction: () => onQueryChange(""), disabled: false, loading: false }}
            canCreateNewView={false}
            hideFilters
            mode={mode}
            setMode={setMode}
            loading={loading}
          />
          <IndexTable
            resourceName={{ singular: "claim", plural: "claims" }}
            itemCount={inbox.rows.length}
            selectable={false}
            loading={loading}
            emptyState={<InboxEmptyState inbox={inbox} />}
            headings={[
              { title: "Claim" },
              { title: "Order" },
              { title: "Customer" },
              { title: "Type" },
              { title: "Items" },
              { title: "Value", alignment: "end" },
              { title: "Response due" },
              { title: "Status" },
            ]}
            // Arrows only when there is another page: a lone page needs no disabled controls.
            {...(inbox.previous || inbox.next
              ? {
                  pagination: {
                    hasPrevious: inbox.previous !== null,
                    hasNext: inbox.next !== null,
                    onPrevious: () => inbox.previous && navigate(inboxUrl(inbox, { before: inbox.previous })),
                    onNext: () => inbox.next && navigate(inboxUrl(inbox, { after: inbox.next })),
                  },
                }
              : {})}
          >
            {rows}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
