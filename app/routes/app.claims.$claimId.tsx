import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useFetcher, useLoaderData, useRouteError } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Card,
  DescriptionList,
  EmptyState,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Modal,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "../db.server";
import {
  ACTOR_LABELS,
  CLAIM_EVENT_LABELS,
  CLAIM_PROBLEM_LABELS,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_LABELS,
  EVIDENCE_KIND_LABELS,
  EXCLUSION_ANSWER_LABELS,
  RESOLUTION_LABELS,
  RESPONSE_BADGE_TONES,
} from "../components/claim-labels";
import {
  loadClaimPage,
  parseClaimAction,
  runClaimPageAction,
  type ClaimPage,
  type ClaimPageItem,
} from "../services/claim-page.server";
import { authenticate } from "../shopify.server";
import { errorResponse, type ErrorBody } from "../utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.number} · Warranty Desk` : "Claim · Warranty Desk" },
];

// One claim as the merchant works it: the order's facts, what the shopper said, the evidence, the
// conversation and the event log. Another shop's claim is the same 404 as one that does not exist.
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

// One intent per decision. The version the merchant saw travels with it, so a claim another
// merchant changed meanwhile is a conflict (409) and the page reloads the fresh claim.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    const input = parseClaimAction(await request.formData());
    const userId = session.onlineAccessInfo?.associated_user.id;
    const actor = { type: "merchant" as const, ...(userId ? { id: String(userId) } : {}) };
    return await runClaimPageAction(prisma, session.shop, params.claimId ?? "", input, actor, new Date());
  } catch (error) {
    // Returned, not thrown: the modal keeps what the merchant typed and shows what to do.
    return errorResponse(error);
  }
};

type ActionData = Awaited<ReturnType<typeof runClaimPageAction>> | ErrorBody;

function RequestInformationModal({ claim, open, onClose }: { claim: ClaimPage; open: boolean; onClose: () => void }) {
  const fetcher = useFetcher<ActionData>();
  const shopify = useAppBridge();
  const [message, setMessage] = useState("");
  const sending = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = result && "error" in result ? result.error : null;
  useEffect(() => {
    if (result && "ok" in result) {
      shopify.toast.show(`Message sent to the shopper on claim #${result.number}`);
      setMessage("");
      onClose();
    }
    // Once per answer: `result` is the fetcher's settled data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const send = () =>
    fetcher.submit({ intent: "request_information", message, version: String(claim.version) }, { method: "post" });
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Ask the shopper for more information"
      primaryAction={{ content: "Send to shopper", onAction: send, loading: sending, disabled: message.trim() === "" }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical" title={error.code === "claim.changed_meanwhile" ? "The claim changed" : "Not sent"}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          <Text as="p">
            The shopper sees your message on their claim and can answer with text and files. The response clock pauses
            until they answer. Nothing changes in Shopify.
          </Text>
          <TextField
            label="Message to the shopper"
            value={message}
            onChange={setMessage}
            multiline={4}
            maxLength={5000}
            autoComplete="off"
            error={error?.code === "invalid_request" ? error.message : undefined}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

function formatter(timezone: string) {
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
  return (iso: string) => format.format(new Date(iso));
}

function formatMoney({ amount, currencyCode }: { amount: string; currencyCode: string }) {
  // Display only: the amount stays a decimal string everywhere it is computed with.
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currencyCode }).format(Number(amount));
}

function decisionText(decision: ClaimPageItem["decision"]) {
  if (!decision) return "Not decided";
  return decision.kind === "approve" ? `Approved: ${RESOLUTION_LABELS[decision.resolution]}` : "Denied";
}

function ItemsCard({ claim, when }: { claim: ClaimPage; when: (iso: string) => string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Items
        </Text>
        {claim.items.map((item) => (
          <BlockStack gap="100" key={item.lineItemId}>
            <InlineStack align="space-between" gap="200">
              <Text as="span" fontWeight="semibold">
                {item.title} × {item.quantity}
              </Text>
              <Text as="span" tone="subdued">
                {decisionText(item.decision)}
              </Text>
            </InlineStack>
            {item.facts ? (
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {formatMoney(item.facts.unitPricePaid)} paid per unit, {item.facts.orderedQuantity} ordered
                </Text>
                {item.facts.shipments.map((shipment, index) => (
                  <Text as="p" tone="subdued" key={index}>
                    Shipped {when(shipment.fulfilledAt)}
                    {shipment.warehouse ? ` from ${shipment.warehouse}` : ""}
                    {shipment.deliveredAt
                      ? `, delivered ${when(shipment.deliveredAt)}`
                      : shipment.estimatedDeliveryAt
                        ? `, delivery estimated ${when(shipment.estimatedDeliveryAt)}`
                        : ", not delivered yet"}
                  </Text>
                ))}
              </BlockStack>
            ) : null}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function ReportCard({ claim }: { claim: ClaimPage }) {
  const { submission } = claim;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          What the shopper reported
        </Text>
        <DescriptionList
          items={[
            { term: "Problem", description: submission.problem ? CLAIM_PROBLEM_LABELS[submission.problem] : "—" },
            { term: "Description", description: submission.description ?? "—" },
            {
              term: "Would like",
              description: submission.preferredResolution ? RESOLUTION_LABELS[submission.preferredResolution] : "—",
            },
            ...submission.answers.map(({ key, answer }) => ({
              term: EXCLUSION_ANSWER_LABELS[key],
              description: (
                <Badge tone={answer ? "warning" : undefined}>{answer ? "Yes, says the shopper" : "No"}</Badge>
              ),
            })),
          ]}
        />
      </BlockStack>
    </Card>
  );
}

function EvidenceCard({ claim }: { claim: ClaimPage }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Evidence
        </Text>
        {claim.evidence.length === 0 ? (
          <Text as="p" tone="subdued">
            {claim.submission.evidenceKinds.length === 0
              ? "The shopper has not sent any files."
              : `The shopper named ${claim.submission.evidenceKinds.map((kind) => EVIDENCE_KIND_LABELS[kind].toLowerCase()).join(", ")}, but no files are stored with the claim.`}
          </Text>
        ) : (
          <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
            {claim.evidence.map((file) => {
              const label = `${EVIDENCE_KIND_LABELS[file.kind]}${file.fileName ? ` (${file.fileName})` : ""}`;
              return (
                <BlockStack gap="100" key={file.id}>
                  {file.contentType.startsWith("video/") ? (
                    // A shopper's own recording comes without captions; the label names what it shows.
                    // eslint-disable-next-line jsx-a11y/media-has-caption
                    <video controls preload="metadata" src={file.url} style={{ width: "100%" }} aria-label={label} />
                  ) : (
                    <a href={file.url} target="_blank" rel="noreferrer">
                      <img
                        src={file.thumbnailUrl ?? file.url}
                        alt={label}
                        style={{ width: "100%", aspectRatio: "1", objectFit: "cover", borderRadius: 8 }}
                      />
                    </a>
                  )}
                  <Text as="p" variant="bodySm" tone="subdued">
                    {label}
                  </Text>
                  <Link url={file.url} target="_blank">
                    Open full size
                  </Link>
                </BlockStack>
              );
            })}
          </InlineGrid>
        )}
      </BlockStack>
    </Card>
  );
}

function ConversationCard({ claim, when }: { claim: ClaimPage; when: (iso: string) => string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Conversation
        </Text>
        {claim.conversation.length === 0 ? (
          <Text as="p" tone="subdued">
            No messages yet. Ask the shopper for more information when something is unclear.
          </Text>
        ) : (
          claim.conversation.map((message, index) => (
            <Box
              key={index}
              padding="300"
              borderRadius="200"
              background={message.from === "merchant" ? "bg-surface-secondary" : "bg-surface-info"}
            >
              <BlockStack gap="100">
                <Text as="p" variant="bodySm" tone="subdued">
                  {message.from === "merchant" ? "You asked" : "The shopper answered"} · {when(message.at)}
                </Text>
                <Text as="p">{message.text}</Text>
              </BlockStack>
            </Box>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

function TimelineCard({ claim, when }: { claim: ClaimPage; when: (iso: string) => string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        <ol style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
          {[...claim.timeline].reverse().map((event, index) => (
            <li key={index}>
              <Text as="p">
                {CLAIM_EVENT_LABELS[event.type]} · {ACTOR_LABELS[event.actor]}
              </Text>
              <Text as="p" variant="bodySm" tone="subdued">
                {when(event.at)}
                {event.from !== event.to ? ` · now ${CLAIM_STATUS_LABELS[event.to].label}` : ""}
              </Text>
            </li>
          ))}
        </ol>
      </BlockStack>
    </Card>
  );
}

export default function ClaimPageRoute() {
  const claim = useLoaderData<typeof loader>();
  const timezone = claim.order.shown ? claim.order.timezone : "UTC";
  const when = formatter(timezone);
  const status = CLAIM_STATUS_LABELS[claim.status];
  const [asking, setAsking] = useState(false);
  return (
    <Page
      backAction={{ content: "Claims", url: "/app/claims" }}
      title={`Claim #${claim.number}`}
      titleMetadata={<Badge tone={status.tone}>{status.label}</Badge>}
      subtitle={`${CLAIM_TYPE_LABELS[claim.type]} claim · submitted ${when(claim.submittedAt)}`}
      secondaryActions={[{ content: "View order in Shopify", url: claim.orderUrl, target: "_top" }]}
      {...(claim.actions.includes("request_information")
        ? { primaryAction: { content: "Ask for more information", onAction: () => setAsking(true) } }
        : {})}
    >
      <RequestInformationModal claim={claim} open={asking} onClose={() => setAsking(false)} />
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
            <ReportCard claim={claim} />
            <EvidenceCard claim={claim} />
            <ConversationCard claim={claim} when={when} />
            <TimelineCard claim={claim} when={when} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
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
