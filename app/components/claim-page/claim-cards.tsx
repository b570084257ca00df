import { Badge, BlockStack, Box, Card, DescriptionList, InlineGrid, InlineStack, Link, Text } from "@shopify/polaris";
import type { ClaimPage, ClaimPageItem } from "../../services/claim-page.server";
import {
  ACTOR_LABELS,
  CLAIM_EVENT_LABELS,
  CLAIM_PROBLEM_LABELS,
  CLAIM_STATUS_LABELS,
  EVIDENCE_KIND_LABELS,
  EXCLUSION_ANSWER_LABELS,
  RESOLUTION_LABELS,
} from "../claim-labels";
import { clauseOfDenial } from "../../domain/denial-clauses";
import { formatMoney, type When } from "./format";

// The claim page's read-only cards: the items with the order's facts, what the shopper reported,
// the evidence, the conversation and the event log.

function decisionText(decision: ClaimPageItem["decision"], quantity: number) {
  if (!decision) return "Not decided";
  if (decision.kind === "approve") {
    const units = decision.quantity < quantity ? ` (${decision.quantity} of ${quantity})` : "";
    return `Approved: ${RESOLUTION_LABELS[decision.resolution]}${units}`;
  }
  return `Denied: ${clauseOfDenial(decision).label}`;
}

export function ItemsCard({ claim, when }: { claim: ClaimPage; when: When }) {
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
                {decisionText(item.decision, item.quantity)}
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

export function ReportCard({ claim }: { claim: ClaimPage }) {
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

export function EvidenceCard({ claim }: { claim: ClaimPage }) {
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

export function ConversationCard({ claim, when }: { claim: ClaimPage; when: When }) {
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

export function TimelineCard({ claim, when }: { claim: ClaimPage; when: When }) {
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
