import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, EmptyState, Layout, Link, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "../db.server";
import { CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS, RESPONSE_BADGE_TONES } from "../components/claim-labels";
import {
  ConversationCard,
  EvidenceCard,
  ItemsCard,
  ReportCard,
  TimelineCard,
} from "../components/claim-page/claim-cards";
import { formatter } from "../components/claim-page/format";
import { ClaimActionsCard } from "../components/claim-page/claim-actions";
import { EmailsCard } from "../components/claim-page/emails-card";
import { EvaluationCard } from "../components/claim-page/evaluation-card";
import { ReturnCard } from "../components/claim-page/return-card";
import { ResolutionCard } from "../components/claim-page/resolution-card";
import { runClaimPageAction } from "../services/claim-page-actions.server";
import { loadClaimPage, type ClaimPage } from "../services/claim-page.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.number} · Warranty Desk` : "Claim · Warranty Desk" },
];

// One claim as the merchant works it: the order's facts, what the shopper said, the evidence, the
// conversation and the event log. Another shop's claim is the same 404 as one that does not exist.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    return await loadClaimPage(prisma, admin.graphql, session.shop, params.claimId ?? "", new Date());
  } catch (error) {
    throw errorResponse(error);
  }
};

const RETURN_SHIPPING_TEXT: Record<ClaimPage["policy"]["returnShippingPaidBy"], string> = {
  merchant: "You pay the return shipping",
  customer: "The shopper pays the return shipping",
  decided_on_review: "Who pays the return shipping is decided on review",
};

// One intent per action, posted as JSON with the claim's version the merchant saw: a claim another
// merchant changed meanwhile is a conflict (409) and the page reloads the fresh claim.
// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    const userId = session.onlineAccessInfo?.associated_user.id;
    const actor = { type: "merchant" as const, ...(userId ? { id: String(userId) } : {}) };
    const context = { db: prisma, graphql: admin.graphql, shop: session.shop, claimId: params.claimId ?? "", actor };
    return await runClaimPageAction({ ...context, now: new Date() }, body);
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant typed and shows what to do.
    return errorResponse(error);
  }
};

export default function ClaimPageRoute() {
  const claim = useLoaderData<typeof loader>();
  const timezone = claim.order.shown ? claim.order.timezone : "UTC";
  const when = formatter(timezone);
  const status = CLAIM_STATUS_LABELS[claim.status];
  return (
    <Page
      backAction={{ content: "Claims", url: "/app/claims" }}
      title={`Claim #${claim.number}`}
      titleMetadata={<Badge tone={status.tone}>{status.label}</Badge>}
      subtitle={`${CLAIM_TYPE_LABELS[claim.type]} claim · submitted ${when(claim.submittedAt)}`}
      secondaryActions={[{ content: "View order in Shopify", url: claim.orderUrl, target: "_top" }]}
    >
      <Layout>
        {claim.order.shown ? null : (
          <Layout.Section>
            <Banner tone="warning" title="Shopify does not show this order right now">
              <p>
                {claim.order.reason === "not_in_shopify"
                  ? "The order may have been deleted, or it is older than the app may read. The claim shows what was kept when the shopper filed it."
                  : "Shopify did not answer. The claim shows what was kept when the shopper filed it; reload the page in a moment for the order's delivery dates."}
              </p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <ItemsCard claim={claim} when={when} />
            <EvaluationCard claim={claim} />
            <ResolutionCard claim={claim} when={when} />
            <ReturnCard claim={claim} when={when} />
            <ReportCard claim={claim} />
            <EvidenceCard claim={claim} />
            <ConversationCard claim={claim} when={when} />
            <EmailsCard claim={claim} when={when} />
            <TimelineCard claim={claim} when={when} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ClaimActionsCard claim={claim} />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Response
                </Text>
                {claim.clock ? (
                  <Badge tone={RESPONSE_BADGE_TONES[claim.clock.tone]}>{claim.clock.label}</Badge>
                ) : (
                  <Text as="p" tone="subdued">
                    Answered
                  </Text>
                )}
                <Text as="p" tone="subdued">
                  {`Respond within ${claim.policy.responseHours} hours of each shopper message. Times in ${timezone}.`}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Customer
                </Text>
                <Text as="p">{claim.customerName ?? "—"}</Text>
                {claim.customerEmail ? <Text as="p">{claim.customerEmail}</Text> : null}
                <Link url={claim.orderUrl} target="_top">
                  {`Order ${claim.orderName ?? ""} in Shopify`}
                </Link>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Policy when filed
                </Text>
                <Text as="p">{claim.policy.returnRequired ? "Return required" : "No return required"}</Text>
                <Text as="p">{RETURN_SHIPPING_TEXT[claim.policy.returnShippingPaidBy]}</Text>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page backAction={{ content: "Claims", url: "/app/claims" }} title="Claim not found">
        <Card>
          <EmptyState
            heading="This claim does not exist in your store"
            action={{ content: "Go to the claims inbox", url: "/app/claims" }}
            image="/empty-state-claims.svg"
          >
            <p>It may have been removed, or the link points to a claim of another store.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return boundary.error(error);
}
